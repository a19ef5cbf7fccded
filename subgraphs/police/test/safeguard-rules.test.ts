import { describe, expect, it } from 'vitest';
import { classificationMismatch, nonPunishmentReasons, openCaseRoles, stayOngoing } from '../src/rules/safeguards.ts';

const registered = { status: 'POSSIBLE', victimId: '9b8c0f0e-1111-4222-8333-444455556666' };
const inv = (offence: string, prosecutedAs: string | null = null, status = 'OPEN') => ({ offence, prosecutedAs, status });

describe('classification mismatch', () => {
  it('is none for a case under §257 or §258', () => {
    expect(classificationMismatch(registered, 'VICTIM', inv('TRAFFICKING_257'))).toBeNull();
    expect(classificationMismatch(registered, 'VICTIM', inv('TRAFFICKING_257', 'AGGRAVATED_TRAFFICKING_258', 'PROSECUTED'))).toBeNull();
  });
  it('shows a trafficking case prosecuted as pimping, even after it closed', () => {
    expect(classificationMismatch(registered, 'VICTIM', inv('TRAFFICKING_257', 'PIMPING', 'PROSECUTED'))).toEqual({ offence: 'PIMPING', stage: 'PROSECUTED' });
    expect(classificationMismatch(registered, 'VICTIM', inv('TRAFFICKING_257', 'PIMPING', 'CLOSED'))).toEqual({ offence: 'PIMPING', stage: 'PROSECUTED' });
  });
  it('shows a case investigated as another offence', () => {
    expect(classificationMismatch(registered, 'VICTIM', inv('LABOUR_OFFENCE'))).toEqual({ offence: 'LABOUR_OFFENCE', stage: 'INVESTIGATED' });
  });
  it('is about registered victims only: not witnesses, suspects, unregistered or NOT_A_VICTIM persons', () => {
    expect(classificationMismatch(registered, 'WITNESS', inv('PIMPING'))).toBeNull();
    expect(classificationMismatch(registered, 'SUSPECT', inv('PIMPING'))).toBeNull();
    expect(classificationMismatch({ ...registered, victimId: null }, 'VICTIM', inv('PIMPING'))).toBeNull();
    expect(classificationMismatch({ ...registered, status: 'NOT_A_VICTIM' }, 'VICTIM', inv('PIMPING'))).toBeNull();
  });
});

describe('open-case roles told to the NRM', () => {
  it('are victim and witness roles in open or prosecuted trafficking cases, sorted, once each', () => {
    expect(
      openCaseRoles([
        { role: 'WITNESS', investigation: inv('TRAFFICKING_257') },
        { role: 'VICTIM', investigation: inv('PIMPING', 'AGGRAVATED_TRAFFICKING_258', 'PROSECUTED') },
        { role: 'WITNESS', investigation: inv('AGGRAVATED_TRAFFICKING_258') },
      ]),
    ).toEqual(['VICTIM', 'WITNESS']);
  });
  it('leave out suspects, closed cases and other offences', () => {
    expect(
      openCaseRoles([
        { role: 'SUSPECT', investigation: inv('TRAFFICKING_257') },
        { role: 'VICTIM', investigation: inv('TRAFFICKING_257', null, 'CLOSED') },
        { role: 'WITNESS', investigation: inv('PIMPING') },
      ]),
    ).toEqual([]);
  });
});

describe('the non-punishment flag', () => {
  const day = '2021-10-20';
  const held = [{ startedAt: '2021-10-01', endedAt: null }];
  it('needs an ongoing stay on the day', () => {
    expect(stayOngoing({ startedAt: '2021-10-01', endedAt: '2021-10-20' }, day)).toBe(true);
    expect(stayOngoing({ startedAt: '2021-10-01', endedAt: '2021-10-19' }, day)).toBe(false);
    expect(stayOngoing({ startedAt: '2021-10-21', endedAt: null }, day)).toBe(false);
    expect(nonPunishmentReasons({ ...registered, custodyStays: [{ startedAt: '2021-01-01', endedAt: '2021-02-01' }], screenings: [] }, day)).toBeNull();
  });
  it('flags a registered potential victim and a screening with indications, each as its reason', () => {
    expect(nonPunishmentReasons({ ...registered, custodyStays: held, screenings: [{ indications: true }] }, day)).toEqual([
      'REGISTERED_POTENTIAL_VICTIM',
      'SCREENING_WITH_INDICATIONS',
    ]);
    expect(
      nonPunishmentReasons({ status: 'NOT_A_VICTIM', victimId: registered.victimId, custodyStays: held, screenings: [{ indications: true }] }, day),
    ).toEqual(['SCREENING_WITH_INDICATIONS']);
  });
  it('does not flag a held person with neither', () => {
    expect(nonPunishmentReasons({ status: 'NOT_A_VICTIM', victimId: null, custodyStays: held, screenings: [{ indications: false }] }, day)).toBeNull();
  });
});
