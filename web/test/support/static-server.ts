import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * What production is for the web app: its built static files (any unknown
 * path answers index.html, the app routes it) plus the gateway, here reached
 * through `/graphql` on the same origin. `before` runs first (the test's
 * `/config.json` and `/dev/token`).
 */
export async function serveApp(options: {
  dir: string;
  gatewayUrl: string;
  before: Middleware;
}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    options.before(req, res, () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === '/graphql') return void proxy(req, res, options.gatewayUrl);
      const file = normalize(join(options.dir, decodeURIComponent(path)));
      const target = file.startsWith(options.dir) && existsSync(file) && statSync(file).isFile() ? file : join(options.dir, 'index.html');
      res.setHeader('content-type', TYPES[extname(target)] ?? 'application/octet-stream');
      createReadStream(target).pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function proxy(req: IncomingMessage, res: ServerResponse, gatewayUrl: string) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'accept', 'authorization']) {
    const v = req.headers[name];
    if (typeof v === 'string') headers[name] = v;
  }
  const upstream = await fetch(gatewayUrl, { method: req.method, headers, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
  res.statusCode = upstream.status;
  res.setHeader('content-type', upstream.headers.get('content-type') ?? 'application/json');
  res.end(Buffer.from(await upstream.arrayBuffer()));
}
