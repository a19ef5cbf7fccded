import { auditHead, auditRecordsSince } from '@nrm-hub/kit';
import { subgraphTestSuite, type TestClaims } from '@nrm-hub/kit/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contextFactory } from '../src/context.ts';
import * as schema from '../src/db/schema.ts';
import { createServer, migrationsFolder } from '../src/server.ts';

// All people here are synthetic.
const INVESTIGATOR: TestClaims = { sub: 'audit-writes-1', agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' };
const { database, run } = await subgraphTestSuite({ schema, migrationsFolder, server: createServer(), contextFactory, defaultClaims: INVESTIGATOR });

const REGISTER = `mutation($input: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $input) { person { id } } }`;
const OPEN = `mutation($i: PoliceOpenInvestigationInput!) { policeOpenInvestigation(input: $i) { id } }`;

describe('what a police write returns about a person', () => {
  it('is logged under the person’s victim: a case role, a custody stay, a compensation order', async () => {
    const registered = await run(REGISTER, {
      input: {
        idempotencyKey: 'audit-writes-person-1',
        person: { givenNames: 'Ilona', familyName: 'Auditescu', birthDate: '1994-04-04', gender: 'FEMININE', citizenships: ['RO'] },
        decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2021-01-02' },
      },
    });
    expect(registered.errors).toBeUndefined();
    const personId = registered.data?.policeRegisterPotentialVictim.person.id as string;
    const [row] = await database.db.select({ victimId: schema.persons.victimId }).from(schema.persons).where(eq(schema.persons.id, personId));
    const victimId = row!.victimId!;
    expect(victimId).toBeTruthy();
    const opened = await run(OPEN, { i: { reference: 'AUDIT-WRITES-1', policeDistrict: 'Oslo', offence: 'TRAFFICKING_257', openedAt: '2021-01-01' } });
    const investigationId = opened.data?.policeOpenInvestigation.id as string;

    const writes: [string, string, Record<string, unknown>, string][] = [
      ['policeAddCaseRole', 'PoliceAddCaseRoleInput', { personId, investigationId, role: 'VICTIM' }, 'role'],
      [
        'policeRecordCustodyStay',
        'PoliceRecordCustodyStayInput',
        { idempotencyKey: 'audit-writes-stay-1', personId, kind: 'CUSTODY', facility: 'Oslo', startedAt: '2021-02-01' },
        'kind',
      ],
      [
        'policeRecordCompensation',
        'PoliceRecordCompensationInput',
        { idempotencyKey: 'audit-writes-comp-1', personId, investigationId, amountNok: 50_000, orderedAt: '2021-03-01' },
        'amountNok',
      ],
    ];
    for (const [mutation, type, input, field] of writes) {
      const before = (await auditHead(database.db))?.seq ?? 0;
      const answer = await run(`mutation($i: ${type}!) { ${mutation}(input: $i) { ${field} } }`, { i: input });
      expect({ mutation, errors: answer.errors }).toEqual({ mutation, errors: undefined });
      const records = await auditRecordsSince(database.db, before);
      expect({ mutation, victims: records.flatMap((r) => r.victimIds), purposes: records.map((r) => r.purpose) }).toEqual({
        mutation,
        victims: [victimId],
        purposes: ['CASE-2021-17'],
      });
    }
  });
});
