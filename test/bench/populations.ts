/**
 * The populations the matching benchmark runs on, each a list of
 * registrations in arrival order with the person each truly is:
 *
 * - `own`: `synthetic-population.ts` (the generator the thresholds and
 *   blocking parameters were chosen on, at seed 2021);
 * - `geco`: `geco-population.ts`, another corruption model (GeCo / Febrl
 *   style), never used to choose anything;
 * - `febrl3`, `febrl4`: the public Febrl data sets in `data/febrl/`, given
 *   name, surname and date of birth only; the agency is chosen by a hash of
 *   the record id.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AgencyCode, PersonInput } from '@nrm-hub/kit';
import { GecoPopulation } from './geco-population.ts';
import { Population } from './synthetic-population.ts';

export interface BenchRegistration {
  /** The true person (scoring only). */
  personKey: string;
  agency: AgencyCode;
  person: PersonInput;
  corruptions: string[];
}

export const POPULATIONS = ['own', 'geco', 'febrl3', 'febrl4'] as const;
export type PopulationName = (typeof POPULATIONS)[number];

/** A generator that can also make more people and duplicates (for the registry-size part). */
export interface Generator {
  person(): { index: number };
  registration(p: never): { personIndex: number; agency: AgencyCode; person: PersonInput; corruptions: string[] };
  duplicate(p: never): { personIndex: number; agency: AgencyCode; person: PersonInput; corruptions: string[] };
  readonly people: readonly { index: number }[];
  readonly rnd: () => number;
}

export function generatorFor(name: PopulationName, seed: number): Generator | null {
  if (name === 'own') return new Population(seed);
  if (name === 'geco') return new GecoPopulation(seed);
  return null;
}

/** `people` persons, and `duplicateShare` of all registrations being further registrations of them, shuffled. */
export function generated(generator: Generator, people: number, duplicateShare: number): BenchRegistration[] {
  const persons = Array.from({ length: people }, () => generator.person());
  const regs = persons.map((p) => generator.registration(p as never));
  const duplicates = Math.round((people * duplicateShare) / (1 - duplicateShare));
  for (let i = 0; i < duplicates; i += 1) regs.push(generator.duplicate(persons[Math.floor(generator.rnd() * persons.length)]! as never));
  for (let i = regs.length - 1; i > 0; i -= 1) {
    const j = Math.floor(generator.rnd() * (i + 1));
    [regs[i], regs[j]] = [regs[j]!, regs[i]!];
  }
  return regs.map((r) => ({ personKey: String(r.personIndex), agency: r.agency, person: r.person, corruptions: r.corruptions }));
}

const AGENCIES: AgencyCode[] = ['POLICE', 'IMMIGRATION', 'CHILD_WELFARE', 'NGO'];

/** A Febrl date of birth (YYYYMMDD, possibly corrupted or empty) as the hub takes it: a valid date, else a plausible year, else nothing. */
function febrlDate(raw: string): Pick<PersonInput, 'birthDate' | 'birthYear'> {
  const s = raw.trim();
  if (!/^\d{8}$/.test(s)) return {};
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))];
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  const valid = m >= 1 && m <= 12 && d >= 1 && new Date(`${iso}T00:00:00Z`).getUTCDate() === d;
  if (y >= 1900 && y <= 2025 && valid) return { birthDate: iso };
  if (y >= 1900 && y <= 2025) return { birthYear: y };
  return {};
}

/** Febrl records in file order, shuffled by a hash of the record id (reproducible), as registrations. */
export function febrl(name: 'febrl3' | 'febrl4'): BenchRegistration[] {
  const dir = new URL('./data/febrl/', import.meta.url);
  const files = name === 'febrl3' ? ['dataset3.csv'] : ['dataset4a.csv', 'dataset4b.csv'];
  const rows: { id: string; reg: BenchRegistration }[] = [];
  for (const file of files) {
    const lines = readFileSync(new URL(file, dir), 'utf8').split(/\r?\n/).slice(1);
    for (const line of lines) {
      if (!line.trim()) continue;
      const cols = line.split(',').map((c) => c.trim());
      const [id, given, surname] = [cols[0]!, cols[1] ?? '', cols[2] ?? ''];
      const dob = cols[9] ?? '';
      const hash = createHash('sha256').update(id).digest();
      rows.push({
        id: hash.toString('hex'),
        reg: {
          personKey: id.replace(/^rec-(\d+)-.*$/, '$1'),
          agency: AGENCIES[hash[0]! % AGENCIES.length]!,
          person: { givenNames: given, familyName: surname, ...febrlDate(dob), gender: 'UNKNOWN', citizenships: [] },
          corruptions: id.includes('-dup-') ? ['febrl-dup'] : [],
        },
      });
    }
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id)).map((r) => r.reg);
}
