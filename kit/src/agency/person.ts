import { badInput } from '../runtime/errors.ts';
import { checkCountryCode, checkDufNumber, checkNationalId, checkPassportNumber } from './identifiers.ts';
import { isIsoDate } from '../schema/scalars.ts';
import { hasInvisibleFormatCharacter } from '../guards/input-checks.ts';

export type IdentifierType = 'FODSELSNUMMER' | 'D_NUMMER' | 'DUF_NUMMER' | 'PASSPORT';
export type Gender = 'FEMININE' | 'MASCULINE' | 'TRANSGENDER_FEMININE' | 'TRANSGENDER_MASCULINE' | 'NON_CONFORMING' | 'UNKNOWN';

/** One identifier, as received in `IdentifierInput`. */
export interface IdentifierInput {
  type: IdentifierType;
  value: string;
  issuingCountry?: string | null;
}

/** A person as received in `PersonInput`. */
export interface PersonInput {
  /** Empty when unknown (a person known by one name); at least one name or alias is required. */
  givenNames: string;
  /** Empty when unknown (a mononymous person); at least one name or alias is required. */
  familyName: string;
  aliases?: string[] | null;
  birthDate?: string | null;
  birthYear?: number | null;
  gender: Gender;
  citizenships: string[];
  identifiers?: IdentifierInput[] | null;
}

/** A normalised, validated identifier: value without spaces or dashes, issuer set. */
export interface Identifier {
  type: IdentifierType;
  value: string;
  issuingCountry: string;
}

/** A validated person, ready to store in the agency's own database. */
export interface Person {
  /** `''` when unknown. */
  givenNames: string;
  /** `''` when unknown. */
  familyName: string;
  aliases: string[];
  birthDate: string | null;
  birthYear: number | null;
  gender: Gender;
  citizenships: string[];
  identifiers: Identifier[];
}

const MAX_NAME = 200;

/** Control characters (C0 including tab and line breaks, DEL, C1) and bidirectional formatting characters: never part of a name. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const NOT_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function cleanName(value: string, field: string, optional = false): string {
  // Checked before whitespace is folded, so a tab or line break is refused rather than made a space.
  if (NOT_IN_NAMES.test(value)) throw badInput(field, 'must not contain control or bidirectional formatting characters');
  if (hasInvisibleFormatCharacter(value)) throw badInput(field, 'must not contain invisible format characters');
  const v = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (v.length === 0 && optional) return '';
  if (v.length === 0) throw badInput(field, 'must not be empty');
  if (v.length > MAX_NAME) throw badInput(field, `must be at most ${MAX_NAME} characters`);
  return v;
}

/** Normalises one identifier and checks it; throws `BAD_USER_INPUT` naming the field, never the value. */
export function normaliseIdentifier(input: IdentifierInput, field: string): Identifier {
  const value = input.value.replace(/[\s-]/g, '').toUpperCase();
  const issuer = input.issuingCountry?.trim().toUpperCase();
  let problem: string | null;
  switch (input.type) {
    case 'FODSELSNUMMER':
    case 'D_NUMMER':
      problem = checkNationalId(value, input.type);
      break;
    case 'DUF_NUMMER':
      problem = checkDufNumber(value);
      break;
    case 'PASSPORT':
      problem = checkPassportNumber(value);
      if (!problem && !issuer) problem = 'a passport needs issuingCountry';
      break;
    default:
      problem = 'unknown identifier type';
  }
  if (problem) throw badInput(`${field}.value`, problem);
  if (issuer !== undefined && issuer !== '') {
    const p = checkCountryCode(issuer);
    if (p) throw badInput(`${field}.issuingCountry`, p);
  }
  const norwegian = input.type !== 'PASSPORT';
  return { type: input.type, value, issuingCountry: norwegian ? 'NO' : (issuer as string) };
}

/**
 * Validates and normalises a `PersonInput` at the edge. Throws a
 * `BAD_USER_INPUT` GraphQLError that names the field and the rule.
 */
export function normalisePerson(input: PersonInput, path = 'person', now = new Date()): Person {
  // A person may be known by one name only (a mononym, a first name given in an interview): a
  // missing given or family name is unknown, not an error, as long as some name is there.
  const givenNames = cleanName(input.givenNames ?? '', `${path}.givenNames`, true);
  const familyName = cleanName(input.familyName ?? '', `${path}.familyName`, true);
  const aliases = (input.aliases ?? []).map((a, i) => cleanName(a, `${path}.aliases[${i}]`));
  if (aliases.length > 20) throw badInput(`${path}.aliases`, 'at most 20 aliases');
  if (givenNames === '' && familyName === '' && aliases.length === 0) {
    throw badInput(`${path}.givenNames`, 'a given name, a family name or an alias is required');
  }
  let birthDate: string | null = null;
  let birthYear: number | null = input.birthYear ?? null;
  if (input.birthDate) {
    if (!isIsoDate(input.birthDate)) throw badInput(`${path}.birthDate`, 'must be YYYY-MM-DD');
    if (input.birthDate > now.toISOString().slice(0, 10)) throw badInput(`${path}.birthDate`, 'must not be in the future');
    birthDate = input.birthDate;
    const year = Number(birthDate.slice(0, 4));
    if (birthYear !== null && birthYear !== year) throw badInput(`${path}.birthYear`, 'disagrees with birthDate');
    birthYear = year;
  }
  if (birthYear !== null && (birthYear < 1900 || birthYear > now.getUTCFullYear())) {
    throw badInput(`${path}.birthYear`, `must be between 1900 and ${now.getUTCFullYear()}`);
  }
  const citizenships = [...new Set(input.citizenships.map((c) => c.trim().toUpperCase()))];
  citizenships.forEach((c, i) => {
    const p = checkCountryCode(c);
    if (p) throw badInput(`${path}.citizenships[${i}]`, p);
  });
  const identifiers = (input.identifiers ?? []).map((id, i) => normaliseIdentifier(id, `${path}.identifiers[${i}]`));
  if (identifiers.length > 20) throw badInput(`${path}.identifiers`, 'at most 20 identifiers');
  return { givenNames, familyName, aliases, birthDate, birthYear, gender: input.gender, citizenships, identifiers };
}

/** EEA member states (EU + Iceland, Liechtenstein, Norway), ISO 3166-1 alpha-2. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
]);

/** True when any of the citizenships is an EEA country. */
export function isEeaCitizen(citizenships: readonly string[]): boolean {
  return citizenships.some((c) => EEA_COUNTRIES.has(c));
}
