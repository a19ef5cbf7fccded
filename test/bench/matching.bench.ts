/**
 * Matching benchmark: accuracy and speed of the NRM's privacy-preserving
 * record linkage. Not part of `npm test`; run it with
 *
 *   npx tsx test/bench/matching.bench.ts
 *
 * (embedded PGlite), or with BENCH_DATABASE_URL=postgres://... for a real
 * Postgres server (a fresh database is created and dropped). Options via
 * environment: BENCH_PEOPLE (default 10000; 0 skips the accuracy part),
 * BENCH_SIZES (default 1000,10000,100000; 0 skips the speed part),
 * BENCH_SAMPLE (default 300), BENCH_SEED (default 2021).
 *
 * Accuracy: BENCH_PEOPLE synthetic people, registered by the four agencies
 * with 30% of the registrations being corrupted duplicates (typos,
 * transliterations, swapped names, missing or approximate birth dates,
 * day/month swaps, dropped identifiers); each registration is encoded by the
 * kit (the agencies' code) and matched by the NRM's real `register`. Prints
 * pairwise precision, recall and F1 against the known truth, and the error
 * in the number of persons.
 *
 * Speed: one registry per size, bulk-loaded with distinct people, then a
 * fixed-size sample of registrations (30% duplicates of people already
 * there) timed through the real `register`, against all registries side by
 * side so that the machine's load weighs on every size alike.
 */
import { fileURLToPath } from 'node:url';
import { clkFromBase64, createTestDatabase, normalisePerson, nrmRegistrationRequest, type Database } from '@nrm-hub/kit';
import { register, registrationRow, type RegistrationRequest } from '@nrm-hub/nrm/data';
import * as schema from '@nrm-hub/nrm/db';
import { BUCKET_CAPACITY, bucketRows, CANDIDATE_LIMIT, LSH_BANDS, LSH_BITS_PER_BAND, MATCH_THRESHOLDS, REVIEW_MARGIN, YEAR_VETO, DAY_MONTH_VETO } from '@nrm-hub/nrm/matching';
import { maintainMatchingTables, MAINTENANCE_EVERY } from '@nrm-hub/nrm/maintenance';
import { Population, type SyntheticRegistration } from './synthetic-population.ts';

const SECRET = 'bench-linkage-secret-0123456789abcdef';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 300);
const SEED = Number(process.env.BENCH_SEED ?? 2021);
const DUPLICATE_SHARE = 0.3;
const migrationsFolder = fileURLToPath(new URL('../../subgraphs/nrm/drizzle', import.meta.url));

type NrmDatabase = Database<typeof schema>;

/** A fresh, migrated NRM database: on BENCH_DATABASE_URL's server (dropped on close), else in-memory PGlite. */
function freshDatabase(): Promise<NrmDatabase> {
  return createTestDatabase(schema, migrationsFolder, { serverUrl: process.env.BENCH_DATABASE_URL, maxConnections: 4, namePrefix: 'nrm_bench' });
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

/**
 * Bulk-loads distinct people: the same rows `register` writes, without
 * matching (they are all different people). `fill` counts the members of each
 * LSH bucket so far, for the same capacity rule as `insertBuckets`.
 */
async function bulkLoad(database: NrmDatabase, requests: RegistrationRequest[], fill: Map<number, number>): Promise<void> {
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
        .values(batch.map((req, i) => registrationRow(req, created[i]!.id, { matchedExisting: false, matchScore: 1 })))
        .returning({ id: schema.registrations.id });
      const hashes = batch.flatMap((req, i) => req.identifierHashes.map((value) => ({ registrationId: rows[i]!.id, kind: 'ID_HASH', value })));
      if (hashes.length > 0) await tx.insert(schema.matchKeys).values(hashes);
      const buckets = batch.flatMap((req, i) =>
        bucketRows(rows[i]!.id, req.clk).filter(({ bucket }) => {
          const n = fill.get(bucket) ?? 0;
          if (n >= BUCKET_CAPACITY) return false;
          fill.set(bucket, n + 1);
          return true;
        }),
      );
      if (buckets.length > 0) await tx.insert(schema.lshBuckets).values(buckets);
    });
  }
}

/** Mean of the middle 90% (the fastest and slowest 5% are GC pauses and the like), and the 95th percentile. */
function summarise(times: number[]): { mean: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const trimmed = sorted.slice(Math.floor(sorted.length * 0.05), Math.ceil(sorted.length * 0.95));
  return { mean: trimmed.reduce((a, b) => a + b, 0) / trimmed.length, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

/**
 * Time per registration by registry size, measured side by side: one
 * registry per size, bulk-loaded with the same people (the smaller ones are
 * prefixes of the larger), then each sample registration is timed against
 * every registry in turn (rotating which goes first), so the machine's load
 * at any moment weighs on all sizes alike. 30% of the sample are duplicates
 * of people in every registry, 70% new people. A warm-up round (not timed)
 * comes first. After the bulk load each registry gets the maintenance run
 * the NRM would have done along the way (every MAINTENANCE_EVERY
 * registrations).
 */
async function speed(): Promise<boolean> {
  const population = new Population(SEED + 1);
  const largest = Math.max(...SIZES);
  const background: RegistrationRequest[] = [];
  while (background.length < largest) background.push(encode(population.registration(population.person())));
  const shared = Math.min(...SIZES);
  const registries: { size: number; database: NrmDatabase; times: number[] }[] = [];
  try {
    for (const size of SIZES) {
      const t0 = performance.now();
      const database = await freshDatabase();
      registries.push({ size, database, times: [] });
      await bulkLoad(database, background.slice(0, size), new Map());
      // The NRM vacuums and analyses the matching tables every MAINTENANCE_EVERY registrations; the bulk load skipped that.
      await maintainMatchingTables(database.db);
      console.log(`  ${String(size).padStart(7)} registered: bulk load and maintenance (as after every ${MAINTENANCE_EVERY} registrations) ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const draw = () => {
      // Duplicates only of people every registry holds.
      const known = population.people[Math.floor(population.rnd() * shared)]!;
      return population.rnd() < DUPLICATE_SHARE ? population.duplicate(known) : population.registration(population.person());
    };
    const WARM_UP = 30;
    const sample = Array.from({ length: WARM_UP + SAMPLE }, draw);
    for (let i = 0; i < sample.length; i += 1) {
      for (let k = 0; k < registries.length; k += 1) {
        const registry = registries[(i + k) % registries.length]!;
        // Each registry gets its own request (own idempotency key) for the same person.
        const req = encode(sample[i]!);
        const t = performance.now();
        await register(registry.database.db, req);
        if (i >= WARM_UP) registry.times.push(performance.now() - t);
      }
    }
  } finally {
    for (const { database } of registries) await database.close();
  }
  const results = registries.map(({ size, times }) => ({ size, ...summarise(times) }));
  for (const r of results) {
    console.log(`  ${String(r.size).padStart(7)} registered: ${r.mean.toFixed(2)} ms/registration (p95 ${r.p95.toFixed(2)} ms) over ${SAMPLE}`);
  }
  const first = results[0];
  const last = results.at(-1);
  if (!first || !last || first === last) return true;
  const ratio = last.mean / first.mean;
  console.log(`  time per registration at ${last.size} / at ${first.size}: ${ratio.toFixed(2)}x (target <= 2x)`);
  return ratio <= 2;
}

const accurate = PEOPLE > 0 ? await accuracy() : true;
if (PEOPLE === 0) console.log('\nAccuracy: skipped (BENCH_PEOPLE=0)');
// BENCH_SIZES=0 skips the speed part (for accuracy-only runs).
console.log(SIZES.length > 0 ? `\nSpeed (${process.env.BENCH_DATABASE_URL ? 'Postgres' : 'PGlite'}):` : '\nSpeed: skipped (BENCH_SIZES=0)');
const fast = SIZES.length > 0 ? await speed() : true;
console.log(`\nTargets: F1 >= 0.98 and persons-count error <= 1%: ${accurate ? 'met' : 'NOT met'}; time ratio <= 2x: ${fast ? 'met' : 'NOT met'}`);
process.exit(accurate && fast ? 0 : 1);
