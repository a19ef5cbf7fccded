import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';
import { registrationInput } from './registration-input.ts';

// All people here are synthetic.
const POLICE_SERVICE: TestClaims = { agency: 'police', roles: ['caseworker'], service: true };
const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: POLICE_SERVICE });
const REGISTER = `mutation($input: NrmRegistrationInput!) { registerPotentialVictim(input: $input) { victimId } }`;
const countRows = async () => (await database.db.select().from(schema.registrations)).length;

describe('NRM decision days', () => {
  it.each([['0001-01-01'], ['1899-12-31'], ['9999-12-31']])(
    'refuses a registration decided on %s with BAD_USER_INPUT naming decidedOn, and writes nothing',
    async (decidedOn) => {
      const before = await countRows();
      const result = await run(REGISTER, { input: registrationInput({ idempotencyKey: `decided-${decidedOn}`, decidedOn }) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.decidedOn' });
      expect(await countRows()).toBe(before);
    },
  );

  it('accepts a registration decided in 1900 or today', async () => {
    for (const decidedOn of ['1900-01-01', new Date().toISOString().slice(0, 10)]) {
      const result = await run(REGISTER, {
        input: registrationInput({ idempotencyKey: `decided-ok-${decidedOn}`, agencyRecordId: crypto.randomUUID(), decidedOn }),
      });
      expect(result.errors).toBeUndefined();
    }
  });
});
