/**
 * Matching benchmark: accuracy and speed of the NRM's privacy-preserving
 * record linkage. Not part of `npm test`; run it with
 *
 *   npx tsx test/bench/matching.bench.ts
 *
 * (embedded PGlite), or with BENCH_DATABASE_URL=postgres://... for a real
 * Postgres server (a fresh database is created and dropped). Options via
 * environment: BENCH_PEOPLE (default 10000), BENCH_SIZES (default
 * 1000,10000,100000), BENCH_SAMPLE (default 300), BENCH_SEED (default 2021).
 *
 * Accuracy: BENCH_PEOPLE synthetic people, registered by the four agencies
 * with 30% of the registrations being corrupted duplicates (typos,
 * transliterations, swapped names, missing or approximate birth dates,
 * day/month swaps, dropped identifiers); each registration is encoded by the
 * kit (the agencies' code) and matched by the NRM's real `register`. Prints
 * pairwise precision, recall and F1 against the known truth, and the error
 * in the number of persons.
 *
 * Speed: a registry bulk-loaded with distinct people to each size, then a
 * fixed-size sample of registrations (30% duplicates of people already
 * there) timed through the real `register`.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { clkFromBase64, normalisePerson, nrmRegistrationRequest, openDatabase, type Database } from '@nrm-hub/kit';
import { register, type RegistrationRequest } from '@nrm-hub/nrm/data';
import * as schema from '@nrm-hub/nrm/db';
import { BUCKET_CAPACITY, bucketRows, CANDIDATE_LIMIT, LSH_BANDS, LSH_BITS_PER_BAND, MATCH_THRESHOLDS, REVIEW_MARGIN, YEAR_VETO, DAY_MONTH_VETO } from '@nrm-hub/nrm/matching';
import { Population, type SyntheticRegistration } from './synthetic-population.ts';

const SECRET = 'bench-linkage-secret-0123456789abcdef';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 300);
const SEED = Number(process.env.BENCH_SEED ?? 2021);
const DUPLICATE_SHARE = 0.3;
const migrationsFolder = fileURLToPath(new URL('../../subgraphs/nrm/drizzle', import.meta.url));

type NrmDatabase = Database<typeof schema>;

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite an object with `rows`). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? []));

async function freshDatabase(): Promise<NrmDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) return openDatabase({ schema, migrationsFolder });
  const name = `nrm_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ schema, migrationsFolder, url: url.toString(), maxConnections: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

let keyCounter = 0;
/** The agency side: validate, normalise and encode, exactly as `registerPotentialVictim` does. */
function encode(reg: SyntheticRegistration): RegistrationRequest {
  keyCounter += 1;
  const person = normalisePerson(reg.person);
  const request = nrmRegistrationRequest({
    agency: reg.agency,
    agencyRecordId: '00000000-0000-4000-a000-000000000000',
    idempotencyKey: `bench-${keyCounter.toString().padStart(9, '0')}`,
    linkageSecret: SECRET,
    person,
    decision: { status: 'POSSIBLE', decidedBy: reg.agency === 'NGO' ? 'NGO' : 'POLICE', exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '2021-06-01' },
  });
  return { ...request, clk: clkFromBase64(request.clk)! };
}

/** Registrations for `people` new persons, of which DUPLICATE_SHARE are further registrations of them, shuffled. */
function registrationsFor(population: Population, people: number): SyntheticRegistration[] {
  const persons = Array.from({ length: people }, () => population.person());
  const regs = persons.map((p) => population.registration(p));
  const duplicates = Math.round((people * DUPLICATE_SHARE) / (1 - DUPLICATE_SHARE));
  for (let i = 0; i < duplicates; i += 1) regs.push(population.duplicate(persons[Math.floor(population.rnd() * persons.length)]!));
  for (let i = regs.length - 1; i > 0; i -= 1) {
    const j = Math.floor(population.rnd() * (i + 1));
    [regs[i], regs[j]] = [regs[j]!, regs[i]!];
  }
  return regs;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise precision/recall/F1 of predicted clusters (victim ids) against true persons. */
function score(truth: number[], predicted: string[]) {
  const cells = new Map<string, number>();
  const byVictim = new Map<string, number>();
  const byPerson = new Map<number, number>();
  truth.forEach((person, i) => {
    const victim = predicted[i]!;
    cells.set(`${victim}|${person}`, (cells.get(`${victim}|${person}`) ?? 0) + 1);
    byVictim.set(victim, (byVictim.get(victim) ?? 0) + 1);
    byPerson.set(person, (byPerson.get(person) ?? 0) + 1);
  });
  let tp = 0;
  for (const n of cells.values()) tp += pairs(n);
  let predictedPairs = 0;
  for (const n of byVictim.values()) predictedPairs += pairs(n);
  let truePairs = 0;
  for (const n of byPerson.values()) truePairs += pairs(n);
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    persons: byPerson.size,
    victims: byVictim.size,
    countError: Math.abs(byVictim.size - byPerson.size) / byPerson.size,
    truePairs,
    predictedPairs,
  };
}

async function accuracy(): Promise<boolean> {
  const population = new Population(SEED);
  const regs = registrationsFor(population, PEOPLE);
  const database = await freshDatabase();
  try {
    const t0 = performance.now();
    const requests = regs.map(encode);
    const encodeMs = performance.now() - t0;
    const predicted: string[] = [];
    let reviews = 0;
    let reviewsSamePerson = 0;
    const firstVictimOfPerson = new Map<number, string>();
    const victimPerson = new Map<string, number>();
    const t1 = performance.now();
    for (let i = 0; i < requests.length; i += 1) {
      const answer = await register(database.db, requests[i]!);
      predicted.push(answer.victimId);
      const person = regs[i]!.personIndex;
      if (answer.reviewId) {
        reviews += 1;
        // Would an oracle reviewer say "same person"? Only if this person was registered before.
        if (firstVictimOfPerson.has(person)) reviewsSamePerson += 1;
      }
      if (!firstVictimOfPerson.has(person)) firstVictimOfPerson.set(person, answer.victimId);
      if (!victimPerson.has(answer.victimId)) victimPerson.set(answer.victimId, person);
    }
    const registerMs = performance.now() - t1;
    const s = score(
      regs.map((r) => r.personIndex),
      predicted,
    );
    // Duplicates not joined to their person's unchanged registration, by corruption kind.
    const originalOf = new Map<number, number>();
    regs.forEach((r, i) => {
      if (r.corruptions.length === 0) originalOf.set(r.personIndex, i);
    });
    const missedBy = new Map<string, number>();
    const seenBy = new Map<string, number>();
    regs.forEach((r, i) => {
      if (r.corruptions.length === 0) return;
      const key = [...r.corruptions].sort().join('+');
      seenBy.set(key, (seenBy.get(key) ?? 0) + 1);
      if (predicted[i] !== predicted[originalOf.get(r.personIndex)!]) missedBy.set(key, (missedBy.get(key) ?? 0) + 1);
    });
    let falseMerges = 0;
    predicted.forEach((v, i) => {
      if (victimPerson.get(v) !== regs[i]!.personIndex) {
        falseMerges += 1;
      }
    });
    console.log(`\nAccuracy: ${PEOPLE} people, ${regs.length} registrations (${(DUPLICATE_SHARE * 100).toFixed(0)}% duplicates), seed ${SEED}`);
    console.log(`  thresholds: match >= ${JSON.stringify(MATCH_THRESHOLDS)} (review within ${REVIEW_MARGIN}, vetoes: year < ${YEAR_VETO}, day/month < ${DAY_MONTH_VETO}); LSH ${LSH_BANDS} bands x ${LSH_BITS_PER_BAND} bits, <= ${CANDIDATE_LIMIT} candidates`);
    console.log(`  pairwise precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (true pairs ${s.truePairs}, predicted pairs ${s.predictedPairs})`);
    console.log(`  persons ${s.persons}, victims ${s.victims}: persons-count error ${(s.countError * 100).toFixed(2)}%`);
    console.log(`  registrations joined to another person's victim: ${falseMerges}`);
    console.log(`  review queue: ${reviews} (of which ${reviewsSamePerson} truly the same person)`);
    console.log(`  agency-side encoding ${((encodeMs * 1000) / regs.length).toFixed(0)} µs/registration; NRM register ${(registerMs / regs.length).toFixed(2)} ms/registration (${database.driver})`);
    const worst = [...missedBy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    if (worst.length > 0) {
      console.log('  most missed duplicates by corruption (missed/seen):');
      for (const [k, n] of worst) console.log(`    ${k}: ${n}/${seenBy.get(k)}`);
    }
    return s.f1 >= 0.98 && s.countError <= 0.01;
  } finally {
    await database.close();
  }
}

/** Members per LSH bucket so far, for the bulk loader's capacity check (the same rule as `insertBuckets`). */
const bucketFill = new Map<number, number>();

/** Bulk-loads distinct people: the same rows `register` writes, without matching (they are all different people). */
async function bulkLoad(database: NrmDatabase, requests: RegistrationRequest[]): Promise<void> {
  const db = database.db;
  const BATCH = 400;
  for (let start = 0; start < requests.length; start += BATCH) {
    const batch = requests.slice(start, start + BATCH);
    await db.transaction(async (tx) => {
      const created = await tx
        .insert(schema.victims)
        .values(batch.map(() => ({})))
        .returning({ id: schema.victims.id });
      const rows = await tx
        .insert(schema.registrations)
        .values(
          batch.map((req, i) => ({
            victimId: created[i]!.id,
            issuedVictimId: created[i]!.id,
            agency: req.agency,
            agencyRecordId: req.agencyRecordId,
            idempotencyKey: req.idempotencyKey,
            status: req.status,
            decidedBy: req.decidedBy,
            exploitationTypes: req.exploitationTypes,
            decidedOn: req.decidedOn,
            gender: req.gender,
            birthYear: req.birthYear ?? null,
            citizenships: req.citizenships,
            clk: req.clk,
            matchedExisting: false,
            matchScore: 1,
          })),
        )
        .returning({ id: schema.registrations.id });
      const hashes = batch.flatMap((req, i) => req.identifierHashes.map((value) => ({ registrationId: rows[i]!.id, kind: 'ID_HASH', value })));
      if (hashes.length > 0) await tx.insert(schema.matchKeys).values(hashes);
      const buckets = batch.flatMap((req, i) =>
        bucketRows(rows[i]!.id, req.clk).filter(({ bucket }) => {
          const n = bucketFill.get(bucket) ?? 0;
          if (n >= BUCKET_CAPACITY) return false;
          bucketFill.set(bucket, n + 1);
          return true;
        }),
      );
      if (buckets.length > 0) await tx.insert(schema.lshBuckets).values(buckets);
    });
  }
}

async function speed(): Promise<boolean> {
  const population = new Population(SEED + 1);
  const database = await freshDatabase();
  const results: { size: number; msPerRegistration: number; p95: number }[] = [];
  try {
    let loaded = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      const background: RegistrationRequest[] = [];
      while (loaded + background.length < size) background.push(encode(population.registration(population.person())));
      await bulkLoad(database, background);
      loaded += background.length;
      const loadS = (performance.now() - t0) / 1000;
      // The sample: 30% duplicates of people already registered, 70% new people.
      const sample = Array.from({ length: SAMPLE }, () => {
        const known = population.people[Math.floor(population.rnd() * population.people.length)]!;
        return encode(population.rnd() < DUPLICATE_SHARE ? population.duplicate(known) : population.registration(population.person()));
      });
      const times: number[] = [];
      for (const req of sample) {
        const t = performance.now();
        await register(database.db, req);
        times.push(performance.now() - t);
      }
      // The timed registrations filled buckets through `insertBuckets`; recount so later bulk loads respect the cap.
      bucketFill.clear();
      const counts = await database.db.execute(sql`select bucket, count(*)::int as n from lsh_buckets group by bucket`);
      for (const row of rowsOf<{ bucket: number | string; n: number }>(counts)) {
        bucketFill.set(Number(row.bucket), row.n);
      }
      loaded += sample.length;
      times.sort((a, b) => a - b);
      // Trimmed mean: the fastest and slowest 5% are left out (GC pauses, first-call warm-up).
      const trimmed = times.slice(Math.floor(times.length * 0.05), Math.ceil(times.length * 0.95));
      const mean = trimmed.reduce((a, b) => a + b, 0) / trimmed.length;
      const p95 = times[Math.floor(times.length * 0.95)]!;
      results.push({ size, msPerRegistration: mean, p95 });
      console.log(`  ${String(size).padStart(7)} registered: ${mean.toFixed(2)} ms/registration (p95 ${p95.toFixed(2)} ms) over ${SAMPLE}; bulk load ${loadS.toFixed(1)} s`);
    }
  } finally {
    await database.close();
  }
  const first = results[0];
  const last = results.at(-1);
  if (!first || !last || first === last) return true;
  const ratio = last.msPerRegistration / first.msPerRegistration;
  console.log(`  time per registration at ${last.size} / at ${first.size}: ${ratio.toFixed(2)}x (target <= 2x)`);
  return ratio <= 2;
}

const accurate = await accuracy();
console.log(`\nSpeed (${process.env.BENCH_DATABASE_URL ? 'Postgres' : 'PGlite'}):`);
const fast = await speed();
console.log(`\nTargets: F1 >= 0.98 and persons-count error <= 1%: ${accurate ? 'met' : 'NOT met'}; time ratio <= 2x: ${fast ? 'met' : 'NOT met'}`);
process.exit(accurate && fast ? 0 : 1);
