import { organisationCode } from '@nrm-hub/kit';
import { type TestClaims } from '@nrm-hub/kit/testing';
import { seededRandom } from '@nrm-hub/kit/runtime';
import { syntheticNationalId } from '@nrm-hub/scripts/synthetic-people';
import type { Hub } from './hub.ts';

/**
 * Synthetic people for the safeguards' end-to-end tests, registered through
 * the gateway with each agency's own mutations. One person is one D-nummer,
 * so the NRM joins an agency's registrations of them into one victim.
 */

export const CLAIMS = {
  police: { sub: 'police-investigator-1', agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-0001' },
  immigration: { sub: 'udi-caseworker-1', agency: 'immigration', roles: ['caseworker'], purpose: 'UDI-2021-0042' },
  childWelfare: { sub: 'cw-caseworker-1', agency: 'child-welfare', roles: ['caseworker'], purpose: 'BV-2021-0007' },
  coordinatingUnit: { sub: 'kom-coordinator-1', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'KOM-2021-0003' },
  workingGroup: { sub: 'nrm-analyst-1', agency: 'nrm-working-group', roles: ['analyst'], purpose: 'STAT-2021' },
} satisfies Record<string, TestClaims>;

/** Runs an operation that must succeed; returns its data. */
export async function ok(hub: Hub, claims: TestClaims, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { body } = await hub.query(query, variables, await hub.as(claims));
  if (body.errors?.length) throw new Error(`Unexpected errors: ${body.errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('; ')}`);
  return body.data;
}

/** Runs an operation expected to fail; returns its errors and data. */
export async function refused(hub: Hub, claims: TestClaims, query: string, variables: Record<string, unknown> = {}) {
  const { status, body } = await hub.query(query, variables, await hub.as(claims));
  return { status, data: body.data, errors: body.errors ?? [] };
}

export interface SyntheticPerson {
  tag: string;
  input: Record<string, unknown>;
}

let counter = 0;

/** A made-up person: names no message could contain by chance, a valid synthetic D-nummer. */
export function person(tag: string, birthDate: string): SyntheticPerson {
  counter += 1;
  const rnd = seededRandom([...tag].reduce((a, c) => a * 31 + c.charCodeAt(0), 11 + counter) >>> 0);
  return {
    tag,
    input: {
      givenNames: `Qeltrin ${tag}`,
      familyName: `Sorvandi${tag}`,
      birthDate,
      gender: 'FEMININE',
      citizenships: ['NG'],
      identifiers: [{ type: 'D_NUMMER', value: syntheticNationalId(birthDate, rnd, true) }],
    },
  };
}

const decision = (status: string, decidedBy: string) => ({ status, decidedBy, exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2021-03-01' });

export async function openInvestigation(hub: Hub, reference: string, offence = 'TRAFFICKING_257'): Promise<string> {
  return (
    await ok(hub, CLAIMS.police, `mutation($i: PoliceOpenInvestigationInput!) { policeOpenInvestigation(input: $i) { id } }`, {
      i: { reference, policeDistrict: 'Oslo', offence, openedAt: '2021-02-01' },
    })
  ).policeOpenInvestigation.id;
}

export async function registerWithPolice(
  hub: Hub,
  p: SyntheticPerson,
  options: { status?: string; investigationId?: string; role?: string } = {},
): Promise<{ victimId: string; personId: string }> {
  const data = await ok(
    hub,
    CLAIMS.police,
    `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } person { id } } }`,
    {
      i: {
        idempotencyKey: `sg-police-${p.tag}`,
        person: p.input,
        decision: decision(options.status ?? 'POSSIBLE', 'POLICE'),
        investigationId: options.investigationId,
        role: options.role,
      },
    },
  );
  return { victimId: data.policeRegisterPotentialVictim.outcome.victimId, personId: data.policeRegisterPotentialVictim.person.id };
}

export async function registerWithUdi(hub: Hub, p: SyntheticPerson, status = 'NOT_A_VICTIM'): Promise<{ victimId: string; applicantId: string }> {
  const data = await ok(
    hub,
    CLAIMS.immigration,
    `mutation($i: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $i) { outcome { victimId } applicant { id } } }`,
    { i: { idempotencyKey: `sg-udi-${p.tag}`, person: p.input, decision: decision(status, 'NON_POLICE_GOVERNMENT') } },
  );
  return { victimId: data.immigrationRegisterPotentialVictim.outcome.victimId, applicantId: data.immigrationRegisterPotentialVictim.applicant.id };
}

export async function registerWithChildWelfare(
  hub: Hub,
  p: SyntheticPerson,
  guardianName: string | null = null,
): Promise<{ victimId: string; caseId: string }> {
  const data = await ok(
    hub,
    CLAIMS.childWelfare,
    `mutation($i: ChildWelfareRegisterPotentialVictimInput!) { childWelfareRegisterPotentialVictim(input: $i) { outcome { victimId } childCase { id } } }`,
    {
      i: {
        idempotencyKey: `sg-cw-${p.tag}`,
        person: p.input,
        decision: decision('POSSIBLE', 'NON_POLICE_GOVERNMENT'),
        municipality: 'Bergen',
        ageAssessment: 'ASSESSED_CHILD',
        unaccompanied: true,
        guardianName,
      },
    },
  );
  return { victimId: data.childWelfareRegisterPotentialVictim.outcome.victimId, caseId: data.childWelfareRegisterPotentialVictim.childCase.id };
}

/** Organisations are created by the coordinating unit's administrator, never by NGO staff. */
const ADMINISTRATOR: TestClaims = { agency: 'coordinating-unit', roles: ['administrator'], purpose: null };

/** An NGO (created on first use) and its worker's claims. */
export async function ngo(hub: Hub, name: string): Promise<{ claims: TestClaims; organisationId: string }> {
  const claims = { sub: `ngo-worker-${organisationCode(name)}`, agency: `ngo:${organisationCode(name)}`, roles: ['worker'], purpose: 'NGO-2021-0011' };
  const organisationId = (
    await ok(hub, ADMINISTRATOR, `mutation($i: NgoCreateOrganisationInput!) { ngoCreateOrganisation(input: $i) { id } }`, { i: { name, kind: 'NGO' } })
  ).ngoCreateOrganisation.id;
  return { claims, organisationId };
}

export async function registerWithNgo(
  hub: Hub,
  org: { claims: TestClaims; organisationId: string },
  p: SyntheticPerson,
  consentTo: string[] = [],
): Promise<{ victimId: string; clientId: string }> {
  const data = await ok(
    hub,
    org.claims,
    `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } client { id } } }`,
    { i: { idempotencyKey: `sg-ngo-${p.tag}`, organisationId: org.organisationId, person: p.input, decision: decision('POSSIBLE', 'NGO') } },
  );
  const clientId = data.ngoRegisterPotentialVictim.client.id;
  await ok(hub, org.claims, `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`, {
    i: { idempotencyKey: `sg-ngo-${p.tag}-shelter`, clientId, type: 'SHELTER', startedAt: '2021-04-01' },
  });
  for (const agency of consentTo) {
    await ok(hub, org.claims, `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`, {
      i: { idempotencyKey: `sg-ngo-${p.tag}-consent-${agency}`, clientId, agency, purpose: 'Follow-up', givenAt: '2021-04-01T10:00:00Z' },
    });
  }
  return { victimId: data.ngoRegisterPotentialVictim.outcome.victimId, clientId };
}

export async function planReturn(hub: Hub, applicantId: string, tag: string, departureDate: string): Promise<string> {
  return (
    await ok(hub, CLAIMS.immigration, `mutation($i: ImmigrationPlanReturnInput!) { immigrationPlanReturn(input: $i) { id } }`, {
      i: { idempotencyKey: `sg-return-${tag}`, applicantId, departureDate },
    })
  ).immigrationPlanReturn.id;
}

/** Indicator codes that make an adult screening positive: deceptive recruitment, exploitative conditions and coercion at destination. */
export const ADULT_INDICATIONS = ['DR_JOB_NATURE', 'DR_WAGES', 'EC_EXCESSIVE_HOURS', 'EC_LOW_OR_NO_SALARY', 'CD_DOCUMENTS_CONFISCATED', 'CD_DEBT_BONDAGE'];
