import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app. `npm start` runs its dev server (scripts/src/web-dev.ts) with
 * a proxy to the gateway and the dev-only token endpoint; `npm run build`
 * writes static files to web/dist, which production serves beside a
 * `config.json` naming the gateway and the OpenID Connect issuer.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
});
