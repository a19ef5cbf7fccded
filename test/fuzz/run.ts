import fc from 'fast-check';
import { caseArb, runFuzz } from './schema-fuzzer.ts';
import { startFuzzHub } from './fuzz-hub.ts';

/**
 * `npm run fuzz -- --runs 10000 [--seed 2026]`: schema-driven fuzzing of the
 * whole hub (in this process, on PGlite or TEST_DATABASE_URL), through the
 * gateway and straight to each subgraph. Prints the figures; exits 1 on any
 * server error, echoed value or write on an error.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 10_000);
const seed = arg('seed', 2026);
const fuzz = await startFuzzHub();
const cases = fc.sample(caseArb(fuzz.targets, fuzz.known, fuzz.headers.length), { seed, numRuns: runs });
const started = Date.now();
const report = await runFuzz({ ...fuzz, cases });
const seconds = (Date.now() - started) / 1000;
await fuzz.stop();
console.log(
  JSON.stringify(
    {
      seed,
      seconds,
      ...report,
      serverErrors: report.serverErrors.slice(0, 20),
      echoes: report.echoes.slice(0, 20),
      writesOnError: report.writesOnError.slice(0, 20),
    },
    null,
    2,
  ),
);
console.log(
  `fuzz: ${report.runs} inputs (seed ${seed}) in ${seconds.toFixed(0)} s; accepted ${report.accepted}; ` +
    `server errors ${report.serverErrors.length}; echoed values ${report.echoes.length}; writes on an error ${report.writesOnError.length}`,
);
process.exit(report.serverErrors.length + report.echoes.length + report.writesOnError.length > 0 ? 1 : 0);
