import { buildSubgraphSchema } from '@apollo/subgraph';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { startGateway, type RunningGateway } from '@nrm-hub/gateway';
import { subgraphSdl, subgraphTypeDefs } from '@nrm-hub/kit';
import { SAMPLE_IDS, type TestClaims } from '@nrm-hub/kit/testing';
import { schemaFile as cwSchema } from '@nrm-hub/child-welfare/server';
import { schemaFile as immSchema } from '@nrm-hub/immigration/server';
import { schemaFile as ngoSchema } from '@nrm-hub/ngo/server';
import { schemaFile as nrmSchema } from '@nrm-hub/nrm/server';
import { schemaFile as policeSchema } from '@nrm-hub/police/server';
import { readSupergraph } from '@nrm-hub/schema';
import { seedVictim, type SeededVictim } from '../security/seed.ts';
import { startHub, type Hub, type SubgraphName } from '../support/hub.ts';
import { rowCounter, type FuzzTarget, type KnownValues } from './schema-fuzzer.ts';

const SCHEMA_FILES: Record<SubgraphName, URL> = { nrm: nrmSchema, police: policeSchema, immigration: immSchema, 'child-welfare': cwSchema, ngo: ngoSchema };

/** A hub ready for fuzzing: its targets, callers, known values and a row counter over all five databases. */
export interface FuzzHub {
  hub: Hub;
  targets: FuzzTarget[];
  headers: Record<string, string>[];
  known: KnownValues;
  countRows: () => Promise<number>;
  vocabulary: string;
  stop(): Promise<void>;
}

/** Starts the hub in this process with a seeded victim, ready for fuzzing (`prepareFuzz`); `stop` stops it all. */
export async function startFuzzHub(): Promise<FuzzHub> {
  const hub = await startHub();
  const fuzz = await prepareFuzz(hub, await seedVictim(hub, 'fz'));
  return { ...fuzz, stop: async () => (await fuzz.stop(), await hub.stop()) };
}

/**
 * Fuzzing over a running hub with a seeded victim: a gateway with the rate
 * limit off (a fuzz run sends thousands of requests as one subject) and the
 * hub's subgraphs as targets, each with its own schema (`_entities`
 * included). `stop` closes that gateway only.
 */
export async function prepareFuzz(hub: Hub, seed: SeededVictim): Promise<FuzzHub> {
  const gateway: RunningGateway = await startGateway({
    port: 0,
    production: false,
    verifier: hub.issuer.verifier,
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])),
    rateLimit: { requests: 0 },
  });
  const subgraphSchemas = Object.fromEntries(
    (Object.keys(SCHEMA_FILES) as SubgraphName[]).map((name) => [name, buildSubgraphSchema({ typeDefs: subgraphTypeDefs(SCHEMA_FILES[name]) })]),
  ) as Record<SubgraphName, GraphQLSchema>;
  const targets: FuzzTarget[] = [
    { name: 'gateway', url: gateway.url, schema: buildSchema(readSupergraph()) },
    ...(Object.keys(subgraphSchemas) as SubgraphName[]).map((name) => ({ name, url: hub.subgraphs[name].url, schema: subgraphSchemas[name] })),
  ];
  const callers: (TestClaims | null)[] = [
    { sub: 'fuzz-coordinator', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' },
    { sub: 'fuzz-police', agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' },
    { sub: 'fuzz-udi', agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-17' },
    { sub: 'fuzz-cw', agency: 'child-welfare', roles: ['caseworker'], purpose: 'CASE-2021-17' },
    { sub: 'fuzz-ngo', agency: seed.organisation.agency, roles: ['worker'], purpose: 'CASE-2021-17' },
    null,
  ];
  // Tokens for an hour: a 10,000-input run takes minutes.
  const headers: Record<string, string>[] = await Promise.all(
    callers.map(async (c): Promise<Record<string, string>> => (c ? { authorization: `Bearer ${await hub.issuer.token({ ...c, expiresIn: '1h' })}` } : {})),
  );
  const known: KnownValues = {
    ids: [seed.victimId, seed.clientId, seed.policePersonId, seed.applicantId, seed.caseId, seed.organisation.id, ...Object.values(seed.consents)],
    strings: ['NO', 'RO', 'VN', 'CASE-2021-17', seed.investigationReference, SAMPLE_IDS.fodselsnummer, SAMPLE_IDS.duf, '2021-05-01', 'fuzz-key-0001', 'Oslo'],
  };
  const counters = await Promise.all(Object.values(hub.databases).map((d) => rowCounter(d)));
  const countRows = async () => (await Promise.all(counters.map((c) => c()))).reduce((a, b) => a + b, 0);
  const vocabulary = [readSupergraph(), ...Object.values(SCHEMA_FILES).map((f) => subgraphSdl(f))].join('\n');
  return {
    hub,
    targets,
    headers,
    known,
    countRows,
    vocabulary,
    async stop() {
      await gateway.close();
    },
  };
}
