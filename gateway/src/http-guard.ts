import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the gateway reads by default (100 kB): the hub's largest mutation is a few kB. */
export const DEFAULT_MAX_BODY_BYTES = 100_000;

/** What the guard hands on: a fetch `Request` with the body already read and checked. */
export type FetchHandler = (request: Request, serverContext: { req: IncomingMessage; res: ServerResponse }) => Response | Promise<Response>;

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function refuse(res: ServerResponse, refusal: HttpRefusal): void {
  const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  res.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
}

/** Reads the body up to `limit` bytes; a declared or actual size beyond it is a 413 before anything is parsed. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', `Request body too large: at most ${limit} bytes.`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The only POST bodies the gateway reads. A form (`application/x-www-form-urlencoded`,
 * `multipart/form-data`) or `text/plain` body is what a browser sends
 * cross-site without a preflight (CSRF), so it is refused before the runtime,
 * which would otherwise execute a form-encoded mutation.
 */
const isJson = (contentType: string | undefined) =>
  contentType !== undefined && /^application\/(json|graphql-response\+json)\s*(;|$)/i.test(contentType.trim());

/**
 * Checks a POST body meant for GraphQL: JSON that parses, one operation per
 * request (a JSON array, i.e. a batch, is refused), an object at the top.
 */
function checkJson(body: Buffer): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpRefusal(400, 'BAD_REQUEST', 'Malformed JSON body: send one GraphQL request as a JSON object.');
  }
  if (Array.isArray(parsed)) throw new HttpRefusal(400, 'BATCHING_NOT_SUPPORTED', 'Batched requests are not supported: send one operation per request.');
  if (parsed === null || typeof parsed !== 'object') throw new HttpRefusal(400, 'BAD_REQUEST', 'The JSON body must be an object with "query" or "documentId".');
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) {
    res.end();
    return;
  }
  // The runtime's body may be its own ReadableStream ponyfill: read it through the standard reader.
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/**
 * A `node:http` request listener in front of a fetch handler (the gateway
 * runtime): POST bodies must be JSON (415 otherwise), are read up to
 * `maxBodyBytes` (413 beyond it), and must parse (400) and hold exactly one
 * operation (400 for a batch), before the runtime sees the request.
 */
export function guardedListener(handler: FetchHandler, options: { maxBodyBytes: number }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    try {
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD';
      if (method === 'POST' && !isJson(req.headers['content-type'])) {
        throw new HttpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type: send application/json.');
      }
      const body = hasBody ? await readBody(req, options.maxBodyBytes) : undefined;
      if (body && method === 'POST') checkJson(body);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
      }
      const path = req.url ?? '/';
      if (!path.startsWith('/')) throw new HttpRefusal(400, 'BAD_REQUEST', 'Bad request target.');
      const request = new Request(`http://gateway${path}`, { method, headers, signal: abort.signal, ...(body ? { body: new Uint8Array(body) } : {}) });
      await send(res, await handler(request, { req, res }));
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Drain what the client still sends so it reads the refusal instead of a reset connection.
      req.resume();
      if (error instanceof HttpRefusal) refuse(res, error);
      else refuse(res, new HttpRefusal(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
    }
  };
}
