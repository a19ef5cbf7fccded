import { randomUUID } from 'node:crypto';
import { nrmRegistrationRequest, normalisePerson, seededRandom, type AgencyCode, type PersonInput } from '@nrm-hub/kit';
import { subgraphTestSuite } from '@nrm-hub/kit/testing';
import { desc } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { contextFactory } from '../src/context.ts';
import { currentModel } from '../src/data/matching.ts';
import { modelById, plausibleModel, refitIfDue, REFIT_FROM, shouldRefit } from '../src/data/match-model-store.ts';
import * as schema from '../src/db/schema.ts';
import { DEFAULT_MODEL } from '../src/rules/default-model.ts';
import { LEVELS } from '../src/rules/match-model.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// All people here are synthetic: names drawn from short lists, dates at random.
const LINKAGE_SECRET = 'agencies-only-linkage-secret-0123456789';
const AGENCY_CLAIM: Record<AgencyCode, string> = { POLICE: 'police', IMMIGRATION: 'immigration', CHILD_WELFARE: 'child-welfare', NGO: 'ngo:test-ngo' };
const AGENCIES = Object.keys(AGENCY_CLAIM) as AgencyCode[];
const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, requestId: 'test-request' });

const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId } }`;
const GIVEN = [
  'Testa',
  'Proba',
  'Exempla',
  'Fikta',
  'Synta',
  'Modella',
  'Dumma',
  'Ficta',
  'Imaga',
  'Pseuda',
  'Nulla',
  'Quasa',
  'Verra',
  'Ludia',
  'Sima',
  'Nomina',
  'Varia',
  'Alia',
  'Ignota',
  'Cetera',
];
const FAMILY = [
  'Testescu',
  'Probović',
  'Exemplaar',
  'Fiktiv',
  'Syntetik',
  'Modellsen',
  'Dummyson',
  'Fictano',
  'Imagiro',
  'Pseudova',
  'Nullberg',
  'Quasimo',
  'Verrasen',
  'Ludicek',
  'Simulova',
  'Nominato',
  'Variadis',
  'Aliasov',
  'Ignotic',
  'Ceteraki',
];

/** Synthetic registrations: people with random names and dates, some registered again as they were, with a typo or without the date. */
function population(count: number): PersonInput[] {
  const rnd = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const people: PersonInput[] = [];
  while (people.length < count) {
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const person: PersonInput = {
      givenNames: pick(GIVEN),
      familyName: pick(FAMILY),
      birthDate: `${1970 + Math.floor(rnd() * 35)}-${month}-${day}`,
      gender: 'FEMININE',
      citizenships: [pick(['RO', 'NG', 'VN', 'ER'])],
    };
    people.push(person);
    const again = rnd();
    if (again < 0.1) people.push({ ...person });
    else if (again < 0.2) people.push({ ...person, familyName: person.familyName.slice(0, -1) });
    else if (again < 0.3) people.push({ ...person, birthDate: null });
  }
  return people.slice(0, count);
}

async function register(i: number, person: PersonInput) {
  const agency = AGENCIES[i % AGENCIES.length]!;
  const input = nrmRegistrationRequest({
    agency,
    agencyRecordId: randomUUID(),
    idempotencyKey: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    linkageSecret: LINKAGE_SECRET,
    person: normalisePerson(person),
    decision: { status: 'POSSIBLE', decidedBy: agency === 'NGO' ? 'NGO' : 'POLICE', exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2021-06-01' },
  });
  const result = await run(REGISTER, { input }, { agency: AGENCY_CLAIM[agency], roles: ['caseworker'], service: true });
  expect(JSON.stringify(result.errors)).toBeUndefined();
}

describe('when the NRM fits its match model again', () => {
  it('fits from REFIT_FROM registrations and again each time the registry has grown by a quarter', () => {
    expect(shouldRefit(REFIT_FROM - 1, 0)).toBe(false);
    expect(shouldRefit(REFIT_FROM, 0)).toBe(true);
    expect(shouldRefit(370, 300)).toBe(false);
    expect(shouldRefit(375, 300)).toBe(true);
    expect(shouldRefit(100_000, 99_000)).toBe(false);
  });

  it('uses only a model whose evidence points the right way, with a probability at every level', () => {
    expect(plausibleModel(DEFAULT_MODEL)).toBe(true);
    const inverted = structuredClone(DEFAULT_MODEL);
    [inverted.m.name, inverted.u.name] = [inverted.u.name, inverted.m.name];
    expect(plausibleModel(inverted)).toBe(false);
    const short = structuredClone(DEFAULT_MODEL);
    short.m.date = short.m.date.slice(1);
    expect(plausibleModel(short)).toBe(false);
    const zero = structuredClone(DEFAULT_MODEL);
    zero.u.sex = [0, 1];
    expect(plausibleModel(zero)).toBe(false);
    expect(plausibleModel({ ...DEFAULT_MODEL, matchesPerRegistration: Number.NaN })).toBe(false);
    expect(plausibleModel(null)).toBe(false);
    expect(plausibleModel({ m: {}, u: {} })).toBe(false);
  });

  it(
    'registrations through the API fit and store a model once the registry is large enough, and every decision after uses it',
    { timeout: 120_000 },
    async () => {
      const models = () => database.db.select().from(schema.matchModels).orderBy(desc(schema.matchModels.fittedAt));
      const people = population(REFIT_FROM + 10);
      for (const [i, person] of people.slice(0, REFIT_FROM - 1).entries()) await register(i, person);
      expect(await models()).toHaveLength(0);
      expect(await currentModel(database.db)).toBe(DEFAULT_MODEL);
      for (const [i, person] of people.slice(REFIT_FROM - 1).entries()) await register(REFIT_FROM - 1 + i, person);
      // Maintenance runs in the background after the response: wait for its row.
      await vi.waitFor(async () => expect(await models()).toHaveLength(1), { timeout: 60_000, interval: 200 });
      const [stored] = await models();
      expect(stored!.fittedOn).toBeGreaterThanOrEqual(REFIT_FROM);
      expect(plausibleModel(stored!.model)).toBe(true);
      const model = await currentModel(database.db);
      expect(model).not.toBe(DEFAULT_MODEL);
      expect(model.fittedOn).toBe(stored!.fittedOn);
      expect(model).toEqual(await modelById(database.db, stored!.id));
      // Agreeing on sex or citizenship is no evidence among alike names, even fitted on a small registry.
      expect(model.m.sex[0]! / model.u.sex[0]!).toBeLessThanOrEqual(1);
      expect(model.m.citizenship[0]! / model.u.citizenship[0]!).toBeLessThanOrEqual(1);
      // Not grown enough since: no second fit.
      expect(await refitIfDue(database.db)).toBeNull();
      expect(await models()).toHaveLength(1);
      // Without a stored model, a process that already tried at this size does not try again (a fit
      // found implausible is not redone every few registrations); one that has not, does.
      await database.db.delete(schema.matchModels);
      const size = (await database.db.select({ id: schema.registrations.id }).from(schema.registrations)).length;
      expect(await refitIfDue(database.db, size)).toBeNull();
      const again = await refitIfDue(database.db, 0);
      expect(again?.size).toBe(size);
      expect(plausibleModel(again?.model)).toBe(true);
      expect(await models()).toHaveLength(1);
      // A model stored by a version with other levels (here: a name level fewer) is ignored: the
      // registry decides with the default and is due a refit now, not once it outgrows that model.
      await database.db.delete(schema.matchModels);
      const older = structuredClone(again!.model!);
      older.m.name = older.m.name.slice(1);
      older.u.name = older.u.name.slice(1);
      await database.db.insert(schema.matchModels).values({ fittedOn: size, model: older });
      expect(await currentModel(database.db)).toBe(DEFAULT_MODEL);
      const refitted = await refitIfDue(database.db, 0);
      expect(refitted?.size).toBe(size);
      expect(plausibleModel(refitted?.model)).toBe(true);
      expect(await models()).toHaveLength(2);
      expect((await currentModel(database.db)).m.name).toHaveLength(LEVELS.name.length);
    },
  );
});
