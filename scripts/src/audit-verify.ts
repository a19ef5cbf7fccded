/**
 * `npm run audit:verify`: walks each subgraph's audit log in `seq` order,
 * recomputing every hash, and reports per subgraph `ok (N records)` or the
 * first broken record and why (changed, removed, reordered). Exit code 1 on
 * any break, 2 when a log could not be checked, else 0.
 *
 * Databases: `<PREFIX>_DATABASE_URL` when set, else the PGlite folder
 * `npm start` uses (`<PREFIX>_DATA_DIR`, or `$HUB_DATA_DIR/<name>`, default
 * `.data/<name>`). Only one process may open a PGlite folder: stop the hub
 * first. The tool opens the databases read-only in effect: no migrations.
 *
 * Witnessed heads: each chain is also checked against every head the audit
 * witness holds for it (`AUDIT_WITNESS_DATABASE_URL`, else the PGlite folder
 * `AUDIT_WITNESS_DATA_DIR` or `$HUB_DATA_DIR/audit-witness`). A chain that
 * verifies on its own but no longer holds a witnessed hash at a witnessed
 * `seq` was rewritten (`BROKEN ... rewritten`); one that lost a witnessed
 * record was cut (`removed`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { auditLog, checkAgainstWitness, openDatabase, verifyAuditChain, witnessedHeads, type AuditVerification, type WitnessedHead } from '@nrm-hub/kit';
import { SUBGRAPHS, type SubgraphInfo } from '@nrm-hub/schema';

const root = resolve(import.meta.dirname, '../..');
const env = process.env;

type Outcome = { kind: 'ok' | 'broken' | 'unchecked' | 'absent'; line: string };

/** True when anything answers on the subgraph's port: most likely the hub, so its PGlite folder is in use. */
async function isRunning(s: SubgraphInfo): Promise<boolean> {
  const port = env[`${s.envPrefix}_PORT`] ?? String(s.defaultPort);
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}

/** The witness's heads by subgraph, or null when there is no witness database. */
async function loadWitnessedHeads(): Promise<Map<string, WitnessedHead[]> | null> {
  const url = env.AUDIT_WITNESS_DATABASE_URL || undefined;
  const dataDir = url ? undefined : resolve(env.AUDIT_WITNESS_DATA_DIR ?? resolve(root, env.HUB_DATA_DIR ?? '.data', 'audit-witness'));
  if (dataDir && !existsSync(dataDir)) return null;
  const database = await openDatabase({ schema: {}, migrationsFolder: '', url, dataDir, migrate: false, maxConnections: 1 });
  try {
    const probe = await database.db.execute(sql`select to_regclass('audit_witness_heads') is not null as present`);
    const [row] = (Array.isArray(probe) ? probe : (probe as { rows: unknown[] }).rows) as { present: boolean }[];
    if (!row?.present) return null;
    const heads = new Map<string, WitnessedHead[]>();
    for (const s of SUBGRAPHS) heads.set(s.name, await witnessedHeads(database.db, s.name));
    return heads;
  } finally {
    await database.close();
  }
}

let witness: Map<string, WitnessedHead[]> | null = null;

function describe(result: AuditVerification, witnessed: Awaited<ReturnType<typeof checkAgainstWitness>> | null): Outcome {
  if (result.ok) {
    if (witnessed && !witnessed.ok)
      return {
        kind: 'broken',
        line: `BROKEN at seq ${witnessed.seq}: ${witnessed.reason}: ${witnessed.detail} (the chain itself links up: it was recomputed)`,
      };
    const head = result.head ? `, head seq ${result.head.seq} ${result.head.hash.slice(0, 16)}…` : '';
    const seen =
      witnessed === null
        ? '; no witness'
        : witnessed.heads === 0
          ? '; no witnessed head yet'
          : `; matches ${witnessed.heads} witnessed head(s), latest seq ${witnessed.latest}`;
    return { kind: 'ok', line: `ok (${result.records} records${head}${seen})` };
  }
  return { kind: 'broken', line: `BROKEN at seq ${result.seq}: ${result.reason}: ${result.detail} (${result.records} records verified before it)` };
}

async function verifySubgraph(s: SubgraphInfo): Promise<Outcome> {
  const url = env[`${s.envPrefix}_DATABASE_URL`];
  const dataDir = url
    ? undefined
    : env[`${s.envPrefix}_DATA_DIR`]
      ? resolve(env[`${s.envPrefix}_DATA_DIR`] as string)
      : resolve(root, env.HUB_DATA_DIR ?? '.data', s.name);
  if (dataDir && !existsSync(dataDir)) return { kind: 'absent', line: `no database at ${dataDir} (never started)` };
  if (dataDir && (await isRunning(s))) {
    return { kind: 'unchecked', line: `not checked: the ${s.name} subgraph is running on its PGlite folder; stop the hub first` };
  }
  let database: Awaited<ReturnType<typeof openDatabase<{ auditLog: typeof auditLog }>>> | undefined;
  try {
    database = await openDatabase({ schema: { auditLog }, migrationsFolder: '', url, dataDir, migrate: false, maxConnections: 1 });
    const probe = await database.db.execute(sql`select to_regclass('audit_log') is not null as present`);
    const [row] = (Array.isArray(probe) ? probe : (probe as { rows: unknown[] }).rows) as { present: boolean }[];
    if (!row?.present) return { kind: 'absent', line: 'no audit log yet (start the hub once to migrate)' };
    const heads = witness?.get(s.name);
    return describe(await verifyAuditChain(database.db), heads ? await checkAgainstWitness(database.db, heads) : null);
  } catch (error) {
    // Name the failure, not the driver's message: it can quote values.
    const code = (error as { code?: unknown }).code;
    return { kind: 'unchecked', line: `not checked: ${(error as Error)?.name ?? 'Error'}${typeof code === 'string' ? ` (${code})` : ''}` };
  } finally {
    await database?.close();
  }
}

console.log('Verifying the audit logs (PGlite folders: the hub must be stopped; only one process may open one).');
try {
  witness = await loadWitnessedHeads();
} catch (error) {
  console.log(`  audit witness not read: ${(error as Error)?.name ?? 'Error'}`);
  process.exit(2);
}
console.log(
  witness ? 'Checking each chain against the audit witness’s signed heads too.' : 'No audit witness database found: chains checked on their own only.',
);
const outcomes: Outcome[] = [];
for (const s of SUBGRAPHS) {
  const outcome = await verifySubgraph(s);
  outcomes.push(outcome);
  console.log(`  ${s.name.padEnd(14)} ${outcome.line}`);
}
const broken = outcomes.filter((o) => o.kind === 'broken').length;
const unchecked = outcomes.filter((o) => o.kind === 'unchecked').length;
if (broken > 0) {
  console.log(`${broken} audit log(s) broken.`);
  process.exit(1);
}
if (unchecked > 0) {
  console.log(`${unchecked} audit log(s) could not be checked.`);
  process.exit(2);
}
const verified = outcomes.filter((o) => o.kind === 'ok').length;
console.log(verified > 0 ? `${verified} audit log(s) verified.` : 'No audit log to verify.');
