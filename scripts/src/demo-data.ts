import { organisationCode } from '@nrm-hub/kit/auth';
import { seededRandom } from '@nrm-hub/kit/runtime';
import { syntheticNationalId, syntheticPerson, type Country, type SyntheticPerson } from './synthetic-people.ts';
import { documentId } from '@nrm-hub/gateway/trusted-documents';

/**
 * The synthetic demo data set, loaded through the gateway with the hub's own
 * mutations, for 2021 and the comparison year 2020. Its shape follows the
 * source report's figures in DOMAIN.md (2020 in brackets): 82 adults
 * identified and assisted by NGOs (mostly foreign), one child victim known to
 * child welfare and the police (none in 2020), 8 (16) reflection periods, 8 (3)
 * limited permits, 2 (6) humanitarian and 1 protection permit, compensation paid to 5 victims
 * (446,000 NOK in all), one victim found in prison, NGO grants of 35 million
 * NOK and 3 million NOK to Human Trafficking Support Oslo (4 million in 2020).
 * Many people are known to two agencies, so registrations exceed persons.
 */

/** The example query `npm start` prints: one victim view across all five subgraphs. */
export const EXAMPLE_QUERY = `query SingleVictimView {
  victims(first: 5) {
    id
    highestStatus
    registeringAgencies
    registrations { agency status decidedBy decidedOn }
    police { givenNames familyName caseRoles { role investigation { reference offence prosecutedAs } } custodyStays { kind facility startedAt endedAt } compensationOrders { amountNok paidAt } }
    immigration { dufNumber eeaCitizen reflectionPeriods { grantedAt endsAt } residencePermits { kind validUntil } }
    childWelfare { unaccompanied placements { kind startedAt plannedEndAt } }
    assistance { organisation { name } assistanceEpisodes { type startedAt } }
  }
}`;

/** A token for an agency claim with the given roles (the demo data uses case handlers, and the coordinating unit's administrator for organisations). */
export type TokenFor = (agency: string, roles: string[]) => Promise<string>;

type Gql = <T = any>(query: string, variables: Record<string, unknown>, as?: string) => Promise<T>;

/** The agency a mutation is made as, from its name (NGO calls name their organisation). */
function agencyOf(query: string): string {
  const m = /\{\s*(police|immigration|childWelfare)[A-Z]/.exec(query);
  if (!m) throw new Error('Demo data: say which agency makes this call');
  return m[1] === 'childWelfare' ? 'child-welfare' : (m[1] as string);
}

function client(url: string, tokenFor: TokenFor): Gql {
  const tokens = new Map<string, Promise<string>>();
  return async (query, variables, explicitAs) => {
    const as = explicitAs ?? agencyOf(query);
    // `agency/role` names a role other than the case handler's.
    const [agency, role] = as.split('/') as [string, string | undefined];
    if (!tokens.has(as)) tokens.set(as, tokenFor(agency, [role ?? 'caseworker']));
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokens.get(as)}` },
      // By id, as every client of a production gateway must: each demo-data document is in the trusted manifest.
      body: JSON.stringify({ documentId: documentId(query), variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`Demo data request failed: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
}

async function inBatches<T, R>(items: readonly T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
  }
  return out;
}

const NGO_MIX: [Country, number][] = [
  ['NO', 12],
  ['RO', 18],
  ['NG', 16],
  ['BG', 8],
  ['TH', 6],
  ['VN', 6],
  ['LT', 5],
  ['AL', 4],
  ['PL', 4],
  ['UA', 3],
];
const SEXUAL = ['SEXUAL_EXPLOITATION'];
const decision = (status: string, decidedBy: string, exploitationTypes: string[], decidedOn: string) => ({
  status,
  decidedBy,
  exploitationTypes,
  decidedOn,
});
const day = (rnd: () => number, month?: number) =>
  `2021-${String(month ?? 1 + Math.floor(rnd() * 11)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;

/** Who registers organisations: the coordinating unit's administrator (NGO staff may not). */
const ADMINISTRATOR = 'coordinating-unit/administrator';

/** The agency claim of an NGO's staff. */
const ngoAs = (organisationName: string) => `ngo:${organisationCode(organisationName)}`;

/** Loads the demo data set through the gateway at `url`; returns a one-line summary. */
export async function loadDemoData(url: string, tokenFor: TokenFor): Promise<string> {
  const gql = client(url, tokenFor);
  const rnd = seededRandom(2021);
  let registrations = 0;

  // NGOs and grants.
  const orgNames: [string, string][] = [
    ['ROSA (demo)', 'NGO'],
    ['Pro Sentret (demo)', 'MUNICIPAL_SERVICE'],
    ['Nadheim (demo)', 'NGO'],
    ['Salvation Army safe house (demo)', 'NGO'],
    ['Human Trafficking Support Oslo (demo)', 'MUNICIPAL_SERVICE'],
  ];
  const orgs = await inBatches(
    orgNames,
    5,
    async ([name, kind]) =>
      (await gql(`mutation($i: NgoCreateOrganisationInput!) { ngoCreateOrganisation(input: $i) { id } }`, { i: { name, kind } }, ADMINISTRATOR))
        .ngoCreateOrganisation.id as string,
  );
  const grants: [number, number, number, string][] = [
    [0, 2021, 10_500_000, 'Parliament'],
    [1, 2021, 8_500_000, 'Parliament'],
    [2, 2021, 7_000_000, 'Parliament'],
    [3, 2021, 9_000_000, 'Parliament'],
    [0, 2020, 10_500_000, 'Parliament'],
    [1, 2020, 8_500_000, 'Parliament'],
    [2, 2020, 7_000_000, 'Parliament'],
    [3, 2020, 9_000_000, 'Parliament'],
    [4, 2021, 3_000_000, 'Oslo municipality'],
    [4, 2020, 4_000_000, 'Oslo municipality'],
  ];
  await inBatches(grants, 5, ([org, year, amountNok, grantor], i) =>
    gql(
      `mutation($i: NgoRecordGrantInput!) { ngoRecordGrant(input: $i) { id } }`,
      {
        i: { idempotencyKey: `demo-grant-${i}`, organisationId: orgs[org], year, amountNok, grantor },
      },
      ngoAs(orgNames[org]![0]),
    ),
  );

  // 82 adults identified and assisted by NGOs in 2021.
  const people: SyntheticPerson[] = NGO_MIX.flatMap(([country, n]) => Array.from({ length: n }, () => syntheticPerson(rnd, country, 1975, 2002)));
  const exploitation = (i: number) => (i % 7 === 3 ? ['FORCED_LABOUR'] : i % 11 === 5 ? ['FORCED_CRIMINALITY'] : i % 13 === 4 ? ['FORCED_BEGGING'] : SEXUAL);
  const victimIds = await inBatches(people, 4, async (person, i) => {
    const decidedOn = day(rnd);
    const staff = ngoAs(orgNames[i % 4]![0]);
    const r = await gql(
      `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } client { id } } }`,
      { i: { idempotencyKey: `demo-ngo-${i}`, organisationId: orgs[i % 4], person, decision: decision('POSSIBLE', 'NGO', exploitation(i), decidedOn) } },
      staff,
    );
    registrations += 1;
    const clientId = r.ngoRegisterPotentialVictim.client.id as string;
    const help = [
      'SHELTER',
      'COUNSELLING',
      ...(i % 3 === 0 ? ['LEGAL'] : []),
      ...(i % 4 === 0 ? ['MEDICAL', 'PSYCHOLOGICAL'] : []),
      ...(i % 5 === 0 ? ['LANGUAGE_CLASSES'] : []),
      ...(i % 20 === 0 ? ['INTERNSHIP'] : []),
    ];
    for (const [k, type] of help.entries()) {
      await gql(
        `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`,
        {
          i: { idempotencyKey: `demo-assist-${i}-${k}`, clientId, type, startedAt: decidedOn },
        },
        staff,
      );
    }
    const agencies = ['NRM', 'COORDINATING_UNIT', ...(i % 2 === 0 ? ['POLICE'] : []), ...(i >= 10 && i <= 22 ? ['IMMIGRATION'] : [])];
    for (const agency of agencies) {
      await gql(
        `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`,
        {
          i: {
            idempotencyKey: `demo-consent-${i}-${agency}`,
            clientId,
            agency,
            purpose: 'Referral and follow-up in the NRM',
            givenAt: `${decidedOn}T12:00:00Z`,
          },
        },
        staff,
      );
    }
    return r.ngoRegisterPotentialVictim.outcome.victimId as string;
  });

  // Police: nine of the NGO clients plus three people only the police know.
  const investigations = await inBatches(
    [
      ['OSL-2021-0001', 'Oslo', 'TRAFFICKING_257', '2021-02-01'],
      ['BRG-2021-0002', 'Vest', 'AGGRAVATED_TRAFFICKING_258', '2021-03-15'],
      ['TRD-2021-0003', 'Trøndelag', 'TRAFFICKING_257', '2021-04-20'],
    ],
    3,
    async ([reference, policeDistrict, offence, openedAt]) =>
      (
        await gql(`mutation($i: PoliceOpenInvestigationInput!) { policeOpenInvestigation(input: $i) { id } }`, {
          i: { reference, policeDistrict, offence, openedAt },
        })
      ).policeOpenInvestigation.id as string,
  );
  // The third case is prosecuted as pimping: its victims keep a trafficking victim's rights.
  await gql(`mutation($i: PoliceUpdateInvestigationInput!) { policeUpdateInvestigation(input: $i) { id } }`, {
    i: { investigationId: investigations[2], status: 'PROSECUTED', prosecutedAs: 'PIMPING' },
  });
  await gql(`mutation($i: PoliceUpdateInvestigationInput!) { policeUpdateInvestigation(input: $i) { id } }`, {
    i: { investigationId: investigations[0], status: 'PROSECUTED', prosecutedAs: 'TRAFFICKING_257', convictedAt: '2021-10-12' },
  });
  const policeOnly = [syntheticPerson(rnd, 'RO', 1985, 2000), syntheticPerson(rnd, 'LT', 1985, 2000), syntheticPerson(rnd, 'VN', 1985, 2000)];
  const policePeople = [...people.slice(0, 9), ...policeOnly];
  const caseOf = (i: number) => (i < 3 ? 0 : i < 5 ? 1 : i < 7 ? 2 : i % 3);
  const policeIds = await inBatches(policePeople, 4, async (person, i) => {
    const r = await gql(`mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { person { id } } }`, {
      i: {
        idempotencyKey: `demo-police-${i}`,
        person,
        decision: decision(i < 5 ? 'ACTUAL' : 'POSSIBLE', 'POLICE', i === 9 ? ['FORCED_LABOUR'] : SEXUAL, day(rnd, 5)),
        investigationId: investigations[caseOf(i)],
        role: 'VICTIM',
      },
    });
    registrations += 1;
    return r.policeRegisterPotentialVictim.person.id as string;
  });
  const compensation = [120_000, 98_000, 86_000, 72_000, 70_000]; // 446,000 NOK to five victims
  await inBatches(compensation, 5, (amountNok, i) =>
    gql(`mutation($i: PoliceRecordCompensationInput!) { policeRecordCompensation(input: $i) { id } }`, {
      i: {
        idempotencyKey: `demo-comp-${i}`,
        personId: policeIds[i],
        investigationId: investigations[caseOf(i)],
        amountNok,
        orderedAt: '2021-10-12',
        paidAt: '2021-12-01',
      },
    }),
  );
  // The victim an NGO found in prison, released after the NGO's intervention.
  await gql(`mutation($i: PoliceRecordCustodyStayInput!) { policeRecordCustodyStay(input: $i) { id } }`, {
    i: { idempotencyKey: 'demo-prison-0', personId: policeIds[3], kind: 'PRISON', facility: 'Demo prison', startedAt: '2021-01-10', endedAt: '2021-04-02' },
  });

  // UDI: 8 reflection periods, 8 limited permits, 2 humanitarian, 1 protection, one planned return.
  const returnee = syntheticPerson(rnd, 'AL', 1980, 1999);
  const applicants = [...people.slice(10, 23), returnee];
  const applicantIds = await inBatches(applicants, 4, async (person, i) => {
    const r = await gql(`mutation($i: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $i) { applicant { id } } }`, {
      i: { idempotencyKey: `demo-udi-${i}`, person, decision: decision('POSSIBLE', 'NON_POLICE_GOVERNMENT', SEXUAL, day(rnd, 3)) },
    });
    registrations += 1;
    return r.immigrationRegisterPotentialVictim.applicant.id as string;
  });
  await inBatches(applicantIds.slice(0, 8), 4, (applicantId, i) =>
    gql(`mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id } }`, {
      i: { idempotencyKey: `demo-reflection-${i}`, applicantId, grantedAt: `2021-0${3 + (i % 6)}-10` },
    }),
  );
  const permits: [number, string, string, string][] = [
    ...[0, 1, 2, 3, 4, 5, 8, 9].map((a): [number, string, string, string] => [a, 'LIMITED_TRAFFICKING', '2021-09-15', '2022-09-14']),
    [10, 'HUMANITARIAN', '2021-06-01', '2024-05-31'],
    [11, 'HUMANITARIAN', '2021-08-01', '2024-07-31'],
    [12, 'PROTECTION', '2021-11-01', '2024-10-31'],
  ];
  await inBatches(permits, 4, ([a, kind, grantedAt, validUntil], i) =>
    gql(`mutation($i: ImmigrationGrantResidencePermitInput!) { immigrationGrantResidencePermit(input: $i) { id } }`, {
      i: { idempotencyKey: `demo-permit-${i}`, applicantId: applicantIds[a], kind, grantedAt, validUntil },
    }),
  );
  await gql(`mutation($i: ImmigrationRecordAsylumDecisionInput!) { immigrationRecordAsylumDecision(input: $i) { id } }`, {
    i: { idempotencyKey: 'demo-asylum-0', applicantId: applicantIds[12], outcome: 'GRANTED', decidedAt: '2021-11-01' },
  });
  await gql(`mutation($i: ImmigrationPlanReturnInput!) { immigrationPlanReturn(input: $i) { id } }`, {
    i: { idempotencyKey: 'demo-return-0', applicantId: applicantIds[13], departureDate: '2021-11-15', screened: false },
  });

  // The one child victim: child welfare and the police both register the child.
  const child: SyntheticPerson = { ...syntheticPerson(rnd, 'VN', 2005, 2005), givenNames: 'Van Minh', gender: 'MASCULINE' };
  child.identifiers = [{ type: 'D_NUMMER', value: syntheticNationalId(child.birthDate, rnd, true) }];
  const cw = await gql(`mutation($i: ChildWelfareRegisterPotentialVictimInput!) { childWelfareRegisterPotentialVictim(input: $i) { childCase { id } } }`, {
    i: {
      idempotencyKey: 'demo-child-0',
      person: child,
      decision: decision('POSSIBLE', 'NON_POLICE_GOVERNMENT', ['FORCED_CRIMINALITY'], '2021-04-28'),
      municipality: 'Oslo',
      ageAssessment: 'ASSESSED_CHILD',
      unaccompanied: true,
    },
  });
  registrations += 1;
  const caseId = cw.childWelfareRegisterPotentialVictim.childCase.id;
  await gql(`mutation($i: ChildWelfareStartPlacementInput!) { childWelfareStartPlacement(input: $i) { id } }`, {
    i: { idempotencyKey: 'demo-placement-0', caseId, kind: 'INSTITUTION', startedAt: '2021-05-01', plannedEndAt: '2021-10-31' },
  });
  await gql(`mutation($i: ChildWelfareRecordMeasureInput!) { childWelfareRecordMeasure(input: $i) { id } }`, {
    i: { idempotencyKey: 'demo-measure-0', caseId, kind: 'GUARDIAN_APPOINTED', takenAt: '2021-05-03' },
  });
  await gql(`mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { person { id } } }`, {
    i: { idempotencyKey: 'demo-police-child', person: child, decision: decision('POSSIBLE', 'POLICE', ['FORCED_CRIMINALITY'], '2021-04-27') },
  });
  registrations += 1;

  // A referral from the NGO to UDI for a reflection period.
  await gql(
    `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id } }`,
    {
      i: { victimId: victimIds[10], fromAgency: 'NGO', target: 'IMMIGRATION_REFLECTION_PERIOD', idempotencyKey: 'demo-referral-0' },
    },
    ngoAs(orgNames[10 % 4]![0]),
  );

  // 2020 (the comparison year): 16 persons identified and assisted by NGOs, 16 known to UDI (12 of them also to an NGO),
  // 16 reflection periods, 3 limited and 6 humanitarian permits; child welfare assisted no child.
  const people2020: SyntheticPerson[] = NGO_MIX.flatMap(([country, n]) =>
    Array.from({ length: Math.ceil(n / 5) }, () => syntheticPerson(rnd, country, 1972, 2000)),
  ).slice(0, 16);
  const day2020 = (month: number) => `2020-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  await inBatches(people2020, 4, async (person, i) => {
    const decidedOn = day2020(1 + (i % 10));
    const staff = ngoAs(orgNames[i % 4]![0]);
    const r = await gql(
      `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } client { id } } }`,
      { i: { idempotencyKey: `demo-2020-ngo-${i}`, organisationId: orgs[i % 4], person, decision: decision('POSSIBLE', 'NGO', exploitation(i), decidedOn) } },
      staff,
    );
    registrations += 1;
    await gql(
      `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`,
      {
        i: {
          idempotencyKey: `demo-2020-assist-${i}`,
          clientId: r.ngoRegisterPotentialVictim.client.id,
          type: 'SHELTER',
          startedAt: decidedOn,
          endedAt: '2020-12-15',
        },
      },
      staff,
    );
    for (const agency of ['NRM', 'COORDINATING_UNIT']) {
      await gql(
        `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`,
        {
          i: {
            idempotencyKey: `demo-2020-consent-${i}-${agency}`,
            clientId: r.ngoRegisterPotentialVictim.client.id,
            agency,
            purpose: 'Referral and follow-up in the NRM',
            givenAt: `${decidedOn}T12:00:00Z`,
          },
        },
        staff,
      );
    }
  });
  const udiOnly2020 = [
    syntheticPerson(rnd, 'NG', 1980, 1999),
    syntheticPerson(rnd, 'AL', 1980, 1999),
    syntheticPerson(rnd, 'VN', 1980, 1999),
    syntheticPerson(rnd, 'TH', 1980, 1999),
  ];
  const applicantIds2020 = await inBatches([...people2020.slice(0, 12), ...udiOnly2020], 4, async (person, i) => {
    const r = await gql(`mutation($i: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $i) { applicant { id } } }`, {
      i: { idempotencyKey: `demo-2020-udi-${i}`, person, decision: decision('POSSIBLE', 'NON_POLICE_GOVERNMENT', SEXUAL, day2020(2 + (i % 9))) },
    });
    registrations += 1;
    return r.immigrationRegisterPotentialVictim.applicant.id as string;
  });
  await inBatches(applicantIds2020, 4, (applicantId, i) =>
    gql(`mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id } }`, {
      i: { idempotencyKey: `demo-2020-reflection-${i}`, applicantId, grantedAt: `2020-${String(3 + (i % 9)).padStart(2, '0')}-20` },
    }),
  );
  const permits2020: [number, string][] = [
    [0, 'LIMITED_TRAFFICKING'],
    [1, 'LIMITED_TRAFFICKING'],
    [2, 'LIMITED_TRAFFICKING'],
    ...[3, 4, 5, 6, 7, 8].map((a): [number, string] => [a, 'HUMANITARIAN']),
  ];
  await inBatches(permits2020, 4, ([a, kind], i) =>
    gql(`mutation($i: ImmigrationGrantResidencePermitInput!) { immigrationGrantResidencePermit(input: $i) { id } }`, {
      i: {
        idempotencyKey: `demo-2020-permit-${i}`,
        applicantId: applicantIds2020[a],
        kind,
        grantedAt: '2020-12-01',
        validUntil: kind === 'HUMANITARIAN' ? '2023-11-30' : '2021-11-30',
      },
    }),
  );

  const persons = people.length + policeOnly.length + 2 + people2020.length + udiOnly2020.length; // + the returnee + the child
  return `${registrations} registrations of ${persons} persons by four agencies (2020 and 2021)`;
}
