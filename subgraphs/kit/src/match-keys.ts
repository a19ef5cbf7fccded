import { createHmac } from 'node:crypto';
import type { Identifier } from './person.ts';

/**
 * Keyed hash (HMAC-SHA256, hex) of one normalised strong identifier. The
 * linkage secret stays with the agencies; the NRM only ever sees the hash,
 * so it cannot recompute it from a guessed identity number.
 */
export function identifierMatchKey(secret: string, id: Identifier): string {
  return createHmac('sha256', secret).update(`${id.type}|${id.issuingCountry}|${id.value}`).digest('hex');
}
