import { SignJWT } from 'jose';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationCode } from '@nrm-hub/kit';
import { type TestClaims } from '@nrm-hub/kit/testing';
import { startHub, type Hub } from '../support/hub.ts';
import { seedVictim, type SeededVictim } from './seed.ts';

/**
 * Authorization and integrity (issue 11, part A): writes need a write scope,
 * referrals move only by their receiver (and sender, to complete), only an
 * administrator creates organisations, the NRM's service mutations take only
 * an agency's service credential, matching does not bypass NGO consent, and
 * a failed agency write leaves no NRM registration. Each class is probed
 * through the gateway and straight at the subgraph that owns the data, with
 * other read-only roles and other agencies, and checks that nothing was
 * written.
 */

let hub: Hub;
let seed: SeededVictim;

const COORDINATOR: TestClaims = { sub: 'authz-coordinator', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' };
const ADMINISTRATOR: TestClaims = { sub: 'authz-admin', agency: 'coordinating-unit', roles: ['administrator'], purpose: null };
const POLICE: TestClaims = { sub: 'authz-police', agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-0001' };
const IMMIGRATION: TestClaims = { sub: 'authz-udi', agency: 'immigration', roles: ['caseworker'], purpose: 'UDI-2021-5' };
const CHILD_WELFARE: TestClaims = { sub: 'authz-cw', agency: 'child-welfare', roles: ['caseworker'], purpose: 'BV-2021-3' };
/** Read-only roles of the coordinating unit: they keep the `link-review` read scope and nothing more. */
const READ_ONLY_UNIT: TestClaims[] = [
  { sub: 'authz-analyst', agency: 'coordinating-unit', roles: ['analyst'], purpose: 'CASE-2021-17' },
  { sub: 'authz-viewer', agency: 'coordinating-unit', roles: ['viewer'], purpose: 'CASE-2021-17' },
];

interface Answer {
  status: number;
  json: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } | null;
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Answer['json'] };
}

/** The gateway and the subgraph that owns the data: every refusal must hold at both. */
const viaGateway = async (query: string, variables: Record<string, unknown>, claims: TestClaims) =>
  post(hub.gateway.url, query, variables, await hub.as(claims));
const direct = async (subgraph: keyof Hub['subgraphs'], query: string, variables: Record<string, unknown>, claims: TestClaims | string) =>
  post(hub.subgraphs[subgraph].url, query, variables, typeof claims === 'string' ? { authorization: `Bearer ${claims}` } : await hub.as(claims));

const codes = (answer: Answer) => [...new Set((answer.json?.errors ?? []).map((e) => e.extensions?.code))];

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
async function count(subgraph: keyof Hub['databases'], statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await hub.databases[subgraph].db.execute(statement));
  return Number(row?.n ?? 0);
}

async function ok(answer: Promise<Answer>): Promise<any> {
  const { json } = await answer;
  expect(json?.errors, JSON.stringify(json?.errors)).toBeUndefined();
  return json?.data;
}

const person = (givenNames: string, familyName: string, dNummer?: string) => ({
  givenNames,
  familyName,
  birthDate: '1994-07-21',
  gender: 'FEMININE',
  citizenships: ['NG'],
  identifiers: dNummer ? [{ type: 'D_NUMMER', value: dNummer }] : [],
});
const decision = (status: string, decidedBy: string) => ({ status, decidedBy, exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '2021-03-02' });
const POLICE_REGISTER = `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId matchedExisting replayed } } }`;
const NGO_REGISTER = `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId matchedExisting replayed } } }`;
const CREATE_ORG = `mutation($i: NgoCreateOrganisationInput!) { ngoCreateOrganisation(input: $i) { id } }`;

beforeAll(async () => {
  hub = await startHub();
  seed = await seedVictim(hub, 'authz');
}, 240_000);
afterAll(async () => {
  await hub?.stop();
});

describe('review decisions, merge and split need the coordinating unit’s write scope', () => {
  let otherVictim: string;
  const MERGE = `mutation($s: ID!, $m: ID!) { mergeVictims(survivorId: $s, mergedId: $m) { id } }`;
  const SPLIT = `mutation($v: ID!, $r: [ID!]!) { splitVictim(victimId: $v, registrationIds: $r) { id } }`;
  const CONFIRM = `mutation($id: ID!) { confirmLinkReview(id: $id) { id } }`;
  const REJECT = `mutation($id: ID!) { rejectLinkReview(id: $id) { id } }`;
  const events = () => count('nrm', sql`select count(*) as n from victim_events`);

  beforeAll(async () => {
    const data = await ok(
      viaGateway(
        POLICE_REGISTER,
        { i: { idempotencyKey: 'authz-merge-other', person: person('Oyelaran Tessaly', 'Brumwick'), decision: decision('POSSIBLE', 'POLICE') } },
        POLICE,
      ),
    );
    otherVictim = data.policeRegisterPotentialVictim.outcome.victimId;
  });

  const writes = (): [string, string, Record<string, unknown>][] => [
    ['mergeVictims', MERGE, { s: seed.victimId, m: otherVictim }],
    ['splitVictim', SPLIT, { v: seed.victimId, r: ['00000000-0000-4000-a000-000000000001'] }],
    ['confirmLinkReview', CONFIRM, { id: '00000000-0000-4000-a000-000000000002' }],
    ['rejectLinkReview', REJECT, { id: '00000000-0000-4000-a000-000000000003' }],
  ];

  for (const claims of READ_ONLY_UNIT) {
    it(`refuses every link-review write to a coordinating-unit ${claims.roles![0]}, through the gateway and at the NRM, writing nothing`, async () => {
      const before = await events();
      for (const [name, query, variables] of writes()) {
        const gateway = await viaGateway(query, variables, claims);
        expect({ name, codes: codes(gateway), data: gateway.json?.data?.[name] ?? null }).toEqual({ name, codes: ['FORBIDDEN'], data: null });
        const nrm = await direct('nrm', query, variables, claims);
        expect({ name, codes: codes(nrm), data: nrm.json?.data?.[name] ?? null }).toEqual({ name, codes: ['FORBIDDEN'], data: null });
      }
      expect(await events()).toBe(before);
    });
  }

  it('still lets the read-only analyst read the review queue', async () => {
    const answer = await viaGateway(`{ linkReviews { id } }`, {}, READ_ONLY_UNIT[0]!);
    expect(answer.json?.errors).toBeUndefined();
    expect(Array.isArray(answer.json?.data?.linkReviews)).toBe(true);
  });

  it('refuses a merge to another agency’s case handler at the NRM', async () => {
    const before = await events();
    for (const claims of [POLICE, IMMIGRATION, { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-1' }]) {
      expect(codes(await direct('nrm', MERGE, { s: seed.victimId, m: otherVictim }, claims))).toEqual(['FORBIDDEN']);
    }
    expect(await events()).toBe(before);
  });

  it('lets the coordinator merge, recorded in their name', async () => {
    const data = await ok(viaGateway(MERGE, { s: seed.victimId, m: otherVictim }, COORDINATOR));
    expect(data.mergeVictims.id).toBe(seed.victimId);
    const [event] = rowsOf<{ decided_by: string }>(await hub.databases.nrm.db.execute(sql`select decided_by from victim_events order by at desc limit 1`));
    expect(event?.decided_by).toBe('authz-coordinator');
    // Undo, so the other cases see the seed as it was.
    const regs = rowsOf<{ id: string }>(await hub.databases.nrm.db.execute(sql`select id from registrations where issued_victim_id = ${otherVictim}`));
    await ok(viaGateway(SPLIT, { v: seed.victimId, r: regs.map((r) => r.id) }, COORDINATOR));
  });
});

describe('referrals move only by their receiver, and complete only by sender or receiver', () => {
  const SEND = `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id state } }`;
  const UPDATE = `mutation($i: UpdateReferralInput!) { updateReferralState(input: $i) { id state } }`;
  const NGO_STAFF = (): TestClaims => ({ sub: 'authz-ngo', agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-1' });
  /** An NGO's referral of the seeded victim to UDI's reflection period; its id. */
  const sendFromNgo = async (idempotencyKey: string) =>
    (await ok(viaGateway(SEND, { i: { victimId: seed.victimId, fromAgency: 'NGO', target: 'IMMIGRATION_REFLECTION_PERIOD', idempotencyKey } }, NGO_STAFF())))
      .sendReferral.id as string;
  const stateOf = async (id: string) =>
    rowsOf<{ state: string }>(await hub.databases.nrm.db.execute(sql`select state from referrals where id = ${id}`))[0]?.state;

  it('refuses the police, child welfare and the sender an answer to an NGO’s referral to UDI, through the gateway and at the NRM', async () => {
    const id = await sendFromNgo('authz-ref-udi-1');
    // Those who may see the referral are refused the move; those who may not see it are told it does not exist, as
    // for an id no referral has (no existence oracle).
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    for (const [claims, state, code] of [
      [POLICE, 'ACCEPTED', 'NOT_FOUND'],
      [CHILD_WELFARE, 'DECLINED', 'NOT_FOUND'],
      [NGO_STAFF(), 'ACCEPTED', 'FORBIDDEN'],
      [COORDINATOR, 'ACCEPTED', 'FORBIDDEN'],
      [{ agency: 'ngo:another-shelter', roles: ['worker'], purpose: 'NGO-2021-9' }, 'DECLINED', 'NOT_FOUND'],
    ] as [TestClaims, string, string][]) {
      for (const answer of [
        await viaGateway(UPDATE, { i: { referralId: id, state } }, claims),
        await direct('nrm', UPDATE, { i: { referralId: id, state } }, claims),
      ]) {
        expect({ who: claims.agency, codes: codes(answer) }).toEqual({ who: claims.agency, codes: [code] });
        if (code === 'NOT_FOUND') {
          const none = await direct('nrm', UPDATE, { i: { referralId: unknown, state } }, claims);
          expect(answer.json?.errors?.[0]?.message).toBe(none.json?.errors?.[0]?.message);
        }
      }
    }
    expect(await stateOf(id)).toBe('SENT');
    // The receiver answers; then neither the police nor a bystander may complete it (to them it does not exist), the sender may.
    expect((await ok(viaGateway(UPDATE, { i: { referralId: id, state: 'ACCEPTED' } }, IMMIGRATION))).updateReferralState.state).toBe('ACCEPTED');
    expect(codes(await viaGateway(UPDATE, { i: { referralId: id, state: 'COMPLETED' } }, POLICE))).toEqual(['NOT_FOUND']);
    expect(codes(await direct('nrm', UPDATE, { i: { referralId: id, state: 'COMPLETED' } }, CHILD_WELFARE))).toEqual(['NOT_FOUND']);
    expect(await stateOf(id)).toBe('ACCEPTED');
    expect((await ok(viaGateway(UPDATE, { i: { referralId: id, state: 'COMPLETED' } }, NGO_STAFF()))).updateReferralState.state).toBe('COMPLETED');
  });

  it('answers a reused referral key only to the sender: any other agency, or another NGO, reusing it gets IDEMPOTENCY_KEY_REUSED, not the referral', async () => {
    const i = { victimId: seed.victimId, fromAgency: 'NGO', target: 'POLICE', idempotencyKey: 'authz-ref-key-1' };
    const sent = await ok(viaGateway(SEND, { i }, NGO_STAFF()));
    const id = sent.sendReferral.id as string;
    expect((await ok(viaGateway(SEND, { i }, NGO_STAFF()))).sendReferral.id).toBe(id);
    // Another staff member of the same organisation retrying gets it back too.
    expect((await ok(viaGateway(SEND, { i }, { ...NGO_STAFF(), sub: 'authz-ngo-colleague' }))).sendReferral.id).toBe(id);
    for (const [claims, fromAgency] of [
      [POLICE, 'POLICE'],
      [IMMIGRATION, 'IMMIGRATION'],
      [CHILD_WELFARE, 'CHILD_WELFARE'],
      [COORDINATOR, 'POLICE'],
      // Another NGO sends as an NGO too: the same fields in every respect but the sender.
      [{ sub: 'authz-other-ngo', agency: 'ngo:another-shelter', roles: ['worker'], purpose: 'NGO-2021-9' }, 'NGO'],
    ] as [TestClaims, string][]) {
      for (const answer of [await viaGateway(SEND, { i: { ...i, fromAgency } }, claims), await direct('nrm', SEND, { i: { ...i, fromAgency } }, claims)]) {
        expect({ who: claims.agency, codes: codes(answer) }).toEqual({ who: claims.agency, codes: ['IDEMPOTENCY_KEY_REUSED'] });
        expect(JSON.stringify(answer)).not.toContain(id);
      }
    }
    expect(await count('nrm', sql`select count(*) as n from referrals where idempotency_key = 'authz-ref-key-1'`)).toBe(1);
  });

  it('lets only the NGO that sent a referral, or the NGO that accepted one, complete it: another organisation is refused at the gateway and the NRM', async () => {
    const OTHER_NGO: TestClaims = { sub: 'authz-other-ngo', agency: 'ngo:another-shelter', roles: ['worker'], purpose: 'NGO-2021-9' };
    // As the sender: the seeded organisation refers to the police, the police accept.
    const fromNgo = await ok(
      viaGateway(SEND, { i: { victimId: seed.victimId, fromAgency: 'NGO', target: 'POLICE', idempotencyKey: 'authz-ref-ngo-sender' } }, NGO_STAFF()),
    );
    const senderCase = fromNgo.sendReferral.id as string;
    await ok(viaGateway(UPDATE, { i: { referralId: senderCase, state: 'ACCEPTED' } }, POLICE));
    // As the receiver: the police refer to an NGO shelter, the seeded organisation accepts.
    const toShelter = await ok(
      viaGateway(SEND, { i: { victimId: seed.victimId, fromAgency: 'POLICE', target: 'NGO_SHELTER', idempotencyKey: 'authz-ref-ngo-receiver' } }, POLICE),
    );
    const receiverCase = toShelter.sendReferral.id as string;
    await ok(viaGateway(UPDATE, { i: { referralId: receiverCase, state: 'ACCEPTED' } }, NGO_STAFF()));
    // The NGO's own referral is not even visible to another organisation (as if it did not exist); the police's is.
    for (const [id, code] of [
      [senderCase, 'NOT_FOUND'],
      [receiverCase, 'FORBIDDEN'],
    ] as const) {
      expect(codes(await viaGateway(UPDATE, { i: { referralId: id, state: 'COMPLETED' } }, OTHER_NGO))).toEqual([code]);
      expect(codes(await direct('nrm', UPDATE, { i: { referralId: id, state: 'COMPLETED' } }, OTHER_NGO))).toEqual([code]);
      expect(await stateOf(id)).toBe('ACCEPTED');
      expect((await ok(viaGateway(UPDATE, { i: { referralId: id, state: 'COMPLETED' } }, NGO_STAFF()))).updateReferralState.state).toBe('COMPLETED');
    }
  });

  it('shows an NGO’s referral only to that organisation, its receiver and the coordinating unit: anyone else gets it withheld in place', async () => {
    const id = await sendFromNgo('authz-ref-visibility');
    const VIEW = `query($id: ID!) { victim(id: $id) { referrals { id fromAgency target } openReferrals { id fromAgency target } } }`;
    const OTHER_NGO: TestClaims = { sub: 'authz-other-ngo', agency: 'ngo:another-shelter', roles: ['worker'], purpose: 'NGO-2021-9' };
    for (const claims of [POLICE, CHILD_WELFARE, OTHER_NGO]) {
      for (const answer of [await viaGateway(VIEW, { id: seed.victimId }, claims), await direct('nrm', VIEW, { id: seed.victimId }, claims)]) {
        const text = JSON.stringify(answer.json);
        expect({ who: claims.agency, leaked: text.includes(id) }).toEqual({ who: claims.agency, leaked: false });
        const withheld = (answer.json?.errors ?? []).filter((e) => e.extensions?.reason === 'CONSENT_REQUIRED').map((e) => String(e.path?.[1]));
        expect({ who: claims.agency, withheld: [...new Set(withheld)].sort() }).toEqual({ who: claims.agency, withheld: ['openReferrals', 'referrals'] });
        expect(answer.json?.data?.victim?.referrals).toContain(null);
      }
    }
    for (const claims of [NGO_STAFF(), IMMIGRATION, COORDINATOR]) {
      const answer = await direct('nrm', VIEW, { id: seed.victimId }, claims);
      expect({ who: claims.agency, ids: answer.json?.data?.victim?.referrals?.map((r: { id: string } | null) => r?.id) }).toEqual({
        who: claims.agency,
        ids: expect.arrayContaining([id]),
      });
    }
  });

  it('lets only the receiver decline a police referral to child welfare, and the receiver complete one', async () => {
    const sent = await ok(
      viaGateway(SEND, { i: { victimId: seed.victimId, fromAgency: 'POLICE', target: 'CHILD_WELFARE', idempotencyKey: 'authz-ref-cw-1' } }, POLICE),
    );
    const id = sent.sendReferral.id as string;
    expect(codes(await direct('nrm', UPDATE, { i: { referralId: id, state: 'DECLINED' } }, POLICE))).toEqual(['FORBIDDEN']);
    expect(codes(await direct('nrm', UPDATE, { i: { referralId: id, state: 'ACCEPTED' } }, IMMIGRATION))).toEqual(['FORBIDDEN']);
    expect(await stateOf(id)).toBe('SENT');
    expect((await ok(viaGateway(UPDATE, { i: { referralId: id, state: 'ACCEPTED' } }, CHILD_WELFARE))).updateReferralState.state).toBe('ACCEPTED');
    expect((await ok(viaGateway(UPDATE, { i: { referralId: id, state: 'COMPLETED' } }, CHILD_WELFARE))).updateReferralState.state).toBe('COMPLETED');
  });
});

describe('an idempotency key replays only the write it was first used for', () => {
  // A retry with the same key and the same input gets the first record back; the same key with any recorded value
  // changed is IDEMPOTENCY_KEY_REUSED and writes nothing, instead of answering as if the other values were stored.
  const NGO_STAFF = (): TestClaims => ({ sub: 'authz-ngo-idem', agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-1' });
  type Case = [string, () => TestClaims, string, () => Promise<Record<string, unknown>>, Record<string, unknown>[]];
  const investigationId = async () => {
    const data = await ok(viaGateway(`query($id: ID!) { policePerson(id: $id) { caseRoles { investigation { id } } } }`, { id: seed.policePersonId }, POLICE));
    return data.policePerson.caseRoles[0].investigation.id as string;
  };
  const cases: Case[] = [
    [
      'policeRecordCustodyStay',
      () => POLICE,
      'PoliceRecordCustodyStayInput',
      async () => ({ personId: seed.policePersonId, kind: 'CUSTODY', facility: 'Idem facility', startedAt: '2021-03-01' }),
      [{ kind: 'PRISON' }, { facility: 'Another facility' }, { startedAt: '2021-03-02' }, { endedAt: '2021-03-05' }],
    ],
    [
      'policeRecordCompensation',
      () => POLICE,
      'PoliceRecordCompensationInput',
      async () => ({ personId: seed.policePersonId, investigationId: await investigationId(), amountNok: 10_000, orderedAt: '2021-04-01' }),
      [{ amountNok: 99_000 }, { orderedAt: '2021-04-02' }, { paidAt: '2021-04-10' }],
    ],
    [
      'immigrationGrantResidencePermit',
      () => IMMIGRATION,
      'ImmigrationGrantResidencePermitInput',
      async () => ({ applicantId: seed.applicantId, kind: 'LIMITED_TRAFFICKING', grantedAt: '2021-06-01', validUntil: '2022-06-01' }),
      [{ kind: 'HUMANITARIAN' }, { grantedAt: '2021-06-02' }, { validUntil: '2022-05-01' }],
    ],
    [
      'immigrationRecordAsylumDecision',
      () => IMMIGRATION,
      'ImmigrationRecordAsylumDecisionInput',
      async () => ({ applicantId: seed.applicantId, outcome: 'REFUSED', decidedAt: '2021-06-01' }),
      [{ outcome: 'GRANTED' }, { decidedAt: '2021-06-02' }],
    ],
    [
      'immigrationPlanReturn',
      () => IMMIGRATION,
      'ImmigrationPlanReturnInput',
      async () => ({ applicantId: seed.applicantId, departureDate: '2031-06-01' }),
      [{ departureDate: '2031-07-01' }],
    ],
    [
      'ngoRecordAssistance',
      NGO_STAFF,
      'NgoRecordAssistanceInput',
      async () => ({ clientId: seed.clientId, type: 'LEGAL', startedAt: '2021-05-03' }),
      [{ type: 'MEDICAL' }, { startedAt: '2021-05-04' }],
    ],
    [
      'ngoRecordConsent',
      NGO_STAFF,
      'NgoRecordConsentInput',
      async () => ({ clientId: seed.clientId, agency: 'IMMIGRATION', purpose: 'Reflection period application', givenAt: '2021-05-03T10:00:00Z' }),
      [{ agency: 'CHILD_WELFARE' }, { purpose: 'Something else entirely' }, { givenAt: '2021-05-04T10:00:00Z' }],
    ],
    [
      'ngoRecordGrant',
      NGO_STAFF,
      'NgoRecordGrantInput',
      async () => ({ organisationId: seed.organisation.id, year: 2021, amountNok: 50_000, grantor: 'Oslo municipality' }),
      [{ year: 2020 }, { amountNok: 5_000_000 }, { grantor: 'Parliament' }],
    ],
    [
      'childWelfareStartPlacement',
      () => CHILD_WELFARE,
      'ChildWelfareStartPlacementInput',
      async () => ({ caseId: seed.caseId, kind: 'EMERGENCY', startedAt: '2021-05-10', plannedEndAt: '2021-06-10' }),
      [{ kind: 'FOSTER_CARE' }, { plannedEndAt: '2021-07-10' }],
    ],
    [
      'childWelfareRecordMeasure',
      () => CHILD_WELFARE,
      'ChildWelfareRecordMeasureInput',
      async () => ({ caseId: seed.caseId, kind: 'SCHOOL', takenAt: '2021-05-10' }),
      [{ kind: 'HEALTH' }, { takenAt: '2021-05-11' }],
    ],
  ];
  for (const [mutation, claims, inputType, base, changes] of cases) {
    it(`${mutation}: the same key with other values is IDEMPOTENCY_KEY_REUSED, through the gateway and at the subgraph`, async () => {
      const doc = `mutation($i: ${inputType}!) { ${mutation}(input: $i) { id } }`;
      const subgraph = (
        mutation.startsWith('police') ? 'police' : mutation.startsWith('immigration') ? 'immigration' : mutation.startsWith('ngo') ? 'ngo' : 'child-welfare'
      ) as keyof Hub['subgraphs'];
      const first = { idempotencyKey: `authz-idem-${mutation}`, ...(await base()) };
      const id = (await ok(viaGateway(doc, { i: first }, claims())))[mutation].id as string;
      expect((await ok(viaGateway(doc, { i: first }, claims())))[mutation].id).toBe(id);
      for (const change of changes) {
        for (const answer of [
          await viaGateway(doc, { i: { ...first, ...change } }, claims()),
          await direct(subgraph, doc, { i: { ...first, ...change } }, claims()),
        ]) {
          expect({ change, codes: codes(answer) }).toEqual({ change, codes: ['IDEMPOTENCY_KEY_REUSED'] });
          expect(JSON.stringify(answer.json)).not.toContain(id);
        }
      }
    });
  }
});

describe('organisations are created only by the coordinating unit’s administrator', () => {
  const orgs = () => count('ngo', sql`select count(*) as n from organisations`);

  it('refuses NGO staff (of any organisation), the coordinator and the police, through the gateway and at the NGO subgraph, writing nothing', async () => {
    const before = await orgs();
    const callers: TestClaims[] = [
      { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-1' },
      { agency: `ngo:${organisationCode('Fake Shelter')}`, roles: ['worker'], purpose: 'NGO-2021-2' },
      { agency: seed.organisation.agency, roles: ['coordinator', 'worker', 'caseworker'], purpose: 'NGO-2021-1' },
      COORDINATOR,
      POLICE,
    ];
    for (const claims of callers) {
      const variables = { i: { name: 'Fake Shelter', kind: 'NGO' } };
      expect({ who: claims.agency, codes: codes(await viaGateway(CREATE_ORG, variables, claims)) }).toEqual({ who: claims.agency, codes: ['FORBIDDEN'] });
      expect({ who: claims.agency, codes: codes(await direct('ngo', CREATE_ORG, variables, claims)) }).toEqual({ who: claims.agency, codes: ['FORBIDDEN'] });
    }
    // An NGO's own "administrator" is still NGO staff.
    expect(
      codes(await direct('ngo', CREATE_ORG, { i: { name: 'Fake Shelter', kind: 'NGO' } }, { agency: seed.organisation.agency, roles: ['administrator'] })),
    ).toEqual(['FORBIDDEN']);
    expect(await orgs()).toBe(before);
  });

  it('refuses the administrator a second organisation under an agency claim another already has, or one no token can name, writing nothing', async () => {
    // NGO staff are told apart only by `ngo:<organisation code>`: two organisations with one code would share their clients.
    const before = await orgs();
    const taken = seed.organisation.name;
    for (const name of [taken.toUpperCase(), taken.replace(/ /g, '-'), `${taken}!`, ` ${taken.replace('e', 'é')} `, '!!!', 'x', 'Å', 'a'.repeat(61)]) {
      const variables = { i: { name, kind: 'NGO' } };
      expect({ name, codes: codes(await viaGateway(CREATE_ORG, variables, ADMINISTRATOR)) }).toEqual({ name, codes: ['BAD_USER_INPUT'] });
      expect({ name, codes: codes(await direct('ngo', CREATE_ORG, variables, ADMINISTRATOR)) }).toEqual({ name, codes: ['BAD_USER_INPUT'] });
    }
    expect(await orgs()).toBe(before);
    // The same name again is a retry, answered with the organisation it made.
    expect((await ok(viaGateway(CREATE_ORG, { i: { name: taken, kind: 'NGO' } }, ADMINISTRATOR))).ngoCreateOrganisation.id).toBe(seed.organisation.id);
  });

  it('lets the administrator create one', async () => {
    const data = await ok(viaGateway(CREATE_ORG, { i: { name: 'Authz Crisis Centre', kind: 'MUNICIPAL_CRISIS_CENTRE' } }, ADMINISTRATOR));
    expect(data.ngoCreateOrganisation.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the NRM’s service mutations take only an agency’s service credential', () => {
  const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId matchedExisting } }`;
  const WITHDRAW = `mutation($a: Agency!, $k: String!) { withdrawRegistration(agency: $a, idempotencyKey: $k) }`;
  const registrations = () => count('nrm', sql`select count(*) as n from registrations`);
  const input = (agency: string, key: string) => ({
    agency,
    agencyRecordId: '00000000-0000-4000-a000-0000000000aa',
    idempotencyKey: key,
    identifierHashes: [],
    clk: Buffer.alloc(128, 0x11).toString('base64'),
    status: 'ACTUAL',
    decidedBy: 'POLICE',
    exploitationTypes: [],
    decidedOn: '2021-03-02',
    gender: 'FEMININE',
    birthYear: 1990,
    citizenships: [],
  });

  it('is not part of the gateway’s API, whoever asks', async () => {
    const before = await registrations();
    for (const claims of [POLICE, COORDINATOR, ADMINISTRATOR]) {
      const answer = await viaGateway(REGISTER, { input: input('POLICE', 'authz-gw-register') }, claims);
      expect(answer.json?.data ?? null).toBeNull();
      expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(codes(await viaGateway(WITHDRAW, { a: 'POLICE', k: seed.victimId }, claims))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
    expect(await registrations()).toBe(before);
  });

  it('refuses end users’ tokens straight at the NRM, for every agency and role', async () => {
    const before = await registrations();
    for (const [agency, claims] of [
      ['POLICE', POLICE],
      ['IMMIGRATION', IMMIGRATION],
      ['CHILD_WELFARE', CHILD_WELFARE],
      ['NGO', { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-1' }],
      ['POLICE', COORDINATOR],
    ] as [string, TestClaims][]) {
      const answer = await direct('nrm', REGISTER, { input: input(agency, `authz-user-${agency}`) }, claims);
      expect({ agency, codes: codes(answer), data: answer.json?.data ?? null }).toEqual({ agency, codes: ['FORBIDDEN'], data: null });
      expect(codes(await direct('nrm', WITHDRAW, { a: 'NGO', k: 'seed-authz-ngo' }, claims))).toEqual(['FORBIDDEN']);
    }
    expect(await registrations()).toBe(before);
    // The NGO's registration is still there: no user could withdraw it.
    expect(await count('nrm', sql`select count(*) as n from registrations where idempotency_key = 'seed-authz-ngo'`)).toBe(1);
  });

  it('refuses a service credential in another agency’s name, one signed with another agency’s key, a user-issuer token posing as one, and one at the gateway', async () => {
    const before = await registrations();
    const policeService = await hub.issuer.token({ ...POLICE, service: true });
    expect(codes(await direct('nrm', REGISTER, { input: input('NGO', 'authz-svc-other-name') }, policeService))).toEqual(['FORBIDDEN']);
    // The police key minting an NGO credential.
    const forged = await hub.issuer.serviceSigner('police').mint({ subject: 'x', agency: 'ngo:rosa', purpose: 'CASE-2021-17' });
    expect(codes(await direct('nrm', REGISTER, { input: input('NGO', 'authz-svc-forged') }, forged))).toEqual(['UNAUTHENTICATED']);
    // The user issuer's key with the service audience.
    const posing = await new SignJWT({ agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' })
      .setProtectedHeader({ alg: 'ES256', kid: 'police' })
      .setIssuer('service:police')
      .setSubject('service:police')
      .setAudience('nrm-hub-service')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(hub.issuer.privateKey);
    expect(codes(await direct('nrm', REGISTER, { input: input('POLICE', 'authz-svc-posing') }, posing))).toEqual(['UNAUTHENTICATED']);
    // A real service credential is no user token: the gateway refuses it outright.
    const atGateway = await post(hub.gateway.url, `{ victims(first: 1) { id } }`, {}, { authorization: `Bearer ${policeService}` });
    expect(atGateway.status).toBe(401);
    expect(await registrations()).toBe(before);
  });

  it('accepts the agency’s own service credential', async () => {
    const policeService = await hub.issuer.token({ ...POLICE, service: true });
    const answer = await direct('nrm', REGISTER, { input: input('POLICE', 'authz-svc-own') }, policeService);
    expect(answer.json?.errors).toBeUndefined();
    expect(answer.json?.data?.registerPotentialVictim.matchedExisting).toBe(false);
    expect(await count('nrm', sql`select count(*) as n from registrations where idempotency_key = 'authz-svc-own' and registered_by = 'police'`)).toBe(1);
  });
});

describe('matching does not reveal an NGO client the caller may not see', () => {
  let ngoVictim: string;
  const orgName = 'Authz Quiet Shelter';
  const staff = (): TestClaims => ({ sub: 'authz-quiet', agency: `ngo:${organisationCode(orgName)}`, roles: ['worker'], purpose: 'NGO-2021-3' });
  const VIEW = `query($id: ID!) { victim(id: $id) { id highestStatus registeringAgencies registrations { agency status } } }`;
  const ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { highestStatus registeringAgencies registrations { agency status } } } }`;

  beforeAll(async () => {
    const org = await ok(viaGateway(CREATE_ORG, { i: { name: orgName, kind: 'NGO' } }, ADMINISTRATOR));
    const data = await ok(
      viaGateway(
        NGO_REGISTER,
        {
          i: {
            idempotencyKey: 'authz-quiet-client',
            organisationId: org.ngoCreateOrganisation.id,
            person: person('Quendolyn Arvasse', 'Thimbleroot'),
            decision: decision('ACTUAL', 'NGO'),
          },
        },
        staff(),
      ),
    );
    ngoVictim = data.ngoRegisterPotentialVictim.outcome.victimId;
  });

  it('gives the police the victim id of a match but withholds the NGO registration, its agency and its status, through the gateway and at the NRM', async () => {
    const registered = await ok(
      viaGateway(
        POLICE_REGISTER,
        { i: { idempotencyKey: 'authz-quiet-police', person: person('Quendolyn Arvasse', 'Thimbleroot'), decision: decision('POSSIBLE', 'POLICE') } },
        POLICE,
      ),
    );
    expect(registered.policeRegisterPotentialVictim.outcome).toMatchObject({ victimId: ngoVictim, matchedExisting: true });
    const viaGw = await viaGateway(VIEW, { id: ngoVictim }, POLICE);
    expect(viaGw.json?.data?.victim).toEqual({
      id: ngoVictim,
      highestStatus: 'POSSIBLE',
      registeringAgencies: ['POLICE'],
      registrations: [null, { agency: 'POLICE', status: 'POSSIBLE' }],
    });
    expect(viaGw.json?.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.reason])).toEqual([
      ['victim.registrations.0', 'FORBIDDEN', 'CONSENT_REQUIRED'],
    ]);
    const atNrm = await direct('nrm', ENTITY, { r: [{ __typename: 'Victim', id: ngoVictim }] }, POLICE);
    expect(atNrm.json?.data?._entities[0]).toEqual({
      highestStatus: 'POSSIBLE',
      registeringAgencies: ['POLICE'],
      registrations: [null, { agency: 'POLICE', status: 'POSSIBLE' }],
    });
    expect(atNrm.json?.errors?.[0]?.extensions?.reason).toBe('CONSENT_REQUIRED');
  });

  it('withholds it from UDI, child welfare and another NGO alike, and shows it to the registering NGO and the coordinating unit', async () => {
    for (const claims of [IMMIGRATION, CHILD_WELFARE, { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-1' }]) {
      const answer = await viaGateway(VIEW, { id: ngoVictim }, claims);
      expect({ who: claims.agency, victim: answer.json?.data?.victim }).toEqual({
        who: claims.agency,
        victim: { id: ngoVictim, highestStatus: 'POSSIBLE', registeringAgencies: ['POLICE'], registrations: [null, { agency: 'POLICE', status: 'POSSIBLE' }] },
      });
    }
    for (const claims of [staff(), COORDINATOR]) {
      const answer = await viaGateway(VIEW, { id: ngoVictim }, claims);
      expect(answer.json?.errors).toBeUndefined();
      expect(answer.json?.data?.victim).toMatchObject({
        highestStatus: 'ACTUAL',
        registrations: [
          { agency: 'NGO', status: 'ACTUAL' },
          { agency: 'POLICE', status: 'POSSIBLE' },
        ],
      });
    }
  });

  it('does not date the NGO’s registration either: firstRegisteredAt is withheld in place from everyone who may not see the first registration', async () => {
    const DATED = `query($id: ID!) { victim(id: $id) { id firstRegisteredAt registrations { registeredAt } } }`;
    const ENTITY_DATED = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { firstRegisteredAt } } }`;
    const ngoRegisteredAt = (await ok(viaGateway(DATED, { id: ngoVictim }, COORDINATOR))).victim.registrations[0].registeredAt as string;
    for (const claims of [POLICE, IMMIGRATION, CHILD_WELFARE, { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-1' }]) {
      const viaGw = await viaGateway(DATED, { id: ngoVictim }, claims);
      const atNrm = await direct('nrm', ENTITY_DATED, { r: [{ __typename: 'Victim', id: ngoVictim }] }, claims);
      expect({ who: claims.agency, gateway: viaGw.json?.data?.victim?.firstRegisteredAt, nrm: atNrm.json?.data?._entities?.[0]?.firstRegisteredAt }).toEqual({
        who: claims.agency,
        gateway: null,
        nrm: null,
      });
      expect(viaGw.json?.errors?.find((e) => e.path?.join('.') === 'victim.firstRegisteredAt')?.extensions?.reason).toBe('CONSENT_REQUIRED');
      expect(atNrm.json?.errors?.[0]?.extensions?.reason).toBe('CONSENT_REQUIRED');
      expect(JSON.stringify([viaGw.json, atNrm.json])).not.toContain(ngoRegisteredAt);
    }
    for (const claims of [staff(), COORDINATOR]) {
      const answer = await viaGateway(DATED, { id: ngoVictim }, claims);
      expect(answer.json?.errors).toBeUndefined();
      expect(answer.json?.data?.victim?.firstRegisteredAt).toBe(ngoRegisteredAt);
    }
  });
});

describe('an agency write that fails after the NRM answered leaves no NRM registration', () => {
  const nrmRegistrations = (agency: string, key: string) =>
    count('nrm', sql`select count(*) as n from registrations where agency = ${agency} and idempotency_key = ${key}`);

  async function failInserts(subgraph: 'police' | 'ngo', fail: boolean) {
    const db = hub.databases[subgraph].db;
    if (fail) {
      await db.execute(
        sql.raw(`create or replace function authz_fail_insert() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`),
      );
      await db.execute(sql.raw(`create trigger authz_fail before insert on registration_requests for each row execute function authz_fail_insert()`));
    } else {
      await db.execute(sql.raw(`drop trigger authz_fail on registration_requests`));
    }
  }

  it('withdraws the police registration, and a retry with the same key then registers once', async () => {
    const variables = {
      i: { idempotencyKey: 'authz-half-police', person: person('Ravendale Oximore', 'Quistwell'), decision: decision('POSSIBLE', 'POLICE') },
    };
    await failInserts('police', true);
    try {
      const failed = await viaGateway(POLICE_REGISTER, variables, POLICE);
      expect(failed.json?.data?.policeRegisterPotentialVictim ?? null).toBeNull();
      // The database failed, not the input: the NRM had answered.
      expect(codes(failed)).toHaveLength(1);
      expect(codes(failed)).not.toContain('BAD_USER_INPUT');
    } finally {
      await failInserts('police', false);
    }
    expect(await nrmRegistrations('POLICE', 'authz-half-police')).toBe(0);
    expect(await count('police', sql`select count(*) as n from registration_requests where idempotency_key = 'authz-half-police'`)).toBe(0);
    const retried = await ok(viaGateway(POLICE_REGISTER, variables, POLICE));
    expect(retried.policeRegisterPotentialVictim.outcome.replayed).toBe(false);
    const again = await ok(viaGateway(POLICE_REGISTER, variables, POLICE));
    expect(again.policeRegisterPotentialVictim.outcome).toEqual({ ...retried.policeRegisterPotentialVictim.outcome, replayed: true });
    expect(await nrmRegistrations('POLICE', 'authz-half-police')).toBe(1);
  });

  it('does the same for an NGO registration, leaving no orphan victim behind', async () => {
    const victims = () => count('nrm', sql`select count(*) as n from victims`);
    const before = await victims();
    const variables = {
      i: {
        idempotencyKey: 'authz-half-ngo',
        organisationId: seed.organisation.id,
        person: person('Marwillow Castaine', 'Ulvestrand'),
        decision: decision('POSSIBLE', 'NGO'),
      },
    };
    const staff: TestClaims = { agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-1' };
    await failInserts('ngo', true);
    try {
      expect((await viaGateway(NGO_REGISTER, variables, staff)).json?.data?.ngoRegisterPotentialVictim ?? null).toBeNull();
    } finally {
      await failInserts('ngo', false);
    }
    expect(await nrmRegistrations('NGO', 'authz-half-ngo')).toBe(0);
    expect(await victims()).toBe(before);
    await ok(viaGateway(NGO_REGISTER, variables, staff));
    expect(await nrmRegistrations('NGO', 'authz-half-ngo')).toBe(1);
    expect(await victims()).toBe(before + 1);
  });
});
