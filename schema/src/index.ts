export * from './compose.ts';
export * from './subgraphs.ts';
