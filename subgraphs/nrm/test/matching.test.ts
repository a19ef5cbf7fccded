import { randomUUID } from 'node:crypto';
import { encodeClk, normalisePerson, nrmRegistrationRequest, seededRandom, type AgencyCode, type PersonInput } from '@nrm-hub/kit';
import { SAMPLE_IDS, subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { contextFactory } from '../src/context.ts';
import { CANDIDATE_LIMIT, classifyPair, decideMatch, rankMembers, scoreCandidates, setMatchModel } from '../src/data/matching.ts';
import { blockingKeys, DATE_KEY_END, DATE_KEY_START, DAY_MONTH_NAME_BAND, NAME_BANDS, YEAR_NAME_BANDS } from '../src/rules/blocking.ts';
import { DEFAULT_MODEL } from '../src/rules/default-model.ts';
import { compareForModel, LEVELS, MATCH_PROBABILITY, REVIEW_PROBABILITY, scorePair } from '../src/rules/match-model.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// All people here are synthetic; the identity numbers have valid check digits and belong to no one.
const LINKAGE_SECRET = 'agencies-only-linkage-secret-0123456789';
const AGENCY_CLAIM: Record<AgencyCode, string> = { POLICE: 'police', IMMIGRATION: 'immigration', CHILD_WELFARE: 'child-welfare', NGO: 'ngo:test-ngo' };
const COORDINATOR: TestClaims = { sub: 'test-coordinator-1', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-0042' };
// Every operation here names its caller.
const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, requestId: 'test-request' });

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId matchedExisting matchScore underReview } }`;
const VICTIM = `query($id: ID!) { victim(id: $id) { id mergedIds registrations { id agency issuedVictimId } history { kind victimId otherVictimId registrationIds decidedBy } } }`;

/** What an agency's `registerPotentialVictim` sends the NRM: the kit's real validation and encoding. */
function requestFor(agency: AgencyCode, idempotencyKey: string, input: PersonInput) {
  return nrmRegistrationRequest({
    agency,
    agencyRecordId: randomUUID(),
    idempotencyKey,
    linkageSecret: LINKAGE_SECRET,
    person: normalisePerson(input),
    decision: { status: 'POSSIBLE', decidedBy: agency === 'NGO' ? 'NGO' : 'POLICE', exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2021-06-01' },
  });
}

async function register(agency: AgencyCode, idempotencyKey: string, input: PersonInput) {
  const result = await run(
    REGISTER,
    { input: requestFor(agency, idempotencyKey, input) },
    { agency: AGENCY_CLAIM[agency], roles: ['caseworker'], service: true },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.registerPotentialVictim as { victimId: string; matchedExisting: boolean; matchScore: number; underReview: boolean };
}

const count = async () => ({
  registrations: (await database.db.select().from(schema.registrations)).length,
  victims: (await database.db.select().from(schema.victims)).length,
});

const person = (over: Partial<PersonInput> = {}): PersonInput => ({
  givenNames: 'Ana Maria',
  familyName: 'Testescu',
  birthDate: '1995-03-14',
  gender: 'FEMININE',
  citizenships: ['RO'],
  ...over,
});

describe('the NRM configuration', () => {
  it('refuses to start with the agencies linkage secret, and starts without it', () => {
    expect(() => loadConfig({ LINKAGE_SECRET: 'x'.repeat(40) })).toThrow('LINKAGE_SECRET must not be given to the NRM');
    expect(() => loadConfig({})).not.toThrow();
  });
});

describe('CLK similarity of the same person written differently', () => {
  const clk = (p: PersonInput) => encodeClk(LINKAGE_SECRET, normalisePerson(p));
  // The committed model in a registry of 10,000 registrations.
  const verdict = (a: PersonInput, b: PersonInput) => classifyPair(clk(a), clk(b), 10_000);

  it.each<[string, PersonInput, PersonInput]>([
    ['a typo in the family name', person(), person({ familyName: 'Testecsu' })],
    [
      'Mohammed and Muhammad',
      person({ givenNames: 'Mohammed', familyName: 'Haddad', gender: 'MASCULINE' }),
      person({ givenNames: 'Muhammad', familyName: 'Haddad', gender: 'MASCULINE' }),
    ],
    [
      'Ø and O',
      person({ givenNames: 'Øydis', familyName: 'Sørbø', citizenships: ['NO'] }),
      person({ givenNames: 'Oydis', familyName: 'Sorbo', citizenships: ['NO'] }),
    ],
    [
      'Aleksandr and Alexander',
      person({ givenNames: 'Aleksandr', familyName: 'Testov', gender: 'MASCULINE' }),
      person({ givenNames: 'Alexander', familyName: 'Testov', gender: 'MASCULINE' }),
    ],
    ['given and family name swapped', person(), person({ givenNames: 'Testescu', familyName: 'Ana Maria' })],
    ['day and month swapped', person({ birthDate: '1995-03-11' }), person({ birthDate: '1995-11-03' })],
    ['a birth year instead of the date', person(), person({ birthDate: null, birthYear: 1995 })],
  ])('matches across %s', (_name, a, b) => {
    expect(verdict(a, b)).toBe('MATCH');
  });

  it('does not join on a common name alone: in a registry of 10,000 the same name without any birth date goes to review at most', () => {
    // Thirty other victims with the name: an exact name is then weak evidence, as it is among namesakes.
    const common = 30 / 10_000;
    const undated = person({ birthDate: null });
    expect(classifyPair(clk(person()), clk(undated), 10_000, DEFAULT_MODEL, common)).not.toBe('MATCH');
    expect(classifyPair(clk(person()), clk({ ...undated, familyName: 'Popescu' }), 10_000, DEFAULT_MODEL, common)).toBe('NONE');
    // The rarer the name, the stronger the same evidence: a name no other victim holds weighs most.
    const weight = (frequency: number) => scorePair(DEFAULT_MODEL, compareForModel(clk(person()), clk(undated)), 10_000, frequency).weight;
    expect(weight(0)).toBeGreaterThan(weight(1 / 10_000));
    expect(weight(1 / 10_000)).toBeGreaterThan(weight(common));
    expect(weight(common) - weight(0)).toBeLessThan(-4);
  });

  it('does not match two people with the same common name and birth year', () => {
    const a = person({ givenNames: 'Thị Lan', familyName: 'Nguyễn', citizenships: ['VN'], birthDate: '1990-03-05' });
    const b = person({ givenNames: 'Thị Lan', familyName: 'Nguyễn', citizenships: ['VN'], birthDate: '1990-11-22' });
    expect(verdict(a, b)).not.toBe('MATCH');
    expect(verdict(a, { ...b, birthDate: '1984-03-05' })).toBe('NONE');
  });

  it('matches a registration with one name only against the full name (a missing name is unknown, not a disagreement)', () => {
    expect(
      verdict(person({ givenNames: 'Joy', familyName: 'Okafoh', citizenships: ['NG'] }), person({ givenNames: 'Joy', familyName: '', citizenships: ['NG'] })),
    ).toBe('MATCH');
    expect(
      verdict(
        person({ givenNames: 'Joy', familyName: 'Okafoh', citizenships: ['NG'] }),
        person({ givenNames: '', familyName: 'Okafoh', citizenships: ['NG'] }),
      ),
    ).toBe('MATCH');
  });

  it('matches with and without name particles, which are kept as optional tokens', () => {
    expect(
      verdict(
        person({ givenNames: 'Văn Hùng', familyName: 'Lê', citizenships: ['VN'] }),
        person({ givenNames: 'Hùng', familyName: 'Lê', citizenships: ['VN'] }),
      ),
    ).toBe('MATCH');
    expect(
      verdict(
        person({ givenNames: 'Jan', familyName: 'van der Berg', citizenships: ['NL'] }),
        person({ givenNames: 'Jan', familyName: 'Berg', citizenships: ['NL'] }),
      ),
    ).toBe('MATCH');
    expect(
      verdict(
        person({ givenNames: 'Omar', familyName: 'al-Rashid', citizenships: ['SY'] }),
        person({ givenNames: 'Omar', familyName: 'Rashid', citizenships: ['SY'] }),
      ),
    ).toBe('MATCH');
  });

  it('puts a one-letter difference in a short name (Fiday / Friday) in a common block', () => {
    const a = clk(person({ givenNames: 'Friday', familyName: 'Osagie', citizenships: ['NG'], gender: 'MASCULINE' }));
    const b = clk(person({ givenNames: 'Fiday', familyName: 'Osagie', citizenships: ['NG'], gender: 'MASCULINE', birthDate: null }));
    const shared = blockingKeys(a).filter((k) => blockingKeys(b).includes(k));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('does not match different people born the same day', () => {
    expect(verdict(person(), person({ givenNames: 'Ioana', familyName: 'Popescu' }))).toBe('NONE');
  });

  const dateLevel = (a: string, b: string) => LEVELS.date[compareForModel(clk(person({ birthDate: a })), clk(person({ birthDate: b }))).date];

  it('tells a mistyped birth year (one digit off, two digits transposed) from another year, by the last two digits', () => {
    expect(dateLevel('1985-03-14', '1988-03-14')).toBe('YEAR_MISTYPED_SAME_DAY_MONTH');
    expect(dateLevel('1956-03-14', '1965-03-14')).toBe('YEAR_MISTYPED_SAME_DAY_MONTH');
    expect(dateLevel('1985-03-14', '1975-03-14')).toBe('YEAR_MISTYPED_SAME_DAY_MONTH');
    expect(dateLevel('1956-03-14', '1965-07-21')).toBe('CONFLICTING');
    // Every year pair one typing error apart is caught; of the years sharing neither last digit (nor their pair)
    // only a few are taken for a typo, by chance collisions of their bits (a Bloom filter's false positives).
    let typos = 0;
    let caught = 0;
    let unrelated = 0;
    let takenForTypo = 0;
    for (let y = 1960; y < 2008; y += 1) {
      for (let z = 1960; z < 2008; z += 1) {
        if (Math.abs(y - z) <= 1) continue;
        const [a, b] = [String(y).slice(2), String(z).slice(2)];
        const level = dateLevel(`${y}-03-14`, `${z}-03-14`);
        if (a[0] === b[0] || a[1] === b[1] || (a[0] === b[1] && a[1] === b[0])) {
          typos += 1;
          if (level === 'YEAR_MISTYPED_SAME_DAY_MONTH') caught += 1;
        } else if (!a.includes(b[0]!) && !a.includes(b[1]!)) {
          unrelated += 1;
          if (level !== 'CONFLICTING') takenForTypo += 1;
        }
      }
    }
    expect(caught).toBe(typos);
    expect(takenForTypo / unrelated).toBeLessThan(0.1);
  });

  it('tells a day or month with one digit mistyped from another day in the same year', () => {
    expect(dateLevel('1990-03-15', '1990-03-16')).toBe('SAME_YEAR_ONE_DIGIT_OFF');
    expect(dateLevel('1990-03-15', '1990-03-25')).toBe('SAME_YEAR_ONE_DIGIT_OFF');
    expect(dateLevel('1990-01-15', '1990-07-15')).toBe('SAME_YEAR_ONE_DIGIT_OFF');
    expect(dateLevel('1990-03-15', '1990-03-27')).toBe('SAME_YEAR_DAY_OR_MONTH_OFF');
    expect(dateLevel('1990-03-15', '1990-11-15')).toBe('SAME_YEAR_DAY_OR_MONTH_OFF');
    // Over every day of one month against the 14th: each one-digit change is caught; few others are taken for one.
    let typos = 0;
    let caught = 0;
    let others = 0;
    let takenForTypo = 0;
    for (let day = 1; day <= 31; day += 1) {
      if (day === 14) continue;
      const d = String(day).padStart(2, '0');
      const level = dateLevel('1990-05-14', `1990-05-${d}`);
      if (d[0] === '1' || d[1] === '4') {
        typos += 1;
        if (level === 'SAME_YEAR_ONE_DIGIT_OFF') caught += 1;
      } else {
        others += 1;
        if (level === 'SAME_YEAR_ONE_DIGIT_OFF') takenForTypo += 1;
      }
    }
    expect(caught).toBe(typos);
    expect(takenForTypo / others).toBeLessThan(0.15);
  });

  it('keeps a year one apart with known, different days and months apart from a year one apart with no date', () => {
    expect(dateLevel('1990-03-05', '1991-11-22')).toBe('YEAR_OFF_BY_ONE_DAY_MONTH_DIFFERENT');
    expect(dateLevel('1990-03-05', '1991-03-22')).toBe('YEAR_OFF_BY_ONE_DAY_OR_MONTH_OFF');
    expect(LEVELS.date[compareForModel(clk(person({ birthDate: '1990-03-05' })), clk(person({ birthDate: null, birthYear: 1991 }))).date]).toBe(
      'YEAR_OFF_BY_ONE_ONLY_ONE_DATED',
    );
    // Namesakes one year apart, both with full dates, on a common name (thirty other victims of 10,000 hold it): not one person.
    const a = person({ givenNames: 'Thị Lan', familyName: 'Nguyễn', citizenships: ['VN'], birthDate: '1990-03-05' });
    const namesake = (b: PersonInput) => classifyPair(clk(a), clk(b), 10_000, DEFAULT_MODEL, 30 / 10_000);
    expect(namesake({ ...a, birthDate: '1991-11-22' })).toBe('NONE');
    expect(namesake({ ...a, givenNames: 'Thị Mai', birthDate: '1991-11-22' })).toBe('NONE');
  });

  it('tells names one token of two apart (a given name replaced) from unrelated names, whose Bloom bits overlap by chance', () => {
    const given = ['Amina', 'Oksana', 'Blessing', 'Thi Lan', 'Mihaela', 'Fatima', 'Joy', 'Irina', 'Nadia', 'Esther', 'Ngoc Anh', 'Svetlana'];
    const family = ['Okafor', 'Popescu', 'Nguyen', 'Hassan', 'Kovalenko', 'Haddad', 'Adeyemi', 'Tran', 'Ionescu', 'Shevchenko', 'Mensah', 'Berisha'];
    const level = (a: PersonInput, b: PersonInput) => LEVELS.name[compareForModel(clk(a), clk(b)).name]!;
    const closer = (l: string, than: string) => LEVELS.name.indexOf(l) <= LEVELS.name.indexOf(than);
    let replaced = 0;
    let replacedTotal = 0;
    let unrelated = 0;
    let unrelatedTotal = 0;
    for (const [i, f] of family.entries()) {
      for (const [j, g] of given.entries()) {
        const other = given[(j + 5) % given.length]!;
        // The same family name, another given name: about one token of two in common.
        replacedTotal += 1;
        if (closer(level(person({ givenNames: g, familyName: f }), person({ givenNames: other, familyName: f })), 'SOME_SHARED')) replaced += 1;
        // Another given and another family name: nothing in common but chance.
        unrelatedTotal += 1;
        const family2 = family[(i + 7) % family.length]!;
        if (closer(level(person({ givenNames: g, familyName: f }), person({ givenNames: other, familyName: family2 })), 'SOME_SHARED')) unrelated += 1;
      }
    }
    expect(replaced / replacedTotal).toBeGreaterThanOrEqual(0.6);
    // Unrelated names fall in LITTLE_SHARED or DIFFERENT (with one level from 0.42 up, more than half were SOME_SHARED).
    expect(unrelated / unrelatedTotal).toBeLessThanOrEqual(0.15);
  });

  it('lets a mistyped birth year and a name typo still meet in a block (day and month + name pass)', () => {
    const a = clk(person({ givenNames: 'Chukwuemeka', familyName: 'Okonkwo', citizenships: ['NG'], birthDate: '1956-03-14' }));
    const b = clk(person({ givenNames: 'Chukwuemka', familyName: 'Okonkow', citizenships: ['NG'], birthDate: '1965-03-14' }));
    const shared = blockingKeys(a).filter((k) => blockingKeys(b).includes(k));
    const dayMonthName = (k: number) => k >= DAY_MONTH_NAME_BAND * 2 ** 32 && k < (DAY_MONTH_NAME_BAND + YEAR_NAME_BANDS) * 2 ** 32;
    expect(shared.some(dayMonthName)).toBe(true);
  });
});

describe('the candidates compared', () => {
  /** The ranking as SQL would give it: key weight summed per registration, most first, then the newest (highest number). */
  function reference(lists: { bucket: number; members: number[] }[], limit: number): number[] {
    const hits = new Map<number, number>();
    for (const { bucket, members } of lists) {
      const w = bucket >= DATE_KEY_START && bucket < DATE_KEY_END ? NAME_BANDS : 1;
      for (const m of members) hits.set(m, (hits.get(m) ?? 0) + w);
    }
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, limit)
      .map(([m]) => m);
  }
  const packed = (members: number[]) => {
    const bytes = new Uint8Array(members.length * 4);
    members.forEach((m, i) => new DataView(bytes.buffer).setUint32(i * 4, m));
    return bytes;
  };

  it('are the registrations sharing the most key weight, ties newest first, whatever the lists hold', () => {
    const rnd = seededRandom(41);
    for (let round = 0; round < 200; round += 1) {
      // Few or many members, small or large numbers (past the counting array's first size), a shared birth date or not.
      const span = [50, 5_000, 300_000][round % 3]!;
      const keys = 1 + Math.floor(rnd() * 57);
      const lists = Array.from({ length: keys }, (_, k) => {
        const bucket = k === 0 && round % 2 === 0 ? DATE_KEY_START + Math.floor(rnd() * 1000) : k * 2 ** 32 + Math.floor(rnd() * 1000);
        const size = Math.floor(rnd() * (round % 5 === 0 ? 2_000 : 60));
        return { bucket, members: [...new Set(Array.from({ length: size }, () => 1 + Math.floor(rnd() * span)))] };
      });
      const limit = [1, 20, CANDIDATE_LIMIT][round % 3]!;
      const ranked = rankMembers(
        lists.map((l) => ({ bucket: l.bucket, members: packed(l.members) })),
        limit,
      );
      // The set chosen (its order is not kept: the registrations are then read by number).
      expect([...ranked].sort((a, b) => a - b)).toEqual(reference(lists, limit).sort((a, b) => a - b));
    }
    // Nothing is left behind in the counts between calls.
    expect(rankMembers([{ bucket: 2 ** 32, members: packed([7, 9]) }], 1)).toEqual([9]);
  });
});

describe('how common a name is', () => {
  const clk = (p: PersonInput) => encodeClk(LINKAGE_SECRET, normalisePerson(p));
  const nameWeight = async (p: PersonInput) => (await decideMatch(database.db, clk(p))).best?.fields.find((f) => f.field === 'name')?.weight;
  const exactName = Math.round(Math.log2(DEFAULT_MODEL.m.name[0]! / DEFAULT_MODEL.u.name[0]!) * 100) / 100;

  it("counts the other victims with the name, not the candidate's own registrations: a rare name registered three times stays rare", async () => {
    const rare = person({ givenNames: 'Osaretin Ivie', familyName: 'Ekhatorbayo', citizenships: ['NG'], birthDate: '1989-10-02' });
    const first = await register('POLICE', 'rare-name-1', rare);
    for (const [agency, key] of [
      ['NGO', 'rare-name-2'],
      ['IMMIGRATION', 'rare-name-3'],
    ] as const)
      expect((await register(agency, key, rare)).victimId).toBe(first.victimId);
    // One victim holds the name: an exact name weighs more than an average exact name (rare-name factor), not less.
    const rareWeight = Math.round(Math.log2(DEFAULT_MODEL.m.name[0]! / (DEFAULT_MODEL.u.name[0]! * DEFAULT_MODEL.rareNameFactor!)) * 100) / 100;
    expect(rareWeight).toBeGreaterThan(exactName);
    expect(await nameWeight({ ...rare, birthDate: null, birthYear: 1989 })).toBe(rareWeight);
    // Three more persons with that name (other dates): now a match on it is weaker evidence.
    for (const [i, date] of ['1961-05-20', '1974-12-08', '2001-07-30'].entries()) {
      expect((await register('CHILD_WELFARE', `rare-namesake-${i}`, { ...rare, birthDate: date })).matchedExisting).toBe(false);
    }
    expect(await nameWeight({ ...rare, birthDate: null, birthYear: 1989 })).toBeLessThan(exactName);
  });

  // Scores one undated registration against candidate victims in a registry of `n`.
  const undated = person({ givenNames: 'Osaretin Ivie', familyName: 'Ekhatorbayo', citizenships: ['NG'], birthDate: null });
  const scoreAt = (n: number, probe: PersonInput, candidates: [string, PersonInput][]) =>
    scoreCandidates(
      DEFAULT_MODEL,
      clk(probe),
      candidates.map(([victimId, p]) => ({ victimId, clk: clk(p) })),
      n,
    );
  const probabilityOf = (scores: { victimId: string; probability: number }[], victimId: string) => scores.find((v) => v.victimId === victimId)!.probability;
  const fitted = DEFAULT_MODEL.fittedOn;

  it('keeps the posterior of a name no other victim holds as the registry grows past the fitted size (the prior falls as 1/n, and so does such a name)', () => {
    const alone: [string, PersonInput][] = [['a', { ...undated, birthDate: '1989-10-02' }]];
    for (const probe of [undated, { ...undated, familyName: 'Ekhatorbayi' }]) {
      const atFit = probabilityOf(scoreAt(fitted, probe, alone), 'a');
      const tenfold = probabilityOf(scoreAt(10 * fitted, probe, alone), 'a');
      expect(atFit).toBeGreaterThan(0.01);
      expect(tenfold).toBeCloseTo(atFit, 3);
    }
    // With a namesake among the candidates (another date) the name is not rare: which of the two is
    // meant stays open at every size, below the bar, for the exact name and for a typo of it alike.
    const withNamesake: [string, PersonInput][] = [...alone, ['b', { ...undated, birthDate: '1961-05-20' }]];
    for (const probe of [undated, { ...undated, familyName: 'Ekhatorbayi' }]) {
      for (const n of [fitted, 10 * fitted, 100 * fitted]) {
        const p = probabilityOf(scoreAt(n, probe, withNamesake), 'a');
        expect(p).toBeLessThan(MATCH_PROBABILITY);
        expect(p).toBeLessThan(probabilityOf(scoreAt(n, probe, alone), 'a') / 2);
      }
    }
  });

  it("leaves out only the victim's own name: a victim whose name is a typo of another victim's exact name counts that one as a namesake", () => {
    const typoVictim: [string, PersonInput] = ['typo', { ...undated, familyName: 'Ekhatorbayi', birthDate: '1989-10-02' }];
    const exactVictim: [string, PersonInput] = ['exact', { ...undated, birthDate: '1961-05-20' }];
    const nameOf = (scores: { victimId: string; fields: { field: string; weight: number }[] }[]) =>
      scores.find((v) => v.victimId === 'typo')!.fields.find((f) => f.field === 'name')!.weight;
    const n = 2 * fitted;
    const alone = nameOf(scoreAt(n, undated, [typoVictim]));
    const beside = nameOf(scoreAt(n, undated, [typoVictim, exactVictim]));
    expect(beside).toBeLessThan(alone - 1);
  });
});

describe('registering one person through several agencies', () => {
  it('gives police (fødselsnummer), an NGO (typo, no id) and UDI (DUF number, transliterated) one victim', async () => {
    const police = await register('POLICE', 'dw1-police-0001', {
      givenNames: 'Yuliya',
      familyName: 'Kovalenko',
      birthDate: '2000-01-01',
      gender: 'FEMININE',
      citizenships: ['UA'],
      identifiers: [{ type: 'FODSELSNUMMER', value: SAMPLE_IDS.fodselsnummer }],
    });
    const ngo = await register('NGO', 'dw1-ngo-0000001', {
      givenNames: 'Yuliya',
      familyName: 'Kovalneko',
      birthDate: '2000-01-01',
      gender: 'FEMININE',
      citizenships: ['UA'],
    });
    const udi = await register('IMMIGRATION', 'dw1-udi-0000001', {
      givenNames: 'Iuliia',
      familyName: 'Kovalenko',
      birthYear: 2000,
      gender: 'FEMININE',
      citizenships: ['UA'],
      identifiers: [{ type: 'DUF_NUMMER', value: SAMPLE_IDS.duf }],
    });
    expect(police).toMatchObject({ matchedExisting: false, matchScore: 1, underReview: false });
    expect(ngo).toMatchObject({ victimId: police.victimId, matchedExisting: true, underReview: false });
    expect(udi).toMatchObject({ victimId: police.victimId, matchedExisting: true, underReview: false });
    // A CLK match reports its Dice score, below 1 for records that differ.
    expect(ngo.matchScore).toBeGreaterThan(0.8);
    expect(ngo.matchScore).toBeLessThan(1);
    const view = await run(VICTIM, { id: police.victimId }, COORDINATOR);
    expect(view.data?.victim.registrations.map((r: { agency: string }) => r.agency)).toEqual(['POLICE', 'NGO', 'IMMIGRATION']);
  });

  it('gives two different people with the same common name and birth year two victims', async () => {
    const first = await register(
      'NGO',
      'dw1-same-name-01',
      person({ givenNames: 'Thị Hoa', familyName: 'Trần', citizenships: ['VN'], birthDate: '1991-02-07' }),
    );
    const second = await register(
      'POLICE',
      'dw1-same-name-02',
      person({ givenNames: 'Thị Hoa', familyName: 'Trần', citizenships: ['VN'], birthDate: '1991-10-25' }),
    );
    expect(second.victimId).not.toBe(first.victimId);
    expect(second.matchedExisting).toBe(false);
  });

  it('matches on an identifier hash alone however different the rest, with score 1', async () => {
    const a = await register(
      'POLICE',
      'id-hit-000001',
      person({ givenNames: 'Precious', familyName: 'Osagiefemi', identifiers: [{ type: 'PASSPORT', value: 'NG1234567', issuingCountry: 'NG' }] }),
    );
    const b = await register(
      'IMMIGRATION',
      'id-hit-000002',
      person({
        givenNames: 'Mercy',
        familyName: 'Obiekwe',
        birthDate: '1988-08-08',
        identifiers: [{ type: 'PASSPORT', value: 'NG1234567', issuingCountry: 'NG' }],
      }),
    );
    expect(b).toMatchObject({ victimId: a.victimId, matchedExisting: true, matchScore: 1 });
  });
});

describe('retries', () => {
  it('never create a second registration or victim for concurrent retries of one idempotency key', async () => {
    const before = await count();
    const input = requestFor('NGO', 'retry-concurrent-01', person({ givenNames: 'Gift', familyName: 'Ehiosun', citizenships: ['NG'] }));
    const claims = { agency: AGENCY_CLAIM.NGO, roles: ['caseworker'], service: true };
    const answers = await Promise.all(Array.from({ length: 6 }, () => run(REGISTER, { input }, claims)));
    expect(answers.map((a) => a.errors)).toEqual(Array(6).fill(undefined));
    expect(new Set(answers.map((a) => a.data?.registerPotentialVictim.victimId)).size).toBe(1);
    expect(await count()).toEqual({ registrations: before.registrations + 1, victims: before.victims + 1 });
  });

  it('give one victim when two agencies register the same new person at the same moment', async () => {
    const before = await count();
    const p = person({ givenNames: 'Blessing', familyName: 'Igbinosun', citizenships: ['NG'], birthDate: '1993-06-17' });
    const [a, b] = await Promise.all([register('POLICE', 'simultaneous-01', p), register('NGO', 'simultaneous-02', { ...p, familyName: 'Igbinosum' })]);
    expect(a.victimId).toBe(b.victimId);
    expect(await count()).toEqual({ registrations: before.registrations + 2, victims: before.victims + 1 });
  });
});

describe('the review queue', () => {
  const LIST = `query { linkReviews(state: OPEN) { id state score registration { id agency } victim { id } candidate { id } } }`;
  const DECIDE = (m: string) => `mutation($id: ID!) { ${m}(id: $id) { id state decidedBy decidedAt victim { id } candidate { id } } }`;

  /**
   * Two registrations the CLKs cannot settle: a letter missing from the family name and no birth date. (The same
   * name alone, held by no other victim, now joins: a rare name weighs more than an average one.)
   */
  async function uncertainPair(tag: string, familyName: string) {
    const a = await register('POLICE', `${tag}-review-a`, person({ givenNames: 'Arta', familyName, citizenships: ['AL'], birthDate: '1992-04-09' }));
    const b = await register(
      'NGO',
      `${tag}-review-b`,
      person({ givenNames: 'Arta', familyName: familyName.slice(0, -1), citizenships: ['AL'], birthDate: null }),
    );
    expect(b).toMatchObject({ matchedExisting: false, underReview: true });
    expect(b.victimId).not.toBe(a.victimId);
    const open = (await run(LIST, {}, COORDINATOR)).data?.linkReviews as { id: string; victim: { id: string }; candidate: { id: string }; score: number }[];
    const review = open.find((r) => r.victim.id === b.victimId);
    expect(review).toMatchObject({ state: 'OPEN', candidate: { id: a.victimId }, registration: { agency: 'NGO' } });
    // The score is the model's posterior: in the review band, below the bar for joining.
    expect(review!.score).toBeGreaterThanOrEqual(REVIEW_PROBABILITY);
    expect(review!.score).toBeLessThan(MATCH_PROBABILITY);
    return { a, b, review: review! };
  }

  it('lists an uncertain match, and confirming it merges the two victims, recording who and when', async () => {
    const { a, b, review } = await uncertainPair('confirm', 'Krasniqaj');
    const confirmed = await run(DECIDE('confirmLinkReview'), { id: review.id }, COORDINATOR);
    expect(confirmed.data?.confirmLinkReview).toMatchObject({
      state: 'CONFIRMED',
      decidedBy: 'test-coordinator-1',
      victim: { id: a.victimId },
      candidate: { id: a.victimId },
    });
    expect(Date.parse(confirmed.data?.confirmLinkReview.decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    const merged = await run(VICTIM, { id: b.victimId }, COORDINATOR);
    expect(merged.data?.victim).toMatchObject({ id: a.victimId, mergedIds: [b.victimId] });
    expect(merged.data?.victim.registrations).toHaveLength(2);
    expect(merged.data?.victim.history).toMatchObject([{ kind: 'MERGE', victimId: a.victimId, otherVictimId: b.victimId, decidedBy: 'test-coordinator-1' }]);
    const again = await run(LIST, {}, COORDINATOR);
    expect(again.data?.linkReviews.map((r: { id: string }) => r.id)).not.toContain(review.id);
  });

  it('explains a review by the decision that opened it, whatever model the registry decides with later', async () => {
    const { review } = await uncertainPair('explain', 'Berishaj');
    const EXPLAIN = `query { linkReviews(state: OPEN, first: 500) { id score matchWeight fields { field level weight } } }`;
    const explained = async () =>
      ((await run(EXPLAIN, {}, COORDINATOR)).data?.linkReviews as { id: string; score: number; matchWeight: number; fields: unknown[] }[]).find(
        (r) => r.id === review.id,
      )!;
    const opened = await explained();
    // The weight shown is the one that gave the score: its posterior is the score.
    expect(2 ** opened.matchWeight / (1 + 2 ** opened.matchWeight)).toBeCloseTo(opened.score, 2);
    expect(opened.fields).toContainEqual(expect.objectContaining({ field: 'NAME', level: 'CLOSE' }));
    // A refit that weighs every level differently does not rewrite why the review was opened.
    const refit = {
      ...DEFAULT_MODEL,
      m: Object.fromEntries(Object.entries(DEFAULT_MODEL.m).map(([f, m]) => [f, m.map((p) => p / 2)])) as typeof DEFAULT_MODEL.m,
    };
    setMatchModel(refit);
    try {
      expect(await explained()).toEqual(opened);
    } finally {
      setMatchModel(null);
    }
  });

  it('rejecting an uncertain match keeps the victims apart, and a decided review cannot be decided the other way', async () => {
    const { a, b, review } = await uncertainPair('reject', 'Hoxhollari');
    // The decider recorded is the caller's verified subject, whoever calls.
    const rejected = await run(DECIDE('rejectLinkReview'), { id: review.id }, { ...COORDINATOR, sub: 'test-coordinator-2' });
    expect(rejected.data?.rejectLinkReview).toMatchObject({ state: 'REJECTED', decidedBy: 'test-coordinator-2' });
    const view = await run(VICTIM, { id: b.victimId }, COORDINATOR);
    expect(view.data?.victim).toMatchObject({ id: b.victimId, mergedIds: [] });
    expect((await run(VICTIM, { id: a.victimId }, COORDINATOR)).data?.victim.registrations).toHaveLength(1);
    const flip = await run(DECIDE('confirmLinkReview'), { id: review.id }, COORDINATOR);
    expect(flip.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
  });
});

describe('a registration above the bar for two victims', () => {
  const LIST = `query($after: ID) { linkReviews(state: OPEN, first: 1, after: $after) { id score matchWeight fields { field level weight } victim { id } candidate { id } } }`;

  it('joins the likelier one and opens a link review for the pair, which explains itself in levels and weights', async () => {
    // One agency knows only her given name, another only her family name: two victims, nothing links them.
    const given = await register(
      'NGO',
      'two-victims-given',
      person({ givenNames: 'Ekinadose', familyName: '', citizenships: ['NG'], birthDate: '1994-07-21' }),
    );
    const family = await register(
      'POLICE',
      'two-victims-family',
      person({ givenNames: '', familyName: 'Uwadiaefe', citizenships: ['NG'], birthDate: '1994-07-21' }),
    );
    expect(family.victimId).not.toBe(given.victimId);
    // A third knows both names: above the bar for each.
    const both = await register(
      'IMMIGRATION',
      'two-victims-both',
      person({ givenNames: 'Ekinadose', familyName: 'Uwadiaefe', citizenships: ['NG'], birthDate: '1994-07-21' }),
    );
    expect(both.matchedExisting).toBe(true);
    expect([given.victimId, family.victimId]).toContain(both.victimId);
    const other = both.victimId === given.victimId ? family.victimId : given.victimId;
    const reviews: {
      id: string;
      score: number;
      matchWeight: number;
      fields: { field: string; level: string; weight: number }[];
      victim: { id: string };
      candidate: { id: string };
    }[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await run(LIST, { after }, COORDINATOR);
      expect(page.errors).toBeUndefined();
      const rows = page.data?.linkReviews as typeof reviews;
      if (rows.length === 0) break;
      expect(rows).toHaveLength(1);
      reviews.push(...rows);
      after = rows[0]!.id;
    }
    // Paged one at a time, most likely first.
    expect(reviews.map((r) => r.score)).toEqual([...reviews.map((r) => r.score)].sort((a, b) => b - a));
    const review = reviews.find((r) => r.victim.id === both.victimId && r.candidate.id === other);
    expect(review).toBeDefined();
    expect(review!.score).toBeGreaterThanOrEqual(0.5);
    expect(review!.matchWeight).toBeGreaterThan(0);
    const levels = Object.fromEntries(review!.fields.map((f) => [f.field, f.level]));
    expect(levels).toMatchObject({ NAME: 'SUBSET', DATE: 'EXACT_OR_DAY_MONTH_SWAPPED', CITIZENSHIP: 'AGREE' });
    expect(review!.fields.find((f) => f.field === 'DATE')!.weight).toBeGreaterThan(5);
    // No plaintext in the explanation.
    expect(JSON.stringify(review)).not.toMatch(/ekinadose|uwadiaefe|1994/i);
  });
});

describe('merging and splitting victims', () => {
  const MERGE = `mutation($s: ID!, $m: ID!) { mergeVictims(survivorId: $s, mergedId: $m) { id mergedIds } }`;
  const SPLIT = `mutation($v: ID!, $r: [ID!]!) { splitVictim(victimId: $v, registrationIds: $r) { id } }`;

  it('keeps every registration through a merge and a split, and the split gives the agencies their stored id back', async () => {
    const x1 = await register('POLICE', 'merge-x-000001', person({ givenNames: 'Mirela', familyName: 'Ciobanaru', birthDate: '1987-01-30' }));
    const x2 = await register('NGO', 'merge-x-000002', person({ givenNames: 'Mirela', familyName: 'Ciobanaru', birthDate: '1987-01-30' }));
    const y = await register(
      'CHILD_WELFARE',
      'merge-y-000001',
      person({ givenNames: 'Desislava', familyName: 'Petrovska', citizenships: ['BG'], birthDate: '2006-05-02' }),
    );
    expect(x2.victimId).toBe(x1.victimId);
    const before = await count();

    const merged = await run(MERGE, { s: x1.victimId, m: y.victimId }, COORDINATOR);
    expect(merged.data?.mergeVictims).toEqual({ id: x1.victimId, mergedIds: [y.victimId] });
    const survivor = (await run(VICTIM, { id: y.victimId }, COORDINATOR)).data?.victim;
    expect(survivor.id).toBe(x1.victimId);
    expect(survivor.registrations.map((r: { agency: string }) => r.agency)).toEqual(['POLICE', 'NGO', 'CHILD_WELFARE']);
    const ofY = survivor.registrations.find((r: { agency: string }) => r.agency === 'CHILD_WELFARE');
    expect(ofY.issuedVictimId).toBe(y.victimId);

    // The split is done by another coordinator: each decision records its own caller.
    const split = await run(SPLIT, { v: x1.victimId, r: [ofY.id] }, { ...COORDINATOR, sub: 'test-coordinator-4' });
    expect(split.data?.splitVictim).toEqual({ id: y.victimId });
    const afterSplit = (await run(VICTIM, { id: x1.victimId }, COORDINATOR)).data?.victim;
    expect(afterSplit).toMatchObject({ id: x1.victimId, mergedIds: [] });
    expect(afterSplit.registrations).toHaveLength(2);
    expect(afterSplit.history.map((e: { kind: string; decidedBy: string }) => [e.kind, e.decidedBy])).toEqual([
      ['MERGE', 'test-coordinator-1'],
      ['SPLIT', 'test-coordinator-4'],
    ]);
    expect((await run(VICTIM, { id: y.victimId }, COORDINATOR)).data?.victim).toMatchObject({ id: y.victimId, registrations: [{ id: ofY.id }] });
    expect(await count()).toEqual(before);
  });

  it('splits a wrongly joined registration off into a new victim, keeping it', async () => {
    const a = await register(
      'POLICE',
      'split-new-00001',
      person({ givenNames: 'Senait', familyName: 'Tesfamariam', citizenships: ['ER'], birthDate: '1996-02-10' }),
    );
    const b = await register(
      'NGO',
      'split-new-00002',
      person({ givenNames: 'Senait', familyName: 'Tesfamariam', citizenships: ['ER'], birthDate: '1996-02-10' }),
    );
    expect(b.victimId).toBe(a.victimId);
    const regs = (await run(VICTIM, { id: a.victimId }, COORDINATOR)).data?.victim.registrations as { id: string; agency: string }[];
    const ngo = regs.find((r) => r.agency === 'NGO')!;
    const split = await run(SPLIT, { v: a.victimId, r: [ngo.id] }, COORDINATOR);
    const newId = split.data?.splitVictim.id as string;
    expect(newId).not.toBe(a.victimId);
    expect((await run(VICTIM, { id: newId }, COORDINATOR)).data?.victim.registrations).toEqual([{ id: ngo.id, agency: 'NGO', issuedVictimId: a.victimId }]);
    expect((await run(VICTIM, { id: a.victimId }, COORDINATOR)).data?.victim.registrations).toHaveLength(1);
  });

  it('takes no decider from the client: a decidedBy argument is refused before anything is written', async () => {
    const a = await register('POLICE', 'spoof-000001', person({ givenNames: 'Dorina', familyName: 'Spoofaj', birthDate: '1990-03-03' }));
    const b = await register(
      'POLICE',
      'spoof-000002',
      person({ givenNames: 'Ermal', familyName: 'Otherperson', gender: 'MASCULINE', birthDate: '1970-11-11' }),
    );
    const before = await count();
    const spoof = await run(
      `mutation($s: ID!, $m: ID!) { mergeVictims(survivorId: $s, mergedId: $m, decidedBy: "someone-else") { id } }`,
      { s: a.victimId, m: b.victimId },
      COORDINATOR,
    );
    expect(spoof.data).toBeUndefined();
    expect(spoof.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await count()).toEqual(before);
    expect((await run(VICTIM, { id: b.victimId }, COORDINATOR)).data?.victim).toMatchObject({ id: b.victimId, mergedIds: [] });
  });

  it('refuses to merge a victim with itself or to split off every registration', async () => {
    const a = await register(
      'POLICE',
      'refuse-000001',
      person({ givenNames: 'Ilir', familyName: 'Gjokaj', gender: 'MASCULINE', citizenships: ['AL'], birthDate: '1979-12-01' }),
    );
    const same = await run(MERGE, { s: a.victimId, m: a.victimId }, COORDINATOR);
    expect(same.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const regs = (await run(VICTIM, { id: a.victimId }, COORDINATOR)).data?.victim.registrations as { id: string }[];
    const all = await run(SPLIT, { v: a.victimId, r: regs.map((r) => r.id) }, COORDINATOR);
    expect(all.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const foreign = await run(SPLIT, { v: a.victimId, r: [randomUUID()] }, COORDINATOR);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registrationIds' });
  });
});

describe('malformed match keys', () => {
  const base = () => requestFor('POLICE', `bad-clk-${randomUUID()}`, person({ givenNames: 'Roxana', familyName: 'Malformescu' }));
  it.each([
    ['not base64', 'this is not base64!'],
    ['too short', Buffer.alloc(64, 0x11).toString('base64')],
    ['too long', Buffer.alloc(256, 0x11).toString('base64')],
    ['empty of bits', Buffer.alloc(128).toString('base64')],
    ['nearly all bits set', Buffer.alloc(128, 0xff).toString('base64')],
    ['a name in plain text', Buffer.from('Roxana Malformescu').toString('base64')],
  ])('refuses a CLK that is %s with a clear error and stores nothing', async (_name, clk) => {
    const before = await count();
    const result = await run(REGISTER, { input: { ...base(), clk } }, { agency: 'police', roles: ['caseworker'], service: true });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clk' });
    expect(result.errors?.[0]?.message).toMatch(/1024-bit Bloom filter/);
    expect(await count()).toEqual(before);
  });
});
