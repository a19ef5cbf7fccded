import { idnr } from '@navikt/fnrvalidator';
import countries from 'i18n-iso-countries';

/**
 * Norwegian identifier validation. Functions return `null` when valid, or a
 * short reason (never echoing the value) when not.
 */

const DUF_W = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5];

function digits(value: string): number[] {
  return [...value].map(Number);
}

/**
 * Checks an 11-digit fødselsnummer or D-nummer: layout, the kind (a D-nummer
 * has 40 added to the day), the birth date and both mod-11 check digits. The
 * date and check-digit rules come from NAV's maintained validator
 * (`@navikt/fnrvalidator`), which also knows the 2032 check-digit rule and
 * the synthetic test numbers (month + 80) issued by Test Norge.
 */
export function checkNationalId(value: string, kind: 'FODSELSNUMMER' | 'D_NUMMER'): string | null {
  if (!/^\d{11}$/.test(value)) return 'must be exactly 11 digits';
  const isDNumber = Number(value[0]) >= 4;
  if (kind === 'D_NUMMER' && !isDNumber) return 'a D-nummer has 40 added to the day';
  if (kind === 'FODSELSNUMMER' && isDNumber) return 'day is out of range for a fødselsnummer (is it a D-nummer?)';
  const result = idnr(value);
  if (result.status === 'invalid') {
    if (result.reasons.includes('invalid date')) return 'does not start with a valid date';
    return 'check digits do not match';
  }
  // H-numbers (month + 40) are auxiliary health-service numbers, not national ids.
  const accepted = kind === 'D_NUMMER' ? ['dnr', 'dnr-and-tnr'] : ['fnr', 'tnr'];
  if (!accepted.includes(result.type)) return 'does not start with a valid date';
  return null;
}

/** Checks a 12-digit DUF number: 4-digit year, 6-digit serial, 2 check digits (sum of weights mod 11). */
export function checkDufNumber(value: string): string | null {
  if (!/^\d{12}$/.test(value)) return 'must be exactly 12 digits';
  const ds = digits(value);
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2100) return 'does not start with a plausible year';
  const sum = DUF_W.reduce((acc, w, i) => acc + w * (ds[i] ?? 0), 0);
  if (sum % 11 !== Number(value.slice(10, 12))) return 'check digits do not match';
  return null;
}

/** Passport numbers: 5 to 20 letters or digits after removing spaces and dashes. */
export function checkPassportNumber(value: string): string | null {
  return /^[A-Z0-9]{5,20}$/.test(value) ? null : 'must be 5 to 20 letters or digits';
}

/**
 * The assigned ISO 3166-1 alpha-2 codes, from the maintained
 * `i18n-iso-countries` list (plus XK, Kosovo, which it carries as the code
 * Norwegian and EU registers use).
 */
const ALPHA2: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** Checks an upper-case ISO 3166-1 alpha-2 country code: two letters that name a country (ZZ does not). */
export function checkCountryCode(value: string): string | null {
  return /^[A-Z]{2}$/.test(value) && ALPHA2.has(value) ? null : 'must be an ISO 3166-1 alpha-2 code such as NO or RO';
}
