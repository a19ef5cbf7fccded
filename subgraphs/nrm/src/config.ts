import { optionalString, port, readConfig } from '@nrm-hub/kit';
import { z } from 'zod';

/** NRM subgraph configuration, read once at start. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const config = readConfig(
    z.object({
      NRM_PORT: port(4005),
      NRM_DATABASE_URL: optionalString,
      NRM_DATA_DIR: optionalString,
      LINKAGE_SECRET: optionalString,
    }),
    env,
  );
  // The NRM is a linkage unit: holding the agencies' secret would let it reverse match keys.
  if (config.LINKAGE_SECRET) throw new Error('Invalid configuration: LINKAGE_SECRET must not be given to the NRM');
  return config;
}
