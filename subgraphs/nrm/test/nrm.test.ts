import { createHash } from 'node:crypto';
import { createTestDatabase, execute, type Database } from '@nrm-hub/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type NrmContext } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
let database: Database<typeof schema>;
const server = createServer();
const ctx = () => createContext(database.db)({} as never, 'test-request');
const run = async (query: string, variables?: Record<string, unknown>) => execute<NrmContext>(server, await ctx(), query, variables);

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId matchedExisting matchScore } }`;
const registration = (over: Record<string, unknown> = {}) => ({
  agency: 'POLICE',
  agencyRecordId: '00000000-0000-4000-a000-000000000001',
  idempotencyKey: 'police-key-0001',
  identifierHashes: [hash('id-a')],
  status: 'POSSIBLE',
  decidedBy: 'POLICE',
  exploitationTypes: ['FORCED_LABOUR'],
  decidedOn: '2021-05-01',
  gender: 'FEMININE',
  birthYear: 1995,
  citizenships: ['RO'],
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase(schema, migrationsFolder);
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await database.close();
});

describe('nrm subgraph', () => {
  it('serves its SDL through _service with the Victim key', async () => {
    const result = await run('{ _service { sdl } }');
    expect(result.data?._service.sdl).toMatch(/type Victim\s+@key\(fields: "id"\)/);
    expect(result.data?._service.sdl).toContain('registerPotentialVictim');
  });

  it('registers a new person and matches a second registration on a shared identifier hash', async () => {
    const first = await run(REGISTER, { input: registration() });
    expect(first.errors).toBeUndefined();
    expect(first.data?.registerPotentialVictim.matchedExisting).toBe(false);
    const second = await run(REGISTER, {
      input: registration({
        agency: 'NGO',
        agencyRecordId: '00000000-0000-4000-a000-000000000002',
        idempotencyKey: 'ngo-key-0001',
        identifierHashes: [hash('id-b'), hash('id-a')],
        decidedBy: 'NGO',
      }),
    });
    expect(second.data?.registerPotentialVictim).toEqual({
      victimId: first.data?.registerPotentialVictim.victimId,
      matchedExisting: true,
      matchScore: 1,
    });
  });

  it('returns the first answer for a retried idempotency key and stores one registration', async () => {
    const input = registration({ idempotencyKey: 'retry-key-0001', identifierHashes: [hash('id-retry')] });
    const answers = await Promise.all([run(REGISTER, { input }), run(REGISTER, { input }), run(REGISTER, { input })]);
    const ids = new Set(answers.map((a) => a.data?.registerPotentialVictim.victimId));
    expect(ids.size).toBe(1);
    const rows = await database.db.select().from(schema.registrations);
    expect(rows.filter((r) => r.idempotencyKey === 'retry-key-0001')).toHaveLength(1);
  });

  it('refuses an identifier that is not a keyed hash and stores nothing', async () => {
    const before = (await database.db.select().from(schema.registrations)).length;
    const result = await run(REGISTER, { input: registration({ idempotencyKey: 'bad-hash-0001', identifierHashes: ['01019012345'] }) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).not.toContain('01019012345');
    expect((await database.db.select().from(schema.registrations)).length).toBe(before);
  });

  it('rejects an unknown enum value with a validation error', async () => {
    const result = await run(REGISTER, { input: registration({ idempotencyKey: 'bad-enum-0001', status: 'MAYBE' }) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves Victim entities with registrations, highest status and agencies', async () => {
    const reg = await run(REGISTER, { input: registration({ idempotencyKey: 'entity-key-01', identifierHashes: [hash('id-e')], status: 'ACTUAL' }) });
    const id = reg.data?.registerPotentialVictim.victimId;
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id highestStatus registeringAgencies registrations { agency status } } } }`,
      { r: [{ __typename: 'Victim', id }, { __typename: 'Victim', id: '00000000-0000-4000-a000-00000000ffff' }] },
    );
    expect(result.data?._entities).toEqual([
      { id, highestStatus: 'ACTUAL', registeringAgencies: ['POLICE'], registrations: [{ agency: 'POLICE', status: 'ACTUAL' }] },
      null,
    ]);
  });

  it('moves a referral through its states and refuses an invalid move', async () => {
    const reg = await run(REGISTER, { input: registration({ idempotencyKey: 'referral-key-1', identifierHashes: [] }) });
    const victimId = reg.data?.registerPotentialVictim.victimId;
    const send = `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id state } }`;
    const sent = await run(send, { i: { victimId, fromAgency: 'POLICE', target: 'NGO_SHELTER', idempotencyKey: 'ref-0001-abc' } });
    const again = await run(send, { i: { victimId, fromAgency: 'POLICE', target: 'NGO_SHELTER', idempotencyKey: 'ref-0001-abc' } });
    expect(again.data?.sendReferral.id).toBe(sent.data?.sendReferral.id);
    const update = `mutation($i: UpdateReferralInput!) { updateReferralState(input: $i) { state answeredAt completedAt } }`;
    const bad = await run(update, { i: { referralId: sent.data?.sendReferral.id, state: 'COMPLETED' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const accepted = await run(update, { i: { referralId: sent.data?.sendReferral.id, state: 'ACCEPTED' } });
    expect(accepted.data?.updateReferralState.state).toBe('ACCEPTED');
    expect(accepted.data?.updateReferralState.answeredAt).toBeTruthy();
    const done = await run(update, { i: { referralId: sent.data?.sendReferral.id, state: 'COMPLETED' } });
    expect(done.data?.updateReferralState.completedAt).toBeTruthy();
  });
});
