import { sql } from 'drizzle-orm';
import { auditHead, auditRecordsSince } from '@nrm-hub/kit';
import { expectPersonalReadAuditedOnce, subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';
import { hash, registrationInput } from './registration-input.ts';

const AGENCY_CLAIM: Record<string, string> = { POLICE: 'police', IMMIGRATION: 'immigration', CHILD_WELFARE: 'child-welfare', NGO: 'ngo:test-ngo' };
/** The caller: the registering agency's caseworker for a registration, else the coordinating unit. */
const callerFor = (variables?: Record<string, unknown>): TestClaims => {
  const agency = (variables?.input as { agency?: string } | undefined)?.agency;
  return agency ? { agency: AGENCY_CLAIM[agency] ?? 'police', roles: ['caseworker'], service: true } : { agency: 'coordinating-unit', roles: ['coordinator'] };
};
const { database, run } = await subgraphTestSuite({
  schema,
  migrationsFolder,
  server: createServer(),
  contextFactory,
  defaultClaims: callerFor,
  requestId: 'test-request',
});

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId matchedExisting matchScore } }`;
const registration = registrationInput;

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
      {
        r: [
          { __typename: 'Victim', id },
          { __typename: 'Victim', id: '00000000-0000-4000-a000-00000000ffff' },
        ],
      },
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
    // The receiving agency of an NGO_SHELTER referral answers it.
    const receiver: TestClaims = { agency: 'ngo:test-ngo', roles: ['worker'] };
    const bad = await run(update, { i: { referralId: sent.data?.sendReferral.id, state: 'COMPLETED' } }, receiver);
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const accepted = await run(update, { i: { referralId: sent.data?.sendReferral.id, state: 'ACCEPTED' } }, receiver);
    expect(accepted.data?.updateReferralState.state).toBe('ACCEPTED');
    expect(accepted.data?.updateReferralState.answeredAt).toBeTruthy();
    const done = await run(update, { i: { referralId: sent.data?.sendReferral.id, state: 'COMPLETED' } }, receiver);
    expect(done.data?.updateReferralState.completedAt).toBeTruthy();
  });

  it('logs a personal read as exactly one audit record, a read of nothing personal or a refused read as none', async () => {
    const reg = await run(REGISTER, { input: registration({ idempotencyKey: 'audit-key-01', identifierHashes: [] }) });
    const victimId = reg.data?.registerPotentialVictim.victimId as string;
    const reader: TestClaims = { sub: 'test-coordinator-3', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-0042' };
    await expectPersonalReadAuditedOnce({
      run,
      db: database.db,
      impersonalReads: [
        ['{ _service { sdl } }'],
        [`query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { __typename } } }`, { r: [{ __typename: 'Victim', id: victimId }] }],
      ],
      refusedRead: [
        `query($id: ID!) { victim(id: $id) { highestStatus } }`,
        { id: victimId },
        { agency: 'coordinating-unit', roles: ['coordinator'], purpose: null },
      ],
      personalRead: [`query NrmView($id: ID!) { victim(id: $id) { id highestStatus registrations { agency } } }`, { id: victimId }, reader],
      expectedRecord: {
        requestId: 'test-request',
        subject: 'test-coordinator-3',
        agency: 'coordinating-unit',
        roles: ['coordinator'],
        purpose: 'CASE-2021-0042',
        operation: 'NrmView',
        victimIds: [victimId],
        fields: ['Query.victim', 'Registration.agency', 'Victim.highestStatus', 'Victim.id', 'Victim.registrations'],
      },
      // The database itself refuses to change its log.
      tamper: (seq) => sql`update audit_log set subject = 'someone-else' where seq = ${seq}`,
    });
  });

  it("serves a victim's audit trail to data protection only, through auditVictim, and logs that read too", async () => {
    const reg = await run(REGISTER, { input: registration({ idempotencyKey: 'audit-key-02', identifierHashes: [] }) });
    const victimId = reg.data?.registerPotentialVictim.victimId as string;
    await run(`query($id: ID!) { victim(id: $id) { highestStatus } }`, { id: victimId });
    const TRAIL = `query Trail($id: ID!) { auditVictim(id: $id) { id nrmAuditTrail { at subject agency roles purpose requestId fields operation } } }`;
    const denied = await run(TRAIL, { id: victimId });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.data?.auditVictim).toBeNull();

    const before = (await auditHead(database.db))?.seq ?? 0;
    const dpo: TestClaims = { sub: 'test-dpo-1', agency: 'data-protection', roles: ['auditor'], purpose: null };
    const trail = await run(TRAIL, { id: victimId }, dpo);
    expect(trail.errors).toBeUndefined();
    expect(trail.data?.auditVictim).toEqual({
      id: victimId,
      nrmAuditTrail: [
        {
          at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          subject: 'test-user-coordinating-unit',
          agency: 'coordinating-unit',
          roles: ['coordinator'],
          purpose: 'CASE-2021-17',
          requestId: 'test-request',
          fields: ['Query.victim', 'Victim.highestStatus'],
          operation: null,
        },
      ],
    });
    // Data protection sees who read, never the victim's own data.
    const more = await run(`query($id: ID!) { auditVictim(id: $id) { highestStatus registrations { agency } } }`, { id: victimId }, dpo);
    expect(more.data?.auditVictim).toBeNull();
    expect(more.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await auditRecordsSince(database.db, before)).toMatchObject([
      {
        subject: 'test-dpo-1',
        agency: 'data-protection',
        purpose: null,
        operation: 'Trail',
        victimIds: [victimId],
        fields: ['Query.auditVictim', 'Victim.id', 'Victim.nrmAuditTrail'],
      },
      { subject: 'test-dpo-1', victimIds: [victimId], fields: ['Query.auditVictim'] },
    ]);
  });

  it('lets only the coordinating unit review links, merge and split: others get FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    const a = await run(REGISTER, { input: registration({ idempotencyKey: 'auth-merge-a1', identifierHashes: [hash('auth-merge-a')] }) });
    const b = await run(REGISTER, { input: registration({ idempotencyKey: 'auth-merge-b1', identifierHashes: [hash('auth-merge-b')] }) });
    const MERGE = `mutation($s: ID!, $m: ID!) { mergeVictims(survivorId: $s, mergedId: $m) { id mergedIds } }`;
    const vars = { s: a.data?.registerPotentialVictim.victimId, m: b.data?.registerPotentialVictim.victimId };
    const police = await run(MERGE, vars, { agency: 'police', roles: ['investigator'] });
    expect(police.data).toBeNull();
    expect(police.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await run(MERGE, vars, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reviews = await run(`{ linkReviews { id } }`, undefined, { agency: 'ngo:test-ngo', roles: ['worker'] });
    expect(reviews.data).toBeNull();
    expect(reviews.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Nothing was merged.
    const victim = await run(`query($id: ID!) { victim(id: $id) { id mergedIds } }`, { id: vars.m });
    expect(victim.data?.victim).toEqual({ id: vars.m, mergedIds: [] });
  });
});
