import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY, loadDemoData } from '@nrm-hub/scripts/demo-data';
import { seededRandom } from '@nrm-hub/kit/runtime';
import { syntheticPerson } from '@nrm-hub/scripts/synthetic-people';
import { auditHead, auditRecordsSince, organisationCode, verifyAuditChain } from '@nrm-hub/kit';
import { type TestClaims } from '@nrm-hub/kit/testing';
import { startHub, type Hub } from './support/hub.ts';
import { statisticsOnDemoData } from './support/statistics-checks.ts';

let hub: Hub;
const COORDINATOR: TestClaims = { agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' };
/** A request through the gateway as `claims` (the coordinating unit by default). */
const q = async (query: string, variables?: Record<string, unknown>, claims: TestClaims = COORDINATOR) => hub.query(query, variables, await hub.as(claims));

const count = async (name: keyof Hub['databases'], table: string) => {
  const result = await hub.databases[name].db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return rows[0]!.n;
};

beforeAll(async () => {
  hub = await startHub();
  await loadDemoData(hub.gateway.url, (agency, roles) => hub.issuer.token({ agency, roles, purpose: 'DEMO-DATA-LOAD' }));
}, 240_000);
afterAll(async () => {
  await hub?.stop();
});

describe('the hub through the gateway', () => {
  it('loads the demo data set with duplicates: 142 registrations of 107 persons (110 of 87 in 2021, 32 of 20 in 2020)', async () => {
    expect(await count('nrm', 'registrations')).toBe(142);
    expect(await count('nrm', 'victims')).toBe(107);
  });

  it('returns one victim with fields from all five subgraphs in one query', async () => {
    const { body } = await q(`{
      victims(first: 200) {
        id highestStatus registeringAgencies
        police { givenNames custodyStays { kind endedAt } }
        immigration { reflectionPeriods { grantedAt endsAt } }
        childWelfare { unaccompanied placements { kind } }
        assistance { organisation { name } assistanceEpisodes { type } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const victims = body.data.victims as any[];
    // The person found in prison is known to the police and to an NGO, and also to no other agency.
    const inPrison = victims.filter((v) => v.police?.some((p: any) => p.custodyStays.some((s: any) => s.kind === 'PRISON')));
    expect(inPrison).toHaveLength(1);
    expect(inPrison[0].registeringAgencies.sort()).toEqual(['NGO', 'POLICE']);
    expect(inPrison[0].assistance[0].assistanceEpisodes.map((e: any) => e.type)).toContain('SHELTER');
    // The child is known to child welfare and the police.
    const child = victims.find((v) => v.childWelfare?.length);
    expect(child.registeringAgencies.sort()).toEqual(['CHILD_WELFARE', 'POLICE']);
    expect(child.childWelfare[0]).toEqual({ unaccompanied: true, placements: [{ kind: 'INSTITUTION' }] });
    expect(child.police).toHaveLength(1);
    // One victim known to NGO and UDI has a reflection period of exactly six months.
    const reflected = victims.filter((v) => v.immigration?.some((a: any) => a.reflectionPeriods.some((p: any) => p.grantedAt.startsWith('2021'))));
    expect(reflected).toHaveLength(8);
    expect(reflected.every((v) => v.assistance.length === 1)).toBe(true);
    const period = reflected[0].immigration[0].reflectionPeriods[0];
    const end = new Date(`${period.grantedAt}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 6);
    expect(period.endsAt).toBe(end.toISOString().slice(0, 10));
  });

  it('answers the example query that npm start prints', async () => {
    const { body } = await q(EXAMPLE_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data.victims).toHaveLength(5);
    expect(body.data.victims[0].registrations.length).toBeGreaterThan(0);
  });

  it('joins 100 victims with four agency subgraphs using one SQL statement per subgraph', async () => {
    const rnd = seededRandom(99);
    const org = (await q(`{ organisations { id name } }`)).body.data.organisations[0];
    const staff: TestClaims = { agency: `ngo:${organisationCode(org.name)}`, roles: ['worker'], purpose: 'CASE-2021-99' };
    for (let i = 0; i < 13; i++) {
      const { body } = await q(
        `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } client { id } } }`,
        {
          i: {
            idempotencyKey: `e2e-extra-${i}`,
            organisationId: org.id,
            person: syntheticPerson(rnd, 'PL', 1980, 2000),
            decision: { status: 'POSSIBLE', decidedBy: 'NGO', exploitationTypes: ['FORCED_LABOUR'] },
          },
        },
        staff,
      );
      expect(body.errors).toBeUndefined();
      const consent = await q(
        `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`,
        {
          i: {
            idempotencyKey: `e2e-extra-consent-${i}`,
            clientId: body.data.ngoRegisterPotentialVictim.client.id,
            agency: 'COORDINATING_UNIT',
            purpose: 'Follow-up',
          },
        },
        staff,
      );
      expect(consent.body.errors).toBeUndefined();
    }
    const agencies = ['police', 'immigration', 'child-welfare', 'ngo'] as const;
    for (const a of agencies) hub.databases[a].statements.reset();
    const { body } = await q(`{
      victims(first: 100) {
        id
        police { familyName caseRoles { role } compensationOrders { amountNok } }
        immigration { dufNumber residencePermits { kind } }
        childWelfare { municipality placements { kind } }
        assistance { familyName assistanceEpisodes { type } consents { agency } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.victims).toHaveLength(100);
    expect(body.data.victims.filter((v: any) => v.assistance.length > 0).length).toBeGreaterThan(80);
    for (const a of agencies) expect({ subgraph: a, statements: hub.databases[a].statements.count }).toEqual({ subgraph: a, statements: 1 });
  });

  it('replays a retried registration through the gateway without a second person', async () => {
    const rnd = seededRandom(7);
    const input = {
      idempotencyKey: 'e2e-retry-0001',
      person: syntheticPerson(rnd, 'NO', 1990, 1995),
      decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'] },
    };
    const m = `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId replayed } } }`;
    const before = await count('nrm', 'registrations');
    const police: TestClaims = { agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-0001' };
    const answers = await Promise.all([q(m, { i: input }, police), q(m, { i: input }, police), q(m, { i: input }, police)]);
    expect(new Set(answers.map((a) => a.body.data.policeRegisterPotentialVictim.outcome.victimId)).size).toBe(1);
    expect(await count('nrm', 'registrations')).toBe(before + 1);
    expect(await count('police', 'persons')).toBe(14);
  });

  it.each([
    [
      'a malformed DUF number',
      'immigrationRegisterPotentialVictim',
      'ImmigrationRegisterPotentialVictimInput',
      { identifiers: [{ type: 'DUF_NUMMER', value: '201212345604' }] },
      'BAD_USER_INPUT',
    ],
    [
      'a fødselsnummer with bad check digits',
      'policeRegisterPotentialVictim',
      'PoliceRegisterPotentialVictimInput',
      { identifiers: [{ type: 'FODSELSNUMMER', value: '01010012357' }] },
      'BAD_USER_INPUT',
    ],
    ['an unknown enum value', 'policeRegisterPotentialVictim', 'PoliceRegisterPotentialVictimInput', { gender: 'ROBOT' }, 'BAD_USER_INPUT'],
    ['a missing required field', 'immigrationRegisterPotentialVictim', 'ImmigrationRegisterPotentialVictimInput', { familyName: undefined }, 'BAD_USER_INPUT'],
  ])('refuses %s with a coded error and writes nothing anywhere', async (_name, field, inputType, override, code) => {
    const before = { nrm: await count('nrm', 'registrations'), police: await count('police', 'persons'), udi: await count('immigration', 'applicants') };
    const person = { ...syntheticPerson(seededRandom(5), 'RO', 1990, 1995), ...override };
    const agency = field.startsWith('police') ? 'police' : 'immigration';
    const { body } = await q(
      `mutation($i: ${inputType}!) { ${field}(input: $i) { outcome { victimId } } }`,
      { i: { idempotencyKey: `e2e-bad-${field}-${_name.length}`, person, decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: [] } } },
      { agency, roles: ['caseworker'], purpose: 'CASE-2021-17' },
    );
    expect(body.data?.[field] ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.errors?.[0]?.message).not.toContain(person.familyName ?? '§');
    expect(body.errors?.[0]?.message).not.toContain(person.givenNames);
    expect(body.errors?.[0]?.message).not.toContain('ROBOT');
    expect({ nrm: await count('nrm', 'registrations'), police: await count('police', 'persons'), udi: await count('immigration', 'applicants') }).toEqual(
      before,
    );
  });

  // Before anything below adds registrations decided in 2021 (those above are decided today).
  statisticsOnDemoData(() => hub);

  describe('the audit log', () => {
    const SUBGRAPHS = ['nrm', 'police', 'immigration', 'child-welfare', 'ngo'] as const;
    const TRAILS = {
      nrm: 'nrmAuditTrail',
      police: 'policeAuditTrail',
      immigration: 'immigrationAuditTrail',
      'child-welfare': 'childWelfareAuditTrail',
      ngo: 'ngoAuditTrail',
    } as const;
    const READER: TestClaims = { ...COORDINATOR, sub: 'test-coordinator-e2e' };
    const DPO: TestClaims = { sub: 'test-dpo-e2e', agency: 'data-protection', roles: ['officer'], purpose: null };
    /** Each subgraph's newest audit seq (0 for an empty log). */
    const heads = async () => {
      const entries = await Promise.all(SUBGRAPHS.map(async (s) => [s, (await auditHead(hub.databases[s].db))?.seq ?? 0] as const));
      return Object.fromEntries(entries) as Record<(typeof SUBGRAPHS)[number], number>;
    };
    let victimId: string;

    it('logs a single victim view in the audit log of every subgraph that served it, once each', async () => {
      // The victim known to the most agencies.
      const list = await q(`{ victims(first: 200) { id registeringAgencies } }`);
      const victims = list.body.data.victims as { id: string; registeringAgencies: string[] }[];
      const known = victims.reduce((best, v) => (v.registeringAgencies.length > best.registeringAgencies.length ? v : best));
      expect(known.registeringAgencies.length).toBeGreaterThanOrEqual(2);
      victimId = known.id;
      const before = await heads();
      const { body } = await q(
        EXAMPLE_QUERY.replace('victims(first: 5)', 'victim(id: $id)').replace('query SingleVictimView {', 'query SingleVictimView($id: ID!) {'),
        { id: victimId },
        READER,
      );
      expect(body.errors).toBeUndefined();
      const requestIds = new Set<string>();
      const owned = {
        police: 'PolicePerson.givenNames',
        immigration: 'Applicant.dufNumber',
        'child-welfare': 'ChildCase.unaccompanied',
        ngo: 'AssistanceEpisode.type',
      } as const;
      const agencyOf = { police: 'POLICE', immigration: 'IMMIGRATION', 'child-welfare': 'CHILD_WELFARE', ngo: 'NGO' } as const;
      for (const s of SUBGRAPHS) {
        const records = await auditRecordsSince(hub.databases[s].db, before[s]);
        expect({ subgraph: s, records: records.length }).toEqual({ subgraph: s, records: 1 });
        const [record] = records;
        expect({ subgraph: s, ...record }).toMatchObject({
          subgraph: s,
          subject: 'test-coordinator-e2e',
          agency: 'coordinating-unit',
          roles: ['coordinator'],
          purpose: 'CASE-2021-17',
        });
        expect(record!.victimIds).toContain(victimId);
        requestIds.add(record!.requestId);
        if (s === 'nrm') {
          expect(record!.fields).toEqual(expect.arrayContaining(['Query.victim', 'Victim.highestStatus', 'Registration.agency']));
        } else {
          expect(record!.fields).toContain(`Victim.${{ police: 'police', immigration: 'immigration', 'child-welfare': 'childWelfare', ngo: 'assistance' }[s]}`);
          // Fields of the agency's own records are listed where the agency holds any.
          if (known.registeringAgencies.includes(agencyOf[s])) expect(record!.fields).toContain(owned[s]);
        }
      }
      // The gateway gives the five subgraph calls one request id, so the records can be matched up.
      expect(requestIds.size).toBe(1);
    });

    it("lets data protection read a victim's audit trail from all five subgraphs in one query, and logs that read too", async () => {
      const TRAIL = `query VictimAuditTrail($id: ID!) {
        auditVictim(id: $id) {
          id
          ${SUBGRAPHS.map((s) => `${TRAILS[s]} { ...Read }`).join('\n          ')}
        }
      }
      fragment Read on AuditRecord { at subject agency roles purpose requestId fields operation }`;
      const before = await heads();
      const { body } = await q(TRAIL, { id: victimId }, DPO);
      expect(body.errors).toBeUndefined();
      expect(body.data.auditVictim.id).toBe(victimId);
      for (const s of SUBGRAPHS) {
        const trail = body.data.auditVictim[TRAILS[s]] as { subject: string; purpose: string | null; at: string; fields: string[] }[];
        expect({ subgraph: s, read: trail.some((r) => r.subject === 'test-coordinator-e2e' && r.purpose === 'CASE-2021-17') }).toEqual({
          subgraph: s,
          read: true,
        });
        expect(trail.map((r) => r.at)).toEqual([...trail.map((r) => r.at)].sort());
      }
      // The data-protection officer's read is logged by each subgraph, as a read about this victim.
      for (const s of SUBGRAPHS) {
        const records = await auditRecordsSince(hub.databases[s].db, before[s]);
        expect({ subgraph: s, records: records.map((r) => ({ subject: r.subject, agency: r.agency, purpose: r.purpose, victimIds: r.victimIds })) }).toEqual({
          subgraph: s,
          records: [{ subject: 'test-dpo-e2e', agency: 'data-protection', purpose: null, victimIds: [victimId] }],
        });
        expect(records[0]!.fields).toContain(`Victim.${TRAILS[s]}`);
      }
    });

    it("keeps the victim's own data from data protection, and the audit trail from everyone else, at the gateway and at the subgraphs", async () => {
      const denied = await q(`query($id: ID!) { auditVictim(id: $id) { highestStatus police { givenNames } } }`, { id: victimId }, DPO);
      expect(denied.body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
      expect(JSON.stringify(denied.body.data ?? null)).not.toMatch(/givenNames":"|highestStatus":"/);
      const trail = await q(`query($id: ID!) { victim(id: $id) { policeAuditTrail { subject } nrmAuditTrail { subject } } }`, { id: victimId });
      expect(trail.body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
      expect(JSON.stringify(trail.body.data ?? null)).not.toContain('subject');
      const direct = await fetch(hub.subgraphs.police.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await hub.as(COORDINATOR)) },
        body: JSON.stringify({
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { policeAuditTrail { subject } } } }`,
          variables: { r: [{ __typename: 'Victim', id: victimId }] },
        }),
      });
      const answer = (await direct.json()) as { data?: { _entities: { policeAuditTrail: unknown }[] }; errors?: { extensions?: { code?: string } }[] };
      expect(answer.data?._entities[0]?.policeAuditTrail).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('follows merges: from either id of a merged victim, data protection finds the reads logged under both', async () => {
      const POLICE: TestClaims = { agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' };
      const register = async (key: string, givenNames: string, birthDate: string) => {
        const { body } = await q(
          `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId matchedExisting } } }`,
          {
            i: {
              idempotencyKey: key,
              person: { givenNames, familyName: 'Trailmerge', birthDate, gender: 'FEMININE', citizenships: ['MD'] },
              decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'] },
            },
          },
          POLICE,
        );
        expect(body.data.policeRegisterPotentialVictim.outcome.matchedExisting).toBe(false);
        return body.data.policeRegisterPotentialVictim.outcome.victimId as string;
      };
      const survivor = await register('e2e-trail-merge-1', 'Veronica', '1993-02-14');
      const mergedAway = await register('e2e-trail-merge-2', 'Zinaida', '1961-10-30');
      // A read under the id that is about to be merged away.
      const read = await q(
        `query ReadBeforeMerge($id: ID!) { victim(id: $id) { registrations { agency } police { givenNames } } }`,
        { id: mergedAway },
        READER,
      );
      expect(read.body.data.victim.police).toEqual([{ givenNames: 'Zinaida' }]);
      const merge = await q(`mutation($s: ID!, $m: ID!) { mergeVictims(survivorId: $s, mergedId: $m) { id mergedIds } }`, { s: survivor, m: mergedAway });
      expect(merge.body.data.mergeVictims).toEqual({ id: survivor, mergedIds: [mergedAway] });

      // Either id leads data protection to the whole cluster, and the reads logged under each id.
      const TRAIL = `query($id: ID!) { auditVictim(id: $id) { id mergeCluster { id policeAuditTrail { subject operation } nrmAuditTrail { subject operation } } } }`;
      for (const id of [survivor, mergedAway]) {
        const { body } = await q(TRAIL, { id }, DPO);
        expect(body.errors).toBeUndefined();
        expect(body.data.auditVictim.id).toBe(id);
        const cluster = body.data.auditVictim.mergeCluster as {
          id: string;
          policeAuditTrail: { operation: string | null }[];
          nrmAuditTrail: { operation: string | null }[];
        }[];
        expect(cluster.map((v) => v.id)).toEqual([survivor, mergedAway]);
        const readsOf = (v: (typeof cluster)[number]) => ({
          id: v.id,
          police: v.policeAuditTrail.filter((r) => r.operation === 'ReadBeforeMerge'),
          nrm: v.nrmAuditTrail.filter((r) => r.operation === 'ReadBeforeMerge'),
        });
        const read = [{ subject: 'test-coordinator-e2e', operation: 'ReadBeforeMerge' }];
        expect(cluster.map(readsOf)).toEqual([
          { id: survivor, police: [], nrm: [] },
          { id: mergedAway, police: read, nrm: read },
        ]);
      }
      // The cluster is for data protection only.
      const coordinator = await q(`query($id: ID!) { victim(id: $id) { mergeCluster { id } } }`, { id: survivor });
      expect(coordinator.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(coordinator.body.data ?? null)).not.toContain(mergedAway);
    });

    it('verifies the hash chain of all five audit logs, and finds a tampered record', async () => {
      for (const s of SUBGRAPHS) {
        const result = await verifyAuditChain(hub.databases[s].db);
        expect({ subgraph: s, ok: result.ok }).toEqual({ subgraph: s, ok: true });
        expect(result.records).toBeGreaterThan(0);
      }
      // An administrator drops the append-only trigger and rewrites who read a record.
      const db = hub.databases.immigration.db;
      const exec = (statement: string) => db.execute(sql.raw(statement));
      const [target] = await auditRecordsSince(db, 0);
      await exec('drop trigger audit_log_append_only on audit_log');
      try {
        await exec(`update audit_log set subject = 'someone-else' where seq = ${target!.seq}`);
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: target!.seq, reason: 'changed' });
        await exec(`update audit_log set subject = '${target!.subject}' where seq = ${target!.seq}`);
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
      } finally {
        await exec(
          'create trigger audit_log_append_only before update or delete or truncate on audit_log for each statement execute function audit_log_refuse_change()',
        );
      }
      await expect(exec('delete from audit_log')).rejects.toThrow();
    });
  });

  it('keeps serving the other subgraphs when one is stopped, with an error scoped to the missing one', async () => {
    await hub.subgraphs.police.close();
    const { body } = await q(`{ victims(first: 100) { id registeringAgencies police { familyName } assistance { familyName } } }`);
    expect(body.data.victims).toHaveLength(100);
    expect(body.data.victims.every((v: any) => v.police === null)).toBe(true);
    expect(body.data.victims.filter((v: any) => v.assistance?.length > 0).length).toBeGreaterThan(80);
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.path?.includes('police')).toBe(true);
      expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'police' });
    }
    // The subrequest (with its victim ids and variables) never reaches the client.
    expect(JSON.stringify(body.errors)).not.toContain('representations');
  });
});
