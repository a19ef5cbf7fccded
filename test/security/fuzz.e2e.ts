import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFuzzHub, type FuzzHub } from '../fuzz/fuzz-hub.ts';
import { caseArb, runFuzz } from '../fuzz/schema-fuzzer.ts';

/**
 * Schema-driven fuzzing with a fixed seed and a modest count, through the
 * gateway and straight to each subgraph (`npm run fuzz -- --runs 10000` for a
 * large run): no server error, no submitted value echoed in an error, nothing
 * written when the answer is an error.
 */
const SEED = 2026;
const RUNS = 200;

let fuzz: FuzzHub;

beforeAll(async () => {
  fuzz = await startFuzzHub();
});

afterAll(async () => {
  await fuzz?.stop();
});

describe('schema-driven fuzzing (fixed seed)', () => {
  it(`${RUNS} generated inputs for every query and mutation argument: 0 server errors, 0 echoed values, 0 writes on an error`, async () => {
    const cases = fc.sample(caseArb(fuzz.targets, fuzz.known, fuzz.headers.length), { seed: SEED, numRuns: RUNS });
    const report = await runFuzz({ ...fuzz, cases });
    expect(report.runs).toBe(RUNS);
    // Every target was reached, and the inputs got past the first checks often enough to matter.
    expect(Object.keys(report.byTarget).sort()).toEqual(['child-welfare', 'gateway', 'immigration', 'ngo', 'nrm', 'police']);
    expect(report.accepted).toBeGreaterThan(0);
    expect({ serverErrors: report.serverErrors, echoes: report.echoes, writesOnError: report.writesOnError }).toEqual({ serverErrors: [], echoes: [], writesOnError: [] });
  }, 120_000);
});
