import { createHmac } from 'node:crypto';
import { clkToBase64, encodeClk } from '../linkage/clk.ts';
import type { Identifier, Person } from './person.ts';

/**
 * Keyed hash (HMAC-SHA256, hex) of one normalised strong identifier. The
 * linkage secret stays with the agencies; the NRM only ever sees the hash,
 * so it cannot recompute it from a guessed identity number.
 */
export function identifierMatchKey(secret: string, id: Identifier): string {
  return createHmac('sha256', secret).update(`${id.type}|${id.issuingCountry}|${id.value}`).digest('hex');
}

/** Everything an agency sends the NRM to find a person: keyed hashes and a Bloom filter, never a name or number. */
export interface PersonMatchKeys {
  /** `identifierMatchKey` of each strong identifier, without repeats. */
  identifierHashes: string[];
  /** The person's CLK (see `clk.ts`), base64. */
  clk: string;
}

/** The match keys of a validated person under the agencies' linkage secret. */
export function personMatchKeys(secret: string, person: Person): PersonMatchKeys {
  return {
    identifierHashes: [...new Set(person.identifiers.map((id) => identifierMatchKey(secret, id)))],
    clk: clkToBase64(encodeClk(secret, person)),
  };
}
