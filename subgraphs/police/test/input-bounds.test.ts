import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// All people here are synthetic.
const INVESTIGATOR: TestClaims = { agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' };
const COORDINATOR: TestClaims = { sub: 'test-coordinator-1', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'KOM-2021-0003' };
const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: INVESTIGATOR });

const OPEN = `mutation($i: PoliceOpenInvestigationInput!) { policeOpenInvestigation(input: $i) { id reference openedAt } }`;
const UPDATE = `mutation($i: PoliceUpdateInvestigationInput!) { policeUpdateInvestigation(input: $i) { id convictedAt } }`;
const STAY = `mutation($i: PoliceRecordCustodyStayInput!) { policeRecordCustodyStay(input: $i) { id } }`;
const COMPENSATION = `mutation($i: PoliceRecordCompensationInput!) { policeRecordCompensation(input: $i) { id amountNok } }`;
const REGISTER = `mutation($input: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $input) { person { id } } }`;
const STATISTICS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Statistics {
  police { victimsPaidCompensation { value suppressed } compensationPaidNok { value suppressed } }
} } }`;

const count = async (table: 'investigations' | 'custodyStays' | 'compensationOrders') => (await database.db.select().from(schema[table])).length;

let serial = 0;
async function investigation(openedAt = '2021-01-01'): Promise<string> {
  serial += 1;
  const result = await run(OPEN, { i: { reference: `BOUNDS-${serial}`, policeDistrict: 'Oslo', offence: 'TRAFFICKING_257', openedAt } });
  expect(result.errors).toBeUndefined();
  return result.data?.policeOpenInvestigation.id as string;
}
async function person(): Promise<string> {
  serial += 1;
  const result = await run(REGISTER, {
    input: {
      idempotencyKey: `bounds-person-${serial}`,
      person: { givenNames: 'Ana', familyName: `Boundsescu${serial}`, birthDate: '1995-03-03', gender: 'FEMININE', citizenships: ['RO'] },
      decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '2021-01-02' },
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.policeRegisterPotentialVictim.person.id as string;
}

describe('police amounts', () => {
  it('refuses a compensation above 100,000,000 NOK with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const [investigationId, personId] = [await investigation(), await person()];
    const before = await count('compensationOrders');
    const result = await run(COMPENSATION, {
      i: { idempotencyKey: 'bounds-comp-max', personId, investigationId, amountNok: 2_147_483_647, orderedAt: '2021-01-01', paidAt: '2021-06-01' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountNok' });
    expect(result.errors?.[0]?.message).not.toContain('2147483647');
    expect(await count('compensationOrders')).toBe(before);
  });

  it('sums many maximal compensations past the 32-bit range into the right statistics', async () => {
    const investigationId = await investigation('2021-01-01');
    const personIds = [await person(), await person(), await person(), await person(), await person()];
    // 25 × 100,000,000 = 2,500,000,000 NOK: more than an Int holds, so a sum cast to int fails the whole figure.
    for (let n = 0; n < 25; n += 1) {
      const result = await run(COMPENSATION, {
        i: {
          idempotencyKey: `bounds-comp-${n}`,
          personId: personIds[n % 5],
          investigationId,
          amountNok: 100_000_000,
          orderedAt: '2021-01-01',
          paidAt: '2021-06-01',
        },
      });
      expect(result.errors).toBeUndefined();
    }
    const result = await run(STATISTICS, { r: [{ __typename: 'Statistics', year: 2021 }] }, COORDINATOR);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].police).toEqual({
      victimsPaidCompensation: { value: 5, suppressed: false },
      compensationPaidNok: { value: 2_500_000_000, suppressed: false },
    });
  });
});

describe('police dates', () => {
  it.each([
    ['an investigation opened on 0001-01-01', '0001-01-01'],
    ['an investigation opened on 9999-12-31', '9999-12-31'],
  ])('refuses %s with BAD_USER_INPUT naming openedAt, and writes nothing', async (_name, openedAt) => {
    const before = await count('investigations');
    const result = await run(OPEN, { i: { reference: `BOUNDS-BAD-${openedAt}`, policeDistrict: 'Oslo', offence: 'TRAFFICKING_257', openedAt } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.openedAt' });
    expect(await count('investigations')).toBe(before);
  });

  it('refuses a conviction before the investigation was opened, or in the future, and leaves the investigation as it was', async () => {
    const investigationId = await investigation('2021-02-01');
    for (const convictedAt of ['0001-01-01', '2021-01-31', '9999-12-31']) {
      const result = await run(UPDATE, { i: { investigationId, status: 'PROSECUTED', convictedAt } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.convictedAt' });
    }
    const [row] = (await database.db.select().from(schema.investigations)).filter((i) => i.id === investigationId);
    expect({ status: row?.status, convictedAt: row?.convictedAt }).toEqual({ status: 'OPEN', convictedAt: null });
    const ok = await run(UPDATE, { i: { investigationId, status: 'PROSECUTED', convictedAt: '2021-02-01' } });
    expect(ok.data?.policeUpdateInvestigation).toEqual({ id: investigationId, convictedAt: '2021-02-01' });
  });

  it.each([
    ['started on 9999-01-01', { startedAt: '9999-01-01' }, 'input.startedAt'],
    ['started on 0001-01-01', { startedAt: '0001-01-01' }, 'input.startedAt'],
    ['ended on 9999-12-31', { startedAt: '2021-03-01', endedAt: '9999-12-31' }, 'input.endedAt'],
    ['ended before it started', { startedAt: '2021-03-01', endedAt: '2021-02-28' }, 'input.endedAt'],
  ])('refuses a custody stay %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, dates, field) => {
    const personId = await person();
    const before = await count('custodyStays');
    const result = await run(STAY, { i: { idempotencyKey: `bounds-stay-${field}-${serial}`, personId, kind: 'CUSTODY', facility: 'Test arrest', ...dates } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('custodyStays')).toBe(before);
  });

  it.each([
    ['ordered on 9999-12-31', { orderedAt: '9999-12-31' }, 'input.orderedAt'],
    ['ordered on 0001-01-01', { orderedAt: '0001-01-01' }, 'input.orderedAt'],
    ['paid on 0001-01-01', { orderedAt: '2021-01-01', paidAt: '0001-01-01' }, 'input.paidAt'],
    ['paid on 9999-12-31', { orderedAt: '2021-01-01', paidAt: '9999-12-31' }, 'input.paidAt'],
    ['paid before it was ordered', { orderedAt: '2021-03-01', paidAt: '2021-02-28' }, 'input.paidAt'],
  ])('refuses a compensation %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, dates, field) => {
    const [investigationId, personId] = [await investigation(), await person()];
    const before = await count('compensationOrders');
    const result = await run(COMPENSATION, { i: { idempotencyKey: `bounds-comp-${field}-${serial}`, personId, investigationId, amountNok: 1000, ...dates } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('compensationOrders')).toBe(before);
  });
});

describe('police registration decisions', () => {
  it('refuses a decision made on 0001-01-01 with BAD_USER_INPUT naming the field, and sends nothing to the NRM', async () => {
    const before = (await database.db.select().from(schema.persons)).length;
    const result = await run(REGISTER, {
      input: {
        idempotencyKey: 'bounds-person-ancient',
        person: { givenNames: 'Ana', familyName: 'Ancientescu', birthDate: '1995-03-03', gender: 'FEMININE', citizenships: ['RO'] },
        decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '0001-01-01' },
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision.decidedOn' });
    expect((await database.db.select().from(schema.persons)).length).toBe(before);
  });
});

describe('police case references', () => {
  it('refuses a reference with zero-width characters or a soft hyphen, so no visually identical duplicate can be made', async () => {
    await investigation();
    const before = await count('investigations');
    const result = await run(OPEN, {
      i: { reference: 'PROBE-\u200b\u200d-2\u00ad', policeDistrict: 'Oslo', offence: 'TRAFFICKING_257', openedAt: '2021-01-01' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('invisible format characters');
    expect(await count('investigations')).toBe(before);
  });
});
