/**
 * The kit's production rooms, from the ground up. Each room has its own entry
 * (`@nrm-hub/kit/<room>`); test helpers are only in `@nrm-hub/kit/testing`.
 */
export * from './runtime/index.ts';
export * from './schema/index.ts';
export * from './auth/index.ts';
export * from './audit/index.ts';
export * from './guards/index.ts';
export * from './linkage/index.ts';
export * from './agency/index.ts';
export * from './statistics/index.ts';
export * from './server/index.ts';
