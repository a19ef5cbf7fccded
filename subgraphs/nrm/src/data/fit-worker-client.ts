import { Worker } from 'node:worker_threads';
import { fitRegistry } from '../rules/fit-registry.ts';
import type { MatchModel } from '../rules/match-model.ts';

/**
 * The worker's entry: the compiled file as it is; the TypeScript one through tsx's loader, which
 * a worker does not inherit from `--import` on Node 20, so the worker registers it first.
 */
function workerEntry(): [string | URL, { eval?: boolean }] {
  if (!import.meta.url.endsWith('.ts')) return [new URL('./fit-worker.js', import.meta.url), {}];
  const api = import.meta.resolve('tsx/esm/api');
  const file = new URL('./fit-worker.ts', import.meta.url).href;
  return [`import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`, { eval: true }];
}

/**
 * Fits the match model (`fitRegistry`) in a worker thread, so the seconds of CPU a fit takes do
 * not hold this process's requests. The worker runs the compiled file in production and the
 * TypeScript one under tsx's loader; where neither works (a test runner's own module loader,
 * without tsx), the fit runs here instead (`inWorker` false).
 */
export async function fitInWorker(clks: readonly Uint8Array[], total = clks.length): Promise<{ model: MatchModel; inWorker: boolean }> {
  try {
    const model = await new Promise<MatchModel>((resolve, reject) => {
      const [entry, options] = workerEntry();
      const worker = new Worker(entry, { ...options, workerData: { clks, total } });
      worker.once('message', (model: MatchModel) => resolve(model));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the fit worker exited with code ${code} before answering`)));
    });
    return { model, inWorker: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_UNKNOWN_FILE_EXTENSION' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return { model: fitRegistry(clks, total), inWorker: false };
  }
}
