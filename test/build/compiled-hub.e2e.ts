import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { documentId } from '@nrm-hub/gateway/trusted-documents';
import { EXAMPLE_QUERY } from '@nrm-hub/scripts/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The compiled hub, as `npm run build && npm run start:prod` runs it: every
 * process from its `dist/` JavaScript with the `production` export condition
 * (no TypeScript loader), a production gateway (trusted documents only), the
 * demo data loaded through it. `turbo run test` builds first (this
 * workspace's test task depends on its dependencies' builds).
 */
const root = resolve(import.meta.dirname, '../..');
const START = join(root, 'scripts/dist/start.js');

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('the compiled hub (npm run build && npm run start:prod)', () => {
  let child: ChildProcess;
  let output = '';
  let gatewayPort = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-hub-compiled-'));

  beforeAll(async () => {
    if (!existsSync(START)) throw new Error('scripts/dist/start.js is missing: run `npm run build` first (turbo run test does).');
    const ports = await Promise.all(Array.from({ length: 7 }, freePort));
    gatewayPort = ports[0]!;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      HUB_DATA_DIR: dataDir,
      GATEWAY_PORT: String(ports[0]),
      POLICE_PORT: String(ports[1]),
      IMMIGRATION_PORT: String(ports[2]),
      CHILD_WELFARE_PORT: String(ports[3]),
      NGO_PORT: String(ports[4]),
      NRM_PORT: String(ports[5]),
      AUDIT_WITNESS_PORT: String(ports[6]),
    };
    for (const name of [
      'TEST_DATABASE_URL',
      'NRM_DATABASE_URL',
      'POLICE_DATABASE_URL',
      'IMMIGRATION_DATABASE_URL',
      'CHILD_WELFARE_DATABASE_URL',
      'NGO_DATABASE_URL',
    ])
      delete env[name];
    child = spawn(process.execPath, ['--conditions=production', START], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const deadline = Date.now() + 240_000;
    while (!output.includes('NRM Hub is up.')) {
      if (child.exitCode !== null)
        throw new Error(
          `The compiled hub exited (${child.exitCode}): ${output
            .split('\n')
            .filter((l) => !l.includes('"level":"info"'))
            .slice(-10)
            .join('\n')}`,
        );
      if (Date.now() > deadline) throw new Error('The compiled hub did not come up within 240 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('runs no TypeScript: every service is a compiled dist/ entry', () => {
    expect(output).not.toMatch(/\.ts:\d+/);
    expect(output).toContain('Demo data loaded: 142 registrations of 107 persons');
  });

  it('serves the README example by its document id, and refuses document text (production gateway)', async () => {
    const token = /Bearer (\S+)" \}/.exec(output)?.[1];
    expect(token).toBeTruthy();
    const url = `http://127.0.0.1:${gatewayPort}/graphql`;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const byId = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ documentId: documentId(EXAMPLE_QUERY) }) });
    const body = (await byId.json()) as { data?: { victims: { id: string; registrations: { agency: string }[] }[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.victims).toHaveLength(5);
    for (const v of body.data!.victims) expect(v.registrations.length).toBeGreaterThan(0);
    const byText = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: EXAMPLE_QUERY }) });
    const refused = (await byText.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(refused.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });
});
