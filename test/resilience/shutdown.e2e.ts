/**
 * Faults, over real HTTP against real processes: SIGTERM lets requests in
 * flight finish (gateway and subgraph), and a slow subgraph hits the
 * gateway's configured timeout instead of holding the request. The slow
 * upstream is a stand-in HTTP server of this test that answers after a delay
 * it sets; the gateway and the police subgraph are the real processes (the
 * subgraph on embedded PGlite in a temporary folder).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServiceKeys } from '@nrm-hub/kit';
import { SUBGRAPHS } from '@nrm-hub/schema';
import { devIssuer } from '@nrm-hub/scripts/dev-issuer';
import { startGatewayProcess, startSubgraph, stopProcess, waitFor, type HubLayout, type HubProcess } from '../support/hub-processes.ts';

const GATEWAY_PORT = 4167;
const POLICE_PORT = 4168;
const UPSTREAM_TIMEOUT_MS = 2000;
const dir = mkdtempSync(join(tmpdir(), 'nrm-resilience-'));
let issuer: Awaited<ReturnType<typeof devIssuer>>;
let layout: HubLayout;
let slow: Server;
let slowUrl: string;
let delayMs = 0;
const started: HubProcess[] = [];

beforeAll(async () => {
  issuer = await devIssuer(dir);
  // Stands in for the NRM: answers `victims` and `registerPotentialVictim` after `delayMs`.
  slow = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const data = body.includes('registerPotentialVictim')
          ? { registerPotentialVictim: { victimId: randomUUID(), matchedExisting: false, matchScore: 1 } }
          : { victims: [] };
        res.end(JSON.stringify({ data }));
      }, delayMs);
    });
  });
  await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`;
  layout = {
    basePort: GATEWAY_PORT,
    databaseUrls: {},
    dataDir: join(dir, 'data'),
    authEnv: issuer.env,
    linkageSecret: 'resilience-linkage-secret-0123456789abcdef',
    serviceKeys: await generateServiceKeys(),
    logDir: join(dir, 'logs'),
    nrmUrl: slowUrl,
    gatewayEnv: { GATEWAY_UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS), GATEWAY_RATE_LIMIT: '0' },
  };
});

afterAll(async () => {
  for (const p of started) await stopProcess(p, 'SIGKILL');
  await new Promise<void>((r) => slow.close(() => r()));
  if (!process.env.KEEP_RESILIENCE_DIR) rmSync(dir, { recursive: true, force: true });
});

const VICTIMS = `query { victims(first: 1) { id } }`;
const post = async (url: string, query: string, variables: Record<string, unknown>, token: string) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
};

describe('the gateway process', () => {
  let gateway: HubProcess;
  let token: string;
  beforeAll(async () => {
    token = await issuer.sign({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' });
    gateway = startGatewayProcess(layout, GATEWAY_PORT, 'gateway', { nrm: slowUrl });
    started.push(gateway);
    await waitFor(`http://127.0.0.1:${GATEWAY_PORT}/readiness`, gateway, 120_000);
  }, 150_000);

  it(`a subgraph slower than GATEWAY_UPSTREAM_TIMEOUT_MS (${UPSTREAM_TIMEOUT_MS} ms) fails its fields at the timeout instead of holding the request`, async () => {
    delayMs = 8000;
    const t = Date.now();
    const answer = await post(`http://127.0.0.1:${GATEWAY_PORT}/graphql`, VICTIMS, {}, token);
    const elapsed = Date.now() - t;
    expect(elapsed).toBeLessThan(UPSTREAM_TIMEOUT_MS + 4000);
    expect(answer.body.data?.victims ?? null).toBeNull();
    expect(answer.body.errors?.length).toBeGreaterThan(0);
  }, 30_000);

  it('SIGTERM finishes the request in flight, then the process exits 0 and takes no new connections', async () => {
    delayMs = 1200;
    const inFlight = post(`http://127.0.0.1:${GATEWAY_PORT}/graphql`, VICTIMS, {}, token);
    await new Promise((r) => setTimeout(r, 400));
    const exited = stopProcess(gateway, 'SIGTERM', 20_000);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { victims: [] } });
    expect(await exited).toEqual({ code: 0, signal: null });
    await expect(fetch(`http://127.0.0.1:${GATEWAY_PORT}/healthcheck`)).rejects.toThrow();
  }, 30_000);
});

describe('an agency subgraph process', () => {
  it('SIGTERM during a registration (waiting on the NRM) finishes it: stored, answered, then exit 0', async () => {
    const police = startSubgraph(
      layout,
      SUBGRAPHS.find((s) => s.name === 'police')!,
      POLICE_PORT,
    );
    started.push(police);
    await waitFor(`http://127.0.0.1:${POLICE_PORT}/ready`, police, 120_000);
    const token = await issuer.sign({ agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' });
    delayMs = 1200;
    const inFlight = post(
      `http://127.0.0.1:${POLICE_PORT}/graphql`,
      `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } person { id } } }`,
      {
        i: {
          idempotencyKey: 'shutdown-0001',
          person: { givenNames: 'Elena', familyName: 'Shutdownescu', birthDate: '1990-01-02', gender: 'FEMININE', citizenships: ['RO'] },
          decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'] },
        },
      },
      token,
    );
    await new Promise((r) => setTimeout(r, 400));
    const exited = stopProcess(police, 'SIGTERM', 20_000);
    const answer = await inFlight;
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.policeRegisterPotentialVictim.person.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await exited).toEqual({ code: 0, signal: null });
  }, 180_000);
});
