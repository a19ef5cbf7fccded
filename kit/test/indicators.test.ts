import { describe, expect, it } from 'vitest';
import {
  checkIndicators,
  elementPositive,
  FORCED_LABOUR_INDICATORS,
  INDICATOR_ELEMENTS,
  indicatorGrade,
  OPERATIONAL_INDICATORS,
  possiblyChildOn,
  screeningOutcome,
  type ElementCode,
} from '../src/agency/indicators.ts';

/** A positive set for each element, from the catalogue: one strong and one medium where the element has a strong indicator, else three medium. */
const POSITIVE: Record<ElementCode, string[]> = {
  DR: ['DR_JOB_NATURE', 'DR_WAGES'],
  CR: ['CR_VIOLENCE', 'CR_DEBT_BONDAGE'],
  RV: ['RV_ILLEGAL_STATUS', 'RV_ECONOMIC_REASONS', 'RV_LACK_OF_INFORMATION'],
  EC: ['EC_EXCESSIVE_HOURS', 'EC_LOW_OR_NO_SALARY'],
  CD: ['CD_DOCUMENTS_CONFISCATED', 'CD_DEBT_BONDAGE'],
  VD: ['VD_DEPENDENCY_ON_EXPLOITERS', 'VD_LEGAL_STATUS', 'VD_LANGUAGE'],
};

const positiveElements = (codes: string[], child = false) =>
  screeningOutcome(codes, child)
    .elements.filter((e) => e.positive)
    .map((e) => e.element);

describe('the ILO/EC element rule', () => {
  it('is positive for two strong indicators', () => expect(elementPositive(2, 0, 0)).toBe(true));
  it('is positive for one strong and one medium indicator', () => expect(elementPositive(1, 1, 0)).toBe(true));
  it('is positive for one strong and one weak indicator', () => expect(elementPositive(1, 0, 1)).toBe(true));
  it('is positive for three medium indicators', () => expect(elementPositive(0, 3, 0)).toBe(true));
  it('is positive for two medium and one weak indicator', () => expect(elementPositive(0, 2, 1)).toBe(true));
  it('is negative for one strong indicator alone', () => expect(elementPositive(1, 0, 0)).toBe(false));
  it('is negative for two medium indicators alone', () => expect(elementPositive(0, 2, 0)).toBe(false));
  it('is negative for one medium and any number of weak indicators', () => expect(elementPositive(0, 1, 5)).toBe(false));
  it('is negative for weak indicators alone', () => expect(elementPositive(0, 0, 9)).toBe(false));
});

describe('each element from catalogue codes', () => {
  for (const prefix of Object.keys(INDICATOR_ELEMENTS) as ElementCode[]) {
    it(`counts ${INDICATOR_ELEMENTS[prefix]} positive from its own indicators only`, () => {
      expect(positiveElements(POSITIVE[prefix])).toEqual([INDICATOR_ELEMENTS[prefix]]);
      // One indicator fewer is not enough.
      expect(positiveElements(POSITIVE[prefix].slice(1))).toEqual([]);
    });
  }

  it('grades each strength as the catalogue says, and counts them per element', () => {
    const codes = ['CD_VIOLENCE', 'CD_FORCED_TO_LIE', 'CD_EXCLUSION_FROM_COMMUNITY'];
    expect(codes.map(indicatorGrade)).toEqual(['STRONG', 'MEDIUM', 'WEAK']);
    const cd = screeningOutcome(codes, false).elements.find((e) => e.element === 'COERCION_AT_DESTINATION');
    expect(cd).toEqual({ element: 'COERCION_AT_DESTINATION', strong: 1, medium: 1, weak: 1, positive: true });
  });

  it('has every operational code under one of the six elements', () => {
    for (const code of Object.keys(OPERATIONAL_INDICATORS)) expect(Object.keys(INDICATOR_ELEMENTS)).toContain(code.slice(0, 2));
    expect(FORCED_LABOUR_INDICATORS).toHaveLength(11);
  });
});

describe('the outcome for an adult', () => {
  it('has indications with recruitment, exploitation and means at destination all positive', () => {
    const outcome = screeningOutcome([...POSITIVE.DR, ...POSITIVE.EC, ...POSITIVE.CD], false);
    expect(outcome.indications).toBe(true);
    expect(outcome.reasons).toEqual(['OPERATIONAL_ADULT', 'ELEMENT_DR', 'ELEMENT_EC', 'ELEMENT_CD']);
  });

  it('accepts any recruitment element and either means element', () => {
    expect(screeningOutcome([...POSITIVE.CR, ...POSITIVE.EC, ...POSITIVE.VD], false).indications).toBe(true);
    expect(screeningOutcome([...POSITIVE.RV, ...POSITIVE.EC, ...POSITIVE.CD], false).indications).toBe(true);
  });

  it('has no indications without the means at destination', () => {
    const outcome = screeningOutcome([...POSITIVE.DR, ...POSITIVE.EC], false);
    expect(outcome.indications).toBe(false);
    expect(outcome.reasons).toEqual(['ELEMENT_DR', 'ELEMENT_EC']);
  });

  it('has no indications without exploitation, or without recruitment', () => {
    expect(screeningOutcome([...POSITIVE.DR, ...POSITIVE.CD], false).indications).toBe(false);
    expect(screeningOutcome([...POSITIVE.EC, ...POSITIVE.CD, ...POSITIVE.VD], false).indications).toBe(false);
  });
});

describe('the outcome for a child', () => {
  it('needs no means element: exploitation and one recruitment indicator suffice', () => {
    const codes = ['DR_EDUCATION', ...POSITIVE.EC];
    expect(screeningOutcome(codes, true)).toMatchObject({ indications: true, reasons: ['OPERATIONAL_CHILD', 'ELEMENT_EC'] });
    // The same observations are not enough for an adult.
    expect(screeningOutcome(codes, false).indications).toBe(false);
  });

  it('still needs exploitation and an act of recruitment', () => {
    expect(screeningOutcome([...POSITIVE.EC], true).indications).toBe(false);
    expect(screeningOutcome(['DR_JOB_NATURE', 'EC_EXCESSIVE_HOURS'], true).indications).toBe(false);
  });

  it('reports the adult reason when the adult rule holds as well', () => {
    expect(screeningOutcome([...POSITIVE.DR, ...POSITIVE.EC, ...POSITIVE.CD], true).reasons[0]).toBe('OPERATIONAL_ADULT');
  });
});

describe("the ILO's 11 forced-labour indicators", () => {
  it('give indications from two observed indicators, not from one', () => {
    expect(screeningOutcome(['FL_DEBT_BONDAGE'], false)).toMatchObject({ indications: false, forcedLabourCount: 1, reasons: [] });
    expect(screeningOutcome(['FL_DEBT_BONDAGE', 'FL_EXCESSIVE_OVERTIME'], false)).toMatchObject({
      indications: true,
      forcedLabourCount: 2,
      reasons: ['FORCED_LABOUR'],
    });
  });
});

describe('checking observed indicators', () => {
  it('sorts known codes', () => expect(checkIndicators(['EC_EXCESSIVE_HOURS', 'DR_WAGES'])).toEqual(['DR_WAGES', 'EC_EXCESSIVE_HOURS']));
  it('refuses an unknown code by position without echoing it', () => {
    expect(() => checkIndicators(['DR_WAGES', 'NOT_AN_INDICATOR'])).toThrow(/input\.indicators\[1\]: unknown indicator code/);
    try {
      checkIndicators(['NOT_AN_INDICATOR']);
    } catch (e) {
      expect((e as Error).message).not.toContain('NOT_AN_INDICATOR');
    }
  });
  it('refuses repeats and an empty list', () => {
    expect(() => checkIndicators(['DR_WAGES', 'DR_WAGES'])).toThrow(/indicators\[1\]: indicator listed twice/);
    expect(() => checkIndicators([])).toThrow(/at least one/);
  });
});

describe('possibly a child on the day', () => {
  it('uses the exact birth date', () => {
    expect(possiblyChildOn('2021-03-13', '2003-03-14', null)).toBe(true);
    expect(possiblyChildOn('2021-03-14', '2003-03-14', null)).toBe(false);
  });
  it('with only a birth year, counts the year they turn 18 as possibly under 18', () => {
    expect(possiblyChildOn('2021-06-01', null, 2003)).toBe(true);
    expect(possiblyChildOn('2021-06-01', null, 2002)).toBe(false);
    expect(possiblyChildOn('2021-06-01', null, null)).toBe(false);
  });
});
