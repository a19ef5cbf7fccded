import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyKind, READ_SCOPES, type AgencyKind } from '@nrm-hub/kit';
import { type TestClaims } from '@nrm-hub/kit/testing';
import { startHub, type Hub } from './support/hub.ts';
import { seedVictim, type SeededVictim } from './security/seed.ts';

/**
 * Done-when 2 of the access-policy issue: one single-victim query, sent as
 * each kind of user, returns exactly the field groups the policy table gives
 * that user (kit `READ_SCOPES`, printed in the README's "Access policy"),
 * with the seeded values where allowed and `null` with a `FORBIDDEN` error
 * where denied.
 */

let hub: Hub;
let seed: SeededVictim;

const SINGLE_VICTIM = `query SingleVictim($id: ID!) {
  victim(id: $id) {
    id
    highestStatus
    registeringAgencies
    registrations { agency status }
    police { givenNames familyName custodyStays { facility } }
    immigration { dufNumber reflectionPeriods { grantedAt } }
    childWelfare { municipality unaccompanied placements { kind } }
    assistance { givenNames familyName organisation { name } }
  }
}`;

/** The field groups of `Victim` and the scope each needs (the schema's `@requiresScopes`). */
const GROUPS = {
  police: 'police:read',
  immigration: 'immigration:read',
  childWelfare: 'child-welfare:read',
  assistance: 'ngo:read',
} as const;
type Group = keyof typeof GROUPS;

/** The consent agency each kind of user reads NGO data under (NGO staff read their own organisation's clients). */
const CONSENT_AGENCY: Partial<Record<AgencyKind, string>> = {
  police: 'POLICE',
  immigration: 'IMMIGRATION',
  'child-welfare': 'CHILD_WELFARE',
  'coordinating-unit': 'COORDINATING_UNIT',
};

/** What the policy says one caller sees of the seeded victim: the whole record, or null. */
function expectedView(claims: TestClaims) {
  const scopes = READ_SCOPES[agencyKind(claims.agency)];
  if (!scopes.includes('victim:read')) return null;
  const kind = agencyKind(claims.agency);
  const consented = kind === 'ngo' ? claims.agency === seed.organisation.agency : Object.keys(seed.consents).includes(CONSENT_AGENCY[kind] ?? '');
  const values: Record<Group, unknown> = {
    police: [{ givenNames: seed.person.givenNames, familyName: seed.person.familyName, custodyStays: [{ facility: 'Seed facility' }] }],
    immigration: [{ dufNumber: seed.person.duf, reflectionPeriods: [{ grantedAt: '2021-05-10' }] }],
    childWelfare: [{ municipality: 'Oslo', unaccompanied: true, placements: [{ kind: 'INSTITUTION' }] }],
    assistance: [consented ? { givenNames: seed.person.givenNames, familyName: seed.person.familyName, organisation: { name: seed.organisation.name } } : null],
  };
  // The NGO's registration is consent-bound: shown to its own organisation and the coordinating unit only, else null in place.
  const seesNgoRegistration = kind === 'coordinating-unit' || claims.agency === seed.organisation.agency;
  const agencies = seesNgoRegistration ? ['CHILD_WELFARE', 'IMMIGRATION', 'NGO', 'POLICE'] : ['CHILD_WELFARE', 'IMMIGRATION', 'POLICE'];
  const view: Record<string, unknown> = {
    id: seed.victimId,
    highestStatus: 'POSSIBLE',
    registeringAgencies: agencies,
    registrations: [...(seesNgoRegistration ? [] : [null]), ...agencies.map((agency) => ({ agency, status: 'POSSIBLE' }))],
  };
  for (const [group, scope] of Object.entries(GROUPS) as [Group, string][]) view[group] = scopes.includes(scope) ? values[group] : null;
  return view;
}

/** The errors the policy says one caller gets: `path → code/reason`, one per denied group or withheld record. */
function expectedErrors(claims: TestClaims, view: Record<string, unknown> | null): Record<string, string> {
  if (view === null) return { victim: 'FORBIDDEN' };
  const errors: Record<string, string> = {};
  const scopes = READ_SCOPES[agencyKind(claims.agency)];
  for (const [group, scope] of Object.entries(GROUPS)) if (!scopes.includes(scope)) errors[`victim.${group}`] = 'FORBIDDEN';
  if (Array.isArray(view.assistance) && view.assistance[0] === null) errors['victim.assistance.0'] = 'FORBIDDEN/CONSENT_REQUIRED';
  // The seed registers with the NGO first, so its registration is the first.
  if (Array.isArray(view.registrations) && view.registrations[0] === null) errors['victim.registrations.0'] = 'FORBIDDEN/CONSENT_REQUIRED';
  return errors;
}

const CALLERS: [string, () => TestClaims][] = [
  ['a police investigator', () => ({ agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-0001' })],
  ['an NGO worker of the client’s organisation', () => ({ agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-7' })],
  ['an NGO worker of another organisation', () => ({ agency: 'ngo:another-shelter', roles: ['worker'], purpose: 'NGO-2021-8' })],
  ['a child-welfare caseworker', () => ({ agency: 'child-welfare', roles: ['caseworker'], purpose: 'BV-2021-3' })],
  ['an immigration caseworker', () => ({ agency: 'immigration', roles: ['caseworker'], purpose: 'UDI-2021-5' })],
  ['the coordinating unit', () => ({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' })],
  ['the NRM working group', () => ({ agency: 'nrm-working-group', roles: ['analyst'], purpose: 'STAT-2021' })],
];

beforeAll(async () => {
  hub = await startHub();
  seed = await seedVictim(hub, 'policy');
}, 240_000);
afterAll(async () => {
  await hub?.stop();
});

describe('the same single-victim query returns what the access policy gives each caller', () => {
  it.each(CALLERS)('as %s', async (_name, claimsOf) => {
    const claims = claimsOf();
    const { status, body } = await hub.query(SINGLE_VICTIM, { id: seed.victimId }, await hub.as(claims));
    expect(status).toBe(200);
    const view = expectedView(claims);
    const victim = body.data?.victim ?? null;
    if (victim) {
      victim.registeringAgencies = [...victim.registeringAgencies].sort();
      // Withheld registrations (null) first, then by agency.
      victim.registrations = [...victim.registrations].sort((a: { agency: string } | null, b: { agency: string } | null) =>
        a === null ? -1 : b === null ? 1 : a.agency.localeCompare(b.agency),
      );
    }
    expect(victim).toEqual(view);
    const errors = Object.fromEntries(
      (body.errors ?? []).map((e) => [e.path?.join('.'), [e.extensions?.code, e.extensions?.reason].filter(Boolean).join('/')]),
    );
    expect(errors).toEqual(expectedErrors(claims, view));
  });

  it('gives five kinds of caller five different answers', async () => {
    const answers = new Set<string>();
    for (const [, claimsOf] of CALLERS.filter(([name]) => !name.includes('another') && !name.includes('immigration'))) {
      const { body } = await hub.query(SINGLE_VICTIM, { id: seed.victimId }, await hub.as(claimsOf()));
      answers.add(JSON.stringify(body.data));
    }
    expect(answers.size).toBe(5);
  });
});

describe("the README's access policy table", () => {
  /** Rows of the table in README.md's "Access policy" section, by agency claim. */
  function readmeTable(): Map<string, Record<string, string>> {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Access policy'));
    expect(section, 'README.md has an "Access policy" section').toBeDefined();
    const lines = section!.split('\n').filter((l) => l.startsWith('|'));
    const header = lines[0]!
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const rows = new Map<string, Record<string, string>>();
    for (const line of lines.slice(2)) {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/`/g, ''));
      rows.set(cells[0]!, Object.fromEntries(header.map((h, i) => [h, cells[i]!])));
    }
    return rows;
  }

  it('says for every agency exactly what READ_SCOPES grants, which the gateway and subgraphs enforce', () => {
    const rows = readmeTable();
    const claimOf: Record<AgencyKind, string> = {
      police: 'police',
      immigration: 'immigration',
      'child-welfare': 'child-welfare',
      ngo: 'ngo:<organisation>',
      'coordinating-unit': 'coordinating-unit',
      'nrm-working-group': 'nrm-working-group',
      'data-protection': 'data-protection',
    };
    for (const [kind, claim] of Object.entries(claimOf) as [AgencyKind, string][]) {
      const scopes = READ_SCOPES[kind];
      const row = rows.get(claim);
      expect(row, `a row for ${claim}`).toBeDefined();
      const yes = (scope: string) => (scopes.includes(scope) ? 'yes' : 'no');
      expect({ claim, ...row }).toEqual({
        claim,
        'agency claim': claim,
        'victim, registrations, referrals': yes('victim:read'),
        police: yes('police:read'),
        immigration: yes('immigration:read'),
        childWelfare: yes('child-welfare:read'),
        'assistance (NGO)': !scopes.includes('ngo:read') ? 'no' : kind === 'ngo' ? 'own organisation’s clients' : 'with the client’s consent',
        statistics: yes('statistics:read'),
        'audit trail': yes('audit:read'),
      });
    }
  });
});

describe('the safeguards (issue 10) follow the same policy for every new field', () => {
  const SCREEN = (field: string) => `mutation($i: ScreeningInput!) { ${field}(input: $i) { id indications } }`;
  const indicators = ['FL_DEBT_BONDAGE', 'FL_EXCESSIVE_OVERTIME'];
  const screening = (key: string, subjectId: string) => ({ i: { idempotencyKey: key, subjectId, screenedOn: '2021-06-01', context: 'OTHER', indicators } });
  let screenedAll = false;

  /** One screening by each of the four agencies of the seeded person, with indications (two forced-labour indicators). */
  async function screenSeed() {
    if (screenedAll) return;
    const writers: [TestClaims, string, string][] = [
      [{ agency: 'police', roles: ['investigator'], purpose: 'SEED-2021-1' }, 'policeRecordScreening', seed.policePersonId],
      [{ agency: 'immigration', roles: ['caseworker'], purpose: 'SEED-2021-1' }, 'immigrationRecordScreening', seed.applicantId],
      [{ agency: 'child-welfare', roles: ['caseworker'], purpose: 'SEED-2021-1' }, 'childWelfareRecordScreening', seed.caseId],
      [{ agency: seed.organisation.agency, roles: ['worker'], purpose: 'SEED-2021-1' }, 'ngoRecordScreening', seed.clientId],
    ];
    for (const [claims, field, subjectId] of writers) {
      const { body } = await hub.query(SCREEN(field), screening(`policy-screen-${field}`, subjectId), await hub.as(claims));
      expect(body.errors).toBeUndefined();
      expect(body.data?.[field].indications).toBe(true);
    }
    screenedAll = true;
  }

  /** Each new root field and victim field, with the scopes the policy table says it needs. */
  const FIELDS: [name: string, query: string, path: string, scopes: string[]][] = [
    ['alerts', '{ alerts { id } }', 'alerts', ['alert:read']],
    ['childVictims', '{ childVictims { id } }', 'childVictims', ['coordination:read']],
    ['nonPunishmentFlags', '{ nonPunishmentFlags { reasons } }', 'nonPunishmentFlags', ['police:read']],
    ['classificationMismatchFlags', '{ classificationMismatchFlags { mismatch { offence } } }', 'classificationMismatchFlags', ['police:read']],
    ['upcomingReturns', '{ upcomingReturns(withinDays: 30) { id } }', 'upcomingReturns', ['immigration:read']],
    ['immigrationDeadlines', '{ immigrationDeadlines(withinDays: 30) { recordId } }', 'immigrationDeadlines', ['immigration:read']],
    ['childWelfareDeadlines', '{ childWelfareDeadlines(withinDays: 30) { recordId } }', 'childWelfareDeadlines', ['child-welfare:read']],
    [
      'police screenings',
      'query($id: ID!) { victim(id: $id) { police { screenings { indications } classificationMismatches { offence } nonPunishment { reasons } } } }',
      'victim.police',
      ['victim:read', 'police:read'],
    ],
    [
      'UDI screenings and return checks',
      'query($id: ID!) { victim(id: $id) { immigration { screenings { indications } returnProceedings { checkStatus } } } }',
      'victim.immigration',
      ['victim:read', 'immigration:read'],
    ],
    [
      'child welfare screenings',
      'query($id: ID!) { victim(id: $id) { childWelfare { screenings { indications } } } }',
      'victim.childWelfare',
      ['victim:read', 'child-welfare:read'],
    ],
    ['victim alerts', 'query($id: ID!) { victim(id: $id) { alerts { reasons } } }', 'victim.alerts', ['victim:read', 'alert:read']],
    ['open referrals', 'query($id: ID!) { victim(id: $id) { openReferrals { state } } }', 'victim.openReferrals', ['victim:read']],
    [
      'victim deadlines (UDI)',
      'query($id: ID!) { victim(id: $id) { immigrationDeadlines(withinDays: 30) { kind } } }',
      'victim.immigrationDeadlines',
      ['victim:read', 'immigration:read'],
    ],
    [
      'victim deadlines (child welfare)',
      'query($id: ID!) { victim(id: $id) { childWelfareDeadlines(withinDays: 30) { kind } } }',
      'victim.childWelfareDeadlines',
      ['victim:read', 'child-welfare:read'],
    ],
  ];
  const SAFEGUARD_CALLERS: [string, () => TestClaims][] = [
    ...CALLERS,
    ['data protection', () => ({ agency: 'data-protection', roles: ['auditor'], purpose: 'DPO-2021-1' })],
  ];

  const at = (data: unknown, path: string) =>
    path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);

  it.each(SAFEGUARD_CALLERS)('as %s: every safeguard field is served or FORBIDDEN exactly as READ_SCOPES says', async (_name, claimsOf) => {
    await screenSeed();
    const claims = claimsOf();
    const held = READ_SCOPES[agencyKind(claims.agency)];
    for (const [name, query, path, needs] of FIELDS) {
      const { body } = await hub.query(query, { id: seed.victimId }, await hub.as(claims));
      const allowed = needs.every((s) => held.includes(s));
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      if (allowed) {
        expect(codes, `${name} for ${claims.agency}`).toEqual([]);
        expect(at(body.data, path), `${name} for ${claims.agency}`).toBeInstanceOf(Array);
      } else {
        expect(codes, `${name} for ${claims.agency}`).toContain('FORBIDDEN');
        expect(at(body.data, path) ?? null, `${name} for ${claims.agency}`).toBeNull();
        for (const value of seed.personalData) expect(JSON.stringify(body)).not.toContain(value);
      }
    }
  });

  it('shows screenings of the NGO client only within consent, and the other agencies’ screenings to those agencies', async () => {
    await screenSeed();
    const NGO_SCREENINGS = 'query($id: ID!) { victim(id: $id) { assistance { screenings { indications reasons } } } }';
    const expectations: [TestClaims, boolean][] = [
      [{ agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-0001' }, true], // consent to the police
      [{ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' }, true], // consent to the coordinating unit
      [{ agency: seed.organisation.agency, roles: ['worker'], purpose: 'NGO-2021-7' }, true], // own client
      [{ agency: 'child-welfare', roles: ['caseworker'], purpose: 'BV-2021-3' }, false], // no consent
      [{ agency: 'immigration', roles: ['caseworker'], purpose: 'UDI-2021-5' }, false], // no consent
      [{ agency: 'ngo:another-shelter', roles: ['worker'], purpose: 'NGO-2021-8' }, false], // another organisation
    ];
    for (const [claims, sees] of expectations) {
      const { body } = await hub.query(NGO_SCREENINGS, { id: seed.victimId }, await hub.as(claims));
      if (sees) {
        expect(body.data?.victim.assistance, claims.agency).toEqual([{ screenings: [{ indications: true, reasons: ['FORCED_LABOUR'] }] }]);
      } else {
        expect(body.data?.victim.assistance, claims.agency).toEqual([null]);
        expect(body.errors?.[0]?.extensions, claims.agency).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
      }
    }
  });
});

describe('the NRM working group', () => {
  /** Root fields that describe organisations and public grants, not persons: any authenticated caller may read them. */
  const NOT_PERSONAL = new Set(['organisations', 'grants', 'statistics']);

  it('gets no person-level data from any root field of the supergraph, only statistics', async () => {
    const { parse, Kind, print } = await import('graphql');
    const doc = parse(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
    const enums = new Map<string, string>();
    for (const d of doc.definitions) if (d.kind === Kind.ENUM_TYPE_DEFINITION) enums.set(d.name.value, d.values?.[0]?.name.value ?? '');
    const query = doc.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query');
    expect(query?.kind).toBe(Kind.OBJECT_TYPE_DEFINITION);
    const headers = await hub.as({ agency: 'nrm-working-group', roles: ['analyst'], purpose: 'STAT-2021' });
    const checked: string[] = [];
    for (const field of (query as { fields: readonly any[] }).fields) {
      const name = field.name.value as string;
      if (NOT_PERSONAL.has(name)) continue;
      const args: string[] = [];
      for (const arg of field.arguments ?? []) {
        if (arg.type.kind !== Kind.NON_NULL_TYPE) continue;
        const type = print(arg.type.type);
        const value =
          type === 'ID'
            ? JSON.stringify(seed.victimId)
            : type === 'Int'
              ? '2021'
              : type === 'String'
                ? '"x"'
                : type === 'Date'
                  ? '"2021-01-01"'
                  : enums.get(type);
        expect(value, `an argument value for ${name}(${arg.name.value}: ${type}!)`).toBeDefined();
        args.push(`${arg.name.value}: ${value}`);
      }
      const { body } = await hub.query(`{ ${name}${args.length ? `(${args.join(', ')})` : ''} { __typename } }`, {}, headers);
      expect(body.data?.[name] ?? null, name).toBeNull();
      expect(
        body.errors?.map((e) => e.extensions?.code),
        name,
      ).toEqual(['FORBIDDEN']);
      checked.push(name);
    }
    expect(checked).toEqual(
      expect.arrayContaining(['victim', 'victims', 'linkReviews', 'auditVictim', 'policePerson', 'applicant', 'childCase', 'ngoClient', 'investigations']),
    );
  });

  it('reads statistics with disclosure control, and nothing about a person through them', async () => {
    const headers = await hub.as({ agency: 'nrm-working-group', roles: ['analyst'] });
    const { body } = await hub.query(
      `{ statistics(year: 2021) { year persons { count { value suppressed } } personsByGender { key count { value suppressed } } } }`,
      {},
      headers,
    );
    expect(body.errors).toBeUndefined();
    // The seeded victim is the only person of 2021 here: a count of one is withheld, never shown.
    expect(body.data.statistics.persons.count).toEqual({ value: null, suppressed: true });
    for (const r of body.data.statistics.personsByGender) expect(r.count.value === 0 || r.count.suppressed).toBe(true);
  });
});
