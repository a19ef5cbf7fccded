import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kind, parse } from 'graphql';
import ts from 'typescript';
import { documentId, TRUSTED_DOCUMENTS_FILE, type TrustedDocuments } from '@nrm-hub/gateway/trusted-documents';

const root = resolve(import.meta.dirname, '../..');

/** Source files of the hub's own clients whose GraphQL documents the production gateway trusts. */
export const CLIENT_SOURCES = ['scripts/src/demo-data.ts', 'scripts/src/report-render.ts', 'scripts/src/operations-per-user.ts'];

/**
 * Persisted-document files (`"sha256:<id>": text`) that codegen writes for
 * the web app's typed operations (`npm run codegen`; `npm run build` runs it);
 * the app sends only the id.
 */
export const PERSISTED_DOCUMENT_FILES = ['web/src/gql/persisted-documents.json'];

/** The documents of persisted-document files; an entry whose id is not its text's SHA-256 is an error. */
export function readPersistedDocuments(files: readonly string[] = PERSISTED_DOCUMENT_FILES): TrustedDocuments {
  const found: TrustedDocuments = {};
  for (const file of files) {
    const entries = JSON.parse(readFileSync(resolve(root, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(entries)) {
      const id = key.replace(/^sha256:/, '');
      if (documentId(text) !== id) throw new Error(`${file}: the id ${id} does not match its document (rerun npm run codegen)`);
      found[id] = text;
    }
  }
  return found;
}

const LOOKS_LIKE_GRAPHQL = /^\s*(query|mutation|subscription)\b|^\s*\{/;

/**
 * Every GraphQL document written as a string or template literal (without
 * substitutions) in `files`: exactly the text the client sends, so its id
 * matches; and every document of the `persisted` files (the web app's).
 * A literal that looks like GraphQL but does not parse is an error.
 */
export function collectTrustedDocuments(files: readonly string[] = CLIENT_SOURCES, persisted: readonly string[] = PERSISTED_DOCUMENT_FILES): TrustedDocuments {
  const found = new Map<string, string>(Object.entries(readPersistedDocuments(persisted)));
  for (const file of files) {
    const path = resolve(root, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) && LOOKS_LIKE_GRAPHQL.test(node.text)) {
        let isOperation: boolean;
        try {
          isOperation = parse(node.text).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
        } catch (error) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          throw new Error(`${relative(root, path)}:${line + 1}: a GraphQL document that does not parse: ${(error as Error).message}`, { cause: error });
        }
        if (isOperation) found.set(documentId(node.text), node.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.fromEntries([...found].sort(([a], [b]) => a.localeCompare(b)));
}

/** The manifest's text as committed: sorted by id, two-space JSON, final newline. */
export const manifestText = (documents: TrustedDocuments) => `${JSON.stringify(documents, null, 2)}\n`;

// `npm run trusted-documents` writes the manifest; `-- --check` fails when it is stale.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = manifestText(collectTrustedDocuments());
  const current = readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8');
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error(`${relative(root, TRUSTED_DOCUMENTS_FILE)} is stale: run npm run trusted-documents`);
      process.exit(1);
    }
    console.log(`${relative(root, TRUSTED_DOCUMENTS_FILE)} is up to date`);
  } else {
    writeFileSync(TRUSTED_DOCUMENTS_FILE, text);
    console.log(`${relative(root, TRUSTED_DOCUMENTS_FILE)}: ${Object.keys(JSON.parse(text) as Record<string, string>).length} trusted documents`);
  }
}
