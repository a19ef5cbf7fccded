import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** tsx's loader, so each service runs its TypeScript as it is. */
const TSX_LOADER = require.resolve('tsx');

/** A service process started by the hub. */
export interface Service {
  name: string;
  child: ChildProcess;
}

/**
 * Whether this process runs the compiled JavaScript (`npm run start:prod`):
 * then every service runs its compiled `dist/` entry with the `production`
 * export condition, and no TypeScript loader.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/** A workspace's entry: `src/<name>.ts`, or `dist/<name>.js` when compiled. */
export function entryOf(workspace: string, name = 'index'): string {
  return COMPILED ? join(workspace, 'dist', `${name}.js`) : join(workspace, 'src', `${name}.ts`);
}

/**
 * Node flags of every service process. A GraphQL server allocates many short-lived objects per request; with V8's
 * default 16 MB young generation the gateway and subgraphs spent 20-30% of their CPU in garbage collection under
 * load (profiles in test/bench/RESULTS.md). A 64 MB one is scavenged a quarter as often, for about 100 MB more memory.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=64'];

/** Spawns `node --import tsx <entry>` (compiled: `node --conditions=production <entry>`) with exactly `env`, prefixing its output with the name. */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv): Service {
  const loader = entry.endsWith('.js') ? ['--conditions=production'] : ['--import', TSX_LOADER];
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...loader, entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => `[${name}] ${l}\n`)
      .join('');
  child.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  return { name, child };
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
export async function waitReady(service: Service, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs / 1000} s`);
}

/** Sends SIGTERM to every service and waits for them to exit (SIGKILL after 10 s). */
export async function stopAll(services: Service[]): Promise<void> {
  await Promise.all(
    services.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
