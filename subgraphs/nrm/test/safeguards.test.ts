import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';
import { freshClk, hash, registrationInput } from './registration-input.ts';

const POLICE: TestClaims = { sub: 'police-1', agency: 'police', roles: ['investigator'] };
const UDI: TestClaims = { sub: 'udi-1', agency: 'immigration', roles: ['caseworker'] };
/** The agency subgraphs' service credentials, acting for those users: the only callers the NRM's service operations take. */
const POLICE_SERVICE: TestClaims = { ...POLICE, service: true };
const UDI_SERVICE: TestClaims = { ...UDI, service: true };
const KOM: TestClaims = { sub: 'kom-1', agency: 'coordinating-unit', roles: ['coordinator'] };
const { database, run } = await subgraphTestSuite({
  schema,
  migrationsFolder,
  server: createServer(),
  contextFactory: (settings) => contextFactory({ ...settings, clock: () => new Date('2021-10-20T12:00:00Z') }),
  defaultClaims: KOM,
});

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId } }`;
const CHECK = `mutation($i: ReturnCheckInput!) { checkReturn(input: $i) { hit alertId alertState } }`;
const ROLES = `mutation($i: OpenCaseRolesInput!) { setOpenCaseRoles(input: $i) { victimId } }`;
const returnId = (n: number) => `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;

async function registered(key: string, over: Record<string, unknown> = {}): Promise<string> {
  const result = await run(REGISTER, { input: registrationInput({ idempotencyKey: key, identifierHashes: [hash(key)], ...over }) }, POLICE_SERVICE);
  expect(result.errors).toBeUndefined();
  return result.data?.registerPotentialVictim.victimId;
}

describe('nrm safeguards', () => {
  it('answers a return check by identifier hash with one alert per proceeding, and resolves the Alert entity', async () => {
    const victimId = await registered('sg-nrm-reg-1');
    const input = { agency: 'IMMIGRATION', returnId: returnId(1), identifierHashes: [hash('sg-nrm-reg-1')], clk: freshClk() };
    const first = await run(CHECK, { i: input }, UDI_SERVICE);
    expect(first.data?.checkReturn).toMatchObject({ hit: true, alertState: 'OPEN' });
    const again = await run(CHECK, { i: input }, UDI_SERVICE);
    expect(again.data?.checkReturn.alertId).toBe(first.data?.checkReturn.alertId);
    expect((await database.db.select().from(schema.alerts)).filter((a) => a.subjectRef === returnId(1))).toHaveLength(1);

    const entities = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Alert { victimId reasons contactAgencies raisedFor history { action by } } } }`,
      { r: [{ __typename: 'Alert', id: first.data?.checkReturn.alertId }] },
      UDI,
    );
    expect(entities.data?._entities).toEqual([
      {
        victimId,
        reasons: ['REGISTERED_POTENTIAL_VICTIM'],
        contactAgencies: ['POLICE'],
        raisedFor: 'IMMIGRATION',
        history: [{ action: 'RAISED', by: 'udi-1' }],
      },
    ]);
  });

  it('learns open-case roles from the police only, and reports a witness with the police as the contact', async () => {
    const victimId = await registered('sg-nrm-wit-1', { status: 'NOT_A_VICTIM' });
    const refused = await run(ROLES, { i: { victimId, roles: ['WITNESS'] } }, UDI_SERVICE);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noHit = await run(
      CHECK,
      { i: { agency: 'IMMIGRATION', returnId: returnId(2), identifierHashes: [hash('sg-nrm-wit-1')], clk: freshClk() } },
      UDI_SERVICE,
    );
    expect(noHit.data?.checkReturn).toEqual({ hit: false, alertId: null, alertState: null });

    expect((await run(ROLES, { i: { victimId, roles: ['WITNESS'] } }, POLICE_SERVICE)).errors).toBeUndefined();
    const hit = await run(
      CHECK,
      { i: { agency: 'IMMIGRATION', returnId: returnId(3), identifierHashes: [hash('sg-nrm-wit-1')], clk: freshClk() } },
      UDI_SERVICE,
    );
    const alerts = await run(`{ alerts(state: OPEN) { id reasons contactAgencies } }`, {}, KOM);
    expect(alerts.data?.alerts).toContainEqual({ id: hit.data?.checkReturn.alertId, reasons: ['OPEN_CASE_WITNESS'], contactAgencies: ['POLICE'] });
  });

  it("never tells anyone but the coordinating unit that a person is an NGO's client: the alert says to ask the coordinating unit", async () => {
    const NGO_SERVICE: TestClaims = { sub: 'ngo-1', agency: 'ngo:test-shelter', roles: ['worker'], service: true };
    const register = (key: string, agency: string, claims: TestClaims) =>
      run(REGISTER, { input: registrationInput({ agency, idempotencyKey: key, identifierHashes: [hash(key)] }) }, claims);
    const ALERT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Alert { reasons contactAgencies } } }`;
    const seen = async (key: string, n: number) => {
      const hit = await run(CHECK, { i: { agency: 'IMMIGRATION', returnId: returnId(n), identifierHashes: [hash(key)], clk: freshClk() } }, UDI_SERVICE);
      expect(hit.data?.checkReturn.hit).toBe(true);
      const r = [{ __typename: 'Alert', id: hit.data?.checkReturn.alertId }];
      return { udi: (await run(ALERT, { r }, UDI)).data?._entities[0], kom: (await run(ALERT, { r }, KOM)).data?._entities[0] };
    };
    // Known to an NGO only.
    expect((await register('sg-nrm-ngo-only', 'NGO', NGO_SERVICE)).errors).toBeUndefined();
    expect(await seen('sg-nrm-ngo-only', 10)).toEqual({
      udi: { reasons: ['ASK_COORDINATING_UNIT'], contactAgencies: [] },
      kom: { reasons: ['REGISTERED_POTENTIAL_VICTIM'], contactAgencies: ['NGO'] },
    });
    // Known to an NGO and the police: the police's registration is the police's to share; the NGO's is not.
    expect((await register('sg-nrm-ngo-and-police', 'NGO', NGO_SERVICE)).errors).toBeUndefined();
    expect((await register('sg-nrm-ngo-and-police', 'POLICE', POLICE_SERVICE)).errors).toBeUndefined();
    expect(await seen('sg-nrm-ngo-and-police', 11)).toEqual({
      udi: { reasons: ['REGISTERED_POTENTIAL_VICTIM', 'ASK_COORDINATING_UNIT'], contactAgencies: ['POLICE'] },
      kom: { reasons: ['REGISTERED_POTENTIAL_VICTIM'], contactAgencies: ['NGO', 'POLICE'] },
    });
    // An alert stored before the NGO's part was kept apart is read the safe way.
    const [legacy] = await database.db
      .insert(schema.alerts)
      .values({
        kind: 'RETURN_CHECK_HIT',
        victimId: (await registered('sg-nrm-legacy'))!,
        reasons: ['REGISTERED_POTENTIAL_VICTIM'],
        contactAgencies: ['NGO'],
        raisedFor: 'IMMIGRATION',
        subjectRef: returnId(12),
      })
      .returning();
    const r = [{ __typename: 'Alert', id: legacy!.id }];
    expect((await run(ALERT, { r }, UDI)).data?._entities[0]).toEqual({ reasons: ['ASK_COORDINATING_UNIT'], contactAgencies: [] });
  });

  it('lists children and possible children on its clock, not adults', async () => {
    const child = await registered('sg-nrm-child', { birthYear: 2010 });
    const maybe = await registered('sg-nrm-maybe', { birthYear: 2003 });
    const adult = await registered('sg-nrm-adult', { birthYear: 2002 });
    const byCw = await run(
      REGISTER,
      { input: registrationInput({ agency: 'CHILD_WELFARE', idempotencyKey: 'sg-nrm-cw', identifierHashes: [hash('sg-nrm-cw')], birthYear: null }) },
      { agency: 'child-welfare', roles: ['caseworker'], service: true },
    );
    const ids = (await run(`{ childVictims { id } }`, {}, KOM)).data?.childVictims.map((v: { id: string }) => v.id);
    expect(ids).toEqual(expect.arrayContaining([child, maybe, byCw.data?.registerPotentialVictim.victimId]));
    expect(ids).not.toContain(adult);
  });
});
