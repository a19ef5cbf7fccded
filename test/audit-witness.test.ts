import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendAudit,
  auditHash,
  auditLog,
  ensureWitnessSchema,
  generateServiceKeys,
  listenWitness,
  openDatabase,
  serviceSigner,
  verifyAuditChain,
  WITNESS_AUDIENCE,
  witnessOnce,
  type AuditRow,
} from '@nrm-hub/kit';
import * as policeDb from '@nrm-hub/police/db';
import { migrationsFolder as policeMigrations } from '@nrm-hub/police/server';

/**
 * The audit witness catches what the hash chain alone cannot: a database
 * owner who drops the append-only trigger, edits a record, recomputes every
 * hash after it and appends a forged record leaves a chain that verifies on
 * its own, but no longer holds the heads the witness was sent.
 */

const root = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'nrm-audit-witness-'));

async function auditVerify(): Promise<{ code: number; stdout: string }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    HUB_DATA_DIR: dataDir,
    AUDIT_WITNESS_DATABASE_URL: undefined,
    AUDIT_WITNESS_DATA_DIR: undefined,
  };
  for (const prefix of ['NRM', 'POLICE', 'IMMIGRATION', 'CHILD_WELFARE', 'NGO']) {
    env[`${prefix}_DATABASE_URL`] = undefined;
    env[`${prefix}_DATA_DIR`] = undefined;
    env[`${prefix}_PORT`] = '1';
  }
  try {
    const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/src/audit-verify.ts')], { cwd: root, env });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

const record = (i: number) => ({
  at: new Date(Date.UTC(2021, 2, 1, 9, i)),
  requestId: `witness-${i}`,
  subject: 'test-user-police',
  agency: 'police',
  roles: ['investigator'],
  purpose: 'CASE-2021-17',
  operation: null,
  victimIds: ['11111111-1111-4111-8111-111111111111'],
  fields: ['PolicePerson.givenNames'],
});

let refusedStatus = 0;

beforeAll(async () => {
  const keys = await generateServiceKeys(['police', 'ngo']);
  const police = await openDatabase({ schema: policeDb, migrationsFolder: policeMigrations, dataDir: join(dataDir, 'police') });
  const witnessDb = await openDatabase({ schema: {}, migrationsFolder: '', dataDir: join(dataDir, 'audit-witness'), migrate: false });
  await ensureWitnessSchema(witnessDb.db);
  const witness = await listenWitness({ db: witnessDb.db, jwks: keys.jwks, port: 0 });
  try {
    const signer = await serviceSigner(keys.privateKeys.police!);
    await appendAudit(police.db, record(0));
    await witnessOnce(police.db, signer, witness.url);
    await appendAudit(police.db, record(1));
    await appendAudit(police.db, record(2));
    await witnessOnce(police.db, signer, witness.url);
    // A head for the police signed with a key that is not the police's is refused.
    const impostor = await serviceSigner({ ...(await generateServiceKeys(['police'])).privateKeys.police! });
    const forged = await impostor.sign({ seq: 3, hash: 'f'.repeat(64) }, WITNESS_AUDIENCE);
    refusedStatus = (await fetch(witness.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ statement: forged }) }))
      .status;
  } finally {
    await witness.close();
    await witnessDb.close();
    await police.close();
  }
}, 120_000);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// Each case runs `npm run audit:verify` as a process: give a loaded machine time.
describe('audit:verify with the witness’s heads', { timeout: 180_000 }, () => {
  it('refuses a head not signed by the subgraph’s own service key', () => {
    expect(refusedStatus).toBe(400);
  });

  it('reports an intact chain as matching the witnessed heads', async () => {
    const { code, stdout } = await auditVerify();
    expect(stdout).toMatch(/police\s+ok \(3 records, head seq 3 [0-9a-f]{16}…; matches 2 witnessed head\(s\), latest seq 3\)/);
    expect(code).toBe(0);
  });

  it('reports a chain rewritten by its database owner (trigger dropped, record edited, every hash recomputed, a forged record appended)', async () => {
    const police = await openDatabase({ schema: policeDb, migrationsFolder: policeMigrations, dataDir: join(dataDir, 'police') });
    try {
      await police.db.execute(sql`drop trigger audit_log_append_only on audit_log`);
      const rows: AuditRow[] = await police.db.select().from(auditLog).orderBy(asc(auditLog.seq));
      let prevHash = rows[0]!.prevHash;
      for (const row of rows) {
        const edited = { ...row, prevHash, purpose: row.seq === 2 ? 'CASE-2021-99' : row.purpose };
        const hash = auditHash(edited);
        await police.db.execute(sql`update audit_log set purpose = ${edited.purpose}, prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`);
        prevHash = hash;
      }
      const forged = { ...record(3), seq: 4, prevHash };
      await police.db
        .insert(auditLog)
        .overridingSystemValue()
        .values({ ...forged, hash: auditHash(forged) });
      // The chain alone cannot tell.
      expect(await verifyAuditChain(police.db)).toMatchObject({ ok: true, records: 4 });
    } finally {
      await police.close();
    }
    const { code, stdout } = await auditVerify();
    expect(stdout).toMatch(/police\s+BROKEN at seq 3: rewritten: the record at seq 3 is not the one the witness saw/);
    expect(code).toBe(1);
  });
});
