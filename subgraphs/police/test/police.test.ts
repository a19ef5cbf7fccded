import {
  expectAuditTrailServedToDataProtectionOnly,
  expectPersonalReadAuditedOnce,
  SAMPLE_IDS,
  subgraphTestSuite,
  type TestClaims,
} from '@nrm-hub/kit/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

/** The caller: a police caseworker working on a case, unless a test says otherwise. */
const CALLER: TestClaims = { agency: 'police', roles: ['caseworker'], purpose: 'CASE-2021-17' };
const { database, nrm, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: CALLER });

const REGISTER = `mutation($input: PoliceRegisterPotentialVictimInput!) {
  policeRegisterPotentialVictim(input: $input) {
    outcome { victimId matchedExisting replayed }
    person { id victimId givenNames identifiers { type value issuingCountry } caseRoles { role investigation { reference } } }
  }
}`;
const input = (over: Record<string, unknown> = {}, person: Record<string, unknown> = {}) => ({
  idempotencyKey: 'police-test-0001',
  person: {
    givenNames: 'Ana Maria',
    familyName: 'Testescu',
    birthDate: '2000-01-01',
    gender: 'FEMININE',
    citizenships: ['RO'],
    identifiers: [{ type: 'FODSELSNUMMER', value: SAMPLE_IDS.fodselsnummer }],
    ...person,
  },
  decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['SEXUAL_EXPLOITATION'] },
  ...over,
});
const countRows = async () => (await database.db.select().from(schema.persons)).length;

describe('police subgraph', () => {
  it('serves its SDL through _service, extending Victim with police records', async () => {
    const result = await run('{ _service { sdl } }');
    expect(result.data?._service.sdl).toMatch(/type Victim\s+@key\(fields: "id"\)/);
    expect(result.data?._service.sdl).toContain('police: [PolicePerson!]');
  });

  it('records a person, registers them with the NRM and links the investigation', async () => {
    const inv = await run(
      `mutation { policeOpenInvestigation(input: { reference: "OSL-2021-0001", policeDistrict: "Oslo", offence: TRAFFICKING_257, openedAt: "2021-02-01" }) { id } }`,
    );
    const investigationId = inv.data?.policeOpenInvestigation.id;
    const result = await run(REGISTER, { input: input({ investigationId }) });
    expect(result.errors).toBeUndefined();
    const { outcome, person } = result.data?.policeRegisterPotentialVictim;
    expect(outcome).toMatchObject({ matchedExisting: false, replayed: false });
    expect(person).toMatchObject({
      victimId: outcome.victimId,
      givenNames: 'Ana Maria',
      identifiers: [{ type: 'FODSELSNUMMER', value: SAMPLE_IDS.fodselsnummer, issuingCountry: 'NO' }],
      caseRoles: [{ role: 'VICTIM', investigation: { reference: 'OSL-2021-0001' } }],
    });
    // Only a keyed hash of the number went to the NRM, never the number itself.
    const sent = JSON.stringify(nrm.requests.at(-1));
    expect(sent).not.toContain(SAMPLE_IDS.fodselsnummer);
    expect(sent).not.toContain('Testescu');
    expect(nrm.requests.at(-1)?.identifierHashes[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replays a retried registration without writing again, and refuses the key for other input', async () => {
    const before = await countRows();
    const again = await run(REGISTER, { input: input({ idempotencyKey: 'police-test-0001' }) });
    expect(again.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED'); // first used with an investigation
    const fresh = input({ idempotencyKey: 'police-test-0002' }, { identifiers: [] });
    const [a, b] = await Promise.all([run(REGISTER, { input: fresh }), run(REGISTER, { input: fresh })]);
    expect(a.data?.policeRegisterPotentialVictim.outcome.victimId).toBe(b.data?.policeRegisterPotentialVictim.outcome.victimId);
    const replay = await run(REGISTER, { input: fresh });
    expect(replay.data?.policeRegisterPotentialVictim.outcome.replayed).toBe(true);
    expect(await countRows()).toBe(before + 1);
  });

  it.each([
    ['a fødselsnummer with a wrong check digit', { identifiers: [{ type: 'FODSELSNUMMER', value: '01010012357' }] }, 'person.identifiers[0].value'],
    ['a DUF number of the wrong length', { identifiers: [{ type: 'DUF_NUMMER', value: '20121234560' }] }, 'person.identifiers[0].value'],
    ['a passport without issuing country', { identifiers: [{ type: 'PASSPORT', value: 'AB123456' }] }, 'person.identifiers[0].value'],
    // One name is enough (a mononymous person); no name at all is not.
    ['no name at all', { givenNames: ' ', familyName: '  ', aliases: [] }, 'person.givenNames'],
    ['a family name with a line break in it', { familyName: 'Line\nBreak' }, 'person.familyName'],
    ['a citizenship that is not a country code', { citizenships: ['Romania'] }, 'person.citizenships[0]'],
    ['a birth date in the future', { birthDate: '2999-01-01' }, 'person.birthDate'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_name, person, field) => {
    const before = await countRows();
    const sentBefore = nrm.requests.length;
    const result = await run(REGISTER, { input: input({ idempotencyKey: `bad-${field}-${before}` }, person) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).not.toContain('0101001235');
    expect(await countRows()).toBe(before);
    expect(nrm.requests.length).toBe(sentBefore);
  });

  it('rejects a missing required field and an unknown enum value before running', async () => {
    const missing = await run(REGISTER, { input: { ...input(), person: { givenNames: 'X' } } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await run(REGISTER, { input: input({}, { gender: 'ROBOT' }) });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stores nothing when the NRM does not answer', async () => {
    nrm.down = true;
    const before = await countRows();
    const result = await run(REGISTER, { input: input({ idempotencyKey: 'police-nrm-down-1' }, { identifiers: [] }) });
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await countRows()).toBe(before);
  });

  it('resolves Victim entities with custody stays and compensation in one SQL statement', async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'police-entity-01' }, { identifiers: [] }) });
    const { person, outcome } = reg.data?.policeRegisterPotentialVictim;
    const inv = await run(`{ investigations { id reference } }`);
    const investigationId = inv.data?.investigations[0].id;
    const stay = await run(`mutation($i: PoliceRecordCustodyStayInput!) { policeRecordCustodyStay(input: $i) { kind facility } }`, {
      i: { idempotencyKey: 'stay-000001', personId: person.id, kind: 'PRISON', facility: 'Test prison', startedAt: '2021-03-01' },
    });
    expect(stay.data?.policeRecordCustodyStay).toEqual({ kind: 'PRISON', facility: 'Test prison' });
    const comp = await run(`mutation($i: PoliceRecordCompensationInput!) { policeRecordCompensation(input: $i) { amountNok investigation { reference } } }`, {
      i: { idempotencyKey: 'comp-000001', personId: person.id, investigationId, amountNok: 89200, orderedAt: '2021-06-01', paidAt: '2021-09-01' },
    });
    expect(comp.data?.policeRecordCompensation).toEqual({ amountNok: 89200, investigation: { reference: 'OSL-2021-0001' } });

    database.statements.reset();
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id police { givenNames custodyStays { kind } compensationOrders { amountNok } caseRoles { role } } } } }`,
      {
        r: [
          { __typename: 'Victim', id: outcome.victimId },
          { __typename: 'Victim', id: '00000000-0000-4000-a000-000000000000' },
        ],
      },
    );
    expect(result.data?._entities).toEqual([
      {
        id: outcome.victimId,
        police: [{ givenNames: 'Ana Maria', custodyStays: [{ kind: 'PRISON' }], compensationOrders: [{ amountNok: 89200 }], caseRoles: [] }],
      },
      { id: '00000000-0000-4000-a000-000000000000', police: [] },
    ]);
    expect(database.statements.count).toBe(1);
  });

  it('logs a personal read as exactly one audit record, a read of nothing personal or a refused read as none', async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'police-audit-01' }, { identifiers: [] }) });
    const { person, outcome } = reg.data?.policeRegisterPotentialVictim;
    const reader: TestClaims = { sub: 'test-investigator-7', agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-0042' };
    await expectPersonalReadAuditedOnce({
      run,
      db: database.db,
      impersonalReads: [
        [`query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id } } }`, { r: [{ __typename: 'Victim', id: outcome.victimId }] }],
      ],
      refusedRead: [`query($id: ID!) { policePerson(id: $id) { givenNames } }`, { id: person.id }, { ...CALLER, purpose: null }],
      personalRead: [`query PoliceView($id: ID!) { policePerson(id: $id) { victimId givenNames familyName } }`, { id: person.id }, reader],
      expectedRecord: {
        requestId: 'req',
        subject: 'test-investigator-7',
        agency: 'police',
        roles: ['investigator'],
        purpose: 'OSL-2021-0042',
        operation: 'PoliceView',
        victimIds: [outcome.victimId],
        fields: ['PolicePerson.familyName', 'PolicePerson.givenNames', 'PolicePerson.victimId', 'Query.policePerson'],
      },
      // The police database itself refuses to change its log.
      tamper: (seq) => sql`update audit_log set purpose = 'OTHER-1' where seq = ${seq}`,
    });
  });

  it("serves a victim's audit trail to data protection only, and logs that read too", async () => {
    const reg = await run(REGISTER, { input: input({ idempotencyKey: 'police-audit-02' }, { identifiers: [] }) });
    const { victimId } = reg.data?.policeRegisterPotentialVictim.outcome;
    await expectAuditTrailServedToDataProtectionOnly({
      run,
      db: database.db,
      victimId,
      trailField: 'policeAuditTrail',
      // The registration answered with the person's fields: that read is the trail's one record.
      expectedTrail: [
        expect.objectContaining({
          subject: 'test-user-police',
          agency: 'police',
          purpose: 'CASE-2021-17',
          operation: null,
          fields: expect.arrayContaining(['PolicePerson.givenNames']),
        }),
      ],
    });
  });
});
