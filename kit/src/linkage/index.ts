export * from './clk.ts';
export * from './merged-victims.ts';
export * from './name-normalisation.ts';
