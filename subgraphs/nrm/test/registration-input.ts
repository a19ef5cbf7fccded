import { createHash } from 'node:crypto';
import { clkToBase64, encodeClk } from '@nrm-hub/kit';

/** SHA-256 hex of a string: stands in for an agency's keyed identifier hash. */
export const hash = (s: string) => createHash('sha256').update(s).digest('hex');

let people = 0;
/** A CLK of a fresh synthetic person, unlike any other made here. */
export function freshClk(): string {
  people += 1;
  return clkToBase64(
    encodeClk('test-secret', { givenNames: `Testperson${people}`, familyName: `Qx${people * 7919}`, birthYear: 1950 + people, gender: 'UNKNOWN' }),
  );
}

/** An `NrmRegistrationInput` as a police subgraph would send it: a fresh person, with `over` applied. */
export const registrationInput = (over: Record<string, unknown> = {}) => ({
  clk: freshClk(),
  agency: 'POLICE',
  agencyRecordId: '00000000-0000-4000-a000-000000000001',
  idempotencyKey: 'police-key-0001',
  identifierHashes: [hash('id-a')],
  status: 'POSSIBLE',
  decidedBy: 'POLICE',
  exploitationTypes: ['FORCED_LABOUR'],
  decidedOn: '2021-05-01',
  gender: 'FEMININE',
  birthYear: 1995,
  citizenships: ['RO'],
  ...over,
});
