export * from './execute.ts';
export * from './in-memory-nrm.ts';
export * from './test-issuer.ts';
export * from './subgraph-suite.ts';
export * from './audit-expectations.ts';
export * from './test-database.ts';
