import { afterAll, describe, expect, it } from 'vitest';
import { testIssuer } from '@nrm-hub/kit/testing';
import { SUBGRAPHS } from '@nrm-hub/schema';
import { startGateway, type RunningGateway } from '../src/gateway.ts';

/** `npm start` holds readiness back until the demo data has loaded; liveness answers as soon as the gateway listens. */
describe('gateway readiness', () => {
  let gateway: RunningGateway | undefined;
  afterAll(async () => gateway?.close());

  it('answers /readiness 503 until its extra condition holds, and /healthcheck 200 all along', async () => {
    const issuer = await testIssuer();
    let loaded = false;
    gateway = await startGateway({
      port: 0,
      production: false,
      verifier: issuer.verifier,
      // Nothing listens there: readiness here is about the gate, not the subgraphs.
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, 'http://127.0.0.1:9/graphql'])),
      ready: () => loaded,
    });
    const base = `http://127.0.0.1:${gateway.port}`;
    expect((await fetch(`${base}/healthcheck`)).status).toBe(200);
    const before = await fetch(`${base}/readiness`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'not ready' });
    expect((await fetch(`${base}/readiness?probe=1`)).status).toBe(503);
    loaded = true;
    expect((await fetch(`${base}/readiness`)).status).toBe(200);
  });
});
