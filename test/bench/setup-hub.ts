/**
 * Brings up the benchmark's hub: fresh databases, the five subgraphs and the
 * gateway as separate processes, the demo data set loaded through the
 * gateway and topped up to `victims` victims, and a monolith database
 * holding the same rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateServiceKeys } from '@nrm-hub/kit';
import { SUBGRAPHS } from '@nrm-hub/schema';
import { loadDemoData } from '@nrm-hub/scripts/demo-data';
import { devIssuer } from '@nrm-hub/scripts/dev-issuer';
import { startGatewayProcess, startHubProcesses, stopProcess, waitFor, type HubLayout, type HubProcesses } from '../support/hub-processes.ts';
import { documentId, TRUSTED_DOCUMENTS_FILE } from '@nrm-hub/gateway/trusted-documents';
import { copyIntoMonolith, freshDatabases, topUpVictims } from './bench-data.ts';

export interface BenchHub {
  hub: HubProcesses;
  layout: HubLayout;
  issuer: Awaited<ReturnType<typeof devIssuer>>;
  databaseUrls: Record<string, string>;
  monolithUrl: string;
  victims: number;
}

export async function setUpBenchHub(options: {
  serverUrl: string;
  basePort: number;
  logDir: string;
  victims: number;
  nodeFlags?: (name: string) => string[];
  subgraphEnv?: Record<string, string>;
  /**
   * Documents to serve as trusted documents: once the data is loaded (through a development gateway, which takes
   * query text), the gateway is restarted as an operator runs it, `NODE_ENV=production`, trusted documents only,
   * with these added to the committed manifest. Without them the development gateway stays.
   */
  productionDocuments?: string[];
  /** Names of the databases: `<prefix>_<subgraph>` (`bench_i14` by default); two benches on one server need two prefixes. */
  databasePrefix?: string;
  /** `GATEWAY_QUERY_PLANNER` for the gateway process (`js` or `rust`); the gateway's default when absent. */
  queryPlanner?: string;
}): Promise<BenchHub> {
  const keyDir = mkdtempSync(join(tmpdir(), 'nrm-bench-key-'));
  const issuer = await devIssuer(keyDir);
  const names = [...SUBGRAPHS.map((s) => s.name), 'monolith'] as const;
  const urls = await freshDatabases(options.serverUrl, options.databasePrefix ?? 'bench_i14', names);
  const layout: HubLayout = {
    basePort: options.basePort,
    databaseUrls: urls,
    authEnv: issuer.env,
    linkageSecret: 'bench-linkage-secret-0123456789abcdef0123',
    serviceKeys: await generateServiceKeys(),
    logDir: options.logDir,
    // Benchmarks measure every request: no rate limit, no merging of identical subgraph requests.
    gatewayEnv: {
      GATEWAY_RATE_LIMIT: '0',
      GATEWAY_DEDUPLICATE_REQUESTS: 'false',
      ...(options.queryPlanner ? { GATEWAY_QUERY_PLANNER: options.queryPlanner } : {}),
    },
    nodeFlags: options.nodeFlags,
    subgraphEnv: { SUBGRAPH_RATE_LIMIT: '0', ...options.subgraphEnv },
  };
  const hub = await startHubProcesses(layout);
  const tokens = new Map<string, string>();
  const tokenFor = async (agency: string, roles: string[] = ['caseworker']) => {
    const key = `${agency}/${roles.join(',')}`;
    if (!tokens.has(key)) tokens.set(key, await issuer.sign({ agency, roles, purpose: 'BENCH-LOAD', ttl: '2h' }));
    return tokens.get(key)!;
  };
  try {
    return await fill();
  } catch (error) {
    await hub.stop();
    throw error;
  }
  async function fill(): Promise<BenchHub> {
    await loadDemoData(hub.gatewayUrl, tokenFor);
    const post = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`bench setup: ${body.errors.map((e) => e.message).join('; ')}`);
      return body.data;
    };
    const victims = await topUpVictims(post, await tokenFor('police'), await tokenFor('coordinating-unit'), options.victims);
    copyIntoMonolith(urls, urls.monolith);
    if (options.productionDocuments) {
      const manifest = JSON.parse(readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8')) as Record<string, string>;
      for (const d of options.productionDocuments) manifest[documentId(d)] = d;
      const file = join(keyDir, 'trusted-documents.json');
      writeFileSync(file, JSON.stringify(manifest));
      await stopProcess(hub.processes.get('gateway')!);
      const production = { ...layout, gatewayEnv: { ...layout.gatewayEnv, NODE_ENV: 'production', GATEWAY_TRUSTED_DOCUMENTS: file } };
      const gateway = startGatewayProcess(production);
      hub.processes.set('gateway', gateway);
      await waitFor(`http://127.0.0.1:${options.basePort}/readiness`, gateway);
    }
    return { hub, layout, issuer, databaseUrls: urls, monolithUrl: urls.monolith, victims };
  }
}
