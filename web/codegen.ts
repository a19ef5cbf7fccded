import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the committed supergraph (the API the gateway serves).
 * Every document gets its SHA-256 id; `src/gql/persisted-documents.json` maps
 * id → text and `npm run trusted-documents` adds it to the gateway's manifest,
 * so the built app works against a production gateway that refuses arbitrary queries.
 */
const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string' } },
    },
  },
};
export default config;
