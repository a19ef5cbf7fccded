import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from './logger.ts';
import { httpDuration, httpRequests } from './metrics.ts';

/** What a caller's `x-request-id` may be: a plain token (it goes into the audit log and every log line). */
export const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is a plain token, else a new one. */
export function acceptRequestId(given: string | string[] | null | undefined): string {
  return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
}

/**
 * Counts and times a GraphQL request and writes its one log line when the
 * response has gone: id, method, status and duration, never the operation,
 * variables or errors (they can carry personal data).
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse, requestId: string): void {
  const started = performance.now();
  const endTimer = httpDuration.startTimer();
  res.once('finish', () => {
    endTimer();
    httpRequests.inc({ status: String(res.statusCode) });
    log.info({ requestId, method: req.method, status: res.statusCode, durationMs: Math.round(performance.now() - started) }, 'graphql request');
  });
}
