import { type Database } from '@nrm-hub/kit';
import { createTestDatabase, execute, inMemoryNrm, testIssuer } from '@nrm-hub/kit/testing';
import * as policeContext from '@nrm-hub/police/context';
import * as policeDb from '@nrm-hub/police/db';
import * as policeServer from '@nrm-hub/police/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An agency subgraph on its own: the gateway would pass `mergedIds` (from the NRM) in each representation.
const nrm = inMemoryNrm();
const issuer = await testIssuer();
const server = policeServer.createServer();
let database: Database<typeof policeDb>;
const run = async (query: string, variables: Record<string, unknown>) =>
  execute(
    server,
    await policeContext.contextFactory({ nrm, linkageSecret: 'x'.repeat(32), verifier: issuer.verifier })(database.db)(
      await issuer.request({ agency: 'police', roles: ['caseworker'], purpose: 'CASE-2021-17' }),
      'req',
    ),
    query,
    variables,
  );

const REGISTER = `mutation($input: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $input) { outcome { victimId } } }`;
const register = async (key: string, givenNames: string) => {
  const result = await run(REGISTER, {
    input: {
      idempotencyKey: key,
      person: { givenNames, familyName: 'Mergetest', birthDate: '1990-05-05', gender: 'FEMININE', citizenships: ['RO'] },
      decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'] },
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.policeRegisterPotentialVictim.outcome.victimId as string;
};

beforeAll(async () => {
  database = await createTestDatabase(policeDb, policeServer.migrationsFolder);
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await database.close();
});

describe('an agency view of a merged victim', () => {
  it('joins the records stored under merged-away ids to the survivor, in one SQL statement for the whole list', async () => {
    const survivor = await register('merged-view-0001', 'Ioana');
    const mergedAway = await register('merged-view-0002', 'Ioanna');
    const other = await register('merged-view-0003', 'Elena');
    database.statements.reset();
    const result = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id police { givenNames } } } }`, {
      r: [
        { __typename: 'Victim', id: survivor, mergedIds: [mergedAway] },
        { __typename: 'Victim', id: other, mergedIds: [] },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: survivor, police: [{ givenNames: 'Ioana' }, { givenNames: 'Ioanna' }] },
      { id: other, police: [{ givenNames: 'Elena' }] },
    ]);
    expect(database.statements.count).toBe(1);
  });
});
