export * from './disclosure-control.ts';
export * from './statistics.ts';
