/**
 * Mixed load (`npm run load`, not part of `npm test`): the hub as processes on
 * PostgreSQL (fresh databases `load_i14_*` on LOAD_DATABASE_URL, default the
 * local server; dropped at the end), the demo data set loaded, then
 * LOAD_CLIENTS (50) clients for LOAD_SECONDS (60) s, each its own user, in a
 * loop of the README's operations: the single victim view (10 victims, the
 * coordinating unit), a police registration (a new person, its own
 * idempotency key) and a referral of a victim the client registered. The rate
 * limit stays on (120 a minute per user, as deployed).
 *
 * Prints and writes `test/bench/LOAD.md`: requests, errors (any GraphQL error
 * or non-200 answer counts), throughput and latency per operation, warnings in
 * the processes' logs. Exits 1 on any error or warning.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateServiceKeys } from '@nrm-hub/kit';
import { SUBGRAPHS } from '@nrm-hub/schema';
import { loadDemoData } from '@nrm-hub/scripts/demo-data';
import { devIssuer } from '@nrm-hub/scripts/dev-issuer';
import { startHubProcesses, type HubLayout, type HubProcesses } from '../support/hub-processes.ts';
import { dropDatabases, freshDatabases, postgresAnswers } from './bench-data.ts';

const SERVER_URL = process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const BASE_PORT = Number(process.env.LOAD_PORT ?? 4260);
const here = import.meta.dirname;
const LOG_DIR = mkdtempSync(join(tmpdir(), 'nrm-load-logs-'));

const VIEW = `query LoadView { victims(first: 10) { id highestStatus registeringAgencies registrations { agency status } police { familyName caseRoles { role } } immigration { reflectionPeriods { grantedAt } } childWelfare { unaccompanied } assistance { organisation { name } } } }`;
const REGISTER = `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } person { id } } }`;
const REFER = `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id state } }`;

type Op = 'view' | 'register' | 'refer';
const stats: Record<Op, { ok: number; errors: number; latencies: number[] }> = {
  view: { ok: 0, errors: 0, latencies: [] },
  register: { ok: 0, errors: 0, latencies: [] },
  refer: { ok: 0, errors: 0, latencies: [] },
};
const errorSamples: string[] = [];

if (!(await postgresAnswers(SERVER_URL))) {
  console.error(`No Postgres server answers at ${new URL(SERVER_URL).host}: set LOAD_DATABASE_URL.`);
  process.exit(1);
}
const issuer = await devIssuer(mkdtempSync(join(tmpdir(), 'nrm-load-key-')));
const urls = await freshDatabases(
  SERVER_URL,
  'load_i14',
  SUBGRAPHS.map((s) => s.name),
);
let hub: HubProcesses | undefined;
let failed: boolean;
try {
  const layout: HubLayout = {
    basePort: BASE_PORT,
    databaseUrls: urls,
    authEnv: issuer.env,
    linkageSecret: 'load-linkage-secret-0123456789abcdef0123456',
    serviceKeys: await generateServiceKeys(),
    logDir: LOG_DIR,
  };
  console.log(`Starting the hub (processes, PostgreSQL at ${new URL(SERVER_URL).host}) and loading the demo data…`);
  hub = await startHubProcesses(layout);
  await loadDemoData(hub.gatewayUrl, (agency, roles) => issuer.sign({ agency, roles, purpose: 'DEMO-DATA-LOAD', ttl: '15m' }));
  const gatewayUrl = hub.gatewayUrl;

  const call = async (op: Op, token: string, query: string, variables: Record<string, unknown>) => {
    const started = performance.now();
    try {
      const res = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
      stats[op].latencies.push(performance.now() - started);
      if (res.status !== 200 || body.errors?.length) {
        stats[op].errors += 1;
        if (errorSamples.length < 10)
          errorSamples.push(`${op}: HTTP ${res.status} ${body.errors?.map((e) => e.extensions?.code ?? e.message).join(', ') ?? ''}`);
        return null;
      }
      stats[op].ok += 1;
      return body.data;
    } catch (error) {
      stats[op].errors += 1;
      if (errorSamples.length < 10) errorSamples.push(`${op}: ${(error as Error).name}`);
      return null;
    }
  };

  const run = Math.random().toString(36).slice(2, 8);
  const deadline = Date.now() + SECONDS * 1000;
  const client = async (c: number) => {
    // Each client is its own user (the rate limit is per user), a police case handler and a coordinator.
    const police = await issuer.sign({ agency: 'police', roles: ['caseworker'], purpose: 'CASE-2021-17', ttl: '1h', sub: `load-police-${c}` });
    const coordinator = await issuer.sign({
      agency: 'coordinating-unit',
      roles: ['coordinator'],
      purpose: 'CASE-2021-17',
      ttl: '1h',
      sub: `load-coordinator-${c}`,
    });
    const mine: string[] = [];
    let n = 0;
    while (Date.now() < deadline) {
      n += 1;
      const r = (c * 7919 + n * 104729) % 100;
      if (r < 60 || (r >= 85 && mine.length === 0)) {
        await call('view', coordinator, VIEW, {});
      } else if (r < 85) {
        const familyName = `Loadova${String.fromCharCode(65 + (c % 26))}${String.fromCharCode(65 + (n % 26))}${n}`;
        const data = await call('register', police, REGISTER, {
          i: {
            idempotencyKey: `load-${run}-${c}-${n}`,
            person: { givenNames: 'Lasta', familyName, birthDate: `19${70 + (n % 30)}-0${1 + (c % 9)}-1${n % 10}`, gender: 'FEMININE', citizenships: ['RO'] },
            decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'] },
          },
        });
        if (data) mine.push(data.policeRegisterPotentialVictim.outcome.victimId);
      } else {
        await call('refer', police, REFER, {
          i: { victimId: mine[n % mine.length], fromAgency: 'POLICE', target: 'NGO_SHELTER', idempotencyKey: `load-ref-${run}-${c}-${n}` },
        });
      }
    }
  };
  console.log(`${CLIENTS} clients for ${SECONDS} s…`);
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const elapsed = (Date.now() - t0) / 1000;

  await hub.stop();
  hub = undefined;
  const warnings = SUBGRAPHS.map((s) => s.name as string)
    .concat('gateway')
    .flatMap((name) => {
      let text: string;
      try {
        text = readFileSync(join(LOG_DIR, `${name}.log`), 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter((l) => /warn|error|MaxListeners/i.test(l))
        .map((l) => `${name}: ${l.slice(0, 200)}`);
    });

  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!) : 0;
  };
  const total = Object.values(stats).reduce((a, s) => a + s.ok + s.errors, 0);
  const errors = Object.values(stats).reduce((a, s) => a + s.errors, 0);
  const lines = [
    '# Mixed load: reads, registrations, referrals',
    '',
    `Written by \`npm run load\` (test/bench/mixed-load.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: the hub as processes on PostgreSQL with the demo data, ${CLIENTS} clients (each its own user, rate limit on) for ${SECONDS} s. Load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min).`,
    '',
    '| operation | requests | errors | req/s | p50 ms | p99 ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...(Object.entries(stats) as [Op, (typeof stats)[Op]][]).map(
      ([op, s]) =>
        `| ${op} | ${s.ok + s.errors} | ${s.errors} | ${((s.ok + s.errors) / elapsed).toFixed(1)} | ${pct(s.latencies, 50)} | ${pct(s.latencies, 99)} |`,
    ),
    `| all | ${total} | ${errors} | ${(total / elapsed).toFixed(1)} | | |`,
    '',
    `Warnings or errors in the processes' logs: ${warnings.length}.`,
    ...(errorSamples.length ? ['', 'First errors:', ...errorSamples.map((e) => `- ${e}`)] : []),
    ...(warnings.length ? ['', 'Log lines:', ...warnings.slice(0, 10).map((w) => `- \`${w}\``)] : []),
    '',
  ];
  const text = lines.join('\n');
  console.log(`\n${text}`);
  writeFileSync(join(here, 'LOAD.md'), text);
  failed = errors > 0 || warnings.length > 0;
} finally {
  await hub?.stop();
  await dropDatabases(SERVER_URL, Object.values(urls));
}
process.exit(failed ? 1 : 0);
