import type { Db } from '@nrm-hub/kit';
import type * as schema from '../db/schema.ts';

/** The NRM's database handle (or a transaction on it). */
export type NrmDb = Db<typeof schema>;
