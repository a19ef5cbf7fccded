import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { testIssuer } from '@nrm-hub/kit/testing';
import { SUBGRAPHS } from '@nrm-hub/schema';
import { startGateway, type RunningGateway } from '../src/gateway.ts';

/** `npm start` holds readiness back until the demo data has loaded; liveness answers as soon as the gateway listens. */
describe('gateway readiness and metrics', () => {
  let gateway: RunningGateway | undefined;
  let issuer: Awaited<ReturnType<typeof testIssuer>>;
  afterAll(async () => gateway?.close());

  it('answers /readiness 503 until its extra condition holds, and /healthcheck 200 all along', async () => {
    issuer = await testIssuer();
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
    // Another spelling of the same path (sent raw: fetch would resolve the dot segment itself) is held back too.
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(base);
        request({ host: url.hostname, port: url.port, path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await raw('/x/../readiness')).toBe(503);
    loaded = true;
    expect((await fetch(`${base}/readiness`)).status).toBe(200);
  });

  it('serves Prometheus metrics: GraphQL requests by status, and subrequests and their latency per subgraph', async () => {
    const token = await issuer.token({ agency: 'coordinating-unit', roles: ['coordinator'] });
    const base = `http://127.0.0.1:${gateway!.port}`;
    // The NRM is unreachable here: the subrequest fails, and is counted as such.
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ victims(first: 1) { id } }' }),
    });
    expect(answer.status).toBeGreaterThanOrEqual(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    // A sample of `name` carrying every one of `labels` (in any order) with a value above 0.
    const counted = (name: string, ...labels: string[]) =>
      metrics.split('\n').some((l) => l.startsWith(`${name}{`) && labels.every((x) => l.includes(x)) && Number(l.split(' ').pop()) > 0);
    expect(counted('nrm_hub_http_requests_total', 'service="gateway"')).toBe(true);
    expect(counted('nrm_hub_http_request_duration_seconds_count', 'service="gateway"')).toBe(true);
    expect(counted('nrm_hub_gateway_subgraph_requests_total', 'subgraph="nrm"', 'outcome="error"')).toBe(true);
    expect(counted('nrm_hub_gateway_subgraph_request_duration_seconds_count', 'subgraph="nrm"')).toBe(true);
  });
});
