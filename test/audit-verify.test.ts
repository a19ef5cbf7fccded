import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, openDatabase } from '@nrm-hub/kit';
import * as ngoDb from '@nrm-hub/ngo/db';
import { migrationsFolder as ngoMigrations } from '@nrm-hub/ngo/server';
import * as policeDb from '@nrm-hub/police/db';
import { migrationsFolder as policeMigrations } from '@nrm-hub/police/server';

const root = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'nrm-audit-verify-'));

/** Runs `npm run audit:verify` against the PGlite folders in `dataDir`, with no subgraph ports in use. */
async function auditVerify(): Promise<{ code: number; stdout: string }> {
  const env: Record<string, string | undefined> = { ...process.env, HUB_DATA_DIR: dataDir };
  for (const prefix of ['NRM', 'POLICE', 'IMMIGRATION', 'CHILD_WELFARE', 'NGO']) {
    env[`${prefix}_DATABASE_URL`] = undefined;
    env[`${prefix}_DATA_DIR`] = undefined;
    env[`${prefix}_PORT`] = '1'; // nothing listens there: the hub counts as stopped
  }
  try {
    const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/src/audit-verify.ts')], { cwd: root, env });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

async function seed(name: string, schema: Record<string, unknown>, migrationsFolder: string): Promise<void> {
  const database = await openDatabase({ schema, migrationsFolder, dataDir: join(dataDir, name) });
  for (let i = 0; i < 3; i++) {
    await appendAudit(database.db, {
      at: new Date(Date.UTC(2021, 2, 1, 9, i)),
      requestId: `seed-${i}`,
      subject: 'test-user-police',
      agency: 'police',
      roles: ['investigator'],
      purpose: 'CASE-2021-17',
      operation: null,
      victimIds: ['11111111-1111-4111-8111-111111111111'],
      fields: ['PolicePerson.givenNames'],
    });
  }
  await database.close();
}

beforeAll(async () => {
  await seed('police', policeDb, policeMigrations);
  await seed('ngo', ngoDb, ngoMigrations);
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run audit:verify', () => {
  it('reports each intact log as ok and a subgraph never started as absent, exiting 0', async () => {
    const { code, stdout } = await auditVerify();
    expect(code).toBe(0);
    expect(stdout).toMatch(/police\s+ok \(3 records/);
    expect(stdout).toMatch(/ngo\s+ok \(3 records/);
    expect(stdout).toMatch(/nrm\s+no database/);
    expect(stdout).toContain('the hub must be stopped');
  });

  it('reports a tampered log with the broken seq and the reason, exiting 1', async () => {
    const database = await openDatabase({ schema: policeDb, migrationsFolder: policeMigrations, dataDir: join(dataDir, 'police') });
    await database.db.execute(sql`drop trigger audit_log_append_only on audit_log`);
    await database.db.execute(sql`update audit_log set purpose = 'CASE-2021-99' where seq = 2`);
    await database.close();
    const { code, stdout } = await auditVerify();
    expect(code).toBe(1);
    expect(stdout).toMatch(/police\s+BROKEN at seq 2: changed/);
    expect(stdout).toMatch(/ngo\s+ok \(3 records/);
  });
});
