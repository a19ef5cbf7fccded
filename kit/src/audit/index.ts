export * from './log.ts';
export * from './collector.ts';
export * from './verify.ts';
export * from './batcher.ts';
export * from './plugin.ts';
export * from './witness.ts';
export * from './append-only-migration.ts';
