/**
 * Checks the NRM's own configuration rules; port and database settings are
 * read by `runSubgraph`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): void {
  // The NRM is a linkage unit: holding the agencies' secret would let it reverse match keys.
  if (env.LINKAGE_SECRET) throw new Error('Invalid configuration: LINKAGE_SECRET must not be given to the NRM');
}
