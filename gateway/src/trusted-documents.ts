import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The committed manifest of the hub's own clients' operations (`npm run trusted-documents` writes it). */
export const TRUSTED_DOCUMENTS_FILE = resolve(import.meta.dirname, '../trusted-documents.json');

/** Document id → document text. */
export type TrustedDocuments = Record<string, string>;

/** A document's id: the SHA-256 of its exact text, hex (the Apollo persisted-query hash). */
export function documentId(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/** Reads a manifest and checks every id against its text: a manifest edited by hand fails at start. */
export function readTrustedDocuments(file: string = TRUSTED_DOCUMENTS_FILE): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest))
    throw new Error(`Trusted documents: ${file} is not an object of id → document`);
  for (const [id, text] of Object.entries(manifest)) {
    if (typeof text !== 'string' || documentId(text) !== id) throw new Error(`Trusted documents: the id ${id} in ${file} does not match its document`);
  }
  return manifest as TrustedDocuments;
}

const refusal = (code: string, message: string) => ({ message, extensions: { code, http: { status: 400 } } });

/**
 * The runtime's `persistedDocuments` option over a manifest. Clients send
 * `{"documentId": "<id>", "variables": …}` (or Apollo's
 * `extensions.persistedQuery.sha256Hash`). With `requireTrusted`, a request
 * carrying document text is refused; without it, text is accepted too.
 * Trusted documents are still validated, so limits and introspection rules apply.
 */
export function persistedDocumentsOption(documents: TrustedDocuments, requireTrusted: boolean) {
  // A Map, not the object: an id such as `__proto__` must find nothing.
  const byId = new Map(Object.entries(documents));
  return {
    getPersistedOperation: (id: string) => byId.get(id) ?? null,
    allowArbitraryDocuments: !requireTrusted,
    skipDocumentValidation: false,
    customErrors: {
      notFound: refusal('PERSISTED_QUERY_NOT_FOUND', 'Unknown document id: this gateway serves only its trusted documents.'),
      persistedQueryOnly: refusal(
        'TRUSTED_DOCUMENT_REQUIRED',
        'This gateway runs trusted documents only: send {"documentId": "<sha256 of the document>"} instead of a query.',
      ),
      keyNotFound: refusal('TRUSTED_DOCUMENT_REQUIRED', 'Send "query" or "documentId".'),
    },
  };
}
