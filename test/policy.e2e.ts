import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyKind, READ_SCOPES, type AgencyKind, type TestClaims } from '@nrm-hub/kit';
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
const CONSENT_AGENCY: Partial<Record<AgencyKind, string>> = { police: 'POLICE', immigration: 'IMMIGRATION', 'child-welfare': 'CHILD_WELFARE', 'coordinating-unit': 'COORDINATING_UNIT' };

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
    const header = lines[0]!.split('|').slice(1, -1).map((c) => c.trim());
    const rows = new Map<string, Record<string, string>>();
    for (const line of lines.slice(2)) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, ''));
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
