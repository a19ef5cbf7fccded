import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** Runs the matching benchmark at a small size on a fixed seed (PGlite), returning its report; a missed target (exit 1) still reports. */
async function bench(population: string, env: Record<string, string>, extra: string[] = []): Promise<string> {
  const options = { cwd: root, env: { ...process.env, ...env, BENCH_DATABASE_URL: undefined } };
  try {
    return (
      await promisify(execFile)(
        join(root, 'node_modules/.bin/tsx'),
        [join(root, 'test/bench/matching.bench.ts'), '--population', population, '--seed', '2021', ...extra],
        options,
      )
    ).stdout;
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    expect({ code: e.code, stderr: e.stderr?.slice(0, 2000) }).toMatchObject({ code: 1 });
    return e.stdout ?? '';
  }
}

const figure = (stdout: string, re: RegExp) => Number(stdout.match(re)?.[1] ?? Number.NaN);

// The matching benchmark proper takes minutes (README); this runs it small, on a fixed seed and the
// fixed linkage secret, so an accuracy regression breaks `npm test`.
describe('the matching benchmark', () => {
  it('keeps F1, the persons-count error and blocking recall on a small own population, and reports the registry-size part', async () => {
    const stdout = await bench('own', { BENCH_PEOPLE: '400', BENCH_SIZES: '100,300', BENCH_SAMPLE: '10' });
    expect(stdout).toMatch(/Accuracy, population own \(400 people, seed 2021\): \d+ registrations, 0 refused/);
    expect(figure(stdout, /blocking recall (\d\.\d{4})/)).toBeGreaterThanOrEqual(0.995);
    // Measured 2026-11-29: F1 1.0000, count error 0.00%, blocking recall 1.0000.
    expect(figure(stdout, /F1 (\d\.\d{4})/)).toBeGreaterThanOrEqual(0.99);
    expect(figure(stdout, /persons-count error (\d+\.\d{2})%/)).toBeLessThanOrEqual(0.5);
    expect(stdout).toMatch(/review queue: \d+ open \(of which \d+ truly the same person\)/);
    expect(stdout).toMatch(
      /^\s+300 registered: \d+\.\d{2} ms\/registration \(p95 \d+\.\d{2} ms\) over 10; decisions: precision \d\.\d{4} recall \d\.\d{4} F1 \d\.\d{4}$/m,
    );
    expect(stdout).toMatch(/time per registration at 300 \/ at 100: \d+\.\d{2}x \(target <= 2x\)/);
  }, 600_000);

  // Measured 2026-11-29 (rare-name factor, date levels, year digits): F1 0.8802, count error 6.00%, blocking
  // recall 0.9952 (before: 0.8654, 6.75%). The targets (0.98, 1%) are not met on this generator; these
  // bounds guard the level reached so far against regression.
  it('keeps F1 and the persons-count error on a small population of the second generator (another corruption model)', async () => {
    const stdout = await bench('geco', { BENCH_PEOPLE: '400', BENCH_SIZES: '0' });
    expect(figure(stdout, /blocking recall (\d\.\d{4})/)).toBeGreaterThanOrEqual(0.99);
    expect(figure(stdout, /F1 (\d\.\d{4})/)).toBeGreaterThanOrEqual(0.87);
    expect(figure(stdout, /persons-count error (\d+\.\d{2})%/)).toBeLessThanOrEqual(7);
  }, 600_000);

  // As the NRM runs: the committed default model until the registry holds 300 registrations, then
  // its own fits at every 25% of growth (replayed in memory). Measured 2026-11-30: own F1 0.9952,
  // count error 0.50%; second generator F1 0.8586, count error 4.50%.
  it('keeps F1 and the persons-count error as the NRM runs, from the default model with its own refits', async () => {
    const own = await bench('own', { BENCH_PEOPLE: '400', BENCH_SIZES: '0' }, ['--in-memory', '--default-model', '--refit']);
    expect(figure(own, /F1 (\d\.\d{4})/)).toBeGreaterThanOrEqual(0.99);
    expect(figure(own, /persons-count error (\d+\.\d{2})%/)).toBeLessThanOrEqual(1);
    const geco = await bench('geco', { BENCH_PEOPLE: '400', BENCH_SIZES: '0' }, ['--in-memory', '--default-model', '--refit']);
    expect(figure(geco, /F1 (\d\.\d{4})/)).toBeGreaterThanOrEqual(0.85);
    expect(figure(geco, /persons-count error (\d+\.\d{2})%/)).toBeLessThanOrEqual(5);
  }, 600_000);
});
