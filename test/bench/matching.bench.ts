/**
 * Matching benchmark: accuracy and speed of the NRM's privacy-preserving
 * record linkage. Not part of `npm test`; run it with
 *
 *   npx tsx test/bench/matching.bench.ts --population own|geco|febrl3|febrl4 [--seed N] [--print-model]
 *
 * (embedded PGlite), or with BENCH_DATABASE_URL=postgres://... for a real
 * Postgres server (a fresh database is created and dropped). Options via
 * environment: BENCH_PEOPLE (generated populations; default 10000; 0 skips
 * the accuracy part), BENCH_SIZES (default 1000,10000,100000; 0 skips the
 * registry-size part; generated populations only), BENCH_SAMPLE (default
 * 600), BENCH_SEED (default 2021; `--seed` wins).
 *
 * The linkage secret is fixed, so results are reproducible.
 *
 * Accuracy: the population's registrations, encoded by the kit (the
 * agencies' code) and matched one by one by the NRM's real `register`, after
 * the match model was fitted to the same registrations without their labels
 * (EM, `fitModel`). Prints blocking recall (share of true pairs that meet in
 * some block) and candidate recall (that are among the compared
 * candidates), pairwise precision, recall and F1, the persons-count error,
 * the review queue and how many of it are truly the same person.
 *
 * Registry size: one registry per size, bulk-loaded with distinct people,
 * then a sample of registrations (30% duplicates of people already there)
 * through the real `register` against all registries side by side, so the
 * machine's load weighs on every size alike: time per registration and the
 * accuracy of the sample's decisions at each size.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clkFromBase64, normalisePerson, nrmRegistrationRequest, type Database } from '@nrm-hub/kit';
import { createTestDatabase } from '@nrm-hub/kit/testing';
import { register, registrationRow, type DecodedRegistration } from '@nrm-hub/nrm/registration';
import * as schema from '@nrm-hub/nrm/db';
import { bucketRows, CANDIDATE_LIMIT, matchModel, setMatchModel } from '@nrm-hub/nrm/matching';
import { blockingRecall, candidatePairs, NAME_BANDS, NAME_BITS_PER_BAND, YEAR_NAME_BANDS, YEAR_NAME_BITS } from '@nrm-hub/nrm/blocking';
import { compareForModel, fitModel, levelWeight, LEVELS, FIELDS, MATCH_PROBABILITY, REVIEW_PROBABILITY, type MatchModel } from '@nrm-hub/nrm/match-model';
import { maintainMatchingTables, MAINTENANCE_EVERY } from '@nrm-hub/nrm/maintenance';
import { plausibleModel } from '@nrm-hub/nrm/match-model-store';
import { fitRegistry } from '@nrm-hub/nrm/fit-registry';
import { replay } from './in-memory-registry.ts';
import { febrl, generated, generatorFor, POPULATIONS, type BenchRegistration, type PopulationName } from './populations.ts';

const { values: args } = parseArgs({
  options: {
    population: { type: 'string', default: 'own' },
    seed: { type: 'string' },
    'print-model': { type: 'boolean', default: false },
    // Replays the NRM's decision in memory (in-memory-registry.ts) instead of `register` on a database: quick figures.
    'in-memory': { type: 'boolean', default: false },
    // Decides with the committed default model instead of one fitted to the population (what the NRM does before its first refit).
    'default-model': { type: 'boolean', default: false },
    // Starts from the default model and refits it on the registrations so far as the NRM's maintenance does (in-memory only).
    refit: { type: 'boolean', default: false },
  },
});
const POPULATION = args.population as PopulationName;
if (!POPULATIONS.includes(POPULATION)) throw new Error(`--population must be one of ${POPULATIONS.join(', ')}`);
const SECRET = 'bench-linkage-secret-0123456789abcdef';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const GENERATED = POPULATION === 'own' || POPULATION === 'geco';
const SIZES = GENERATED
  ? (process.env.BENCH_SIZES ?? '1000,10000,100000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0)
  : [];
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 600);
const SEED = Number(args.seed ?? process.env.BENCH_SEED ?? 2021);
const DUPLICATE_SHARE = 0.3;
const migrationsFolder = fileURLToPath(new URL('../../subgraphs/nrm/drizzle', import.meta.url));

type NrmDatabase = Database<typeof schema>;

/** A fresh, migrated NRM database: on BENCH_DATABASE_URL's server (dropped on close), else in-memory PGlite. */
function freshDatabase(): Promise<NrmDatabase> {
  return createTestDatabase(schema, migrationsFolder, { serverUrl: process.env.BENCH_DATABASE_URL, maxConnections: 4, namePrefix: 'nrm_bench' });
}

let keyCounter = 0;
/** The agency side: validate, normalise and encode, exactly as `registerPotentialVictim` does. */
function encode(reg: Pick<BenchRegistration, 'agency' | 'person'>): DecodedRegistration {
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

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise precision/recall/F1 of predicted clusters (victim ids) against true persons. */
function score(truth: string[], predicted: string[]) {
  const cells = new Map<string, number>();
  const byVictim = new Map<string, number>();
  const byPerson = new Map<string, number>();
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
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    persons: byPerson.size,
    victims: byVictim.size,
    countError: Math.abs(byVictim.size - byPerson.size) / byPerson.size,
    truePairs,
    predictedPairs,
  };
}

function printModel(model: MatchModel): void {
  console.log(
    `  model (EM, no labels): ${model.matchesPerRegistration.toFixed(3)} matches per registration, fitted on ${model.fittedOn}, rare-name factor ${(model.rareNameFactor ?? 1).toFixed(3)}; level weights log2(m/u):`,
  );
  for (const f of FIELDS) {
    console.log(`    ${f}: ${LEVELS[f].map((l, i) => `${l} ${levelWeight(model, f, i).toFixed(1)}`).join(', ')}`);
  }
}

let fitted: MatchModel | null = null;

async function accuracy(): Promise<{ f1: number; countError: number; blocking: number }> {
  const regs = GENERATED ? generated(generatorFor(POPULATION, SEED)!, PEOPLE, DUPLICATE_SHARE) : febrl(POPULATION);
  const requests: (DecodedRegistration | null)[] = regs.map((r) => {
    try {
      return encode(r);
    } catch {
      return null;
    }
  });
  const refused = requests.filter((r) => r === null).length;
  const kept = regs.filter((_, i) => requests[i] !== null);
  const reqs = requests.filter((r): r is DecodedRegistration => r !== null);
  const clks = reqs.map((r) => r.clk);
  // True pairs, for blocking and candidate recall.
  const byPerson = new Map<string, number[]>();
  kept.forEach((r, i) => byPerson.set(r.personKey, [...(byPerson.get(r.personKey) ?? []), i]));
  const truePairs: [number, number][] = [];
  for (const members of byPerson.values())
    for (let a = 0; a < members.length; a += 1) for (let b = a + 1; b < members.length; b += 1) truePairs.push([members[a]!, members[b]!]);
  const blocking = blockingRecall(clks, truePairs);
  const t0 = performance.now();
  const candidates = candidatePairs(clks, CANDIDATE_LIMIT);
  // The true pairs as the set (a JavaScript Set holds at most 2^24 entries; the candidate pairs of 100k people are more).
  const trueSet = new Set(truePairs.map(([a, b]) => a * 1e6 + b));
  let candidatesTrue = 0;
  for (const [a, b] of candidates) if (trueSet.has(a * 1e6 + b)) candidatesTrue += 1;
  const candidateRecall = candidatesTrue / Math.max(truePairs.length, 1);
  const model = args['default-model'] ? matchModel() : fitModel(clks, candidates);
  const fitMs = performance.now() - t0;
  fitted = model;
  setMatchModel(model);
  if (args['in-memory']) {
    const t1 = performance.now();
    const result = args.refit
      ? replay(reqs, matchModel(), (upTo) => {
          const refitted = fitRegistry(clks.slice(0, upTo));
          return plausibleModel(refitted) ? refitted : null;
        })
      : replay(reqs, model);
    const s = score(
      kept.map((r) => r.personKey),
      result.victims.map(String),
    );
    const personOfVictim = new Map<number, string>();
    const firstOfVictim = new Map<number, number>();
    let falseJoins = 0;
    result.victims.forEach((v, i) => {
      if (!personOfVictim.has(v)) {
        personOfVictim.set(v, kept[i]!.personKey);
        firstOfVictim.set(v, i);
      } else if (personOfVictim.get(v) !== kept[i]!.personKey) falseJoins += 1;
    });
    const reviewsSame = result.reviews.filter(([i, v]) => personOfVictim.get(v) === kept[i]!.personKey).length;
    const what = GENERATED ? `${PEOPLE} people, seed ${SEED}` : 'names and date of birth only';
    console.log(`\nAccuracy, population ${POPULATION} (${what}), decisions replayed in memory: ${regs.length} registrations, ${refused} refused`);
    console.log(
      `  blocking recall ${blocking.toFixed(4)} (true pairs meeting in some block), candidate recall ${candidateRecall.toFixed(4)} (among the compared candidates), ${truePairs.length} true pairs`,
    );
    printModel(model);
    console.log(
      `  pairwise precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (true pairs ${s.truePairs}, predicted pairs ${s.predictedPairs})`,
    );
    console.log(`  persons ${s.persons}, victims ${s.victims}: persons-count error ${(s.countError * 100).toFixed(2)}%`);
    console.log(`  registrations joined to another person's victim: ${falseJoins}`);
    console.log(
      `  review queue: ${result.reviews.length} open (of which ${reviewsSame} truly the same person); automatic merges of two certain victims: ${result.merges}`,
    );
    console.log(
      `  model fit ${(fitMs / 1000).toFixed(1)} s; replay ${(performance.now() - t1) / 1000 > 0 ? ((performance.now() - t1) / 1000).toFixed(1) : 0} s`,
    );
    return { f1: s.f1, countError: s.countError, blocking };
  }
  const database = await freshDatabase();
  try {
    const predicted: string[] = [];
    const t1 = performance.now();
    for (const req of reqs) predicted.push((await register(database.db, req)).victimId);
    const registerMs = performance.now() - t1;
    // Victim ids as they resolve now (automatic merges move registrations).
    const rows = await database.db.select({ key: schema.registrations.idempotencyKey, victimId: schema.registrations.victimId }).from(schema.registrations);
    const victimOfKey = new Map(rows.map((r) => [r.key, r.victimId]));
    const resolved = reqs.map((r) => victimOfKey.get(r.idempotencyKey)!);
    const s = score(
      kept.map((r) => r.personKey),
      resolved,
    );
    // The review queue: is the registration truly the same person as the candidate victim (its first registration)?
    const personOfVictim = new Map<string, string>();
    resolved.forEach((v, i) => {
      if (!personOfVictim.has(v)) personOfVictim.set(v, kept[i]!.personKey);
    });
    const regRows = await database.db.select({ id: schema.registrations.id, key: schema.registrations.idempotencyKey }).from(schema.registrations);
    const indexOfKey = new Map(reqs.map((r, i) => [r.idempotencyKey, i]));
    const indexOfRegistration = new Map(regRows.map((r) => [r.id, indexOfKey.get(r.key)!]));
    const reviews = await database.db.select().from(schema.linkReviews);
    const open = reviews.filter((r) => r.state === 'OPEN');
    const reviewsSame = open.filter((r) => {
      const i = indexOfRegistration.get(r.registrationId)!;
      return personOfVictim.get(r.candidateVictimId) === kept[i]!.personKey;
    }).length;
    const automaticMerges = reviews.length - open.length;
    // Duplicates not joined to their person's first registration, by corruption kind.
    const firstOf = new Map<string, number>();
    kept.forEach((r, i) => {
      if (!firstOf.has(r.personKey)) firstOf.set(r.personKey, i);
    });
    const missedBy = new Map<string, number>();
    const seenBy = new Map<string, number>();
    kept.forEach((r, i) => {
      if (firstOf.get(r.personKey) === i || r.corruptions.length === 0) return;
      const key = [...r.corruptions].sort().join('+');
      seenBy.set(key, (seenBy.get(key) ?? 0) + 1);
      if (resolved[i] !== resolved[firstOf.get(r.personKey)!]) missedBy.set(key, (missedBy.get(key) ?? 0) + 1);
    });
    let falseJoins = 0;
    const falseBy = new Map<string, number>();
    const firstOfVictim = new Map<string, number>();
    resolved.forEach((v, i) => {
      if (!firstOfVictim.has(v)) firstOfVictim.set(v, i);
      if (personOfVictim.get(v) !== kept[i]!.personKey) {
        falseJoins += 1;
        const v0 = compareForModel(clks[i]!, clks[firstOfVictim.get(v)!]!);
        const key = FIELDS.map((f) => (v0[f] < 0 ? '-' : LEVELS[f][v0[f]])).join(' ');
        falseBy.set(key, (falseBy.get(key) ?? 0) + 1);
      }
    });
    const what = GENERATED ? `${PEOPLE} people, seed ${SEED}` : 'names and date of birth only';
    console.log(`\nAccuracy, population ${POPULATION} (${what}): ${regs.length} registrations, ${refused} refused`);
    console.log(
      `  blocking: name LSH ${NAME_BANDS} bands x ${NAME_BITS_PER_BAND} bits, birth date, year + ${YEAR_NAME_BANDS} name bands x ${YEAR_NAME_BITS} bits, day/month + as many; <= ${CANDIDATE_LIMIT} candidates compared`,
    );
    console.log(
      `  blocking recall ${blocking.toFixed(4)} (true pairs meeting in some block), candidate recall ${candidateRecall.toFixed(4)} (among the compared candidates), ${truePairs.length} true pairs`,
    );
    printModel(model);
    console.log(`  decision: join at posterior >= ${MATCH_PROBABILITY}, review from ${REVIEW_PROBABILITY}`);
    console.log(
      `  pairwise precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (true pairs ${s.truePairs}, predicted pairs ${s.predictedPairs})`,
    );
    console.log(`  persons ${s.persons}, victims ${s.victims}: persons-count error ${(s.countError * 100).toFixed(2)}%`);
    console.log(`  registrations joined to another person's victim: ${falseJoins}`);
    console.log(
      `  review queue: ${open.length} open (of which ${reviewsSame} truly the same person); automatic merges of two certain victims: ${automaticMerges}`,
    );
    console.log(
      `  model fit (blocking + EM, in memory) ${(fitMs / 1000).toFixed(1)} s; NRM register ${(registerMs / reqs.length).toFixed(2)} ms/registration (${database.driver})`,
    );
    const worst = [...missedBy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    if (worst.length > 0) {
      console.log('  most missed duplicates by corruption (missed/seen):');
      for (const [k, n] of worst) console.log(`    ${k}: ${n}/${seenBy.get(k)}`);
    }
    const falseWorst = [...falseBy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    if (falseWorst.length > 0) {
      console.log("  false joins by levels against the victim's first registration (name date sex citizenship):");
      for (const [k, n] of falseWorst) console.log(`    ${k}: ${n}`);
    }
    if (args['print-model']) console.log(JSON.stringify(model));
    return { f1: s.f1, countError: s.countError, blocking };
  } finally {
    await database.close();
  }
}

/** Bulk-loads distinct people: the same rows `register` writes, without matching. Returns each one's victim id. */
async function bulkLoad(database: NrmDatabase, requests: DecodedRegistration[]): Promise<string[]> {
  const db = database.db;
  const BATCH = 400;
  const ids: string[] = [];
  for (let start = 0; start < requests.length; start += BATCH) {
    const batch = requests.slice(start, start + BATCH);
    await db.transaction(async (tx) => {
      const created = await tx
        .insert(schema.victims)
        .values(batch.map(() => ({})))
        .returning({ id: schema.victims.id });
      ids.push(...created.map((c) => c.id));
      const rows = await tx
        .insert(schema.registrations)
        .values(batch.map((req, i) => registrationRow(req, created[i]!.id, { matchedExisting: false, matchScore: 1 })))
        .returning({ id: schema.registrations.id, seq: schema.registrations.seq });
      const hashes = batch.flatMap((req, i) => req.identifierHashes.map((value) => ({ registrationId: rows[i]!.id, kind: 'ID_HASH', value })));
      if (hashes.length > 0) await tx.insert(schema.matchKeys).values(hashes);
      const buckets = batch.flatMap((req, i) => bucketRows(rows[i]!.seq, req.clk));
      for (let b = 0; b < buckets.length; b += 5000) await tx.insert(schema.lshBuckets).values(buckets.slice(b, b + 5000));
    });
  }
  return ids;
}

/** Mean of the middle 90% (the fastest and slowest 5% are GC pauses and the like), and the 95th percentile. */
function summarise(times: number[]): { mean: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const trimmed = sorted.slice(Math.floor(sorted.length * 0.05), Math.ceil(sorted.length * 0.95));
  return { mean: trimmed.reduce((a, b) => a + b, 0) / trimmed.length, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

/**
 * Time per registration and accuracy by registry size, side by side: one
 * registry per size, bulk-loaded with the same people (the smaller ones are
 * prefixes of the larger), then each sample registration goes to every
 * registry in turn (rotating which goes first). 30% of the sample are
 * duplicates of people in every registry, 70% new people. A warm-up round
 * (not timed) comes first. Each registry gets the maintenance run the NRM
 * would have done along the way.
 */
async function registrySizes(): Promise<{ timeRatio: number; f1: number[] }> {
  const generator = generatorFor(POPULATION, SEED + 1)!;
  const largest = Math.max(...SIZES);
  const background: DecodedRegistration[] = [];
  while (background.length < largest) background.push(encode(generator.registration(generator.person() as never)));
  const shared = Math.min(...SIZES);
  const registries: { size: number; database: NrmDatabase; times: number[]; victimOf: string[]; tp: number; fp: number; fn: number }[] = [];
  try {
    for (const size of SIZES) {
      const t0 = performance.now();
      const database = await freshDatabase();
      const victimOf = await bulkLoad(database, background.slice(0, size));
      registries.push({ size, database, times: [], victimOf, tp: 0, fp: 0, fn: 0 });
      await maintainMatchingTables(database.db);
      console.log(
        `  ${String(size).padStart(7)} registered: bulk load and maintenance (as after every ${MAINTENANCE_EVERY} registrations) ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    const draw = () => {
      // Duplicates only of people every registry holds.
      if (generator.rnd() < DUPLICATE_SHARE) {
        const known = generator.people[Math.floor(generator.rnd() * shared)]!;
        return { reg: generator.duplicate(known as never), known: known.index };
      }
      return { reg: generator.registration(generator.person() as never), known: -1 };
    };
    const WARM_UP = 30;
    const sample = Array.from({ length: WARM_UP + SAMPLE }, draw);
    for (let i = 0; i < sample.length; i += 1) {
      for (let k = 0; k < registries.length; k += 1) {
        const registry = registries[(i + k) % registries.length]!;
        const req = encode(sample[i]!.reg);
        const t = performance.now();
        const answer = await register(registry.database.db, req);
        if (i < WARM_UP) continue;
        registry.times.push(performance.now() - t);
        const known = sample[i]!.known;
        const right = known >= 0 ? registry.victimOf[known] : undefined;
        if (right !== undefined && answer.victimId === right) registry.tp += 1;
        else {
          if (right !== undefined) registry.fn += 1;
          if (answer.matchedExisting) registry.fp += 1;
        }
      }
    }
  } finally {
    for (const { database } of registries) await database.close();
  }
  const results = registries.map((r) => {
    const precision = r.tp + r.fp === 0 ? 1 : r.tp / (r.tp + r.fp);
    const recall = r.tp + r.fn === 0 ? 1 : r.tp / (r.tp + r.fn);
    return { size: r.size, ...summarise(r.times), precision, recall, f1: (2 * precision * recall) / (precision + recall) };
  });
  for (const r of results) {
    console.log(
      `  ${String(r.size).padStart(7)} registered: ${r.mean.toFixed(2)} ms/registration (p95 ${r.p95.toFixed(2)} ms) over ${SAMPLE}; decisions: precision ${r.precision.toFixed(4)} recall ${r.recall.toFixed(4)} F1 ${r.f1.toFixed(4)}`,
    );
  }
  const first = results[0]!;
  const last = results.at(-1)!;
  const ratio = last.mean / first.mean;
  if (first !== last) console.log(`  time per registration at ${last.size} / at ${first.size}: ${ratio.toFixed(2)}x (target <= 2x)`);
  return { timeRatio: ratio, f1: results.map((r) => r.f1) };
}

const accurate = PEOPLE > 0 || !GENERATED ? await accuracy() : null;
if (!accurate) console.log('\nAccuracy: skipped (BENCH_PEOPLE=0)');
if (!fitted) setMatchModel(null);
console.log(SIZES.length > 0 ? `\nRegistry size (${process.env.BENCH_DATABASE_URL ? 'Postgres' : 'PGlite'}):` : '\nRegistry size: skipped');
const sizes = SIZES.length > 0 ? await registrySizes() : null;
const f1Target = POPULATION === 'febrl3' ? 0.93 : POPULATION === 'febrl4' ? 0.94 : 0.98;
const accurateOk = !accurate || (accurate.f1 >= f1Target && (!GENERATED || accurate.countError <= 0.01) && (!GENERATED || accurate.blocking >= 0.995));
const fastOk = !sizes || sizes.timeRatio <= 2;
console.log(
  `\nTargets: F1 >= ${f1Target}${GENERATED ? ', persons-count error <= 1%, blocking recall >= 0.995' : ''}: ${accurateOk ? 'met' : 'NOT met'}; time ratio <= 2x: ${fastOk ? 'met' : 'NOT met'}`,
);
process.exit(accurateOk && fastOk ? 0 : 1);
