import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

/** `classificationMismatchFlags`: every registered victim whose case runs as another offence than trafficking, for the alerts page. */
const CALLER: TestClaims = { agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' };
const { run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: CALLER });

const FLAGS = `{ classificationMismatchFlags { person { id victimId } victim { id } mismatch { investigation { reference } offence stage rightsKept } } }`;

async function investigation(reference: string, offence: string, openedAt: string): Promise<string> {
  const r = await run(`mutation($i: PoliceOpenInvestigationInput!) { policeOpenInvestigation(input: $i) { id } }`, {
    i: { reference, policeDistrict: 'Oslo', offence, openedAt },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.policeOpenInvestigation.id as string;
}

async function victimIn(investigationId: string, tag: string, status = 'POSSIBLE'): Promise<{ personId: string; victimId: string }> {
  const r = await run(`mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } person { id } } }`, {
    i: {
      idempotencyKey: `mismatch-${tag}`,
      investigationId,
      person: { givenNames: `Ulvira ${tag}`, familyName: `Brekkestad${tag}`, birthDate: '1996-03-04', gender: 'FEMININE', citizenships: ['BG'] },
      decision: { status, decidedBy: 'POLICE', exploitationTypes: ['SEXUAL_EXPLOITATION'] },
    },
  });
  expect(r.errors).toBeUndefined();
  return { personId: r.data!.policeRegisterPotentialVictim.person.id, victimId: r.data!.policeRegisterPotentialVictim.outcome.victimId };
}

describe('classification mismatch flags', () => {
  it('lists registered victims of cases investigated as another offence, newest case first, and no trafficking case', async () => {
    const pimping = await investigation('OSL-2021-0301', 'PIMPING', '2021-03-01');
    const labour = await investigation('OSL-2022-0302', 'LABOUR_OFFENCE', '2022-01-15');
    const trafficking = await investigation('OSL-2021-0303', 'TRAFFICKING_257', '2021-04-01');
    const a = await victimIn(pimping, 'Alfa');
    const b = await victimIn(labour, 'Beta');
    await victimIn(trafficking, 'Gamma');
    // Not a victim: the rule leaves them out.
    await victimIn(pimping, 'Delta', 'NOT_A_VICTIM');
    const r = await run(FLAGS);
    expect(r.errors).toBeUndefined();
    expect(r.data!.classificationMismatchFlags).toEqual([
      {
        person: { id: b.personId, victimId: b.victimId },
        victim: { id: b.victimId },
        mismatch: {
          investigation: { reference: 'OSL-2022-0302' },
          offence: 'LABOUR_OFFENCE',
          stage: 'INVESTIGATED',
          rightsKept: ['REFLECTION_PERIOD', 'LIMITED_RESIDENCE_PERMIT', 'ASSISTANCE', 'NON_PUNISHMENT'],
        },
      },
      {
        person: { id: a.personId, victimId: a.victimId },
        victim: { id: a.victimId },
        mismatch: {
          investigation: { reference: 'OSL-2021-0301' },
          offence: 'PIMPING',
          stage: 'INVESTIGATED',
          rightsKept: ['REFLECTION_PERIOD', 'LIMITED_RESIDENCE_PERMIT', 'ASSISTANCE', 'NON_PUNISHMENT'],
        },
      },
    ]);
    const one = await run(`{ classificationMismatchFlags(first: 1) { person { id } } }`);
    expect(one.data!.classificationMismatchFlags).toEqual([{ person: { id: b.personId } }]);
  });

  it('follows a prosecution: an aggravated trafficking case prosecuted as pimping is a mismatch at the PROSECUTED stage', async () => {
    const id = await investigation('OSL-2021-0304', 'AGGRAVATED_TRAFFICKING_258', '2021-05-01');
    const c = await victimIn(id, 'Epsilon', 'ACTUAL');
    const upd = await run(`mutation($i: PoliceUpdateInvestigationInput!) { policeUpdateInvestigation(input: $i) { id } }`, {
      i: { investigationId: id, status: 'PROSECUTED', prosecutedAs: 'PIMPING' },
    });
    expect(upd.errors).toBeUndefined();
    const r = await run(FLAGS);
    expect(r.data!.classificationMismatchFlags.find((f: { person: { id: string } }) => f.person.id === c.personId).mismatch).toMatchObject({
      offence: 'PIMPING',
      stage: 'PROSECUTED',
    });
  });

  it('refuses other agencies, a caller without a purpose, and a page size out of range', async () => {
    const udi = await run(FLAGS, {}, { agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-17' });
    expect(udi.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(udi.data?.classificationMismatchFlags ?? null).toBeNull();
    const noPurpose = await run(FLAGS, {}, { agency: 'police', roles: ['investigator'], purpose: null });
    expect(noPurpose.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' });
    const tooMany = await run(`{ classificationMismatchFlags(first: 501) { person { id } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
