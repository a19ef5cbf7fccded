import { describe, expect, it } from 'vitest';
import {
  checkAmountNok,
  checkDateOrder,
  checkEventDate,
  checkEventTime,
  checkPlannedDate,
  confusableSkeleton,
  MAX_COMPENSATION_NOK,
  mixesScriptsInAWord,
  textProblem,
} from '../src/index.ts';

// All names here are made up.
const TODAY = '2021-06-01';
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { extensions?: Record<string, unknown>; message: string }).extensions;
  }
  return null;
};

describe('event dates', () => {
  it('accepts a date from the floor to today plus one day, and refuses one before 1900 or further ahead, naming the field', () => {
    expect(checkEventDate('1900-01-01', 'input.openedAt', TODAY)).toBe('1900-01-01');
    expect(checkEventDate('2021-06-02', 'input.openedAt', TODAY)).toBe('2021-06-02');
    expect(refusal(() => checkEventDate('0001-01-01', 'input.openedAt', TODAY))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.openedAt' });
    expect(refusal(() => checkEventDate('1899-12-31', 'input.openedAt', TODAY))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.openedAt' });
    expect(refusal(() => checkEventDate('2021-06-03', 'input.openedAt', TODAY))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.openedAt' });
    expect(refusal(() => checkEventDate('9999-12-31', 'input.openedAt', TODAY))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.openedAt' });
    // A stricter tolerance for the checks that already had one.
    expect(refusal(() => checkEventDate('2021-06-02', 'input.screenedOn', TODAY, 0))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.screenedOn' });
  });

  it('lets a planned date lie ahead up to ten years, and no further', () => {
    expect(checkPlannedDate('2031-06-01', 'input.departureDate', TODAY)).toBe('2031-06-01');
    expect(refusal(() => checkPlannedDate('2031-06-02', 'input.departureDate', TODAY))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.departureDate' });
    expect(refusal(() => checkPlannedDate('0001-01-01', 'input.departureDate', TODAY))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.departureDate' });
  });

  it('refuses a later date before the earlier one, and lets a missing or equal one pass', () => {
    expect(() => checkDateOrder('2021-01-01', null, 'input.paidAt', 'orderedAt')).not.toThrow();
    expect(() => checkDateOrder('2021-01-01', '2021-01-01', 'input.paidAt', 'orderedAt')).not.toThrow();
    expect(refusal(() => checkDateOrder('2021-01-01', '2020-12-31', 'input.paidAt', 'orderedAt'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.paidAt' });
  });

  it('refuses a timestamp before 1900 or in the future beyond the clock skew', () => {
    const now = new Date('2021-06-01T12:00:00Z');
    expect(checkEventTime(new Date('2021-06-01T12:04:00Z'), 'input.givenAt', now)?.toISOString()).toBe('2021-06-01T12:04:00.000Z');
    expect(checkEventTime(null, 'input.givenAt', now)).toBeNull();
    expect(refusal(() => checkEventTime(new Date('1899-12-31T23:59:59Z'), 'input.givenAt', now))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.givenAt' });
    expect(refusal(() => checkEventTime(new Date('2021-06-01T12:06:00Z'), 'input.givenAt', now))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.givenAt' });
  });
});

describe('amounts', () => {
  it('accepts 1 to the maximum and refuses zero, a fraction or more, naming the field and not the value', () => {
    expect(checkAmountNok(MAX_COMPENSATION_NOK, 'input.amountNok', MAX_COMPENSATION_NOK)).toBe(100_000_000);
    expect(refusal(() => checkAmountNok(0, 'input.amountNok', MAX_COMPENSATION_NOK))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.amountNok' });
    expect(refusal(() => checkAmountNok(1.5, 'input.amountNok', MAX_COMPENSATION_NOK))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.amountNok' });
    let message = '';
    try {
      checkAmountNok(2_147_483_647, 'input.amountNok', MAX_COMPENSATION_NOK);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Invalid input at input.amountNok: must be at most 100,000,000 NOK');
    expect(message).not.toContain('2147483647');
  });
});

describe('invisible format characters', () => {
  it.each([
    ['a zero-width space', 'PROBE-\u200b-2'],
    ['a zero-width joiner', 'PROBE-\u200d-2'],
    ['a soft hyphen', 'PROBE-2\u00ad'],
    ['a word joiner', 'RO\u2060SA'],
    ['a byte-order mark', '\ufeffROSA'],
    ['a tag character', 'ROSA\u{e0041}'],
    ['a zero-width non-joiner between Latin letters', 'RO\u200cSA'],
  ])('refuses %s', (_name, text) => {
    expect(textProblem(text)).toBe('text may not contain invisible format characters');
  });

  it('still names bidirectional controls as such', () => {
    expect(textProblem('abc\u202edef')).toBe('text may not contain bidirectional control characters');
  });

  it.each([
    ['Norwegian letters', 'Bjørn Ærø Håkonsen'],
    ['Vietnamese diacritics', 'Nguyễn Thị Phương Thảo'],
    ['an Arabic name', 'فاطمة الزهراء'],
    ['a Persian name with its zero-width non-joiner between Arabic letters', 'نیک\u200cنام'],
    ['a Cyrillic name', 'Ольга Петренко'],
    ['a Greek name', 'Ελένη Παπαδοπούλου'],
  ])('accepts %s', (_name, text) => {
    expect(textProblem(text)).toBeNull();
  });
});

describe('confusable organisation names', () => {
  it('gives a name with Cyrillic or Greek look-alikes, another case, spacing or punctuation the same skeleton', () => {
    const rosa = confusableSkeleton('ROSA (demo)');
    expect(rosa).toBe('rosa demo');
    expect(confusableSkeleton('R\u041eSA (demo)')).toBe(rosa); // Cyrillic О
    expect(confusableSkeleton('ROS\u0391 (demo)')).toBe(rosa); // Greek Α
    expect(confusableSkeleton('Rosa  –  Demo')).toBe(rosa);
    expect(confusableSkeleton('ＲＯＳＡ (demo)')).toBe(rosa); // full-width, folded by NFKC
    expect(confusableSkeleton('RO\u200bSA (demo)')).toBe(rosa);
    expect(confusableSkeleton('Rosa Help')).not.toBe(rosa);
  });

  it('finds scripts mixed within one word, and passes names wholly in one script', () => {
    expect(mixesScriptsInAWord('R\u041eSA (demo)')).toBe(true);
    expect(mixesScriptsInAWord('Pro Sentret ROS\u0391')).toBe(true);
    expect(mixesScriptsInAWord('Kirkens Bymisjon Ålesund')).toBe(false);
    expect(mixesScriptsInAWord('Hội Phụ nữ Việt Nam')).toBe(false);
    expect(mixesScriptsInAWord('جمعية الأمل')).toBe(false);
    expect(mixesScriptsInAWord('Центр Надежда Oslo')).toBe(false); // Cyrillic and Latin words side by side, each in one script
    expect(mixesScriptsInAWord('ひまわり会館')).toBe(false); // Japanese kana with kanji
  });
});
