/**
 * Faults (and the structured request log) under a hub of processes on PostgreSQL (each test run gets its own
 * databases on the local server; the server itself is never stopped, other
 * work uses it):
 *
 * - a subgraph's database connections are killed (`pg_terminate_backend`):
 *   the subgraph replaces them by itself and no request hangs;
 * - a statement stuck behind a lock is cancelled at the subgraph's
 *   configured statement timeout, and the gateway stops waiting for that slow
 *   subgraph at its upstream timeout, serving the other subgraphs' data;
 * - the gateway and the police subgraph are killed (SIGKILL) while
 *   registrations are in flight; the clients retry with the same idempotency
 *   keys: none is lost, none is duplicated, and no NRM registration is left
 *   without the police record it belongs to.
 *
 * Needs a Postgres server (TEST_DATABASE_URL, else the local one); skipped
 * when none answers.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServiceKeys } from '@nrm-hub/kit';
import { SUBGRAPHS } from '@nrm-hub/schema';
import { devIssuer } from '@nrm-hub/scripts/dev-issuer';
import { dropDatabases, freshDatabases, postgresAnswers } from '../bench/bench-data.ts';
import {
  startGatewayProcess,
  startHubProcesses,
  startSubgraph,
  stopProcess,
  subgraphPort,
  waitFor,
  type HubLayout,
  type HubProcesses,
} from '../support/hub-processes.ts';

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const available = await postgresAnswers(SERVER_URL);
const RUN = Math.random().toString(36).slice(2, 8);
const STATEMENT_TIMEOUT_MS = 3_000;
const UPSTREAM_TIMEOUT_MS = 1_500;
const VIEW = `query FaultView { victims(first: 50) { id registeringAgencies police { familyName } } }`;
const REGISTER = `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } person { id } } }`;

let layout: HubLayout;
let hub: HubProcesses;
let urls: Record<string, string>;
let issuer: Awaited<ReturnType<typeof devIssuer>>;
let policeToken: string;
let coordinatorToken: string;

const post = async (
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  timeoutMs = 30_000,
  extraHeaders: Record<string, string> = {},
) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...extraHeaders },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] },
  };
};

const person = (i: number) => ({
  givenNames: 'Faultina',
  familyName: `Testova${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
  birthDate: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
  gender: 'FEMININE',
  citizenships: ['RO'],
});
const registration = (key: string, i: number) => ({
  i: { idempotencyKey: key, person: person(i), decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'] } },
});

/** Terminates every connection to one database except the caller's own. */
async function terminateConnections(databaseUrl: string): Promise<number> {
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  try {
    const rows =
      await admin`select pg_terminate_backend(pid) as done from pg_stat_activity where datname = ${new URL(databaseUrl).pathname.slice(1)} and pid <> pg_backend_pid()`;
    return rows.filter((r) => r.done).length;
  } finally {
    await admin.end();
  }
}

describe.skipIf(!available)('faults on PostgreSQL (processes, end to end over HTTP)', () => {
  beforeAll(async () => {
    issuer = await devIssuer(mkdtempSync(join(tmpdir(), 'nrm-faults-key-')));
    urls = await freshDatabases(
      SERVER_URL,
      `faults_${RUN}`,
      SUBGRAPHS.map((s) => s.name),
    );
    layout = {
      basePort: 21000 + Math.floor(Math.random() * 20000),
      databaseUrls: urls,
      authEnv: issuer.env,
      linkageSecret: 'faults-linkage-secret-0123456789abcdef0123',
      serviceKeys: await generateServiceKeys(),
      logDir: mkdtempSync(join(tmpdir(), 'nrm-faults-logs-')),
      gatewayEnv: { GATEWAY_RATE_LIMIT: '0', GATEWAY_UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS) },
      subgraphEnv: { DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
    };
    hub = await startHubProcesses(layout);
    policeToken = await issuer.sign({ agency: 'police', roles: ['caseworker'], purpose: 'CASE-2021-17', ttl: '1h' });
    coordinatorToken = await issuer.sign({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17', ttl: '1h' });
    for (let i = 0; i < 3; i++) {
      const { body } = await post(hub.gatewayUrl, REGISTER, registration(`faults-${RUN}-seed-${i}`, 100 + i), policeToken);
      expect(body.errors).toBeUndefined();
    }
  }, 240_000);

  afterAll(async () => {
    await hub?.stop();
    if (urls) await dropDatabases(SERVER_URL, Object.values(urls));
  }, 60_000);

  it('logs each request as one JSON line in the gateway and in every subgraph it called, under one request id, with no personal data', async () => {
    const requestId = `faults-${RUN}-trace`;
    const { body } = await post(hub.gatewayUrl, VIEW, {}, coordinatorToken, 10_000, { 'x-request-id': requestId });
    expect(body.errors).toBeUndefined();
    const linesOf = (name: string) =>
      readFileSync(join(layout.logDir, `${name}.log`), 'utf8')
        .split('\n')
        .filter((l) => l.includes(requestId));
    // The processes' output reaches the log files a moment after the answer.
    for (let i = 0; i < 30 && ['gateway', 'nrm', 'police'].some((n) => linesOf(n).length === 0); i++) await new Promise((r) => setTimeout(r, 100));
    for (const name of ['gateway', 'nrm', 'police']) {
      const lines = linesOf(name);
      expect(lines.length, name).toBeGreaterThan(0);
      for (const line of lines) {
        expect(JSON.parse(line)).toMatchObject({ level: 'info', service: name, requestId, status: 200 });
        expect(line).not.toMatch(/Faultina|Testova|CASE-2021-17/);
      }
    }
  }, 30_000);

  it('replaces database connections Postgres dropped under the subgraphs, with no request left hanging', async () => {
    const ask = () => post(hub.gatewayUrl, VIEW, {}, coordinatorToken, 10_000);
    const before = await ask();
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.victims.filter((v: any) => v.police?.length === 1)).toHaveLength(3);

    // Every connection of the NRM's and the police's databases goes, as in a database restart or failover.
    expect(await terminateConnections(urls.nrm!)).toBeGreaterThan(0);
    expect(await terminateConnections(urls.police!)).toBeGreaterThan(0);
    const started = Date.now();
    // Each answers (within its 10 s client deadline, or the fetch throws and the test fails).
    const answers = await Promise.all(Array.from({ length: 8 }, ask));
    for (const a of answers) expect(a.status).toBe(200);
    // Reconnected: the view is whole again at once or within a few tries.
    let after = await ask();
    for (let tries = 0; after.body.errors && tries < 5; tries++) after = await ask();
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.victims.filter((v: any) => v.police?.length === 1)).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('cancels a statement stuck behind a lock at the statement timeout, and the gateway serves the rest at its upstream timeout', async () => {
    const admin = postgres(urls.police!, { max: 1, onnotice: () => {} });
    const locker = await admin.reserve();
    try {
      await locker`begin`;
      await locker`lock table persons in access exclusive mode`;

      // The police subgraph on its own: its statement is cancelled by Postgres after STATEMENT_TIMEOUT_MS.
      const direct = `http://127.0.0.1:${subgraphPort(layout, 'police')}/graphql`;
      let t = Date.now();
      const stuck = await post(direct, `{ policePerson(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, policeToken, 20_000);
      const directMs = Date.now() - t;
      expect(stuck.body.errors?.length).toBeGreaterThan(0);
      expect(stuck.body.data?.policePerson ?? null).toBeNull();
      expect(directMs).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 200);
      expect(directMs).toBeLessThan(STATEMENT_TIMEOUT_MS + 5_000);

      // Through the gateway: the slow police subgraph's fields fail at the upstream timeout, the NRM's are served.
      t = Date.now();
      const view = await post(hub.gatewayUrl, VIEW, {}, coordinatorToken, 20_000);
      const gatewayMs = Date.now() - t;
      // The runtime answers 504 when an upstream timed out, with the data it has.
      expect(view.status).toBe(504);
      expect(gatewayMs).toBeLessThan(STATEMENT_TIMEOUT_MS);
      expect(view.body.data.victims).toHaveLength(3);
      for (const v of view.body.data.victims) {
        expect(v.registeringAgencies).toEqual(['POLICE']);
        expect(v.police).toBeNull();
      }
      expect(view.body.errors?.length).toBeGreaterThan(0);
      for (const error of view.body.errors ?? []) {
        expect(error.path).toContain('police');
        expect(error.extensions).toEqual({ code: 'GATEWAY_TIMEOUT', serviceName: 'police' });
      }
    } finally {
      await locker`rollback`.catch(() => undefined);
      locker.release();
      await admin.end();
    }
    // The lock gone, the police answer again.
    const after = await post(hub.gatewayUrl, VIEW, {}, coordinatorToken, 10_000);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.victims.filter((v: any) => v.police?.length === 1)).toHaveLength(3);
  }, 60_000);

  it('loses and duplicates no registration when the gateway and the police subgraph are killed mid-way and clients retry with the same keys', async () => {
    const keys = Array.from({ length: 24 }, (_, i) => `faults-${RUN}-kill-${i}`);
    let killed = false;
    let doneBeforeKill = 0;
    const attempts = new Map<string, number>();
    // A client that retries its registration, with the same idempotency key, until it gets an answer without errors.
    const register = async (key: string, i: number) => {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        attempts.set(key, (attempts.get(key) ?? 0) + 1);
        try {
          const { body } = await post(hub.gatewayUrl, REGISTER, registration(key, i), policeToken, 15_000);
          if (!body.errors?.length && body.data?.policeRegisterPotentialVictim?.person?.id) {
            if (!killed) doneBeforeKill += 1;
            return body.data.policeRegisterPotentialVictim as { outcome: { victimId: string }; person: { id: string } };
          }
        } catch {
          // connection refused or reset while the gateway is down: retry
        }
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
      throw new Error(`registration ${key} never succeeded`);
    };
    const clients = keys.map((k, i) => new Promise((r) => setTimeout(r, i * 15)).then(() => register(k, i)));

    await new Promise((r) => setTimeout(r, 150));
    killed = true;
    await Promise.all([stopProcess(hub.processes.get('gateway')!, 'SIGKILL'), stopProcess(hub.processes.get('police')!, 'SIGKILL')]);
    expect(doneBeforeKill).toBeLessThan(keys.length);
    await new Promise((r) => setTimeout(r, 500));
    const police = startSubgraph(
      layout,
      SUBGRAPHS.find((s) => s.name === 'police')!,
    );
    hub.processes.set('police', police);
    await waitFor(`http://127.0.0.1:${subgraphPort(layout, 'police')}/ready`, police);
    const gateway = startGatewayProcess(layout);
    hub.processes.set('gateway', gateway);
    await waitFor(`http://127.0.0.1:${layout.basePort}/readiness`, gateway);

    const answers = await Promise.all(clients);
    expect([...attempts.values()].some((n) => n > 1)).toBe(true); // the fault really hit some clients

    const nrmDb = postgres(urls.nrm!, { max: 1, onnotice: () => {} });
    const policeDb = postgres(urls.police!, { max: 1, onnotice: () => {} });
    try {
      const registered =
        await nrmDb`select idempotency_key, agency_record_id, victim_id from registrations where agency = 'POLICE' and idempotency_key = any(${keys})`;
      // 0 lost, 0 duplicated.
      expect(registered.map((r) => r.idempotency_key).sort()).toEqual([...keys].sort());
      const records = await policeDb`select id, victim_id from persons where id = any(${registered.map((r) => r.agency_record_id)})`;
      // No NRM registration without its police record, and each record names the registration's victim.
      expect(records).toHaveLength(keys.length);
      const victimOf = new Map(records.map((r) => [r.id, r.victim_id]));
      for (const r of registered) expect(victimOf.get(r.agency_record_id)).toBe(r.victim_id);
      // Nothing else was written: the seeds and these, once each.
      const [nrmCount] = await nrmDb`select count(*)::int as n from registrations where agency = 'POLICE'`;
      const [policeCount] = await policeDb`select count(*)::int as n from persons`;
      expect(nrmCount?.n).toBe(keys.length + 3);
      expect(policeCount?.n).toBe(keys.length + 3);
      // Every client got the record the databases hold.
      for (const [i, a] of answers.entries()) expect(a.person.id).toBe(registered.find((r) => r.idempotency_key === keys[i])!.agency_record_id);
    } finally {
      await nrmDb.end();
      await policeDb.end();
    }
  }, 240_000);
});
