import { GraphQLError } from 'graphql';
import { redactVariableError } from '@nrm-hub/kit/runtime';
import { withoutSuggestions } from './limits.ts';

/**
 * Extension keys a client may see; anything else (e.g. the subrequest body) is
 * dropped. `http` sets the response status and is never serialised.
 */
const ALLOWED_EXTENSIONS = ['code', 'field', 'serviceName', 'reason', 'http'] as const;

interface ErrorLike {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
  originalError?: unknown;
}

function isGraphQLErrorLike(error: unknown): error is ErrorLike {
  return typeof error === 'object' && error !== null && 'message' in error && 'extensions' in error;
}

function pick(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ALLOWED_EXTENSIONS) if (extensions?.[key] !== undefined) out[key] = extensions[key];
  return out;
}

/**
 * The gateway's error mask. Errors reach clients rebuilt from an allow-list:
 * message, path and the `code`/`field`/`serviceName` extensions. A subgraph
 * that cannot be reached becomes `SUBGRAPH_UNAVAILABLE` naming the subgraph
 * (never the subrequest, whose body holds personal data); variable errors
 * lose the echoed value; unexpected errors are masked; "Did you mean …"
 * suggestions are cut from every message (they reveal the schema).
 */
export function maskError(error: unknown, message: string): Error {
  if (!isGraphQLErrorLike(error)) return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  const redacted = redactVariableError(error.message);
  if (redacted) return new GraphQLError(redacted, { extensions: { code: 'BAD_USER_INPUT' } });
  const code = error.extensions?.code;
  const serviceName = error.extensions?.serviceName;
  if (code === 'SUBREQUEST_HTTP_ERROR' || code === 'DOWNSTREAM_SERVICE_ERROR') {
    return new GraphQLError(`The ${typeof serviceName === 'string' ? serviceName : 'upstream'} subgraph is unavailable.`, {
      path: error.path,
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', ...(typeof serviceName === 'string' ? { serviceName } : {}) },
    });
  }
  const original = error.originalError;
  const unexpected = original !== undefined && original !== null && !isGraphQLErrorLike(original);
  if (unexpected) return new GraphQLError(message, { path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  return new GraphQLError(withoutSuggestions(error.message), { path: error.path, extensions: pick(error.extensions) });
}
