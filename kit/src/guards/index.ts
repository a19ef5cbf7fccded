export * from './input-checks.ts';
export * from './query-limits.ts';
export * from './rate-limit.ts';
export * from './value-errors.ts';
export * from './zero-trust.ts';
export * from './amounts.ts';
export * from './confusables.ts';
export * from './event-dates.ts';
