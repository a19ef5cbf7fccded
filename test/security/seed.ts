import { organisationCode } from '@nrm-hub/kit';
import { type TestClaims } from '@nrm-hub/kit/testing';
import { seededRandom } from '@nrm-hub/kit/runtime';
import { syntheticNationalId } from '@nrm-hub/scripts/synthetic-people';
import type { Hub } from '../support/hub.ts';

/**
 * One synthetic person known to all four agencies, registered through the
 * gateway with the hub's own mutations: the NGO (with consents to the police
 * and the coordinating unit, not to child welfare), the police (as a victim
 * in an investigation, with a custody stay), UDI (with a reflection period)
 * and child welfare (with a placement). The NRM matches the four
 * registrations by the shared D-nummer into one victim.
 */
export interface SeededVictim {
  victimId: string;
  person: { givenNames: string; familyName: string; birthDate: string; dNummer: string; duf: string };
  organisation: { id: string; name: string; agency: string };
  clientId: string;
  policePersonId: string;
  applicantId: string;
  caseId: string;
  investigationReference: string;
  /** Consent ids by agency. */
  consents: Record<string, string>;
  /** Every string that is personal data about the person: none may appear in a refused response. */
  personalData: string[];
}

/** A writer of each agency: the claims the seed registers with. */
export const WRITERS = {
  police: { agency: 'police', roles: ['investigator'], purpose: 'SEED-2021-1' },
  immigration: { agency: 'immigration', roles: ['caseworker'], purpose: 'SEED-2021-1' },
  'child-welfare': { agency: 'child-welfare', roles: ['caseworker'], purpose: 'SEED-2021-1' },
} satisfies Record<string, TestClaims>;

async function gql(hub: Hub, claims: TestClaims, query: string, variables: Record<string, unknown>): Promise<any> {
  const { body } = await hub.query(query, variables, await hub.as(claims));
  if (body.errors?.length) throw new Error(`Seeding failed: ${body.errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('; ')}`);
  return body.data;
}

/**
 * Registers the person; `tag` keeps names, keys and the organisation
 * distinct between suites sharing one hub. Names are made-up strings that
 * cannot occur by chance in an error message.
 */
export async function seedVictim(hub: Hub, tag: string): Promise<SeededVictim> {
  const rnd = seededRandom([...tag].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) >>> 0);
  const birthDate = '2009-03-14';
  const person = {
    givenNames: `Zyxwa ${tag} Quillon`,
    familyName: `Vorthagen${tag}`,
    birthDate,
    dNummer: syntheticNationalId(birthDate, rnd, true),
    duf: '201212345603',
  };
  const personInput = {
    givenNames: person.givenNames,
    familyName: person.familyName,
    birthDate,
    gender: 'FEMININE',
    citizenships: ['VN'],
    identifiers: [{ type: 'D_NUMMER', value: person.dNummer }],
  };
  const orgName = `Seed Shelter ${tag}`;
  const ngo: TestClaims = { agency: `ngo:${organisationCode(orgName)}`, roles: ['worker'], purpose: 'SEED-2021-1' };
  const administrator: TestClaims = { agency: 'coordinating-unit', roles: ['administrator'], purpose: null };
  const organisationId = (
    await gql(hub, administrator, `mutation($i: NgoCreateOrganisationInput!) { ngoCreateOrganisation(input: $i) { id } }`, {
      i: { name: orgName, kind: 'NGO' },
    })
  ).ngoCreateOrganisation.id as string;
  const decision = (decidedBy: string) => ({ status: 'POSSIBLE', decidedBy, exploitationTypes: ['FORCED_CRIMINALITY'], decidedOn: '2021-04-28' });
  const registered = await gql(
    hub,
    ngo,
    `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } client { id } } }`,
    { i: { idempotencyKey: `seed-${tag}-ngo`, organisationId, person: personInput, decision: decision('NGO') } },
  );
  const victimId = registered.ngoRegisterPotentialVictim.outcome.victimId as string;
  const clientId = registered.ngoRegisterPotentialVictim.client.id as string;
  await gql(hub, ngo, `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`, {
    i: { idempotencyKey: `seed-${tag}-shelter`, clientId, type: 'SHELTER', startedAt: '2021-05-01' },
  });
  const consents: Record<string, string> = {};
  for (const agency of ['NRM', 'COORDINATING_UNIT', 'POLICE']) {
    consents[agency] = (
      await gql(hub, ngo, `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`, {
        i: { idempotencyKey: `seed-${tag}-consent-${agency}`, clientId, agency, purpose: 'Referral and follow-up', givenAt: '2021-05-01T12:00:00Z' },
      })
    ).ngoRecordConsent.id as string;
  }

  const investigationReference = `SEED-${tag}-01`.toUpperCase();
  const investigationId = (
    await gql(hub, WRITERS.police, `mutation($i: PoliceOpenInvestigationInput!) { policeOpenInvestigation(input: $i) { id } }`, {
      i: { reference: investigationReference, policeDistrict: 'Oslo', offence: 'TRAFFICKING_257', openedAt: '2021-04-01' },
    })
  ).policeOpenInvestigation.id as string;
  const police = await gql(
    hub,
    WRITERS.police,
    `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } person { id } } }`,
    { i: { idempotencyKey: `seed-${tag}-police`, person: personInput, decision: decision('POLICE'), investigationId, role: 'VICTIM' } },
  );
  const policePersonId = police.policeRegisterPotentialVictim.person.id as string;
  await gql(hub, WRITERS.police, `mutation($i: PoliceRecordCustodyStayInput!) { policeRecordCustodyStay(input: $i) { id } }`, {
    i: {
      idempotencyKey: `seed-${tag}-custody`,
      personId: policePersonId,
      kind: 'PRISON',
      facility: 'Seed facility',
      startedAt: '2021-01-10',
      endedAt: '2021-04-02',
    },
  });

  const immigration = await gql(
    hub,
    WRITERS.immigration,
    `mutation($i: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $i) { outcome { victimId } applicant { id } } }`,
    {
      i: {
        idempotencyKey: `seed-${tag}-udi`,
        person: { ...personInput, identifiers: [...personInput.identifiers, { type: 'DUF_NUMMER', value: person.duf }] },
        decision: decision('NON_POLICE_GOVERNMENT'),
      },
    },
  );
  const applicantId = immigration.immigrationRegisterPotentialVictim.applicant.id as string;
  await gql(hub, WRITERS.immigration, `mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id } }`, {
    i: { idempotencyKey: `seed-${tag}-reflection`, applicantId, grantedAt: '2021-05-10' },
  });

  const childWelfare = await gql(
    hub,
    WRITERS['child-welfare'],
    `mutation($i: ChildWelfareRegisterPotentialVictimInput!) { childWelfareRegisterPotentialVictim(input: $i) { outcome { victimId } childCase { id } } }`,
    {
      i: {
        idempotencyKey: `seed-${tag}-cw`,
        person: personInput,
        decision: decision('NON_POLICE_GOVERNMENT'),
        municipality: 'Oslo',
        ageAssessment: 'ASSESSED_CHILD',
        unaccompanied: true,
      },
    },
  );
  const caseId = childWelfare.childWelfareRegisterPotentialVictim.childCase.id as string;
  await gql(hub, WRITERS['child-welfare'], `mutation($i: ChildWelfareStartPlacementInput!) { childWelfareStartPlacement(input: $i) { id } }`, {
    i: { idempotencyKey: `seed-${tag}-placement`, caseId, kind: 'INSTITUTION', startedAt: '2021-05-01', plannedEndAt: '2021-10-31' },
  });

  const ids = [
    police.policeRegisterPotentialVictim.outcome.victimId,
    immigration.immigrationRegisterPotentialVictim.outcome.victimId,
    childWelfare.childWelfareRegisterPotentialVictim.outcome.victimId,
  ];
  if (ids.some((id) => id !== victimId)) throw new Error('Seeding failed: the NRM did not match the four registrations into one victim');
  return {
    victimId,
    person,
    organisation: { id: organisationId, name: orgName, agency: ngo.agency },
    clientId,
    policePersonId,
    applicantId,
    caseId,
    investigationReference,
    consents,
    personalData: [person.givenNames, person.familyName, `Vorthagen${tag}`, 'Quillon', person.dNummer, person.duf, birthDate, investigationReference],
  };
}
