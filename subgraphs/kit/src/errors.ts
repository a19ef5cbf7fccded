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

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks that an id argument is a UUID before it reaches SQL; returns it lower-cased. */
export function checkUuid(value: string, field: string): string {
  if (!UUID_RE.test(value)) throw badInput(field, 'must be a UUID');
  return value.toLowerCase();
}

/** Checks an idempotency key's length; returns it trimmed. */
export function checkIdempotencyKey(value: string, field = 'input.idempotencyKey'): string {
  const key = value.trim();
  if (key.length < 8 || key.length > 200) throw badInput(field, 'must be 8 to 200 characters');
  return key;
}
