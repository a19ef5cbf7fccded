/**
 * The hub as an operator runs it: every subgraph and the gateway as its own
 * Node process (`node --import tsx <entry>`), on Postgres databases given by
 * URL, talking real HTTP. Used by the benchmark (`test/bench/`) and the
 * resilience tests (`test/resilience/`), which need to stop, kill and restart
 * single processes. Output of each process goes to `<logDir>/<name>.log`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { SUBGRAPHS, type SubgraphInfo } from '@nrm-hub/schema';
import { SERVICE_NODE_FLAGS } from '@nrm-hub/scripts/processes';

const require = createRequire(import.meta.url);
const TSX_LOADER = require.resolve('tsx');
const root = resolve(import.meta.dirname, '../..');

/** One running process of the hub. */
export interface HubProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns a TypeScript entry under tsx with exactly `env`; extra Node flags (e.g. `--cpu-prof`) first. */
export function spawnProcess(name: string, entry: string, env: NodeJS.ProcessEnv, options: { logDir: string; nodeFlags?: string[] }): HubProcess {
  mkdirSync(options.logDir, { recursive: true });
  const log = createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' });
  // The flags `npm start` gives every service (a larger young generation), then the caller's.
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...(options.nodeFlags ?? []), '--import', TSX_LOADER, entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: root,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  return { name, child, exited };
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
export async function waitFor(url: string, proc?: HubProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) throw new Error(`${proc.name} exited before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

/** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). */
export async function stopProcess(
  proc: HubProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (proc.child.exitCode === null && proc.child.signalCode === null) {
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
    proc.child.kill(signal);
    const result = await proc.exited;
    clearTimeout(timer);
    return result;
  }
  return proc.exited;
}

/** Where each subgraph of a process-level hub listens and keeps its data. */
export interface HubLayout {
  /** Gateway port; subgraphs take the next five (nrm, police, immigration, child-welfare, ngo). */
  basePort: number;
  /** Subgraph name → Postgres URL of its own database; a subgraph without one runs embedded PGlite in `<dataDir>/<name>`. */
  databaseUrls: Partial<Record<SubgraphInfo['name'], string>>;
  /** Where PGlite subgraphs keep their data (required when a subgraph has no URL). */
  dataDir?: string;
  /** Subgraph name → another NRM URL for an agency subgraph (e.g. a test's stand-in). */
  nrmUrl?: string;
  /** Environment every process gets: `AUTH_*` (public keys only). */
  authEnv: Record<string, string>;
  linkageSecret: string;
  /** Every subgraph's service identity (kit `generateServiceKeys`): each gets its own private key, the NRM the public ones. */
  serviceKeys: { privateKeys: Record<string, unknown>; jwks: unknown };
  logDir: string;
  /** Extra gateway environment (e.g. `GATEWAY_RATE_LIMIT=0`). */
  gatewayEnv?: Record<string, string>;
  /** Extra environment for every subgraph. */
  subgraphEnv?: Record<string, string>;
  /** Node flags per process name (e.g. `--cpu-prof`). */
  nodeFlags?: (name: string) => string[];
}

/** Port of each subgraph in a layout. */
export function subgraphPort(layout: Pick<HubLayout, 'basePort'>, name: SubgraphInfo['name']): number {
  return layout.basePort + 1 + SUBGRAPHS.findIndex((s) => s.name === name);
}

/** Starts one subgraph process of the layout (e.g. again, after a test stopped it). */
export function startSubgraph(layout: HubLayout, s: SubgraphInfo, port = subgraphPort(layout, s.name)): HubProcess {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    ...layout.authEnv,
    ...layout.subgraphEnv,
    [`${s.envPrefix}_PORT`]: String(port),
    SERVICE_KEY: JSON.stringify(layout.serviceKeys.privateKeys[s.name]),
  };
  if (s.name === 'nrm') env.SERVICE_JWKS = JSON.stringify(layout.serviceKeys.jwks);
  const url = layout.databaseUrls[s.name];
  if (url) env[`${s.envPrefix}_DATABASE_URL`] = url;
  else env[`${s.envPrefix}_DATA_DIR`] = join(layout.dataDir ?? layout.logDir, s.name);
  if (s.name !== 'nrm') {
    env.LINKAGE_SECRET = layout.linkageSecret;
    env.NRM_URL = layout.nrmUrl ?? `http://127.0.0.1:${subgraphPort(layout, 'nrm')}/graphql`;
  }
  return spawnProcess(port === subgraphPort(layout, s.name) ? s.name : `${s.name}-${port}`, join(s.workspace, 'src/index.ts'), env, {
    logDir: layout.logDir,
    nodeFlags: layout.nodeFlags?.(s.name),
  });
}

/** Starts the gateway process of the layout on `port` (the layout's base port by default). */
export function startGatewayProcess(
  layout: HubLayout,
  port = layout.basePort,
  name = 'gateway',
  subgraphUrls: Partial<Record<SubgraphInfo['name'], string>> = {},
): HubProcess {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    ...layout.authEnv,
    GATEWAY_PORT: String(port),
    // `GATEWAY_QUERY_PLANNER=js|rust` runs the process tests against either planner (the gateway's default otherwise).
    ...(process.env.GATEWAY_QUERY_PLANNER ? { GATEWAY_QUERY_PLANNER: process.env.GATEWAY_QUERY_PLANNER } : {}),
    ...layout.gatewayEnv,
  };
  for (const s of SUBGRAPHS) env[`${s.envPrefix}_URL`] = subgraphUrls[s.name] ?? `http://127.0.0.1:${subgraphPort(layout, s.name)}/graphql`;
  return spawnProcess(name, join(root, 'gateway/src/index.ts'), env, { logDir: layout.logDir, nodeFlags: layout.nodeFlags?.(name) });
}

/** The running hub. */
export interface HubProcesses {
  gatewayUrl: string;
  processes: Map<string, HubProcess>;
  stop(): Promise<void>;
}

/** Starts the five subgraphs (NRM first) and the gateway, each ready before it returns. */
export async function startHubProcesses(layout: HubLayout): Promise<HubProcesses> {
  const processes = new Map<string, HubProcess>();
  const stop = async () => {
    await Promise.all([...processes.values()].map((p) => stopProcess(p)));
  };
  try {
    const [nrm, ...agencies] = SUBGRAPHS;
    const nrmProc = startSubgraph(layout, nrm!);
    processes.set('nrm', nrmProc);
    await waitFor(`http://127.0.0.1:${subgraphPort(layout, 'nrm')}/ready`, nrmProc);
    for (const s of agencies) processes.set(s.name, startSubgraph(layout, s));
    await Promise.all(agencies.map((s) => waitFor(`http://127.0.0.1:${subgraphPort(layout, s.name)}/ready`, processes.get(s.name))));
    const gateway = startGatewayProcess(layout);
    processes.set('gateway', gateway);
    await waitFor(`http://127.0.0.1:${layout.basePort}/readiness`, gateway);
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: `http://127.0.0.1:${layout.basePort}/graphql`, processes, stop };
}
