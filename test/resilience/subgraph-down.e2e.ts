/**
 * A subgraph stopped while requests are in flight: every answer still
 * carries the other subgraphs' data, errors name only the stopped
 * subgraph's fields, and once it is started again (same port, same
 * database) the gateway uses it again by itself, with no restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpNrmClient, listen } from '@nrm-hub/kit';
import { type TestClaims } from '@nrm-hub/kit/testing';
import * as immContext from '@nrm-hub/immigration/context';
import * as immServer from '@nrm-hub/immigration/server';
import { startHub, TEST_LINKAGE_SECRET, type Hub } from '../support/hub.ts';

const COORDINATOR: TestClaims = { agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' };
const VIEW = `{ victims(first: 10) { id registeringAgencies immigration { dufNumber } police { familyName } } }`;
let hub: Hub;

beforeAll(async () => {
  hub = await startHub();
  const as = await hub.as({ agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-17' });
  for (const [i, familyName] of ['Downtest', 'Rejoinova', 'Loadescu'].entries()) {
    const { body } = await hub.query(
      `mutation($i: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $i) { applicant { id } } }`,
      {
        i: {
          idempotencyKey: `subgraph-down-${i}`,
          person: { givenNames: 'Ana', familyName, birthDate: `199${i}-04-0${i + 1}`, gender: 'FEMININE', citizenships: ['RO'] },
          decision: { status: 'POSSIBLE', decidedBy: 'NON_POLICE_GOVERNMENT', exploitationTypes: ['FORCED_LABOUR'] },
        },
      },
      as,
    );
    expect(body.errors).toBeUndefined();
  }
  // Five in-memory PGlite databases start here: slow on a busy machine.
}, 240_000);
afterAll(async () => {
  await hub?.stop();
});

describe('a subgraph stopped mid-load', () => {
  it('others keep serving, errors name only its fields, and it rejoins by itself when back', async () => {
    const headers = await hub.as(COORDINATOR);
    const ask = () => hub.query(VIEW, {}, headers);
    const before = await ask();
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.victims.filter((v: any) => v.immigration?.length === 1)).toHaveLength(3);

    // Requests keep coming while the immigration subgraph stops.
    const port = hub.subgraphs.immigration.port;
    const load = Array.from({ length: 12 }, (_, i) => new Promise((r) => setTimeout(r, i * 40)).then(ask));
    await new Promise((r) => setTimeout(r, 150));
    await hub.subgraphs.immigration.close();
    const during = await Promise.all(load);
    for (const { status, body } of during) {
      expect(status).toBe(200);
      expect(body.data.victims).toHaveLength(3);
      for (const v of body.data.victims) expect(v.registeringAgencies).toEqual(['IMMIGRATION']);
      for (const error of body.errors ?? []) {
        expect(error.path?.includes('immigration')).toBe(true);
        expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'immigration' });
      }
    }
    const down = await ask();
    expect(down.body.data.victims.every((v: any) => v.immigration === null)).toBe(true);
    expect(down.body.errors?.length).toBeGreaterThan(0);

    // Back on the same port and database: no gateway restart needed.
    hub.subgraphs.immigration = await listen({
      server: immServer.createServer(),
      port,
      context: immContext.contextFactory({ nrm: httpNrmClient(hub.subgraphs.nrm.url), linkageSecret: TEST_LINKAGE_SECRET, verifier: hub.issuer.verifier })(
        hub.databases.immigration.db as never,
      ),
    });
    const after = await ask();
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.victims.filter((v: any) => v.immigration?.length === 1)).toHaveLength(3);
  });
});
