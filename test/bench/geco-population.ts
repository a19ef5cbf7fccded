/**
 * A second synthetic population for the matching benchmark, written from a
 * different corruption model than `synthetic-population.ts` (after GeCo and
 * the Febrl generator, Christen et al.): other name pools, a steeper Zipf
 * choice of names (s = 1.1 over short lists, so namesakes are common, as in
 * communities where a few family names dominate), double and hyphenated
 * family names, nicknames, and corruptions drawn per record:
 *
 * - keyboard typos (a QWERTY neighbour substituted, inserted; a letter
 *   deleted; two letters transposed), OCR confusions (m ↔ rn, d ↔ cl,
 *   w ↔ vv, h → b, e → c, i → l), phonetic substitutions (ph/f, c/k,
 *   ie/y, ou/u, sch/sh, th/t, w/v, z/s, ei/ai);
 * - a nickname for the given name (Robert / Bob, Aleksandra / Ola...);
 * - the given name or the family name missing;
 * - one part of a double family name dropped, or the two joined by a hyphen;
 * - day and month swapped; one digit of the date mistyped; two adjacent
 *   digits transposed (1956 / 1965); only the year; no date;
 * - sex or citizenship not recorded.
 *
 * Every record knows which person it is (the truth for scoring).
 */
import type { AgencyCode, PersonInput } from '@nrm-hub/kit';
import { seededRandom } from '@nrm-hub/kit/runtime';

const split = (s: string) => s.split(/\s*,\s*/);

interface Culture {
  weight: number;
  citizenship: string;
  female: string[];
  male: string[];
  family: string[];
  /** Share of people with two family names (Spanish style). */
  double?: number;
}

const CULTURES: Culture[] = [
  {
    weight: 20,
    citizenship: 'PL',
    female: split(
      'Anna, Katarzyna, Maria, Małgorzata, Agnieszka, Barbara, Ewa, Krystyna, Magdalena, Joanna, Aleksandra, Zofia, Monika, Teresa, Danuta, Natalia, Karolina, Marta, Beata, Dorota',
    ),
    male: split(
      'Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Jan, Michał, Marcin, Stanisław, Jakub, Adam, Marek, Łukasz, Grzegorz, Mateusz, Wojciech, Mariusz, Dariusz, Zbigniew, Maciej',
    ),
    family: split(
      'Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Wojciechowski, Kwiatkowski, Krawczyk, Kaczmarek, Piotrowski, Grabowski, Zając, Pawłowski, Michalski, Król, Wieczorek',
    ),
  },
  {
    weight: 18,
    citizenship: 'ER',
    female: split(
      'Senait, Helen, Selam, Winta, Saba, Yohana, Mebrat, Tsega, Rahel, Feven, Luwam, Semhar, Hiwet, Almaz, Ruta, Yordanos, Eden, Abeba, Mihret, Hanna',
    ),
    male: split(
      'Yonas, Tesfay, Mehari, Kidane, Ghebre, Samuel, Daniel, Yosief, Berhane, Tekle, Amanuel, Filmon, Habte, Kibrom, Merhawi, Natnael, Robel, Semere, Tewolde, Zerai',
    ),
    family: split(
      'Tesfamariam, Gebremedhin, Haile, Tekle, Berhe, Ghebremichael, Woldu, Kidane, Mehari, Habtemariam, Asfaha, Gebreyesus, Weldemichael, Yohannes, Tewolde, Okbazghi, Andemariam, Zerezghi, Ghirmay, Abraha',
    ),
  },
  {
    weight: 16,
    citizenship: 'CO',
    female: split(
      'María, Luz, Ana, Carmen, Sandra, Paola, Diana, Claudia, Marcela, Andrea, Natalia, Valentina, Daniela, Camila, Laura, Juliana, Yuliana, Leidy, Jennifer, Angie',
    ),
    male: split(
      'José, Juan, Luis, Carlos, Jorge, Andrés, Jhon, Diego, Miguel, Javier, Fernando, Oscar, Alejandro, Julián, Sebastián, Camilo, Wilson, Jairo, Edwin, Hernán',
    ),
    family: split(
      'Rodríguez, Gómez, González, Martínez, García, López, Hernández, Sánchez, Ramírez, Pérez, Díaz, Muñoz, Rojas, Moreno, Jiménez, Torres, Vargas, Castro, Ortiz, Gutiérrez, Ruiz, Suárez',
    ),
    double: 0.6,
  },
  {
    weight: 14,
    citizenship: 'PH',
    female: split(
      'Maria, Mary Grace, Jennifer, Michelle, Joy, Angelica, Kristine, Rowena, Lovely, Princess, Marites, Rosalie, Cherry, Divina, Jocelyn, Analyn, Rhea, Liezel, April, Maricel',
    ),
    male: split(
      'John, Mark, Michael, Jose, Jerome, Christian, Ramon, Rodel, Jomar, Arnel, Jayson, Rey, Noel, Dennis, Reynaldo, Ronald, Rolando, Efren, Jonathan, Ariel',
    ),
    family: split(
      'Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Tomas, Andrada, Castillo, Flores, Villanueva, Ramos, Castro, Rivera, Aquino, Navarro, Salazar, Mercado, Dela Cruz, De Leon',
    ),
  },
  {
    weight: 14,
    citizenship: 'SO',
    female: split(
      'Fadumo, Hodan, Amina, Sahra, Faadumo, Hawa, Khadija, Asha, Ayaan, Maryan, Nimco, Sagal, Ifrah, Hibo, Filsan, Ubah, Ladan, Deeqa, Hamdi, Sucaad',
    ),
    male: split(
      'Mohamed, Ahmed, Abdi, Ali, Hassan, Abdullahi, Omar, Ibrahim, Yusuf, Abdirahman, Mahad, Farah, Bashir, Hamza, Osman, Liban, Mustafe, Khalid, Said, Jama',
    ),
    family: split(
      'Mohamed, Ahmed, Ali, Hassan, Abdi, Osman, Farah, Warsame, Jama, Hussein, Yusuf, Aden, Ibrahim, Nur, Abdullahi, Omar, Mohamud, Egal, Dahir, Elmi',
    ),
  },
  {
    weight: 18,
    citizenship: 'NG',
    female: split(
      'Blessing, Joy, Mercy, Favour, Gift, Peace, Precious, Esther, Grace, Patience, Chinonso, Ngozi, Amarachi, Ifunanya, Oluchi, Osaze, Eghe, Iyobosa, Uyiosa, Ekinadose',
    ),
    male: split(
      'Friday, Sunday, Monday, Lucky, Godwin, Osaze, Efe, Osas, Nosakhare, Osarodion, Uyi, Ehis, Festus, Kingsley, Innocent, Emeka, Ikechukwu, Chidi, Nnamdi, Uche',
    ),
    family: split(
      'Osagie, Omoruyi, Igbinovia, Aghedo, Edosa, Ogiemwonyi, Osazuwa, Iyoha, Okungbowa, Ehigie, Omokaro, Uwadiae, Osemwegie, Oghogho, Aigbokhan, Okafor, Eze, Nwankwo, Obi, Okonkwo',
    ),
  },
];

/** Nicknames and short forms a clerk may write instead of the given name. */
const NICKNAMES: Record<string, string[]> = {
  Aleksandra: ['Ola', 'Ala'],
  Katarzyna: ['Kasia'],
  Małgorzata: ['Gosia'],
  Magdalena: ['Magda'],
  Krzysztof: ['Krzysiek'],
  Michał: ['Michal'],
  Mateusz: ['Mati'],
  Wojciech: ['Wojtek'],
  Tomasz: ['Tomek'],
  Jakub: ['Kuba'],
  Robel: ['Robi'],
  Amanuel: ['Amani', 'Emmanuel'],
  Yohana: ['Johanna'],
  Yosief: ['Yosef', 'Joseph'],
  Natnael: ['Nati'],
  Alejandro: ['Alejo'],
  José: ['Pepe'],
  Sebastián: ['Sebas'],
  Valentina: ['Vale'],
  Juliana: ['Juli'],
  Fernando: ['Nando'],
  Jonathan: ['Jon'],
  Michael: ['Mike'],
  Jennifer: ['Jen'],
  Reynaldo: ['Rey'],
  Rolando: ['Roly'],
  Christian: ['Chris'],
  Mohamed: ['Maxamed', 'Mo'],
  Abdullahi: ['Abdi'],
  Abdirahman: ['Abdi'],
  Mustafe: ['Mustafa'],
  Faadumo: ['Fadumo'],
  Ikechukwu: ['Ike'],
  Nosakhare: ['Nosa'],
  Osarodion: ['Osaro'],
  Kingsley: ['King'],
  Chinonso: ['Nonso'],
};

const KEYBOARD: Record<string, string> = {
  q: 'wa',
  w: 'qes',
  e: 'wrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'ol',
  a: 'qsz',
  s: 'awdz',
  d: 'sefx',
  f: 'drgc',
  g: 'fthv',
  h: 'gyjb',
  j: 'hukn',
  k: 'jilm',
  l: 'kop',
  z: 'asx',
  x: 'zdc',
  c: 'xfv',
  v: 'cgb',
  b: 'vhn',
  n: 'bjm',
  m: 'nk',
};

const OCR: [string, string][] = [
  ['m', 'rn'],
  ['rn', 'm'],
  ['d', 'cl'],
  ['w', 'vv'],
  ['h', 'b'],
  ['e', 'c'],
  ['i', 'l'],
  ['l', 'i'],
  ['u', 'v'],
  ['n', 'h'],
];
const PHONETIC: [RegExp, string][] = [
  [/ph/, 'f'],
  [/f/, 'ph'],
  [/c(?=[aou])/, 'k'],
  [/k/, 'c'],
  [/ie/, 'y'],
  [/y$/, 'ie'],
  [/ou/, 'u'],
  [/sch/, 'sh'],
  [/sh/, 'sch'],
  [/th/, 't'],
  [/w/, 'v'],
  [/v/, 'w'],
  [/z/, 's'],
  [/ei/, 'ai'],
  [/ai/, 'ei'],
  [/ck/, 'k'],
  [/x/, 'ks'],
  [/j/, 'y'],
  [/oo/, 'u'],
  [/ee/, 'i'],
];

export interface GecoRegistration {
  personIndex: number;
  agency: AgencyCode;
  person: PersonInput;
  corruptions: string[];
}

interface GecoPerson {
  index: number;
  culture: Culture;
  gender: 'FEMININE' | 'MASCULINE';
  given: string;
  family: string[];
  birthDate: string;
}

/** A seeded generator of people and their corrupted registrations (GeCo / Febrl style). */
export class GecoPopulation {
  readonly rnd: () => number;
  readonly people: GecoPerson[] = [];

  constructor(seed: number) {
    this.rnd = seededRandom(seed * 7919 + 17);
  }

  #pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }

  #zipf<T>(xs: readonly T[], s = 1.1): T {
    const weights = xs.map((_, i) => 1 / (i + 1) ** s);
    let r = this.rnd() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < xs.length; i += 1) {
      r -= weights[i]!;
      if (r <= 0) return xs[i]!;
    }
    return xs.at(-1)!;
  }

  person(): GecoPerson {
    let r = this.rnd() * CULTURES.reduce((a, c) => a + c.weight, 0);
    let culture = CULTURES[0]!;
    for (const c of CULTURES) {
      r -= c.weight;
      if (r <= 0) {
        culture = c;
        break;
      }
    }
    const gender = this.rnd() < 0.7 ? 'FEMININE' : 'MASCULINE';
    const given = this.#zipf(gender === 'FEMININE' ? culture.female : culture.male);
    const family = [this.#zipf(culture.family)];
    if (culture.double && this.rnd() < culture.double) family.push(this.#zipf(culture.family));
    const year = 1960 + Math.floor(this.rnd() * 48);
    const month = 1 + Math.floor(this.rnd() * 12);
    const day = 1 + Math.floor(this.rnd() * 28);
    const person: GecoPerson = {
      index: this.people.length,
      culture,
      gender,
      given,
      family,
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    };
    this.people.push(person);
    return person;
  }

  #agency(): AgencyCode {
    return this.#pick(['NGO', 'NGO', 'POLICE', 'POLICE', 'IMMIGRATION', 'CHILD_WELFARE'] as const);
  }

  registration(p: GecoPerson): GecoRegistration {
    return {
      personIndex: p.index,
      agency: this.#agency(),
      person: { givenNames: p.given, familyName: p.family.join(' '), birthDate: p.birthDate, gender: p.gender, citizenships: [p.culture.citizenship] },
      corruptions: [],
    };
  }

  #typo(word: string): string {
    if (!word || word.length < 2) return word;
    const i = Math.floor(this.rnd() * word.length);
    const ch = word[i]!.toLowerCase();
    const r = this.rnd();
    if (r < 0.4 && KEYBOARD[ch]) return word.slice(0, i) + this.#pick([...KEYBOARD[ch]]) + word.slice(i + 1);
    if (r < 0.6) return word.slice(0, i) + word.slice(i + 1);
    if (r < 0.8 && KEYBOARD[ch]) return word.slice(0, i + 1) + this.#pick([...KEYBOARD[ch]]) + word.slice(i + 1);
    if (i < word.length - 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    return word;
  }

  #ocr(word: string): string {
    const options = OCR.filter(([from]) => word.slice(1).includes(from));
    if (options.length === 0) return this.#typo(word);
    const [from, to] = this.#pick(options);
    const at = word.indexOf(from, 1);
    return word.slice(0, at) + to + word.slice(at + from.length);
  }

  #phonetic(word: string): string {
    const lower = word.toLowerCase();
    const options = PHONETIC.filter(([re]) => re.test(lower.slice(1)));
    if (options.length === 0) return this.#typo(word);
    const [re, to] = this.#pick(options);
    return word[0] + lower.slice(1).replace(re, to);
  }

  /** Another registration of the person with one to three corruptions (GeCo: 1 50%, 2 35%, 3 15%). */
  duplicate(p: GecoPerson): GecoRegistration {
    const reg = this.registration(p);
    const person = reg.person;
    let given = p.given;
    let family = p.family.slice();
    let date: string | null = p.birthDate;
    const r = this.rnd();
    const n = r < 0.5 ? 1 : r < 0.85 ? 2 : 3;
    const kinds: [string, number][] = [
      ['keyboard', 18],
      ['ocr', 8],
      ['phonetic', 14],
      ['nickname', 6],
      ['noGiven', 4],
      ['noFamily', 4],
      ['doubleFamily', 6],
      ['dayMonthSwap', 6],
      ['dateDigit', 8],
      ['dateTranspose', 6],
      ['yearOnly', 6],
      ['noDate', 5],
      ['noSex', 2],
      ['noCitizenship', 3],
    ];
    const chosen = new Set<string>();
    while (chosen.size < n) {
      let x = this.rnd() * kinds.reduce((a, k) => a + k[1], 0);
      for (const [k, w] of kinds) {
        x -= w;
        if (x <= 0) {
          chosen.add(k);
          break;
        }
      }
    }
    // A record keeps at least one name: never drop both.
    if (chosen.has('noGiven') && chosen.has('noFamily')) chosen.delete('noFamily');
    const corruptName = (f: (w: string) => string) => {
      if ((this.rnd() < 0.5 || family.length === 0) && given) given = f(given);
      else if (family.length > 0) {
        const i = Math.floor(this.rnd() * family.length);
        family[i] = f(family[i]!);
      }
    };
    for (const kind of chosen) {
      switch (kind) {
        case 'keyboard':
          corruptName((w) => this.#typo(w));
          break;
        case 'ocr':
          corruptName((w) => this.#ocr(w));
          break;
        case 'phonetic':
          corruptName((w) => this.#phonetic(w));
          break;
        case 'nickname':
          if (NICKNAMES[given]) given = this.#pick(NICKNAMES[given]!);
          else given = this.#typo(given);
          break;
        case 'noGiven':
          given = '';
          break;
        case 'noFamily':
          family = [];
          break;
        case 'doubleFamily':
          if (family.length > 1) family = this.rnd() < 0.5 ? [family[0]!] : [family.join('-')];
          else if (family.length === 1) family = [this.#typo(family[0]!)];
          break;
        case 'dayMonthSwap':
          if (date && Number(date.slice(8)) <= 12) date = `${date.slice(0, 4)}-${date.slice(8)}-${date.slice(5, 7)}`;
          break;
        case 'dateDigit':
        case 'dateTranspose':
          if (date) date = this.#corruptDate(date, kind === 'dateTranspose');
          break;
        case 'yearOnly':
          person.birthYear = Number((date ?? p.birthDate).slice(0, 4));
          date = null;
          break;
        case 'noDate':
          date = null;
          break;
        case 'noSex':
          person.gender = 'UNKNOWN';
          break;
        case 'noCitizenship':
          person.citizenships = [];
          break;
      }
      reg.corruptions.push(kind);
    }
    person.givenNames = given;
    person.familyName = family.join(' ');
    person.birthDate = date;
    if (date) person.birthYear = null;
    return reg;
  }

  /** One digit of the date changed, or two adjacent digits transposed, keeping it a valid date before today. */
  #corruptDate(date: string, transpose: boolean): string {
    const digits = date.replace(/-/g, '').split('');
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const d = digits.slice();
      const i = 2 + Math.floor(this.rnd() * (transpose ? 5 : 6));
      if (transpose) [d[i], d[i + 1]] = [d[i + 1]!, d[i]!];
      else d[i] = String(Math.floor(this.rnd() * 10));
      const s = d.join('');
      const candidate = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
      const [y, m, dd] = [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))];
      if (candidate !== date && y >= 1900 && y <= 2020 && m >= 1 && m <= 12 && dd >= 1 && dd <= 28) return candidate;
    }
    return date;
  }
}
