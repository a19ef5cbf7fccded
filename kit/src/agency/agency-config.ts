import { z } from 'zod';
import { readConfig } from '../runtime/config.ts';

/**
 * Configuration every agency subgraph needs to register with the NRM: where
 * the NRM is and the linkage secret for match keys (agencies hold it, the NRM
 * never does).
 */
export function loadAgencyConfig(env: Record<string, string | undefined> = process.env) {
  return readConfig(
    z.object({
      NRM_URL: z.url().default('http://127.0.0.1:4005/graphql'),
      LINKAGE_SECRET: z.string().min(32, 'must be at least 32 characters'),
    }),
    env,
  );
}
