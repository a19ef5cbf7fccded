import type { TestClaims } from './test-issuer.ts';
import type { TestOperation, TestRun } from './subgraph-suite.ts';
import type { SQL } from 'drizzle-orm';
import { auditHead, auditRecordsSince, verifyAuditChain } from '../audit/index.ts';
import type { Db } from '../runtime/database.ts';
/** A personal read of one victim's record and the record it must leave in the audit log. */
export interface PersonalReadAuditCase<TSchema extends Record<string, unknown>> {
  run: TestRun;
  db: Db<TSchema>;
  /** Reads of nothing personal (ids, SDL, lists): together they must leave no record. */
  impersonalReads: TestOperation[];
  /** A personal read the policy refuses with FORBIDDEN: it must leave no record either. */
  refusedRead: TestOperation;
  /** A personal read that succeeds: it must leave exactly one record. */
  personalRead: TestOperation;
  /** That record, but for `seq`, which must follow the log's head. */
  expectedRecord: Record<string, unknown>;
  /** A statement that would change or remove the record at `seq`: the database must refuse it. */
  tamper: (seq: number) => SQL;
}

/**
 * Asserts that reads of nothing personal and a refused read leave no audit
 * record, that a personal read leaves exactly the expected one, that the
 * database refuses to change it, and that the chain still verifies.
 */
export async function expectPersonalReadAuditedOnce<TSchema extends Record<string, unknown>>(test: PersonalReadAuditCase<TSchema>): Promise<void> {
  const { expect } = await import('vitest');
  const { run, db } = test;
  const before = (await auditHead(db))?.seq ?? 0;
  for (const read of test.impersonalReads) await run(...read);
  const refused = await run(...test.refusedRead);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await auditRecordsSince(db, before)).toEqual([]);

  const read = await run(...test.personalRead);
  expect(read.errors).toBeUndefined();
  expect(await auditRecordsSince(db, before)).toMatchObject([{ seq: before + 1, ...test.expectedRecord }]);
  await expect(db.execute(test.tamper(before + 1))).rejects.toThrow();
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true, records: before + 1 });
}

/** An agency's audit trail field on `Victim` and what data protection must find in it. */
export type AuditTrailCase<TSchema extends Record<string, unknown>> = {
  run: TestRun;
  db: Db<TSchema>;
  victimId: string;
  /** The `Victim` field of the agency's trail, such as `policeAuditTrail`. */
  trailField: string;
  /** A personal read by the suite's default caller, made before data protection reads the trail. */
  precedingRead?: TestOperation;
} & (
  | {
      /** The whole trail data protection gets (`toEqual`). */
      expectedTrail: unknown[];
      expectedLastRecord?: never;
    }
  | {
      /** The trail's newest record (`toEqual`); older ones are not checked. */
      expectedLastRecord: Record<string, unknown>;
      expectedTrail?: never;
    }
);

/** The claims of the data protection auditor the trail tests read as. */
const DATA_PROTECTION_AUDITOR: TestClaims = { sub: 'test-dpo-1', agency: 'data-protection', roles: ['auditor'], purpose: null };

/**
 * Asserts that a victim's audit trail is refused (FORBIDDEN, null) to the
 * suite's default caller, served to data protection as expected, and that
 * data protection's read is itself one audit record.
 */
export async function expectAuditTrailServedToDataProtectionOnly<TSchema extends Record<string, unknown>>(test: AuditTrailCase<TSchema>): Promise<void> {
  const { expect } = await import('vitest');
  const { run, db, victimId, trailField } = test;
  const TRAIL = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { ${trailField} { at subject agency roles purpose requestId fields operation } } } }`;
  const r = [{ __typename: 'Victim', id: victimId }];
  const denied = await run(TRAIL, { r });
  expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(denied.data?._entities[0][trailField]).toBeNull();

  if (test.precedingRead) await run(...test.precedingRead);
  const before = (await auditHead(db))?.seq ?? 0;
  const trail = await run(TRAIL, { r }, DATA_PROTECTION_AUDITOR);
  expect(trail.errors).toBeUndefined();
  const served = trail.data?._entities[0][trailField];
  if (test.expectedTrail) expect(served).toEqual(test.expectedTrail);
  else expect(served.at(-1)).toEqual(test.expectedLastRecord);
  expect(await auditRecordsSince(db, before)).toMatchObject([
    { subject: 'test-dpo-1', agency: 'data-protection', purpose: null, victimIds: [victimId], fields: [`Victim.${trailField}`] },
  ]);
}
