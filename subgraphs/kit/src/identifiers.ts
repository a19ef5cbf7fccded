/**
 * Norwegian identifier validation. Functions return `null` when valid, or a
 * short reason (never echoing the value) when not.
 */

const FNR_W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const FNR_W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const DUF_W = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5];

function digits(value: string): number[] {
  return [...value].map(Number);
}

function mod11Check(ds: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * (ds[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

function validDate(day: number, month: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Any century: 29 February is valid when some century makes it a leap year.
  const dim = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (month === 2 && day === 29) return yy % 4 === 0;
  return day <= dim;
}

/** Checks an 11-digit fødselsnummer or D-nummer: layout, date and both mod-11 check digits. */
export function checkNationalId(value: string, kind: 'FODSELSNUMMER' | 'D_NUMMER'): string | null {
  if (!/^\d{11}$/.test(value)) return 'must be exactly 11 digits';
  const ds = digits(value);
  let day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  if (kind === 'D_NUMMER') {
    if (day <= 40) return 'a D-nummer has 40 added to the day';
    day -= 40;
  } else if (day > 40) {
    return 'day is out of range for a fødselsnummer (is it a D-nummer?)';
  }
  if (!validDate(day, month, yy)) return 'does not start with a valid date';
  const k1 = mod11Check(ds, FNR_W1);
  const k2 = mod11Check(ds, FNR_W2);
  if (k1 === null || k1 !== ds[9] || k2 === null || k2 !== ds[10]) return 'check digits do not match';
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

/** ISO 3166-1 alpha-2 shape check (upper-case two letters). */
export function checkCountryCode(value: string): string | null {
  return /^[A-Z]{2}$/.test(value) ? null : 'must be an ISO 3166-1 alpha-2 code such as NO or RO';
}
