import type { Server } from 'node:http';

/**
 * Closes an HTTP server gracefully: it stops accepting connections, lets the
 * requests in flight finish (closing each keep-alive connection as soon as
 * it is idle), and after `graceMs` cuts whatever is still open. Resolves
 * once the server is closed.
 */
export async function closeGracefully(server: Server, graceMs = 10_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(cut);
  }
}
