import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { devAuthMiddleware, type SignDev } from './dev-token.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts the web app's Vite dev server for `npm start`: `/graphql` is proxied
 * to the gateway (same origin, so no CORS), and the development-only sign-in
 * endpoints come from `devAuthMiddleware`. Listens on loopback only.
 */
export async function startWebDevServer(options: { port: number; gatewayUrl: string; sign: SignDev }): Promise<{ url: string; server: ViteDevServer }> {
  const gateway = new URL(options.gatewayUrl);
  const server = await createServer({
    configFile: resolve(root, 'web/vite.config.ts'),
    root: resolve(root, 'web'),
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: options.port,
      strictPort: true,
      // No CORS: the app is served from this origin, and Vite's default would let any localhost page read its answers.
      cors: false,
      proxy: { '/graphql': { target: gateway.origin, changeOrigin: false } },
    },
    plugins: [
      {
        name: 'nrm-hub-dev-auth',
        configureServer(dev) {
          dev.middlewares.use(devAuthMiddleware(options.sign));
        },
      },
    ],
  });
  await server.listen();
  return { url: `http://localhost:${options.port}/`, server };
}
