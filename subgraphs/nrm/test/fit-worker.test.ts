import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const tsx = createRequire(import.meta.url).resolve('tsx');

describe('fitting the match model', () => {
  it('runs in a worker thread under the loader the NRM runs with, and gives the same model as in the thread itself', { timeout: 120_000 }, () => {
    const script = fileURLToPath(new URL('./fixtures/fit-in-worker.ts', import.meta.url));
    const out = spawnSync(process.execPath, ['--import', tsx, script], { encoding: 'utf8', timeout: 110_000 });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({ inWorker: true, same: true, fittedOn: 500 });
  });
});
