import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// All people and organisations here are synthetic. The subgraph's day is fixed, so "ahead" means the same in every run.
const TODAY = '2021-10-01';
const WORKER: TestClaims = { agency: 'ngo:bounds-safe-house', roles: ['worker'], purpose: 'NGO-2021-0011' };
const ADMIN: TestClaims = { agency: 'coordinating-unit', roles: ['administrator'], purpose: null };
const COORDINATOR: TestClaims = { sub: 'test-coordinator-1', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'KOM-2021-0003' };
const { database, run } = await subgraphTestSuite({
  schema,
  migrationsFolder,
  server: createServer(),
  contextFactory: (settings) => contextFactory({ ...settings, clock: () => new Date(`${TODAY}T12:00:00Z`) }),
  defaultClaims: WORKER,
});

const CREATE_ORG = `mutation($input: NgoCreateOrganisationInput!) { ngoCreateOrganisation(input: $input) { id name } }`;
const REGISTER = `mutation($input: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $input) { client { id } } }`;
const GRANT = `mutation($i: NgoRecordGrantInput!) { ngoRecordGrant(input: $i) { id amountNok } }`;
const ASSISTANCE = `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`;
const END = `mutation($i: NgoEndAssistanceInput!) { ngoEndAssistance(input: $i) { id endedAt } }`;
const CONSENT = `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`;
const WITHDRAW = `mutation($i: NgoWithdrawConsentInput!) { ngoWithdrawConsent(input: $i) { id withdrawnAt } }`;
const STATISTICS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Statistics {
  ngo { grantsBySource { key count { value suppressed } } grantsNok { value suppressed } }
} } }`;

let organisationId: string;
let clientId: string;
const count = async (table: 'grants' | 'assistanceEpisodes' | 'consents' | 'organisations') => (await database.db.select().from(schema[table])).length;

beforeAll(async () => {
  const org = await run(CREATE_ORG, { input: { name: 'Bounds Safe House', kind: 'NGO' } }, ADMIN);
  expect(org.errors).toBeUndefined();
  organisationId = org.data?.ngoCreateOrganisation.id;
  const client = await run(REGISTER, {
    input: {
      idempotencyKey: 'bounds-client-0001',
      organisationId,
      person: { givenNames: 'Ioana', familyName: 'Boundseanu', birthDate: '1998-05-17', gender: 'FEMININE', citizenships: ['RO'] },
      decision: { status: 'POSSIBLE', decidedBy: 'NGO', exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '2021-01-02' },
    },
  });
  expect(client.errors).toBeUndefined();
  clientId = client.data?.ngoRegisterPotentialVictim.client.id;
});

describe('NGO grant amounts', () => {
  it('refuses a grant above 1,000,000,000 NOK with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await count('grants');
    const result = await run(GRANT, { i: { idempotencyKey: 'bounds-grant-max', organisationId, year: 2021, amountNok: 2_147_483_647, grantor: 'Parliament' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountNok' });
    expect(result.errors?.[0]?.message).not.toContain('2147483647');
    expect(await count('grants')).toBe(before);
  });

  it('sums many maximal grants past the 32-bit range into the right statistics', async () => {
    // 5 × 1,000,000,000 from one grantor and 3 from another: each sum and the total pass an Int's 2,147,483,647.
    for (let n = 0; n < 8; n += 1) {
      const grantor = n < 5 ? 'Parliament' : 'Oslo municipality';
      const result = await run(GRANT, { i: { idempotencyKey: `bounds-grant-${n}`, organisationId, year: 2021, amountNok: 1_000_000_000, grantor } });
      expect(result.errors).toBeUndefined();
    }
    const result = await run(STATISTICS, { r: [{ __typename: 'Statistics', year: 2021 }] }, COORDINATOR);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].ngo).toEqual({
      grantsBySource: [
        { key: 'Oslo municipality', count: { value: 3_000_000_000, suppressed: false } },
        { key: 'Parliament', count: { value: 5_000_000_000, suppressed: false } },
      ],
      grantsNok: { value: 8_000_000_000, suppressed: false },
    });
  });
});

describe('NGO dates', () => {
  it.each([
    ['started on 0001-01-01', { startedAt: '0001-01-01' }, 'input.startedAt'],
    ['started on 9999-12-31', { startedAt: '9999-12-31' }, 'input.startedAt'],
    ['ended on 9999-12-31', { startedAt: '2021-05-01', endedAt: '9999-12-31' }, 'input.endedAt'],
    ['ended before it started', { startedAt: '2021-05-01', endedAt: '2021-04-30' }, 'input.endedAt'],
  ])('refuses assistance %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, dates, field) => {
    const before = await count('assistanceEpisodes');
    const result = await run(ASSISTANCE, { i: { idempotencyKey: `bounds-assist-${field}-${dates.startedAt}`, clientId, type: 'SHELTER', ...dates } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('assistanceEpisodes')).toBe(before);
  });

  it('refuses to end assistance on 9999-12-31, 0001-01-01 or before it started, and leaves it open', async () => {
    const started = await run(ASSISTANCE, { i: { idempotencyKey: 'bounds-assist-end', clientId, type: 'LEGAL', startedAt: '2021-05-01' } });
    const episodeId = started.data?.ngoRecordAssistance.id;
    for (const endedAt of ['9999-12-31', '0001-01-01', '2021-04-30']) {
      const result = await run(END, { i: { episodeId, endedAt } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedAt' });
    }
    const [row] = (await database.db.select().from(schema.assistanceEpisodes)).filter((e) => e.id === episodeId);
    expect(row?.endedAt).toBeNull();
  });

  it('refuses consent given or withdrawn before 1900 or in the future, or withdrawn before it was given', async () => {
    const before = await count('consents');
    for (const givenAt of ['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z']) {
      const result = await run(CONSENT, {
        i: { idempotencyKey: `bounds-consent-${givenAt}`, clientId, agency: 'POLICE', purpose: 'Witness statement', givenAt },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenAt' });
    }
    expect(await count('consents')).toBe(before);
    const given = await run(CONSENT, {
      i: { idempotencyKey: 'bounds-consent-ok', clientId, agency: 'POLICE', purpose: 'Witness statement', givenAt: '2021-03-02T10:00:00Z' },
    });
    const consentId = given.data?.ngoRecordConsent.id;
    for (const withdrawnAt of ['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '2021-03-01T10:00:00Z']) {
      const result = await run(WITHDRAW, { i: { consentId, withdrawnAt } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.withdrawnAt' });
    }
    const [row] = (await database.db.select().from(schema.consents)).filter((c) => c.id === consentId);
    expect(row?.withdrawnAt).toBeNull();
  });
});

describe('organisation names', () => {
  it.each([
    ['a Cyrillic О in a Latin word', 'B\u041eUNDS Safe House'],
    ['the same name in another case and spacing', 'bounds  safe-house'],
    ['a Greek Α in a Latin word', 'Bounds S\u0391fe House'],
    ['a zero-width space', 'Bounds Safe\u200b House'],
    ['a soft hyphen', 'Bounds Safe Hou\u00adse'],
  ])('refuses a name with %s with BAD_USER_INPUT, and creates nothing', async (_name, name) => {
    const before = await count('organisations');
    const result = await run(CREATE_ORG, { input: { name, kind: 'NGO' } }, ADMIN);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('organisations')).toBe(before);
  });

  it('refuses a look-alike of an existing name when each word is in one script and the codes differ', async () => {
    // "Hjelp КМС" (Cyrillic КМС, code "hjelp") and "Hjelp KMC" (code "hjelp-kmc") read the same.
    const first = await run(CREATE_ORG, { input: { name: 'Hjelp КМС', kind: 'NGO' } }, ADMIN);
    expect(first.errors).toBeUndefined();
    const before = await count('organisations');
    const result = await run(CREATE_ORG, { input: { name: 'Hjelp KMC', kind: 'NGO' } }, ADMIN);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(result.errors?.[0]?.message).toContain("looks the same as an existing organisation's name");
    expect(await count('organisations')).toBe(before);
  });

  // An organisation's code (`ngo:<code>`) comes from its Latin letters, so a name needs some; the rest may be in any script.
  it.each([['Kirkens Bymisjon Ålesund'], ['Hội Phụ nữ Việt Nam Oslo'], ['Al-Amal جمعية الأمل'], ['Nadezhda Центр Надежда'], ['Elpida Σύλλογος Ελπίδα']])(
    'accepts a real name with each word wholly in its script: %s',
    async (name) => {
      const result = await run(CREATE_ORG, { input: { name, kind: 'NGO' } }, ADMIN);
      expect(result.errors).toBeUndefined();
      expect(result.data?.ngoCreateOrganisation.name).toBe(name);
    },
  );
});
