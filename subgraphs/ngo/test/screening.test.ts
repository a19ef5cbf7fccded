import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

/** Screenings in the NGO subgraph, on its own (in-memory) database: the transaction checks the organisation on its own connection. */
const OWN: TestClaims = { sub: 'ngo-worker-1', agency: 'ngo:screening-shelter', roles: ['worker'], purpose: 'NGO-2021-1' };
/** Who registers organisations: the coordinating unit's administrator. */
const ADMIN: TestClaims = { agency: 'coordinating-unit', roles: ['administrator'], purpose: null };
const OTHER: TestClaims = { sub: 'ngo-worker-2', agency: 'ngo:another-shelter', roles: ['worker'], purpose: 'NGO-2021-2' };
const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: OWN });

const SCREEN = `mutation($i: ScreeningInput!) { ngoRecordScreening(input: $i) { subjectId child indications reasons screenedBy registration { offered victimId } } }`;

describe('NGO screenings', () => {
  it('records a screening of its own client, computes the outcome, and refuses another organisation and unknown clients, writing nothing', async () => {
    const org = await run(`mutation { ngoCreateOrganisation(input: { name: "Screening Shelter", kind: NGO }) { id } }`, {}, ADMIN);
    expect(org.errors).toBeUndefined();
    const registered = await run(
      `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } client { id } } }`,
      {
        i: {
          idempotencyKey: 'ngo-screen-client-1',
          organisationId: org.data?.ngoCreateOrganisation.id,
          person: { givenNames: 'Wyneth', familyName: 'Korrapel', birthYear: 2007, gender: 'FEMININE', citizenships: ['AL'] },
          decision: { status: 'POSSIBLE', decidedBy: 'NGO', exploitationTypes: ['CHILD_LABOUR'] },
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    const clientId = registered.data?.ngoRegisterPotentialVictim.client.id;
    const victimId = registered.data?.ngoRegisterPotentialVictim.outcome.victimId;
    const input = (over: Record<string, unknown> = {}) => ({
      i: {
        idempotencyKey: 'ngo-screen-1',
        subjectId: clientId,
        screenedOn: '2021-05-01',
        context: 'ASSISTANCE',
        indicators: ['RV_GENERAL_CONTEXT', 'EC_EXCESSIVE_HOURS', 'EC_HAZARDOUS_WORK'],
        ...over,
      },
    });

    // Another organisation's client is answered as a person the NGO does not hold: no existence oracle.
    const othersClient = await run(SCREEN, input(), OTHER);
    const unknownClient = await run(SCREEN, input({ subjectId: '00000000-0000-4000-8000-000000000009' }), OTHER);
    expect(othersClient.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.subjectId' });
    expect(othersClient).toEqual(unknownClient);
    expect((await run(SCREEN, input({ subjectId: '00000000-0000-4000-8000-000000000009' }))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await database.db.select().from(schema.screenings)).toEqual([]);

    // A child (born 2007): exploitation and one recruitment indicator are enough, no means element.
    const recorded = await run(SCREEN, input());
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.ngoRecordScreening).toEqual({
      subjectId: clientId,
      child: true,
      indications: true,
      reasons: ['OPERATIONAL_CHILD', 'ELEMENT_EC'],
      screenedBy: 'ngo-worker-1',
      registration: { offered: false, victimId },
    });
    // A retry returns the first screening and writes nothing more.
    expect((await run(SCREEN, input())).data?.ngoRecordScreening.subjectId).toBe(clientId);
    expect(await database.db.select().from(schema.screenings)).toHaveLength(1);
  });
});
