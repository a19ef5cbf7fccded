import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectTrustedDocuments, manifestText } from '../src/trusted-documents.ts';
import { EXAMPLE_QUERY } from '../src/demo-data.ts';
import { documentId, readTrustedDocuments, TRUSTED_DOCUMENTS_FILE } from '@nrm-hub/gateway/trusted-documents';

describe('the trusted documents manifest', () => {
  it('is up to date with the documents the hub’s own clients send (npm run trusted-documents)', () => {
    expect(readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8')).toBe(manifestText(collectTrustedDocuments()));
  });

  it('holds the example query and every demo-data mutation, each under the SHA-256 of its text', () => {
    const manifest = readTrustedDocuments();
    expect(manifest[documentId(EXAMPLE_QUERY)]).toBe(EXAMPLE_QUERY);
    const demo = readFileSync(new URL('../src/demo-data.ts', import.meta.url), 'utf8');
    const mutationFields = new Set([...demo.matchAll(/`mutation\(\$i: \w+!\) \{ (\w+)\(/g)].map((m) => m[1]));
    expect(mutationFields.size).toBeGreaterThan(10);
    const trusted = Object.values(manifest).join('\n');
    for (const field of mutationFields) expect(trusted).toContain(`{ ${field}(input: $i)`);
  });
});
