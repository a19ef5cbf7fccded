import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { JSONWebKeySet } from 'jose';
import { auditHead } from './verify.ts';
import type { Db } from '../runtime/database.ts';
import { serviceStatementVerifier, type ServiceSigner } from '../auth/service-auth.ts';

/**
 * The audit witness: a party the subgraphs do not control keeps signed
 * copies of each subgraph's audit chain head, so that a database owner who
 * rewrites a chain (drops the trigger, edits a record, recomputes every hash
 * and appends a forged one) is caught: the rewritten chain no longer holds the
 * hash the witness saw at that `seq`.
 *
 * - Every subgraph signs `{ seq, hash }` of its head with its own service key
 *   (`service-auth.ts`) every `AUDIT_WITNESS_INTERVAL_SECONDS` when the head
 *   moved, and POSTs it to `AUDIT_WITNESS_URL` (`startAuditWitnessing`).
 * - The witness (`scripts/src/audit-witness.ts`, its own process and its own
 *   database) verifies the signature against the subgraphs' public service
 *   keys and appends it to `audit_witness_heads`, itself append-only.
 * - `npm run audit:verify` checks each chain against every head the witness
 *   holds for it (`checkAgainstWitness`).
 */

/** Audience of a signed audit head. */
export const WITNESS_AUDIENCE = 'nrm-hub-audit-witness';

/** One head the witness holds. */
export interface WitnessedHead {
  subgraph: string;
  seq: number;
  hash: string;
  receivedAt: Date;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Db<any>;

/** Creates the witness's table (append-only by trigger) when missing. */
export async function ensureWitnessSchema(db: AnyDb): Promise<void> {
  await db.execute(sql`create table if not exists audit_witness_heads (
    id bigint generated always as identity primary key,
    subgraph text not null,
    seq bigint not null,
    hash text not null,
    statement text not null,
    received_at timestamptz not null default now(),
    unique (subgraph, seq, hash)
  )`);
  await db.execute(sql`create or replace function audit_witness_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_witness_heads is append-only'; end $$`);
  await db.execute(sql`drop trigger if exists audit_witness_heads_append_only on audit_witness_heads`);
  await db.execute(sql`create trigger audit_witness_heads_append_only before update or delete or truncate on audit_witness_heads
    for each statement execute function audit_witness_append_only()`);
}

/** The signed statement of a subgraph's current head, or null for an empty log. */
export async function signedHead(db: AnyDb, signer: ServiceSigner): Promise<{ seq: number; hash: string; statement: string } | null> {
  const head = await auditHead(db);
  if (!head) return null;
  return { ...head, statement: await signer.sign({ seq: head.seq, hash: head.hash }, WITNESS_AUDIENCE) };
}

/** Sends the subgraph's current head to the witness once; returns the head sent (null for an empty log). */
export async function witnessOnce(db: AnyDb, signer: ServiceSigner, url: string): Promise<{ seq: number; hash: string } | null> {
  const head = await signedHead(db, signer);
  if (!head) return null;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ statement: head.statement }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`The audit witness refused the head (HTTP ${response.status})`);
  return { seq: head.seq, hash: head.hash };
}

/**
 * Sends the head every `intervalMs` when it moved since the last send. A
 * failure is logged (no values) and retried at the next tick. Returns a stop
 * function.
 */
export function startAuditWitnessing(options: { db: AnyDb; signer: ServiceSigner; url: string; intervalMs: number; name: string }): () => void {
  let last: string | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const head = await auditHead(options.db);
      const key = head ? `${head.seq}:${head.hash}` : null;
      if (key && key !== last) {
        await witnessOnce(options.db, options.signer, options.url);
        last = key;
      }
    } catch (error) {
      console.error(`[${options.name}] audit witness not reached: ${(error as Error)?.name ?? 'Error'}; retrying at the next interval`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/** Verifies a signed head and appends it; throws when the signature or claims do not hold. */
export async function recordWitnessedHead(db: AnyDb, verify: ReturnType<typeof serviceStatementVerifier>, statement: string): Promise<WitnessedHead> {
  const { service, claims } = await verify(statement);
  const seq = claims.seq;
  const hash = claims.hash;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1 || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
    throw new Error('malformed head');
  }
  await db.execute(sql`insert into audit_witness_heads (subgraph, seq, hash, statement) values (${service}, ${seq}, ${hash}, ${statement})
    on conflict (subgraph, seq, hash) do nothing`);
  return { subgraph: service, seq, hash, receivedAt: new Date() };
}

/** Every head the witness holds for a subgraph, by `seq`. */
export async function witnessedHeads(db: AnyDb, subgraph: string): Promise<WitnessedHead[]> {
  const rows = rowsOf<{ subgraph: string; seq: string | number; hash: string; received_at: Date | string }>(
    await db.execute(sql`select subgraph, seq, hash, received_at from audit_witness_heads where subgraph = ${subgraph} order by seq, id`),
  );
  return rows.map((r) => ({ subgraph: r.subgraph, seq: Number(r.seq), hash: r.hash, receivedAt: new Date(r.received_at) }));
}

/** Where a chain disagrees with the witness. */
export type WitnessBreak = { ok: true; heads: number; latest: number | null } | { ok: false; seq: number; reason: 'rewritten' | 'removed'; detail: string };

/**
 * Checks a subgraph's chain against the witnessed heads: the record at each
 * witnessed `seq` must still carry the witnessed hash (else `rewritten`), and
 * must still exist (else `removed`: the chain was cut below a head the
 * witness saw). Run it with `verifyAuditChain`, which checks the links in
 * between.
 */
export async function checkAgainstWitness(db: AnyDb, heads: readonly WitnessedHead[]): Promise<WitnessBreak> {
  for (const head of heads) {
    const [row] = rowsOf<{ hash: string }>(await db.execute(sql`select hash from audit_log where seq = ${head.seq}`));
    if (!row) return { ok: false, seq: head.seq, reason: 'removed', detail: `the record witnessed at seq ${head.seq} is gone` };
    if (row.hash !== head.hash) {
      return {
        ok: false,
        seq: head.seq,
        reason: 'rewritten',
        detail: `the record at seq ${head.seq} is not the one the witness saw on ${head.receivedAt.toISOString()}`,
      };
    }
  }
  return { ok: true, heads: heads.length, latest: heads.length ? Math.max(...heads.map((h) => h.seq)) : null };
}

/**
 * The witness's HTTP service: `POST /heads` with `{ "statement": <signed head> }`
 * appends a head signed by a subgraph's service key (HTTP 204), anything
 * else signed or shaped wrongly is HTTP 400; `GET /health`.
 */
export async function listenWitness(options: {
  db: AnyDb;
  jwks: JSONWebKeySet;
  port: number;
  host?: string;
}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const verify = serviceStatementVerifier(options.jwks, WITNESS_AUDIENCE);
  const server = createServer((req, res) => {
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (req.url === '/health') return send(200, { status: 'ok' });
    if (req.method !== 'POST' || req.url !== '/heads') return send(404, { error: 'Not found' });
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', () => {
      void (async () => {
        try {
          const statement = (JSON.parse(body) as { statement?: unknown }).statement;
          if (typeof statement !== 'string') return send(400, { error: 'statement required' });
          await recordWitnessedHead(options.db, verify, statement);
          send(204);
        } catch {
          send(400, { error: "The head is not signed by a subgraph's service key, or malformed." });
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/heads`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Starts witnessing when `AUDIT_WITNESS_URL` is set: signs with `SERVICE_KEY`
 * every `AUDIT_WITNESS_INTERVAL_SECONDS` (default 60). Returns a stop
 * function (a no-op when not configured).
 */
export async function witnessFromEnv(db: AnyDb, name: string, env: Record<string, string | undefined> = process.env): Promise<() => void> {
  const url = env.AUDIT_WITNESS_URL;
  if (!url) return () => {};
  const seconds = Number(env.AUDIT_WITNESS_INTERVAL_SECONDS ?? 60);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) throw new Error('Invalid configuration: AUDIT_WITNESS_INTERVAL_SECONDS: 1 to 86400');
  const { loadServiceSigner } = await import('../auth/service-auth.ts');
  return startAuditWitnessing({ db, signer: await loadServiceSigner(env), url, intervalMs: seconds * 1000, name });
}
