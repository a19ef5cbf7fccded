import { GraphQLError } from 'graphql';

/** Error codes the hub uses in `extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED' | 'UPSTREAM_UNAVAILABLE' | 'INVALID_STATE';

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

const VARIABLE_ERROR = /^Variable "(\$[A-Za-z0-9_]+)" got invalid value [\s\S]*? at "([^"]+)"; ([\s\S]*)$/;
const VARIABLE_ERROR_NO_PATH = /^Variable "(\$[A-Za-z0-9_]+)" got invalid value [\s\S]*?; ([\s\S]*)$/;
const NOT_PROVIDED = /Field "([A-Za-z0-9_]+)" of required type "([^"]+)" was not provided/;
const NOT_DEFINED = /Field "([A-Za-z0-9_]+)" is not defined by type "([A-Za-z0-9_]+)"/;
const ENUM_VALUE = /does not exist in "([A-Za-z0-9_]+)" enum/;
const EXPECTED_TYPE = /Expected type "([^"]+)"/;

/**
 * graphql-js echoes the offending value in variable-coercion errors
 * (`Variable "$i" got invalid value {…whole input…}`), and values here are
 * personal data. Returns a message that keeps the variable, the path and the
 * rule but no value, or `null` when `message` is not such an error.
 */
export function redactVariableError(message: string): string | null {
  // graphql-js stops after 50 variable errors with a codeless error (a masked 500 otherwise).
  if (message.startsWith('Too many errors processing variables')) return 'Too many invalid variable values: correct the first ones and retry.';
  const m = VARIABLE_ERROR.exec(message) ?? VARIABLE_ERROR_NO_PATH.exec(message);
  if (!m) return null;
  const variable = m[1];
  const path = m.length === 4 ? m[2] : undefined;
  const reason = m[m.length - 1] ?? '';
  let rule = 'the value does not match its type';
  const notProvided = NOT_PROVIDED.exec(reason);
  const notDefined = NOT_DEFINED.exec(reason);
  const enumValue = ENUM_VALUE.exec(reason);
  const expected = EXPECTED_TYPE.exec(reason);
  if (notProvided) rule = `required field "${notProvided[1]}" of type "${notProvided[2]}" was not provided`;
  else if (notDefined) rule = `field "${notDefined[1]}" is not defined by type "${notDefined[2]}"`;
  else if (enumValue) rule = `the value is not one of the "${enumValue[1]}" enum values`;
  else if (expected) rule = `expected type "${expected[1]}"`;
  return `Invalid value for variable ${variable}${path ? ` at "${path}"` : ''}: ${rule}.`;
}
