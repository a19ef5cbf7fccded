/**
 * Data for the federation benchmark: fresh Postgres databases for the five
 * subgraphs (filled through the hub's own mutations: the demo data set,
 * topped up to at least 100 victims), and one monolith database holding the
 * same rows, each subgraph's tables in a Postgres schema named after it.
 */
import { execFileSync } from 'node:child_process';
import postgres from 'postgres';
import { SUBGRAPHS, type SubgraphInfo } from '@nrm-hub/schema';
import { syntheticPerson, type Country } from '@nrm-hub/scripts/synthetic-people';
import { seededRandom } from '@nrm-hub/kit/runtime';

/** A database URL on the same server with another database name. */
export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether a Postgres server answers at `url` within a few seconds. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** (Re)creates empty databases `<prefix>_<name>` and returns their URLs. */
export async function freshDatabases<N extends string>(serverUrl: string, prefix: string, names: readonly N[]): Promise<Record<N, string>> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const urls = {} as Record<N, string>;
  try {
    for (const name of names) {
      const db = `${prefix}_${name.replace(/-/g, '_')}`;
      await admin.unsafe(`drop database if exists "${db}" with (force)`);
      await admin.unsafe(`create database "${db}"`);
      urls[name] = withDatabase(serverUrl, db);
    }
  } finally {
    await admin.end();
  }
  return urls;
}

/** Drops the databases again. */
export async function dropDatabases(serverUrl: string, urls: readonly string[]): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    for (const url of urls) await admin.unsafe(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
  } finally {
    await admin.end();
  }
}

type Post = (query: string, variables: Record<string, unknown>, token: string) => Promise<any>;

/** Registers extra synthetic people with the police until the NRM holds at least `target` victims. */
export async function topUpVictims(post: Post, policeToken: string, readToken: string, target: number): Promise<number> {
  const rnd = seededRandom(14);
  const countries: Country[] = ['RO', 'NG', 'BG', 'TH', 'VN', 'LT', 'AL', 'PL', 'UA', 'NO'];
  let n = 0;
  for (;;) {
    const data = await post(`query { victims(first: 500) { id } }`, {}, readToken);
    const count = (data.victims as unknown[]).length;
    if (count >= target) return count;
    for (let i = 0; i < target - count; i++, n++) {
      await post(
        `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { person { id } } }`,
        {
          i: {
            idempotencyKey: `bench-topup-${n}`,
            person: syntheticPerson(rnd, countries[n % countries.length]!, 1970, 2003),
            decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2021-09-01' },
          },
        },
        policeToken,
      );
    }
  }
}

/**
 * Copies every subgraph database's `public` schema (tables, rows, indexes,
 * triggers) into the monolith database as schema `<name>` (dashes as
 * underscores), with `pg_dump` and `psql`, and gives the monolith an empty
 * `public.audit_log` of the same shape for its own records.
 */
export function copyIntoMonolith(databaseUrls: Record<SubgraphInfo['name'], string>, monolithUrl: string): void {
  for (const s of SUBGRAPHS) {
    const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', '--schema=public', databaseUrls[s.name]], { maxBuffer: 512 * 1024 * 1024 });
    const schema = s.name.replace(/-/g, '_');
    // The dump creates `public`; restore it, then rename it out of the way for the next one.
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', monolithUrl, '-c', 'drop schema if exists public cascade;'], { stdio: 'pipe' });
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', monolithUrl], { input: dump, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', monolithUrl, '-c', `alter schema public rename to ${schema};`], { stdio: 'pipe' });
  }
  execFileSync(
    'psql',
    [
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      monolithUrl,
      '-c',
      'create schema public; create table public.audit_log (like nrm.audit_log including all); truncate public.audit_log;',
    ],
    { stdio: 'pipe' },
  );
}
