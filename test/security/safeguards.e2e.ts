import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClaims } from '@nrm-hub/kit/testing';
import { startHub, type Hub } from '../support/hub.ts';
import { seedVictim, WRITERS, type SeededVictim } from './seed.ts';

/**
 * Hostile requests against the safeguards (issue 10): wrong agency, missing
 * scope or role, straight to a subgraph, forged service calls, bad input.
 * Each must be refused with the expected code, write nothing, and carry no
 * personal data of the seeded person. The NRM working group sees no person;
 * UDI learns of a police case only through the alert.
 */

let hub: Hub;
let seed: SeededVictim;
let returnId: string;
let alertId: string;
let passed = 0;
let ran = 0;

function hostile(name: string, fn: () => Promise<void>) {
  it(name, async () => {
    ran += 1;
    await fn();
    passed += 1;
  });
}

const UDI: TestClaims = { sub: 'udi-hostile', agency: 'immigration', roles: ['caseworker'], purpose: 'UDI-2021-9' };
const POLICE: TestClaims = { sub: 'police-hostile', agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-9' };
const GROUP: TestClaims = { sub: 'group-hostile', agency: 'nrm-working-group', roles: ['analyst'], purpose: 'STAT-2021' };
const KOM_ANALYST: TestClaims = { sub: 'kom-analyst', agency: 'coordinating-unit', roles: ['analyst'], purpose: 'KOM-2021-1' };
const OTHER_NGO: TestClaims = { sub: 'other-ngo', agency: 'ngo:other-shelter', roles: ['worker'], purpose: 'NGO-2021-9' };
const COORDINATOR: TestClaims = { sub: 'kom-hostile', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'KOM-2021-1' };

interface Answer {
  status: number;
  text: string;
  json: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, claims?: TestClaims): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(claims ? await hub.as(claims) : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) };
}
const gateway = (query: string, variables: Record<string, unknown> = {}, claims?: TestClaims) => post(hub.gateway.url, query, variables, claims);

/** Refused with `code` (every error), no personal data of the seeded person anywhere. */
function expectRefused(answer: Answer, code: string) {
  const codes = [...new Set((answer.json?.errors ?? []).map((e) => e.extensions?.code))];
  expect(codes).toEqual([code]);
  for (const value of seed.personalData) expect(answer.text).not.toContain(value);
}

async function scalar(name: 'nrm' | 'immigration' | 'police' | 'ngo', query: string): Promise<unknown> {
  const result = (await hub.databases[name].db.execute(sql.raw(query))) as unknown as { rows?: Record<string, unknown>[] } & Record<string, unknown>[];
  const row = (result.rows ?? result)[0]!;
  return Object.values(row)[0];
}

beforeAll(async () => {
  hub = await startHub({ clock: () => new Date('2021-06-01T12:00:00Z') });
  seed = await seedVictim(hub, 'hostilesg');
  const planned = await gateway(
    `mutation($i: ImmigrationPlanReturnInput!) { immigrationPlanReturn(input: $i) { id } }`,
    {
      i: { idempotencyKey: 'hostile-sg-return', applicantId: seed.applicantId, departureDate: '2021-06-20' },
    },
    WRITERS.immigration,
  );
  returnId = planned.json?.data?.immigrationPlanReturn.id;
  const checked = await gateway(
    `mutation($i: ImmigrationCheckReturnInput!) { immigrationCheckReturn(input: $i) { checks { alert { id } } } }`,
    { i: { returnId } },
    WRITERS.immigration,
  );
  alertId = checked.json?.data?.immigrationCheckReturn.checks[0].alert.id;
  expect(alertId).toMatch(/^[0-9a-f-]{36}$/);
}, 240_000);
afterAll(async () => {
  console.log(`safeguards hostile suite: ${passed}/${ran} hostile requests refused as expected`);
  await hub?.stop();
});

describe('hostile requests against the safeguards', () => {
  hostile('no token: the alert list is UNAUTHENTICATED', async () => {
    expectRefused(await gateway('{ alerts { id victimId } }'), 'UNAUTHENTICATED');
  });

  for (const [name, query] of [
    ['alerts', '{ alerts { id victimId reasons } }'],
    ['the child view', '{ childVictims { id } }'],
    ['non-punishment flags', '{ nonPunishmentFlags { person { givenNames } } }'],
    ['upcoming returns', '{ upcomingReturns(withinDays: 60) { id victimId } }'],
    ['UDI deadlines', '{ immigrationDeadlines(withinDays: 366) { victimId } }'],
    ['child welfare deadlines', '{ childWelfareDeadlines(withinDays: 366) { victimId } }'],
  ] as const) {
    hostile(`the NRM working group sees no person: ${name} is FORBIDDEN`, async () => {
      expectRefused(await gateway(query, {}, GROUP), 'FORBIDDEN');
    });
  }

  hostile('the police cannot read alerts', async () => {
    expectRefused(await gateway('{ alerts { id reasons } }', {}, POLICE), 'FORBIDDEN');
  });

  hostile('UDI reads the alert (why, whom to contact) but not the police case behind it', async () => {
    const answer = await gateway(`{ alerts { reasons contactAgencies victim { police { caseRoles { role investigation { reference } } } } } }`, {}, UDI);
    expect(answer.json?.data?.alerts.map((a: { victim: { police: unknown } | null }) => a.victim?.police ?? null)).toEqual([null]);
    expect([...new Set((answer.json?.errors ?? []).map((e) => e.extensions?.code))]).toEqual(['FORBIDDEN']);
    expect(answer.text).not.toContain(seed.investigationReference);
    const reasons = await gateway(`{ alerts { reasons contactAgencies } }`, {}, UDI);
    // The NGO's registration is its client's: UDI is told to ask the coordinating unit, and the NGO is not named.
    expect(reasons.json?.data?.alerts).toEqual([
      { reasons: ['REGISTERED_POTENTIAL_VICTIM', 'ASK_COORDINATING_UNIT', 'OPEN_CASE_VICTIM'], contactAgencies: ['CHILD_WELFARE', 'IMMIGRATION', 'POLICE'] },
    ]);
    const forUnit = await gateway(`{ alerts { reasons contactAgencies } }`, {}, COORDINATOR);
    expect(forUnit.json?.data?.alerts).toContainEqual({
      reasons: ['REGISTERED_POTENTIAL_VICTIM', 'OPEN_CASE_VICTIM'],
      contactAgencies: ['CHILD_WELFARE', 'IMMIGRATION', 'NGO', 'POLICE'],
    });
  });

  hostile('UDI cannot list persons in custody', async () => {
    expectRefused(await gateway('{ nonPunishmentFlags { person { familyName } } }', {}, UDI), 'FORBIDDEN');
  });

  hostile('UDI cannot clear a police open-case role in the NRM (only the police report them)', async () => {
    const before = await scalar('nrm', `select roles::text from open_case_roles where victim_id = '${seed.victimId}'`);
    const CLEAR = `mutation($i: OpenCaseRolesInput!) { setOpenCaseRoles(input: $i) { victimId } }`;
    // A service operation: not in the gateway's API at all, and refused to any end-user token straight at the NRM.
    expectRefused(await gateway(CLEAR, { i: { victimId: seed.victimId, roles: [] } }, UDI), 'GRAPHQL_VALIDATION_FAILED');
    expectRefused(await post(hub.subgraphs.nrm.url, CLEAR, { i: { victimId: seed.victimId, roles: [] } }, UDI), 'FORBIDDEN');
    expectRefused(await post(hub.subgraphs.nrm.url, CLEAR, { i: { victimId: seed.victimId, roles: [] } }, POLICE), 'FORBIDDEN');
    expect(await scalar('nrm', `select roles::text from open_case_roles where victim_id = '${seed.victimId}'`)).toBe(before);
    expect(before).toBe('{VICTIM}');
  });

  hostile("no end user runs the NRM's return check, through the gateway or straight at the NRM, whatever the agency", async () => {
    const input = { agency: 'POLICE', returnId, identifierHashes: [], clk: Buffer.alloc(128, 1).toString('base64') };
    const CHECK = `mutation($i: ReturnCheckInput!) { checkReturn(input: $i) { hit } }`;
    // A service operation: not in the gateway's API, and straight at the NRM an end-user token is refused whatever its agency.
    expectRefused(await gateway(CHECK, { i: input }, POLICE), 'GRAPHQL_VALIDATION_FAILED');
    expectRefused(await post(hub.subgraphs.nrm.url, CHECK, { i: input }, POLICE), 'FORBIDDEN');
    expectRefused(await post(hub.subgraphs.nrm.url, CHECK, { i: { ...input, agency: 'IMMIGRATION' } }, UDI), 'FORBIDDEN');
  });

  hostile('an NGO worker cannot acknowledge an alert; a coordinating-unit analyst (no case role) cannot close one', async () => {
    const ngo: TestClaims = { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-9' };
    expectRefused(await gateway(`mutation($id: ID!) { acknowledgeAlert(id: $id) { state } }`, { id: alertId }, ngo), 'FORBIDDEN');
    expectRefused(await gateway(`mutation($id: ID!) { closeAlert(id: $id, note: "closing it") { state } }`, { id: alertId }, KOM_ANALYST), 'FORBIDDEN');
    expect(await scalar('nrm', `select state from alerts where id = '${alertId}'`)).toBe('OPEN');
  });

  hostile('the alert history is append-only in the NRM database', async () => {
    await expect(hub.databases.nrm.db.execute(sql.raw(`update alert_events set by = 'someone-else' where alert_id = '${alertId}'`))).rejects.toThrow();
    await expect(hub.databases.nrm.db.execute(sql.raw(`delete from alert_events where alert_id = '${alertId}'`))).rejects.toThrow();
    expect(await scalar('nrm', `select by from alert_events where alert_id = '${alertId}'`)).toBe('test-user-immigration');
  });

  hostile('closing an alert needs a real note, and unknown or malformed alert ids are refused', async () => {
    expectRefused(await gateway(`mutation($id: ID!) { closeAlert(id: $id, note: " ") { state } }`, { id: alertId }, UDI), 'BAD_USER_INPUT');
    expectRefused(
      await gateway(`mutation($id: ID!, $n: String!) { closeAlert(id: $id, note: $n) { state } }`, { id: alertId, n: 'x'.repeat(2001) }, UDI),
      'BAD_USER_INPUT',
    );
    expectRefused(
      await gateway(`mutation($id: ID!) { acknowledgeAlert(id: $id) { state } }`, { id: '00000000-0000-4000-8000-000000000001' }, UDI),
      'NOT_FOUND',
    );
    expectRefused(await gateway(`mutation($id: ID!) { acknowledgeAlert(id: $id) { state } }`, { id: "1' or '1'='1" }, UDI), 'BAD_USER_INPUT');
    expect(await scalar('nrm', `select count(*)::int from alert_events where alert_id = '${alertId}'`)).toBe(1);
  });

  hostile('an alerted return cannot be executed without a reasoned override, and a tick-box reason is refused', async () => {
    const EXECUTE = `mutation($i: ImmigrationExecuteReturnInput!) { immigrationExecuteReturn(input: $i) { status } }`;
    expectRefused(await gateway(EXECUTE, { i: { returnId } }, UDI), 'INVALID_STATE');
    expectRefused(await gateway(EXECUTE, { i: { returnId, overrideReason: 'x'.repeat(19) } }, UDI), 'BAD_USER_INPUT');
    expect(await scalar('immigration', `select status from return_proceedings where id = '${returnId}'`)).toBe('PLANNED');
  });

  hostile('straight to the subgraphs: no token is UNAUTHENTICATED, the working group FORBIDDEN, and nothing is written', async () => {
    expectRefused(await post(hub.subgraphs.nrm.url, '{ alerts { id victimId } }'), 'UNAUTHENTICATED');
    expectRefused(await post(hub.subgraphs.nrm.url, '{ childVictims { id } }', {}, GROUP), 'FORBIDDEN');
    expectRefused(
      await post(hub.subgraphs.immigration.url, `mutation($i: ImmigrationExecuteReturnInput!) { immigrationExecuteReturn(input: $i) { status } }`, {
        i: { returnId, overrideReason: 'a'.repeat(40) },
      }),
      'UNAUTHENTICATED',
    );
    expectRefused(await post(hub.subgraphs.police.url, '{ nonPunishmentFlags { person { givenNames } } }', {}, GROUP), 'FORBIDDEN');
    // A forged entity lookup of the alert by an agency without alert:read.
    const forged = await post(
      hub.subgraphs.nrm.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Alert { reasons victimId } } }`,
      { r: [{ __typename: 'Alert', id: alertId }] },
      POLICE,
    );
    expect(forged.json?.data?._entities?.[0]?.victimId ?? null).toBeNull();
    expect(forged.text).not.toContain(seed.victimId);
    expect(await scalar('immigration', `select status from return_proceedings where id = '${returnId}'`)).toBe('PLANNED');
  });

  hostile('screenings: another organisation’s client, injected and unknown indicators, malformed ids and windows are refused and write nothing', async () => {
    const before = await scalar('ngo', 'select count(*)::int from screenings');
    const SCREEN = `mutation($i: ScreeningInput!) { ngoRecordScreening(input: $i) { id } }`;
    const input = (over: Record<string, unknown>) => ({
      i: {
        idempotencyKey: 'hostile-screen-1',
        subjectId: seed.clientId,
        screenedOn: '2021-05-01',
        context: 'ASSISTANCE',
        indicators: ['FL_DEBT_BONDAGE'],
        ...over,
      },
    });
    // Another organisation's client is answered as a person the NGO does not hold (no existence oracle).
    expectRefused(await gateway(SCREEN, input({}), OTHER_NGO), 'NOT_FOUND');
    const own: TestClaims = { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-9' };
    const injected = await gateway(SCREEN, input({ indicators: ["FL_DEBT_BONDAGE'; drop table screenings; --"] }), own);
    expectRefused(injected, 'BAD_USER_INPUT');
    expect(injected.text).not.toContain('drop table');
    expectRefused(await gateway(SCREEN, input({ subjectId: 'not-a-uuid' }), own), 'BAD_USER_INPUT');
    expectRefused(await gateway(SCREEN, input({ indicators: Array.from({ length: 101 }, () => 'FL_DEBT_BONDAGE') }), own), 'BAD_USER_INPUT');
    expectRefused(
      await gateway(`mutation($i: ScreeningInput!) { policeRecordScreening(input: $i) { id } }`, input({ subjectId: seed.policePersonId }), UDI),
      'FORBIDDEN',
    );
    expect(await scalar('ngo', 'select count(*)::int from screenings')).toBe(before);
    expect(await scalar('police', 'select count(*)::int from screenings')).toBe(0);
    expectRefused(await gateway('{ upcomingReturns(withinDays: -1) { id } }', {}, UDI), 'BAD_USER_INPUT');
    expectRefused(await gateway('{ immigrationDeadlines(withinDays: 100000) { recordId } }', {}, UDI), 'BAD_USER_INPUT');
  });

  // A screening's idempotency key answers its writer's retry of the same screening only: anyone else reusing the key (a
  // colleague, who would read the screening unlogged: Screening is returned by a write, not a purpose-bound read), or
  // the same writer with other findings, gets IDEMPOTENCY_KEY_REUSED and no screening, and nothing is written.
  for (const agency of ['police', 'immigration', 'child-welfare', 'ngo'] as const) {
    hostile(`screenings (${agency}): a reused idempotency key returns nothing to another user or for other findings`, async () => {
      const mutation = {
        police: 'policeRecordScreening',
        immigration: 'immigrationRecordScreening',
        'child-welfare': 'childWelfareRecordScreening',
        ngo: 'ngoRecordScreening',
      }[agency];
      const subjectId = { police: seed.policePersonId, immigration: seed.applicantId, 'child-welfare': seed.caseId, ngo: seed.clientId }[agency];
      const claims = agency === 'ngo' ? { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-9' } : WRITERS[agency];
      const writer: TestClaims = { ...claims, sub: `screener-${agency}` };
      const colleague: TestClaims = { ...claims, sub: `colleague-${agency}` };
      const SCREEN = `mutation($i: ScreeningInput!) { ${mutation}(input: $i) { id screenedBy indicators indications } }`;
      const first = {
        idempotencyKey: `hostile-replay-${agency}`,
        subjectId,
        screenedOn: '2021-05-02',
        context: 'OTHER',
        indicators: ['FL_DECEPTION', 'FL_ISOLATION'],
      };
      const rows = async () => {
        const result = (await hub.databases[agency].db.execute(sql.raw('select count(*)::int as n from screenings'))) as unknown as {
          rows?: { n: number }[];
        } & { n: number }[];
        return (result.rows ?? result)[0]!.n;
      };
      const written = await gateway(SCREEN, { i: first }, writer);
      expect(written.json?.errors ?? []).toEqual([]);
      const id = written.json?.data?.[mutation].id as string;
      const retry = await gateway(SCREEN, { i: first }, writer);
      expect(retry.json?.data?.[mutation].id).toBe(id);
      const after = await rows();
      for (const [who, claimsOf, input] of [
        ['a colleague, same screening', colleague, first],
        ['a colleague, other findings', colleague, { ...first, indicators: ['FL_DECEPTION'] }],
        ['the writer, other findings', writer, { ...first, indicators: ['FL_DECEPTION'] }],
        ['the writer, another day', writer, { ...first, screenedOn: '2021-05-03' }],
        ['the writer, another context', writer, { ...first, context: 'ASSISTANCE' }],
      ] as const) {
        const answer = await gateway(SCREEN, { i: input }, claimsOf);
        expect({ who, codes: [...new Set((answer.json?.errors ?? []).map((e) => e.extensions?.code))] }).toEqual({ who, codes: ['IDEMPOTENCY_KEY_REUSED'] });
        expect(answer.json?.data ?? null).toBeNull();
        expect(answer.text).not.toContain(id);
        expect(answer.text).not.toContain(`screener-${agency}`);
      }
      expect(await rows()).toBe(after);
    });
  }
});
