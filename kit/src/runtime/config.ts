import { z } from 'zod';

/**
 * Parses `process.env` (or the given record) with a zod object schema once at
 * start-up. Fails fast with an error that names every bad variable, never its
 * value (a value may be a secret).
 */
export function readConfig<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** An optional URL-ish env var: empty strings count as unset. */
export const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/** A TCP port from env, with a default. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
