export * from './auth-directives.ts';
export * from './boot.ts';
export * from './request-context.ts';
export * from './server.ts';
