export * from './auth.ts';
export * from './policy.ts';
export * from './service-auth.ts';
