import { sql } from 'drizzle-orm';
import {
  expectAuditTrailServedToDataProtectionOnly,
  expectPersonalReadAuditedOnce,
  SAMPLE_IDS,
  subgraphTestSuite,
  type TestClaims,
} from '@nrm-hub/kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

/** The caller: a ngo:test-ngo caseworker working on a case, unless a test says otherwise. */
const CALLER: TestClaims = { agency: 'ngo:test-safe-house', roles: ['caseworker'], purpose: 'CASE-2021-17' };
const { database, nrm, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: CALLER });

/** Who registers organisations: the coordinating unit's administrator. */
const ADMIN: TestClaims = { agency: 'coordinating-unit', roles: ['administrator'], purpose: null };
const CREATE_ORG = `mutation($input: NgoCreateOrganisationInput!) { ngoCreateOrganisation(input: $input) { id name kind } }`;
const REGISTER = `mutation($input: NgoRegisterPotentialVictimInput!) {
  ngoRegisterPotentialVictim(input: $input) {
    outcome { victimId matchedExisting replayed }
    client { id victimId givenNames familyName birthYear gender citizenships status decidedBy exploitationTypes
             identifiers { type value issuingCountry } organisation { name kind } }
  }
}`;
const RECORD_ASSISTANCE = `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id type startedAt endedAt } }`;
const RECORD_GRANT = `mutation($i: NgoRecordGrantInput!) { ngoRecordGrant(input: $i) { id year amountNok grantor organisation { name } } }`;

let organisationId: string;
const input = (over: Record<string, unknown> = {}, person: Record<string, unknown> = {}) => ({
  idempotencyKey: 'ngo-test-0001',
  organisationId,
  person: {
    givenNames: 'Ioana Elena',
    familyName: 'Testeanu',
    birthDate: '1998-05-17',
    gender: 'FEMININE',
    citizenships: ['RO'],
    identifiers: [{ type: 'FODSELSNUMMER', value: SAMPLE_IDS.fodselsnummer }],
    ...person,
  },
  decision: { status: 'POSSIBLE', decidedBy: 'NGO', exploitationTypes: ['SEXUAL_EXPLOITATION'] },
  ...over,
});
const countRows = async () => (await database.db.select().from(schema.clients)).length;

// Runs after the suite's hooks have opened the database and started the server.
beforeAll(async () => {
  const org = await run(CREATE_ORG, { input: { name: 'Test Safe House', kind: 'NGO' } }, ADMIN);
  organisationId = org.data?.ngoCreateOrganisation.id;
});

describe('ngo subgraph', () => {
  it('serves its SDL through _service, extending Victim with NGO assistance', async () => {
    const result = await run('{ _service { sdl } }');
    expect(result.data?._service.sdl).toMatch(/type Victim\s+@key\(fields: "id"\)/);
    expect(result.data?._service.sdl).toContain('assistance: [NgoClient]');
  });

  it('returns the existing organisation for the same name', async () => {
    const again = await run(CREATE_ORG, { input: { name: ' Test Safe House ', kind: 'NGO' } }, ADMIN);
    expect(again.data?.ngoCreateOrganisation).toEqual({ id: organisationId, name: 'Test Safe House', kind: 'NGO' });
    const other = await run(CREATE_ORG, { input: { name: 'Test Crisis Centre', kind: 'MUNICIPAL_CRISIS_CENTRE' } }, ADMIN);
    expect(other.errors).toBeUndefined();
    const list = await run('{ organisations { name kind } }');
    expect(list.data?.organisations).toEqual([
      { name: 'Test Crisis Centre', kind: 'MUNICIPAL_CRISIS_CENTRE' },
      { name: 'Test Safe House', kind: 'NGO' },
    ]);
  });

  it('records a client, registers them with the NRM and stores the values', async () => {
    const result = await run(REGISTER, { input: input() });
    expect(result.errors).toBeUndefined();
    const { outcome, client } = result.data?.ngoRegisterPotentialVictim;
    expect(outcome).toMatchObject({ matchedExisting: false, replayed: false });
    expect(nrm.requests.at(-1)).toMatchObject({ agency: 'NGO', agencyRecordId: client.id, status: 'POSSIBLE', decidedBy: 'NGO', birthYear: 1998 });
    const stored = await run(
      `query($id: ID!) { ngoClient(id: $id) { id victimId givenNames familyName birthDate birthYear gender citizenships status decidedBy exploitationTypes
        identifiers { type value issuingCountry } organisation { id name kind } assistanceEpisodes { id } consents { id } recordedAt } }`,
      { id: client.id },
    );
    expect(stored.data?.ngoClient).toMatchObject({
      id: client.id,
      victimId: outcome.victimId,
      givenNames: 'Ioana Elena',
      familyName: 'Testeanu',
      birthDate: '1998-05-17',
      birthYear: 1998,
      gender: 'FEMININE',
      citizenships: ['RO'],
      status: 'POSSIBLE',
      decidedBy: 'NGO',
      exploitationTypes: ['SEXUAL_EXPLOITATION'],
      identifiers: [{ type: 'FODSELSNUMMER', value: SAMPLE_IDS.fodselsnummer, issuingCountry: 'NO' }],
      organisation: { id: organisationId, name: 'Test Safe House', kind: 'NGO' },
      assistanceEpisodes: [],
      consents: [],
    });
    expect(stored.data?.ngoClient.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('sends the NRM only match keys, never the passport number or name', async () => {
    const result = await run(REGISTER, {
      input: input({ idempotencyKey: 'ngo-passport-01' }, { identifiers: [{ type: 'PASSPORT', value: 'ab 12-3456', issuingCountry: 'ro' }] }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.ngoRegisterPotentialVictim.client.identifiers).toEqual([{ type: 'PASSPORT', value: 'AB123456', issuingCountry: 'RO' }]);
    const request = nrm.requests.at(-1);
    const sent = JSON.stringify(request);
    expect(sent).not.toContain('AB123456');
    expect(sent).not.toContain('Testeanu');
    expect(sent).not.toContain('Ioana');
    expect(sent).not.toContain('1998-05-17');
    expect(request?.identifierHashes).toHaveLength(1);
    expect(request?.identifierHashes[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replays a retried registration without writing again, and concurrent retries make one row', async () => {
    const before = await countRows();
    const replay = await run(REGISTER, { input: input() });
    expect(replay.data?.ngoRegisterPotentialVictim.outcome.replayed).toBe(true);
    const changed = await run(REGISTER, { input: input({}, { familyName: 'Othername' }) });
    expect(changed.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(changed.errors?.[0]?.message).not.toContain('Othername');
    const fresh = input({ idempotencyKey: 'ngo-test-0002' }, { identifiers: [] });
    const [a, b] = await Promise.all([run(REGISTER, { input: fresh }), run(REGISTER, { input: fresh })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data?.ngoRegisterPotentialVictim.outcome.victimId).toBe(b.data?.ngoRegisterPotentialVictim.outcome.victimId);
    expect(a.data?.ngoRegisterPotentialVictim.client.id).toBe(b.data?.ngoRegisterPotentialVictim.client.id);
    expect(await countRows()).toBe(before + 1);
  });

  it.each([
    ['an organisation that does not exist', '00000000-0000-4000-a000-000000000000'],
    ['an organisation id that is not a UUID', 'rosa'],
  ])('rejects %s before anything is sent to the NRM', async (_name, orgId) => {
    const before = await countRows();
    const sentBefore = nrm.requests.length;
    const result = await run(REGISTER, { input: input({ idempotencyKey: `ngo-no-org-${orgId}`, organisationId: orgId }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationId' });
    expect(nrm.requests.length).toBe(sentBefore);
    expect(await countRows()).toBe(before);
  });

  it.each([
    ['a fødselsnummer with a wrong check digit', { identifiers: [{ type: 'FODSELSNUMMER', value: '01010012357' }] }, 'person.identifiers[0].value'],
    ['a D-nummer without 40 added to the day', { identifiers: [{ type: 'D_NUMMER', value: SAMPLE_IDS.fodselsnummer }] }, 'person.identifiers[0].value'],
    ['a DUF number with wrong check digits', { identifiers: [{ type: 'DUF_NUMMER', value: '201212345604' }] }, 'person.identifiers[0].value'],
    ['a passport without issuing country', { identifiers: [{ type: 'PASSPORT', value: 'AB123456' }] }, 'person.identifiers[0].value'],
    [
      'a passport with a malformed issuing country',
      { identifiers: [{ type: 'PASSPORT', value: 'AB123456', issuingCountry: 'Romania' }] },
      'person.identifiers[0].issuingCountry',
    ],
    ['a citizenship that is not a country code', { citizenships: ['Romania'] }, 'person.citizenships[0]'],
  ])('rejects %s with BAD_USER_INPUT naming the field and writes nothing', async (_name, person, field) => {
    const before = await countRows();
    const sentBefore = nrm.requests.length;
    const result = await run(REGISTER, { input: input({ idempotencyKey: `ngo-bad-${field}-${before}-${sentBefore}` }, person) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).not.toMatch(/0101001235|20121234560|AB123456|Romania/);
    expect(await countRows()).toBe(before);
    expect(nrm.requests.length).toBe(sentBefore);
  });

  it('rejects unknown enum values before running', async () => {
    const sentBefore = nrm.requests.length;
    const gender = await run(REGISTER, { input: input({ idempotencyKey: 'ngo-enum-0001' }, { gender: 'ROBOT' }) });
    expect(gender.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const kind = await run(CREATE_ORG, { input: { name: 'Test Other', kind: 'CHARITY' } });
    expect(kind.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const clientId = (await database.db.select().from(schema.clients))[0]!.id;
    const type = await run(RECORD_ASSISTANCE, { i: { idempotencyKey: 'ngo-enum-0002', clientId, type: 'MASSAGE', startedAt: '2021-01-01' } });
    expect(type.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nrm.requests.length).toBe(sentBefore);
  });

  it('records assistance idempotently, ends it, and refuses unknown clients', async () => {
    const clientId = (await database.db.select().from(schema.clients))[0]!.id;
    const i = { idempotencyKey: 'ngo-assist-0001', clientId, type: 'SHELTER', startedAt: '2021-03-01' };
    const first = await run(RECORD_ASSISTANCE, { i });
    expect(first.errors).toBeUndefined();
    const again = await run(RECORD_ASSISTANCE, { i });
    expect(again.data?.ngoRecordAssistance.id).toBe(first.data?.ngoRecordAssistance.id);
    const [c1, c2] = await Promise.all([
      run(RECORD_ASSISTANCE, { i: { ...i, idempotencyKey: 'ngo-assist-0002', type: 'LEGAL' } }),
      run(RECORD_ASSISTANCE, { i: { ...i, idempotencyKey: 'ngo-assist-0002', type: 'LEGAL' } }),
    ]);
    expect(c1.data?.ngoRecordAssistance.id).toBe(c2.data?.ngoRecordAssistance.id);
    const reused = await run(RECORD_ASSISTANCE, { i: { ...i, type: 'MEDICAL' } });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await database.db.select().from(schema.assistanceEpisodes);
    expect(rows.filter((r) => r.clientId === clientId)).toHaveLength(2);

    const unknown = await run(RECORD_ASSISTANCE, { i: { ...i, idempotencyKey: 'ngo-assist-0003', clientId: '00000000-0000-4000-a000-000000000000' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badId = await run(RECORD_ASSISTANCE, { i: { ...i, idempotencyKey: 'ngo-assist-0004', clientId: 'not-a-uuid' } });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clientId' });
    const shortKey = await run(RECORD_ASSISTANCE, { i: { ...i, idempotencyKey: 'short' } });
    expect(shortKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });

    const END = `mutation($i: NgoEndAssistanceInput!) { ngoEndAssistance(input: $i) { id endedAt } }`;
    const episodeId = first.data?.ngoRecordAssistance.id;
    const early = await run(END, { i: { episodeId, endedAt: '2021-02-01' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedAt' });
    const ended = await run(END, { i: { episodeId, endedAt: '2021-08-31' } });
    expect(ended.data?.ngoEndAssistance).toEqual({ id: episodeId, endedAt: '2021-08-31' });
    expect((await run(END, { i: { episodeId, endedAt: '2021-08-31' } })).data?.ngoEndAssistance.endedAt).toBe('2021-08-31');
    expect((await run(END, { i: { episodeId, endedAt: '2021-09-30' } })).errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
  });

  it('records grants with a positive amount, idempotently, and lists them by year', async () => {
    const i = { idempotencyKey: 'ngo-grant-0001', organisationId, year: 2021, amountNok: 3_000_000, grantor: 'Oslo municipality' };
    const first = await run(RECORD_GRANT, { i });
    expect(first.data?.ngoRecordGrant).toMatchObject({
      year: 2021,
      amountNok: 3_000_000,
      grantor: 'Oslo municipality',
      organisation: { name: 'Test Safe House' },
    });
    const again = await run(RECORD_GRANT, { i });
    expect(again.data?.ngoRecordGrant.id).toBe(first.data?.ngoRecordGrant.id);

    const negative = await run(RECORD_GRANT, { i: { ...i, idempotencyKey: 'ngo-grant-0002', amountNok: -5 } });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountNok' });
    const zero = await run(RECORD_GRANT, { i: { ...i, idempotencyKey: 'ngo-grant-0003', amountNok: 0 } });
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountNok' });
    const noOrg = await run(RECORD_GRANT, { i: { ...i, idempotencyKey: 'ngo-grant-0004', organisationId: '00000000-0000-4000-a000-000000000000' } });
    expect(noOrg.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const list = await run(`{ grants(year: 2021) { amountNok grantor organisation { name } } }`);
    expect(list.data?.grants).toEqual([{ amountNok: 3_000_000, grantor: 'Oslo municipality', organisation: { name: 'Test Safe House' } }]);
    expect((await run(`{ grants(year: 2020) { id } }`)).data?.grants).toEqual([]);
  });

  it('records and withdraws consent', async () => {
    const clientId = (await database.db.select().from(schema.clients))[0]!.id;
    const RECORD = `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id agency purpose givenAt withdrawnAt } }`;
    const i = { idempotencyKey: 'ngo-consent-0001', clientId, agency: 'POLICE', purpose: 'Witness statement', givenAt: '2021-03-02T10:00:00.000Z' };
    const first = await run(RECORD, { i });
    expect(first.data?.ngoRecordConsent).toMatchObject({
      agency: 'POLICE',
      purpose: 'Witness statement',
      givenAt: '2021-03-02T10:00:00.000Z',
      withdrawnAt: null,
    });
    expect((await run(RECORD, { i })).data?.ngoRecordConsent.id).toBe(first.data?.ngoRecordConsent.id);
    const future = await run(RECORD, { i: { ...i, idempotencyKey: 'ngo-consent-0002', givenAt: '2999-01-01T00:00:00.000Z' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenAt' });
    const unknown = await run(RECORD, { i: { ...i, idempotencyKey: 'ngo-consent-0003', clientId: '00000000-0000-4000-a000-000000000000' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const WITHDRAW = `mutation($i: NgoWithdrawConsentInput!) { ngoWithdrawConsent(input: $i) { id withdrawnAt } }`;
    const consentId = first.data?.ngoRecordConsent.id;
    const withdrawn = await run(WITHDRAW, { i: { consentId, withdrawnAt: '2021-06-01T08:00:00.000Z' } });
    expect(withdrawn.data?.ngoWithdrawConsent).toEqual({ id: consentId, withdrawnAt: '2021-06-01T08:00:00.000Z' });
    const again = await run(WITHDRAW, { i: { consentId } });
    expect(again.data?.ngoWithdrawConsent.withdrawnAt).toBe('2021-06-01T08:00:00.000Z');
  });

  it('resolves Victim entities with organisation, assistance and consents in one SQL statement', async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'ngo-entity-01' }, { givenNames: 'Maria', identifiers: [] }) });
    const { client, outcome } = reg.data?.ngoRegisterPotentialVictim;
    await run(RECORD_ASSISTANCE, { i: { idempotencyKey: 'ngo-entity-assist-1', clientId: client.id, type: 'SHELTER', startedAt: '2021-04-01' } });
    await run(RECORD_ASSISTANCE, {
      i: { idempotencyKey: 'ngo-entity-assist-2', clientId: client.id, type: 'LANGUAGE_CLASSES', startedAt: '2021-05-01', endedAt: '2021-07-01' },
    });
    const consent = await run(`mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`, {
      i: { idempotencyKey: 'ngo-entity-consent-1', clientId: client.id, agency: 'IMMIGRATION', purpose: 'Reflection period application' },
    });
    expect(consent.errors).toBeUndefined();

    database.statements.reset();
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id assistance {
        givenNames organisation { name kind } assistanceEpisodes { type startedAt endedAt } consents { agency purpose withdrawnAt } } } } }`,
      {
        r: [
          { __typename: 'Victim', id: outcome.victimId },
          { __typename: 'Victim', id: '00000000-0000-4000-a000-000000000000' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        id: outcome.victimId,
        assistance: [
          {
            givenNames: 'Maria',
            organisation: { name: 'Test Safe House', kind: 'NGO' },
            assistanceEpisodes: [
              { type: 'SHELTER', startedAt: '2021-04-01', endedAt: null },
              { type: 'LANGUAGE_CLASSES', startedAt: '2021-05-01', endedAt: '2021-07-01' },
            ],
            consents: [{ agency: 'IMMIGRATION', purpose: 'Reflection period application', withdrawnAt: null }],
          },
        ],
      },
      { id: '00000000-0000-4000-a000-000000000000', assistance: [] },
    ]);
    expect(database.statements.count).toBe(1);
  });

  it('shows a client to another agency only while the client consents to that agency, and never to another NGO', async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'ngo-consent-flow-1' }, { identifiers: [] }) });
    const { outcome, client } = reg.data?.ngoRegisterPotentialVictim;
    const VIEW = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { assistance { id givenNames } } } }`;
    const rep = { r: [{ __typename: 'Victim', id: outcome.victimId }] };
    const police: TestClaims = { agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-0001' };

    const before = await run(VIEW, rep, police);
    expect(before.data?._entities).toEqual([{ assistance: [null] }]);
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    expect(JSON.stringify(before)).not.toContain('Ioana');

    const consent = await run(`mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`, {
      i: { idempotencyKey: 'ngo-consent-flow-c1', clientId: client.id, agency: 'POLICE', purpose: 'Witness statement' },
    });
    const during = await run(VIEW, rep, police);
    expect(during.errors).toBeUndefined();
    expect(during.data?._entities).toEqual([{ assistance: [{ id: client.id, givenNames: 'Ioana Elena' }] }]);
    // Immigration has no consent: still withheld.
    const udi = await run(VIEW, rep, { agency: 'immigration', roles: ['caseworker'] });
    expect(udi.data?._entities).toEqual([{ assistance: [null] }]);
    // Another NGO never sees this organisation's client.
    const otherNgo = await run(VIEW, rep, { agency: 'ngo:another-ngo', roles: ['worker'] });
    expect(otherNgo.data?._entities).toEqual([{ assistance: [null] }]);

    await run(`mutation($i: NgoWithdrawConsentInput!) { ngoWithdrawConsent(input: $i) { id } }`, { i: { consentId: consent.data?.ngoRecordConsent.id } });
    const after = await run(VIEW, rep, police);
    expect(after.data?._entities).toEqual([{ assistance: [null] }]);
    expect(after.errors?.[0]?.extensions?.reason).toBe('CONSENT_REQUIRED');
    const direct = await run(`query($id: ID!) { ngoClient(id: $id) { givenNames } }`, { id: client.id }, police);
    expect(direct.data?.ngoClient).toBeNull();
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("lets another NGO's staff change nothing of this organisation's: assistance, consent, grants or clients", async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'ngo-other-org-01' }, { identifiers: [] }) });
    const clientId = reg.data?.ngoRegisterPotentialVictim.client.id as string;
    const episode = await run(RECORD_ASSISTANCE, { i: { idempotencyKey: 'ngo-other-org-a1', clientId, type: 'SHELTER', startedAt: '2021-03-01' } });
    const episodeId = episode.data?.ngoRecordAssistance.id as string;
    const consent = await run(`mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`, {
      i: { idempotencyKey: 'ngo-other-org-c1', clientId, agency: 'POLICE', purpose: 'Witness statement' },
    });
    const consentId = consent.data?.ngoRecordConsent.id as string;
    const tables = async () => ({
      episodes: await database.db.select().from(schema.assistanceEpisodes),
      consents: await database.db.select().from(schema.consents),
      grants: await database.db.select().from(schema.grants),
      clients: (await database.db.select().from(schema.clients)).length,
    });
    const before = await tables();

    const other: TestClaims = { agency: 'ngo:another-ngo', roles: ['caseworker'], purpose: 'CASE-2021-99' };
    const attempts = await Promise.all([
      run(`mutation($i: NgoWithdrawConsentInput!) { ngoWithdrawConsent(input: $i) { id withdrawnAt } }`, { i: { consentId } }, other),
      run(`mutation($i: NgoEndAssistanceInput!) { ngoEndAssistance(input: $i) { id endedAt } }`, { i: { episodeId, endedAt: '2021-04-01' } }, other),
      run(RECORD_ASSISTANCE, { i: { idempotencyKey: 'ngo-other-org-a2', clientId, type: 'LEGAL', startedAt: '2021-03-01' } }, other),
      run(
        `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`,
        {
          i: { idempotencyKey: 'ngo-other-org-c2', clientId, agency: 'IMMIGRATION', purpose: 'Permit' },
        },
        other,
      ),
      run(RECORD_GRANT, { i: { idempotencyKey: 'ngo-other-org-g1', organisationId, year: 2021, amountNok: 1000, grantor: 'Somebody' } }, other),
      run(REGISTER, { input: input({ idempotencyKey: 'ngo-other-org-02' }, { identifiers: [] }) }, other),
    ]);
    // Another organisation's episode, consent or client is answered exactly as an id that does not exist (no
    // existence oracle); grants and registrations name an organisation, which is not secret, and stay FORBIDDEN.
    const UNKNOWN = '00000000-0000-4000-8000-00000000f10a';
    const unknown = await Promise.all([
      run(`mutation($i: NgoWithdrawConsentInput!) { ngoWithdrawConsent(input: $i) { id withdrawnAt } }`, { i: { consentId: UNKNOWN } }, other),
      run(`mutation($i: NgoEndAssistanceInput!) { ngoEndAssistance(input: $i) { id endedAt } }`, { i: { episodeId: UNKNOWN, endedAt: '2021-04-01' } }, other),
      run(RECORD_ASSISTANCE, { i: { idempotencyKey: 'ngo-other-org-a3', clientId: UNKNOWN, type: 'LEGAL', startedAt: '2021-03-01' } }, other),
      run(
        `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`,
        { i: { idempotencyKey: 'ngo-other-org-c3', clientId: UNKNOWN, agency: 'IMMIGRATION', purpose: 'Permit' } },
        other,
      ),
    ]);
    const messages = [
      'No consent with that id.',
      'No assistance episode with that id.',
      'No NGO client record with that id.',
      'No NGO client record with that id.',
    ];
    attempts.slice(0, 4).forEach((attempt, i) => {
      expect(attempt.data).toBeNull();
      expect(attempt.errors).toHaveLength(1);
      expect(attempt.errors?.[0]).toMatchObject({ message: messages[i], extensions: { code: 'NOT_FOUND' } });
      expect(attempt).toEqual(unknown[i]);
    });
    for (const attempt of attempts.slice(4)) {
      expect(attempt.data).toBeNull();
      expect(attempt.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await tables()).toEqual(before);
  });

  it('answers ngoClient for an unknown id exactly as for a record the caller may not see: withheld, never a silent null', async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'ngo-oracle-01' }, { identifiers: [] }) });
    const clientId = reg.data?.ngoRegisterPotentialVictim.client.id as string;
    const Q = `query($id: ID!) { ngoClient(id: $id) { id givenNames } }`;
    const UNKNOWN = '00000000-0000-4000-8000-00000000f10b';
    const withheldAnswer = {
      data: { ngoClient: null },
      errors: [
        expect.objectContaining({
          message: 'Withheld: no client record with that id is shared with your agency.',
          path: ['ngoClient'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' }),
        }),
      ],
    };
    for (const caller of [
      { agency: 'ngo:another-ngo', roles: ['worker'], purpose: 'CASE-2021-99' },
      { agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-99' },
    ] satisfies TestClaims[]) {
      const other = await run(Q, { id: clientId }, caller);
      const missing = await run(Q, { id: UNKNOWN }, caller);
      expect(other).toEqual(withheldAnswer);
      expect(missing).toEqual(other);
    }
    // The organisation itself reads its client; an unknown id is the same withheld answer to it.
    expect((await run(Q, { id: clientId })).data?.ngoClient).toEqual({ id: clientId, givenNames: 'Ioana Elena' });
    expect(await run(Q, { id: UNKNOWN })).toEqual(withheldAnswer);
  });

  it('gives no client data without a token, without a purpose, or to the statistics role', async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'ngo-auth-flow-01' }, { identifiers: [] }) });
    const { client } = reg.data?.ngoRegisterPotentialVictim;
    const Q = `query($id: ID!) { ngoClient(id: $id) { givenNames familyName } }`;
    const anonymous = await run(Q, { id: client.id }, null);
    expect(anonymous.data?.ngoClient).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const noPurpose = await run(Q, { id: client.id }, { agency: 'ngo:test-safe-house', roles: ['worker'], purpose: null });
    expect(noPurpose.data?.ngoClient).toBeNull();
    expect(noPurpose.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' });
    const stats = await run(Q, { id: client.id }, { agency: 'nrm-working-group', roles: ['analyst'] });
    expect(stats.data?.ngoClient).toBeNull();
    expect(stats.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify([anonymous, noPurpose, stats])).not.toContain('Testeanu');
  });

  it('logs a personal read as exactly one audit record, a read of nothing personal or a refused read as none', async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'ngo-audit-01' }, { identifiers: [] }) });
    const { client, outcome } = reg.data?.ngoRegisterPotentialVictim;
    const recordId = client.id as string;
    const victimId = outcome.victimId as string;
    const reader: TestClaims = { sub: 'test-ngo-worker-3', agency: 'ngo:test-safe-house', roles: ['caseworker'], purpose: 'CASE-2021-0042' };
    await expectPersonalReadAuditedOnce({
      run,
      db: database.db,
      impersonalReads: [
        [`query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id } } }`, { r: [{ __typename: 'Victim', id: victimId }] }],
        ['{ organisations { name } }'],
      ],
      refusedRead: [`query($id: ID!) { ngoClient(id: $id) { givenNames } }`, { id: recordId }, { ...CALLER, purpose: null }],
      personalRead: [`query NgoView($id: ID!) { ngoClient(id: $id) { victimId givenNames familyName } }`, { id: recordId }, reader],
      expectedRecord: {
        requestId: 'req',
        subject: 'test-ngo-worker-3',
        agency: 'ngo:test-safe-house',
        roles: ['caseworker'],
        purpose: 'CASE-2021-0042',
        operation: 'NgoView',
        victimIds: [victimId],
        fields: ['NgoClient.familyName', 'NgoClient.givenNames', 'NgoClient.victimId', 'Query.ngoClient'],
      },
      // The database itself refuses to change its log.
      tamper: (seq) => sql`delete from audit_log where seq = ${seq}`,
    });
  });

  it("serves a victim's audit trail to data protection only, and logs that read too", async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'ngo-audit-02' }, { identifiers: [] }) });
    const { client, outcome } = reg.data?.ngoRegisterPotentialVictim;
    const recordId = client.id as string;
    const victimId = outcome.victimId as string;
    await expectAuditTrailServedToDataProtectionOnly({
      run,
      db: database.db,
      victimId,
      trailField: 'ngoAuditTrail',
      precedingRead: [`query($id: ID!) { ngoClient(id: $id) { givenNames } }`, { id: recordId }],
      expectedLastRecord: {
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        subject: 'test-user-ngo:test-safe-house',
        agency: 'ngo:test-safe-house',
        roles: ['caseworker'],
        purpose: 'CASE-2021-17',
        requestId: 'req',
        fields: ['NgoClient.givenNames', 'Query.ngoClient'],
        operation: null,
      },
    });
  });
});
