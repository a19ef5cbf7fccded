/**
 * Synthetic people for the demo data set and tests. Names are random
 * combinations from short lists; identity numbers are generated with valid
 * check digits and belong to no one.
 */

const NAMES: Record<string, { given: [string[], string[]]; family: string[] }> = {
  NO: {
    given: [
      ['Ingrid', 'Kari', 'Silje', 'Maria', 'Nora'],
      ['Ola', 'Jonas', 'Lars', 'Emil', 'Henrik'],
    ],
    family: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Berg', 'Haugen'],
  },
  RO: {
    given: [
      ['Ioana', 'Andreea', 'Elena', 'Mihaela', 'Roxana'],
      ['Andrei', 'Florin', 'Mihai', 'Costel', 'Vasile'],
    ],
    family: ['Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Lungu', 'Matei'],
  },
  NG: {
    given: [
      ['Blessing', 'Joy', 'Precious', 'Favour', 'Gift'],
      ['Emeka', 'Chinedu', 'Tunde', 'Ifeanyi', 'Segun'],
    ],
    family: ['Okafor', 'Adeyemi', 'Eze', 'Okonkwo', 'Balogun', 'Nwosu'],
  },
  BG: {
    given: [
      ['Desislava', 'Mariya', 'Petya', 'Tsvetelina'],
      ['Georgi', 'Dimitar', 'Stoyan', 'Ivaylo'],
    ],
    family: ['Petrova', 'Dimitrov', 'Georgieva', 'Kolev', 'Stoyanov'],
  },
  TH: {
    given: [
      ['Siriporn', 'Nittaya', 'Kanya', 'Pranee'],
      ['Somchai', 'Anan', 'Chaiya', 'Kittisak'],
    ],
    family: ['Srisuk', 'Wongsa', 'Chaiyasit', 'Boonmee', 'Thongdee'],
  },
  VN: {
    given: [
      ['Thi Lan', 'Thi Hoa', 'Thu Trang', 'Ngoc Anh'],
      ['Van Minh', 'Duc Anh', 'Quang Huy', 'Van Long'],
    ],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang'],
  },
  LT: {
    given: [
      ['Ruta', 'Egle', 'Jurgita', 'Asta'],
      ['Tomas', 'Mindaugas', 'Darius', 'Andrius'],
    ],
    family: ['Kazlauskas', 'Petrauskas', 'Jankauskas', 'Stankevicius'],
  },
  AL: {
    given: [
      ['Elira', 'Arta', 'Blerina', 'Mirela'],
      ['Arben', 'Gentian', 'Ilir', 'Besnik'],
    ],
    family: ['Hoxha', 'Shehu', 'Krasniqi', 'Gashi', 'Berisha'],
  },
  PL: {
    given: [
      ['Agnieszka', 'Katarzyna', 'Magdalena'],
      ['Piotr', 'Tomasz', 'Krzysztof'],
    ],
    family: ['Nowak', 'Kowalski', 'Wisniewski', 'Wojcik'],
  },
  UA: {
    given: [
      ['Olena', 'Iryna', 'Oksana'],
      ['Oleksandr', 'Andriy', 'Serhiy'],
    ],
    family: ['Shevchenko', 'Bondarenko', 'Kovalenko', 'Tkachenko'],
  },
};

export type Country = keyof typeof NAMES;

/** A synthetic person in `PersonInput` shape. */
export interface SyntheticPerson {
  givenNames: string;
  familyName: string;
  birthDate: string;
  gender: 'FEMININE' | 'MASCULINE';
  citizenships: string[];
  identifiers: { type: 'FODSELSNUMMER' | 'D_NUMMER' | 'PASSPORT'; value: string; issuingCountry?: string }[];
}

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function check(ds: number[], w: number[]): number | null {
  const r = 11 - (w.reduce((a, x, i) => a + x * ds[i]!, 0) % 11);
  return r === 11 ? 0 : r === 10 ? null : r;
}

/** A valid synthetic fødselsnummer (or D-nummer with `dNumber`) for a birth date. */
export function syntheticNationalId(birthDate: string, rnd: () => number, dNumber = false): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (dNumber ? 40 : 0);
  for (;;) {
    const individual = String(500 + Math.floor(rnd() * 499)).padStart(3, '0');
    const base = `${String(day).padStart(2, '0')}${m}${y!.slice(2)}${individual}`;
    const ds = [...base].map(Number);
    const k1 = check(ds, W1);
    if (k1 === null) continue;
    const k2 = check([...ds, k1], W2);
    if (k2 === null) continue;
    return `${base}${k1}${k2}`;
  }
}

/** Makes one synthetic person of a nationality, born between the given years. */
export function syntheticPerson(rnd: () => number, country: Country, fromYear: number, toYear: number): SyntheticPerson {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const female = rnd() < 0.75;
  const names = NAMES[country]!;
  const year = fromYear + Math.floor(rnd() * (toYear - fromYear + 1));
  const birthDate = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const identifiers: SyntheticPerson['identifiers'] =
    country === 'NO'
      ? [{ type: 'FODSELSNUMMER', value: syntheticNationalId(birthDate, rnd) }]
      : [{ type: 'PASSPORT', value: `${country}${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`, issuingCountry: country }];
  return {
    givenNames: pick(names.given[female ? 0 : 1]),
    familyName: pick(names.family),
    birthDate,
    gender: female ? 'FEMININE' : 'MASCULINE',
    citizenships: [country],
    identifiers,
  };
}
