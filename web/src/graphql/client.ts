import { Client, fetchExchange, makeOperation, type Exchange } from '@urql/core';
import { map, pipe } from 'wonka';

/**
 * The built app sends each operation by its trusted-document id only
 * (`{"documentId": "<sha256>"}`), which a production gateway requires; the
 * id is the one codegen embedded in the document (`__meta__.hash`), the same
 * id `npm run trusted-documents` writes to the gateway's manifest. The Vite
 * dev server sends the text, so an edited query works before the manifest is
 * regenerated.
 */
export const trustedDocumentsExchange =
  (enabled: boolean): Exchange =>
  ({ forward }) =>
  (operations$) =>
    forward(
      pipe(
        operations$,
        map((operation) => {
          const hash = (operation.query as { __meta__?: { hash?: string } }).__meta__?.hash;
          if (!enabled || !hash || operation.kind === 'teardown') return operation;
          const documentId = hash.replace(/^sha256:/, '');
          // urql sends `documentId` instead of the text for a document with no definitions.
          const query = { kind: 'Document', definitions: [], documentId, __key: (operation.query as { __key?: number }).__key };
          return makeOperation(operation.kind, { ...operation, query: query as never }, operation.context);
        }),
      ),
    );

/** A client for the gateway at `url`, sending `token` as the bearer token. No cache: every view reads fresh data (and every read is audited). */
export function createClient(url: string, token: string | null, onUnauthenticated: () => void): Client {
  return new Client({
    url,
    requestPolicy: 'network-only',
    preferGetMethod: false,
    exchanges: [trustedDocumentsExchange(!__SEND_DOCUMENT_TEXT__), fetchExchange],
    fetchOptions: () => ({
      headers: {
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    }),
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      // A token that no longer verifies (expired, say) is UNAUTHENTICATED with no data: back to sign-in.
      // A refused field (FORBIDDEN: no permission, purpose or consent) is not; the page shows its marker.
      if (res.status === 401) {
        const body = (await res
          .clone()
          .json()
          .catch(() => null)) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] } | null;
        if (!body?.data && body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
      }
      return res;
    },
  });
}
