/**
 * Federation benchmark (`npm run bench`): the README's single victim view
 * through the hub (five subgraph processes and the gateway, request merging
 * off, rate limit off) against a monolith baseline (one process, one
 * database with the same rows, hand-written SQL, the same token
 * verification, scope, purpose and consent checks and audit record), for 1
 * and 100 victims, side by side: each round runs every case once in turn,
 * so the machine's load weighs on all of them alike. Load comes from a
 * separate process (autocannon). Prints and writes `test/bench/RESULTS.md`.
 *
 * Needs a Postgres server: BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres); it creates and drops
 * databases named `bench_i14_*`, and `pg_dump`/`psql` copy the rows into the
 * monolith's database. Options: BENCH_ROUNDS (3), BENCH_DURATION (seconds
 * per case and round, 10), BENCH_CONNECTIONS (10), BENCH_PORT (4160: the
 * gateway; subgraphs take the next five, the monolith the one after),
 * BENCH_CPU_PROF=1 (write V8 CPU profiles per process to
 * test/bench/profiles/<process>/, one per thread: the largest is the main thread), BENCH_AUDIT_GROUP_COMMIT=off (subgraphs append one
 * audit transaction per request, as before group commit), BENCH_QUERY_PLANNER=js|rust (the gateway's
 * query planner; its default otherwise), BENCH_DATABASE_PREFIX (bench_i14: the databases' names).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { SUBGRAPHS } from '@nrm-hub/schema';
import { spawnProcess, stopProcess, subgraphPort, waitFor, type HubProcess } from '../support/hub-processes.ts';
import { dropDatabases, postgresAnswers } from './bench-data.ts';
import { setUpBenchHub } from './setup-hub.ts';
import { documentId } from '@nrm-hub/gateway/trusted-documents';
import { DEFAULT_QUERY_PLANNER } from '@nrm-hub/gateway';

const require = createRequire(import.meta.url);
const TSX_LOADER = require.resolve('tsx');
const here = import.meta.dirname;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4160);
const MONOLITH_PORT = BASE_PORT + 6;
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const PROFILE_DIR = join(here, 'profiles');
const LOG_DIR = join(here, 'logs');
const GROUP_COMMIT = process.env.BENCH_AUDIT_GROUP_COMMIT !== 'off';
/** BENCH_ONLY=hub-100,monolith-100: run only these cases (for profiling); RESULTS.md is then not written. */
const ONLY = process.env.BENCH_ONLY?.split(',');
/** BENCH_GATEWAY_MODE=development: keep the development gateway (query text, graphql-js's development checks) instead of production with trusted documents. */
const GATEWAY_PRODUCTION = process.env.BENCH_GATEWAY_MODE !== 'development';
/** BENCH_QUERY_PLANNER=js|rust: the gateway's query planner (`GATEWAY_QUERY_PLANNER`); the gateway's default when unset. */
const QUERY_PLANNER = process.env.BENCH_QUERY_PLANNER;
const DATABASE_PREFIX = process.env.BENCH_DATABASE_PREFIX ?? 'bench_i14';

/** The README's single victim view, with `first` as a variable. */
export const SINGLE_VICTIM_VIEW = `query SingleVictimView($first: Int!) {
  victims(first: $first) {
    id
    highestStatus
    registeringAgencies
    registrations { agency status decidedBy decidedOn }
    police { givenNames familyName caseRoles { role investigation { reference offence prosecutedAs } } custodyStays { kind facility startedAt endedAt } compensationOrders { amountNok paidAt } }
    immigration { dufNumber eeaCitizen reflectionPeriods { grantedAt endsAt } residencePermits { kind validUntil } }
    childWelfare { unaccompanied placements { kind startedAt plannedEndAt } }
    assistance { organisation { name } assistanceEpisodes { type startedAt } }
  }
}`;

interface LoadResult {
  requests: number;
  responses: number;
  throughput: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** GET a text, retrying once: a keep-alive connection the server closed meanwhile fails the first try. */
async function getText(url: string): Promise<string> {
  try {
    return await (await fetch(url)).text();
  } catch {
    return (await fetch(url)).text();
  }
}

/** SQL statements a subgraph has run (resolving + audit), from its /metrics. */
async function statementsOf(port: number): Promise<number> {
  const text = await getText(`http://127.0.0.1:${port}/metrics`);
  let total = 0;
  for (const line of text.split('\n')) if (line.startsWith('nrm_hub_sql_statements_total{')) total += Number(line.split(' ').pop());
  return total;
}

function runLoad(url: string, body: string, token: string): LoadResult {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      TSX_LOADER,
      join(here, 'load.ts'),
      JSON.stringify({ url, body, headers: { authorization: `Bearer ${token}` }, connections: CONNECTIONS, duration: DURATION }),
    ],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** JSON with object keys sorted, for comparing two answers. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Lists whose order neither side defines (case roles, custody stays, compensation orders) compared as sets. */
function normalise(victims: any[]): unknown {
  const sortJson = (xs: unknown[] | null) => (xs ? [...xs].sort((a, b) => canonical(a).localeCompare(canonical(b))) : xs);
  return victims.map((v) => ({
    ...v,
    police:
      v.police?.map((p: any) => ({
        ...p,
        caseRoles: sortJson(p.caseRoles),
        custodyStays: sortJson(p.custodyStays),
        compensationOrders: sortJson(p.compensationOrders),
      })) ?? null,
  }));
}

interface Case {
  name: string;
  system: 'monolith' | 'hub';
  first: number;
  url: string;
}

const started: HubProcess[] = [];
let bench: Awaited<ReturnType<typeof setUpBenchHub>> | undefined;
try {
  if (!(await postgresAnswers(SERVER_URL))) {
    console.error(
      `No Postgres server answers at ${new URL(SERVER_URL).host}: this benchmark needs one (the monolith's rows are copied with pg_dump). Set BENCH_DATABASE_URL.`,
    );
    process.exit(1);
  }
  const nodeFlags = (name: string) => (CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(PROFILE_DIR, name)}`] : []);
  console.log(`Setting up: databases on ${new URL(SERVER_URL).host}, five subgraphs and the gateway as processes, demo data through the gateway…`);
  bench = await setUpBenchHub({
    serverUrl: SERVER_URL,
    basePort: BASE_PORT,
    logDir: LOG_DIR,
    victims: 100,
    nodeFlags,
    subgraphEnv: GROUP_COMMIT ? {} : { AUDIT_GROUP_COMMIT: 'off' },
    productionDocuments: GATEWAY_PRODUCTION ? [SINGLE_VICTIM_VIEW] : undefined,
    databasePrefix: DATABASE_PREFIX,
    queryPlanner: QUERY_PLANNER,
  });
  const monolith = spawnProcess(
    'monolith',
    join(here, 'monolith/server.ts'),
    { PATH: process.env.PATH, ...bench.issuer.env, MONOLITH_PORT: String(MONOLITH_PORT), MONOLITH_DATABASE_URL: bench.monolithUrl },
    { logDir: LOG_DIR, nodeFlags: nodeFlags('monolith') },
  );
  started.push(monolith);
  await waitFor(`http://127.0.0.1:${MONOLITH_PORT}/ready`, monolith);
  const token = await bench.issuer.sign({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17', ttl: '4h' });
  const monolithUrl = `http://127.0.0.1:${MONOLITH_PORT}/graphql`;
  const body = (first: number) => JSON.stringify({ query: SINGLE_VICTIM_VIEW, operationName: 'SingleVictimView', variables: { first } });
  // A production gateway takes trusted documents only: the client sends the document's id.
  const hubBody = (first: number) =>
    GATEWAY_PRODUCTION ? JSON.stringify({ documentId: documentId(SINGLE_VICTIM_VIEW), operationName: 'SingleVictimView', variables: { first } }) : body(first);

  // Both answer the same before anything is timed.
  const answers = await Promise.all(
    [bench.hub.gatewayUrl, monolithUrl].map(async (url) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: url === monolithUrl ? body(100) : hubBody(100),
      });
      return (await res.json()) as { data?: { victims: any[] }; errors?: unknown[] };
    }),
  );
  const [hubAnswer, monolithAnswer] = answers as [{ data?: { victims: any[] }; errors?: unknown[] }, { data?: { victims: any[] }; errors?: unknown[] }];
  if (hubAnswer.errors?.length || monolithAnswer.errors?.length) throw new Error('The single victim view answered with errors; see test/bench/logs/');
  const same = canonical(normalise(hubAnswer.data!.victims)) === canonical(normalise(monolithAnswer.data!.victims));
  console.log(`Victims: ${hubAnswer.data!.victims.length}; monolith and hub answer the same: ${same ? 'yes' : 'NO'}`);
  if (!same) throw new Error('The monolith and the hub disagree on the single victim view: the comparison would be meaningless');

  const cases: Case[] = [
    { name: 'monolith, 1 victim', system: 'monolith' as const, first: 1, url: monolithUrl },
    { name: 'hub, 1 victim', system: 'hub' as const, first: 1, url: bench.hub.gatewayUrl },
    { name: 'monolith, 100 victims', system: 'monolith' as const, first: 100, url: monolithUrl },
    { name: 'hub, 100 victims', system: 'hub' as const, first: 100, url: bench.hub.gatewayUrl },
  ].filter((c) => !ONLY || ONLY.includes(`${c.system}-${c.first}`));
  const hubPids = new Map<string, number>([...bench.hub.processes].map(([name, p]) => [name, p.child.pid!]));
  const samples = new Map<string, { load: LoadResult; cpuMs: Record<string, number>; statements: Record<string, number> }[]>();
  // Warm-up: JIT, connection pools, plan caches.
  for (const c of cases) {
    const saved = DURATION;
    execFileSync(process.execPath, [
      '--import',
      TSX_LOADER,
      join(here, 'load.ts'),
      JSON.stringify({
        url: c.url,
        body: c.system === 'hub' ? hubBody(c.first) : body(c.first),
        headers: { authorization: `Bearer ${token}` },
        connections: CONNECTIONS,
        duration: Math.min(3, saved),
      }),
    ]);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const c of cases) {
      const pids = c.system === 'monolith' ? new Map([['monolith', monolith.child.pid!]]) : hubPids;
      const cpuBefore = new Map([...pids].map(([n, pid]) => [n, cpuSeconds(pid)]));
      const stBefore =
        c.system === 'monolith'
          ? { monolith: JSON.parse(await getText(`http://127.0.0.1:${MONOLITH_PORT}/metrics`)).statements as number }
          : Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await statementsOf(subgraphPort(bench!.layout, s.name))])));
      const load = runLoad(c.url, c.system === 'hub' ? hubBody(c.first) : body(c.first), token);
      const stAfter =
        c.system === 'monolith'
          ? { monolith: JSON.parse(await getText(`http://127.0.0.1:${MONOLITH_PORT}/metrics`)).statements as number }
          : Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await statementsOf(subgraphPort(bench!.layout, s.name))])));
      const cpuMs = Object.fromEntries([...pids].map(([n, pid]) => [n, ((cpuSeconds(pid) - cpuBefore.get(n)!) * 1000) / Math.max(1, load.responses)]));
      const statements = Object.fromEntries(
        Object.keys(stAfter).map((n) => [
          n,
          ((stAfter as Record<string, number>)[n]! - (stBefore as Record<string, number>)[n]!) / Math.max(1, load.responses),
        ]),
      );
      if (!samples.has(c.name)) samples.set(c.name, []);
      samples.get(c.name)!.push({ load, cpuMs, statements });
      console.log(
        `round ${round} ${c.name.padEnd(22)} ${load.throughput.toFixed(1).padStart(7)} req/s  p50 ${String(load.p50).padStart(4)} ms  p99 ${String(load.p99).padStart(4)} ms  non-2xx ${load.non2xx} errors ${load.errors}`,
      );
    }
  }

  // Summary.
  const summary = cases.map((c) => {
    const s = samples.get(c.name)!;
    const procs = Object.keys(s[0]!.cpuMs);
    return {
      ...c,
      throughput: median(s.map((x) => x.load.throughput)),
      p50: median(s.map((x) => x.load.p50)),
      p99: median(s.map((x) => x.load.p99)),
      failures: s.reduce((a, x) => a + x.load.non2xx + x.load.errors, 0),
      cpuMs: Object.fromEntries(procs.map((p) => [p, median(s.map((x) => x.cpuMs[p]!))])),
      statements: Object.fromEntries(Object.keys(s[0]!.statements).map((p) => [p, median(s.map((x) => x.statements[p]!))])),
    };
  });
  if (ONLY) console.log(JSON.stringify(summary, null, 1));
  else {
    const byName = (n: string) => summary.find((s) => s.name === n)!;
    const f1 = (x: number) => x.toFixed(1);
    const f2 = (x: number) => x.toFixed(2);
    const lines: string[] = [];
    lines.push('# Benchmark results: the single victim view, monolith against the hub', '');
    lines.push(`Written by \`npm run bench\` (test/bench/federation.bench.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`, '');
    const pgVersion = execFileSync('psql', ['-Atc', 'show server_version', SERVER_URL], { encoding: 'utf8' }).trim();
    const pkg = (name: string) => (JSON.parse(readFileSync(resolve(here, '../../node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    lines.push('## Machine and versions', '');
    lines.push(
      `- ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}; shared with other work while measuring, so figures move between runs: compare the ratios, which are measured side by side. Load average at the end of the run: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores.`,
    );
    lines.push(
      `- Node ${process.version}, PostgreSQL ${pgVersion} (local server, one database per subgraph; the monolith's database holds the same rows), @graphql-hive/gateway-runtime ${pkg('@graphql-hive/gateway-runtime')}, @apollo/server ${pkg('@apollo/server')}, graphql ${pkg('graphql')}, autocannon ${pkg('autocannon')}.`,
    );
    lines.push(
      `- Load: autocannon in its own process, ${CONNECTIONS} connections, ${DURATION} s per case and round, ${ROUNDS} rounds (medians shown), after a 3 s warm-up of each case. Each round runs the four cases in turn.`,
    );
    lines.push(
      `- Hub: gateway ${GATEWAY_PRODUCTION ? 'as in production (NODE_ENV=production, the view sent as a trusted document id)' : 'in development mode (query text)'} with request merging off and the rate limit off, query planner ${QUERY_PLANNER ?? DEFAULT_QUERY_PLANNER}; ${bench.victims} victims from the demo data set plus police registrations; token of the coordinating unit (sees every field group) with a purpose. Audit group commit ${GROUP_COMMIT ? 'on' : 'off'}.`,
    );
    lines.push('');
    lines.push('## Throughput and latency', '');
    lines.push('| case | req/s | p50 ms | p99 ms | failed requests |', '|---|---:|---:|---:|---:|');
    for (const s of summary) lines.push(`| ${s.name} | ${f1(s.throughput)} | ${s.p50} | ${s.p99} | ${s.failures} |`);
    lines.push('');
    lines.push('| hub ÷ monolith | throughput | p50 | p99 |', '|---|---:|---:|---:|');
    for (const n of [1, 100]) {
      const m = byName(`monolith, ${n} victim${n > 1 ? 's' : ''}`);
      const h = byName(`hub, ${n} victim${n > 1 ? 's' : ''}`);
      lines.push(
        `| ${n} victim${n > 1 ? 's' : ''} | ${f2(h.throughput / m.throughput)}× | ${f2(h.p50 / Math.max(1, m.p50))}× | ${f2(h.p99 / Math.max(1, m.p99))}× |`,
      );
    }
    lines.push('');
    lines.push('## CPU per request (ms) and SQL statements per request, by process', '');
    const procNames = ['monolith', 'gateway', ...SUBGRAPHS.map((s) => s.name)];
    lines.push(`| case | ${procNames.join(' | ')} | total |`, `|---|${procNames.map(() => '---:').join('|')}|---:|`);
    for (const s of summary) {
      const cells = procNames.map((p) => (s.cpuMs[p] === undefined ? '' : f2(s.cpuMs[p])));
      lines.push(`| ${s.name} (CPU ms) | ${cells.join(' | ')} | ${f2(Object.values(s.cpuMs).reduce((a, b) => a + b, 0))} |`);
    }
    for (const s of summary) {
      const cells = procNames.map((p) => (s.statements[p] === undefined ? (p === 'gateway' && s.system === 'hub' ? '0' : '') : f2(s.statements[p])));
      lines.push(`| ${s.name} (SQL statements) | ${cells.join(' | ')} | ${f2(Object.values(s.statements).reduce((a, b) => a + b, 0))} |`);
    }
    lines.push('');
    lines.push(
      'SQL statements include the audit append (a group commit is BEGIN, lock, read the head, one INSERT for the whole group, COMMIT; shared by the requests in the group). The monolith counts its one view statement and its audit statements.',
    );
    lines.push('');
    const table = lines.join('\n');
    console.log(`\n${table}`);
    const resultsFile = join(here, 'RESULTS.md');
    const previous = (() => {
      try {
        return readFileSync(resultsFile, 'utf8');
      } catch {
        return '';
      }
    })();
    // Everything from "## What held it back" on is written by hand: keep it.
    const notes = previous.indexOf('\n## What held it back');
    writeFileSync(resultsFile, `${table}${notes >= 0 ? previous.slice(notes) : ''}`);
    console.log(`Written: ${resultsFile}`);
  }
} finally {
  for (const p of started) await stopProcess(p);
  if (bench) {
    await bench.hub.stop();
    await dropDatabases(SERVER_URL, Object.values(bench.databaseUrls));
  }
}
