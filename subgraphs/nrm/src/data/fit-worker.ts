import { parentPort, workerData } from 'node:worker_threads';
import { fitRegistry } from '../rules/fit-registry.ts';

/** Worker thread of `fitInWorker`: fits the model to the CLKs it is given and posts it back. */
const { clks, total } = workerData as { clks: Uint8Array[]; total: number };
parentPort!.postMessage(fitRegistry(clks, total));
