import { GraphQLError } from 'graphql';

/** Error codes the hub uses in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'INVALID_STATE';

/**
 * A client-facing error. Messages must never contain personal data: name the
 * field and the rule, never the value.
 */
export function hubError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** Invalid input on a named field (a path such as `person.identifiers[0].value`). */
export function badInput(field: string, rule: string): GraphQLError {
  return hubError('BAD_USER_INPUT', `Invalid input at ${field}: ${rule}`, { field });
}
