import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app. `npm start` runs its dev server (scripts/src/web-dev.ts) with
 * a proxy to the gateway and the dev-only token endpoint; `npm run build`
 * writes static files to web/dist, which production serves beside a
 * `config.json` naming the gateway and the OpenID Connect issuer.
 *
 * `__SEND_DOCUMENT_TEXT__`: only the dev server sends query text; every build
 * sends trusted-document ids. Decided by the command, not by NODE_ENV (CI runs
 * with NODE_ENV=test, which would otherwise make a build look like development).
 */
export default defineConfig(({ command }) => ({
  root: import.meta.dirname,
  plugins: [react()],
  define: { __SEND_DOCUMENT_TEXT__: JSON.stringify(command === 'serve') },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
}));
