import type { CombinedError } from '@urql/core';

/** Why a part of an answer is missing: the hub's refusal codes (README "Access policy"). */
export type RefusalKind = 'FORBIDDEN' | 'PURPOSE_REQUIRED' | 'CONSENT_REQUIRED' | 'UNAUTHENTICATED' | 'SUBGRAPH_UNAVAILABLE' | 'OTHER';

export interface Refusal {
  kind: RefusalKind;
  /** The refused field, as the hub named it (`extensions.field`), when it did. */
  field?: string;
}

interface GqlError {
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The refusal an error stands for: the reason (purpose, consent) wins over the code (FORBIDDEN). */
export function refusalOf(error: GqlError): Refusal {
  const ext = error.extensions ?? {};
  const reason = typeof ext.reason === 'string' ? ext.reason : undefined;
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  const field = typeof ext.field === 'string' ? ext.field : undefined;
  const kind: RefusalKind =
    reason === 'PURPOSE_REQUIRED' || reason === 'CONSENT_REQUIRED'
      ? reason
      : code === 'FORBIDDEN' || code === 'UNAUTHORIZED_FIELD_OR_TYPE'
        ? 'FORBIDDEN'
        : code === 'UNAUTHENTICATED' || code === 'SUBGRAPH_UNAVAILABLE'
          ? code
          : 'OTHER';
  return field ? { kind, field } : { kind };
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((p, i) => b[i] === p);

/**
 * The refusal for the answer at `path` (for example `['victim', 'police']`):
 * an error at exactly that path (one refused item of a list, such as an NGO
 * record at `['victim', 'assistance', 1]`, does not refuse the list), or
 * naming the field when the gateway removed it before planning (its error may
 * carry no path). Null when the answer came through.
 */
export function refusalAt(error: CombinedError | undefined, path: readonly (string | number)[], field?: string): Refusal | null {
  if (!error) return null;
  for (const e of error.graphQLErrors) {
    const p = e.path ?? [];
    const named = field && typeof e.extensions?.field === 'string' && (e.extensions.field === field || e.extensions.field.endsWith(`.${field}`));
    if ((p.length && samePath(p, path)) || (!p.length && named)) return refusalOf(e);
  }
  return null;
}

/** The error for the whole answer when nothing came back (network failure, or an error at the root field). */
export function rootRefusal(error: CombinedError | undefined, root: string): Refusal | null {
  if (!error) return null;
  if (error.networkError && !error.graphQLErrors.length) return { kind: 'OTHER' };
  return refusalAt(error, [root], root);
}
