import { z } from 'zod';
import { defaultUrl, SUBGRAPHS } from '@nrm-hub/schema';

/** Environment variable holding a subgraph's URL, e.g. `POLICE_URL`. */
export const urlVariable = (envPrefix: string) => `${envPrefix}_URL`;

/** Gateway configuration, read once at start; fails fast naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const shape: Record<string, z.ZodType> = {
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    GATEWAY_HOST: z.string().default('127.0.0.1'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  };
  for (const s of SUBGRAPHS) shape[urlVariable(s.envPrefix)] = z.url().default(defaultUrl(s));
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const values = parsed.data as Record<string, string | number>;
  return {
    port: values.GATEWAY_PORT as number,
    host: values.GATEWAY_HOST as string,
    production: values.NODE_ENV === 'production',
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, values[urlVariable(s.envPrefix)] as string])),
  };
}
