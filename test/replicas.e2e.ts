/**
 * Replicas that stay correct: two gateways, each in front of its own replica
 * of the NRM and of the police subgraph (two servers, two connection pools
 * on the same database, as two replica processes would have). Registrations
 * of one person arriving together through different replicas must make one
 * victim: the NRM serialises matching with a Postgres advisory lock held in
 * the registration's transaction, not with anything process-local.
 *
 * On Postgres (TEST_DATABASE_URL) each replica has its own pool. On embedded
 * PGlite there is one connection that both replicas share (PGlite cannot be
 * opened twice), so the race is narrower; the test still runs.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpNrmClient, listen, openDatabase, type Database, type RunningServer } from '@nrm-hub/kit';
import { testIssuer } from '@nrm-hub/kit/testing';
import { startGateway, type RunningGateway } from '@nrm-hub/gateway';
import * as nrmContext from '@nrm-hub/nrm/context';
import * as nrmDb from '@nrm-hub/nrm/db';
import * as nrmServer from '@nrm-hub/nrm/server';
import * as policeContext from '@nrm-hub/police/context';
import * as policeDb from '@nrm-hub/police/db';
import * as policeServer from '@nrm-hub/police/server';
import { TEST_LINKAGE_SECRET } from './support/hub.ts';

const SERVER = process.env.TEST_DATABASE_URL;
const created: string[] = [];

/** Opens `n` handles (pools) on one fresh migrated database: on TEST_DATABASE_URL's server, else one shared in-memory PGlite. */
async function replicaDatabases<T extends Record<string, unknown>>(schema: T, migrationsFolder: string, n: number): Promise<Database<T>[]> {
  if (!SERVER) {
    const one = await openDatabase({ schema, migrationsFolder });
    return Array.from({ length: n }, () => one);
  }
  const name = `nrm_test_replica_${randomBytes(5).toString('hex')}`;
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  created.push(name);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const handles: Database<T>[] = [];
  for (let i = 0; i < n; i++) handles.push(await openDatabase({ schema, migrationsFolder, url: url.toString(), maxConnections: 4, migrate: i === 0 }));
  return handles;
}

let issuer: Awaited<ReturnType<typeof testIssuer>>;
let nrmDbs: Database<typeof nrmDb>[];
let policeDbs: Database<typeof policeDb>[];
const servers: RunningServer[] = [];
const gateways: RunningGateway[] = [];

beforeAll(async () => {
  issuer = await testIssuer();
  nrmDbs = await replicaDatabases(nrmDb, nrmServer.migrationsFolder, 2);
  policeDbs = await replicaDatabases(policeDb, policeServer.migrationsFolder, 2);
  for (let r = 0; r < 2; r++) {
    const nrm = await listen({
      server: nrmServer.createServer(),
      port: 0,
      context: nrmContext.contextFactory({ verifier: issuer.verifier, serviceVerifier: issuer.serviceVerifier })(nrmDbs[r]!.db),
    });
    const police = await listen({
      server: policeServer.createServer(),
      port: 0,
      context: policeContext.contextFactory({
        nrm: httpNrmClient(nrm.url, issuer.serviceSigner('police')),
        linkageSecret: TEST_LINKAGE_SECRET,
        verifier: issuer.verifier,
      })(policeDbs[r]!.db),
    });
    servers.push(nrm, police);
    // The other subgraphs are not asked by these operations.
    const unused = (port: number) => `http://127.0.0.1:${port}/graphql`;
    gateways.push(
      await startGateway({
        port: 0,
        production: false,
        verifier: issuer.verifier,
        rateLimit: { requests: 0 },
        subgraphUrls: { nrm: nrm.url, police: police.url, immigration: unused(9), 'child-welfare': unused(10), ngo: unused(11) },
      }),
    );
  }
});

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await Promise.all(servers.map((s) => s.close()));
  const all = [...new Set([...nrmDbs, ...policeDbs])];
  await Promise.all(all.map((d) => d.close()));
  if (SERVER && created.length) {
    const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
    for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

const REGISTER = `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId matchedExisting replayed } person { id } } }`;

async function register(gateway: RunningGateway, key: string, givenNames: string, familyName: string) {
  const token = await issuer.token({ agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' });
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: REGISTER,
      variables: {
        i: {
          idempotencyKey: key,
          person: {
            givenNames,
            familyName,
            birthDate: '1991-03-14',
            gender: 'FEMININE',
            citizenships: ['RO'],
            identifiers: [{ type: 'PASSPORT', value: `RO${familyName.length}4417`, issuingCountry: 'RO' }],
          },
          decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'] },
        },
      },
    }),
  });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
  return body.data.policeRegisterPotentialVictim as { outcome: { victimId: string; matchedExisting: boolean; replayed: boolean }; person: { id: string } };
}

const count = async (db: Database<Record<string, unknown>>, table: string) => {
  const result = (await db.db.execute(`select count(*)::int as n from ${table}` as never)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as { n: number }[];
  return Number(rows[0]!.n);
};

describe('two replicas of every subgraph involved and of the gateway', () => {
  it('concurrent registrations of one person through different replicas (different keys) make one victim', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => register(gateways[i % 2]!, `replica-same-person-${i}`, 'Andreea', 'Replicaescu')));
    expect(new Set(results.map((r) => r.outcome.victimId)).size).toBe(1);
    expect(results.filter((r) => !r.outcome.matchedExisting)).toHaveLength(1);
    expect(await count(nrmDbs[0] as never, 'victims')).toBe(1);
    expect(await count(nrmDbs[0] as never, 'registrations')).toBe(6);
  });

  it('the same registration retried through both replicas at once (one key) is stored once', async () => {
    const before = await count(policeDbs[0] as never, 'persons');
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => register(gateways[i % 2]!, 'replica-retry-key', 'Mihaela', 'Retryescu')));
    expect(new Set(results.map((r) => r.person.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.outcome.victimId)).size).toBe(1);
    expect(await count(policeDbs[0] as never, 'persons')).toBe(before + 1);
  });
});
