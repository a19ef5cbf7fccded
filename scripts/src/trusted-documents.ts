import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kind, parse } from 'graphql';
import ts from 'typescript';
import { documentId, TRUSTED_DOCUMENTS_FILE, type TrustedDocuments } from '@nrm-hub/gateway/trusted-documents';

const root = resolve(import.meta.dirname, '../..');

/** Source files of the hub's own clients whose GraphQL documents the production gateway trusts. */
export const CLIENT_SOURCES = ['scripts/src/demo-data.ts', 'scripts/src/report-render.ts', 'scripts/src/operations-per-user.ts'];

const LOOKS_LIKE_GRAPHQL = /^\s*(query|mutation|subscription)\b|^\s*\{/;

/**
 * Every GraphQL document written as a string or template literal (without
 * substitutions) in `files`: exactly the text the client sends, so its id
 * matches. A literal that looks like GraphQL but does not parse is an error.
 */
export function collectTrustedDocuments(files: readonly string[] = CLIENT_SOURCES): TrustedDocuments {
  const found = new Map<string, string>();
  for (const file of files) {
    const path = resolve(root, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) && LOOKS_LIKE_GRAPHQL.test(node.text)) {
        let isOperation = false;
        try {
          isOperation = parse(node.text).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
        } catch (error) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          throw new Error(`${relative(root, path)}:${line + 1}: a GraphQL document that does not parse: ${(error as Error).message}`);
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
    console.log(`${relative(root, TRUSTED_DOCUMENTS_FILE)}: ${Object.keys(JSON.parse(text)).length} trusted documents`);
  }
}
