import { badInput } from '../runtime/errors.ts';

/**
 * Upper bounds on the money amounts a write records, in whole NOK. Each is far
 * above any real figure (so no real entry is refused) and far below the
 * GraphQL `Int` limit (2,147,483,647), so a typing error or a hostile client
 * cannot store an absurd amount that distorts the national statistics.
 */

/**
 * Largest compensation order: 100,000,000 NOK. Court-ordered compensation and
 * redress to a trafficking victim is in the hundreds of thousands, state
 * compensation for victims of violence is capped at 60 G (about 7.5 million).
 */
export const MAX_COMPENSATION_NOK = 100_000_000;

/**
 * Largest single grant to an organisation: 1,000,000,000 NOK. The largest
 * yearly grants to assistance providers are in the tens of millions.
 */
export const MAX_GRANT_NOK = 1_000_000_000;

/**
 * Checks a whole-NOK amount: 1 to `max`. Returns it; throws `BAD_USER_INPUT` naming `field`, never the value.
 */
export function checkAmountNok(value: number, field: string, max: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw badInput(field, 'must be positive');
  if (value > max) throw badInput(field, `must be at most ${max.toLocaleString('en-US')} NOK`);
  return value;
}
