import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateServiceKeys } from '@nrm-hub/kit';
import { SUBGRAPHS } from '@nrm-hub/schema';
import { EXAMPLE_QUERY, loadDemoData } from './demo-data.ts';
import { devIssuer } from './dev-issuer.ts';
import { COMPILED, entryOf, startService, stopAll, waitReady, type Service } from './processes.ts';

const root = resolve(import.meta.dirname, '../..');
const dataDir = resolve(root, process.env.HUB_DATA_DIR ?? '.data');
mkdirSync(dataDir, { recursive: true });

/** A local linkage secret made on first start; agencies get it, the NRM never does. */
function devLinkageSecret(): string {
  if (process.env.LINKAGE_SECRET) return process.env.LINKAGE_SECRET;
  const file = join(dataDir, 'linkage-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * Each subgraph's service identity (an ES256 key pair, `kid` = its name), made on first start in
 * `<dataDir>/service-keys.json`: each subgraph gets only its own private key (`SERVICE_KEY`), the
 * NRM and the audit witness the public halves (`SERVICE_JWKS`).
 */
async function devServiceKeys(): Promise<Awaited<ReturnType<typeof generateServiceKeys>>> {
  const file = join(dataDir, 'service-keys.json');
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(await generateServiceKeys()), { mode: 0o600 });
  return JSON.parse(readFileSync(file, 'utf8')) as Awaited<ReturnType<typeof generateServiceKeys>>;
}

const services: Service[] = [];
let closeWeb: (() => Promise<void>) | undefined;
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nStopping NRM Hub...');
    await closeWeb?.().catch(() => {});
    await stopAll(services);
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  const linkageSecret = devLinkageSecret();
  // Local tokens come from a development issuer; every process gets its public key only.
  const issuer = await devIssuer(dataDir);
  const serviceKeys = await devServiceKeys();
  const env: Record<string, string> = { ...issuer.env };
  const serviceKey = (name: string) => ({ SERVICE_KEY: JSON.stringify(serviceKeys.privateKeys[name]) });
  for (const s of SUBGRAPHS) {
    env[`${s.envPrefix}_DATA_DIR`] = join(dataDir, s.name);
    env[`${s.envPrefix}_URL`] = `http://127.0.0.1:${process.env[`${s.envPrefix}_PORT`] ?? s.defaultPort}/graphql`;
  }
  // The audit witness first: every subgraph sends it signed heads of its audit chain.
  const witnessPort = process.env.AUDIT_WITNESS_PORT ?? '4006';
  env.AUDIT_WITNESS_URL = `http://127.0.0.1:${witnessPort}/heads`;
  const witness = startService('audit-witness', entryOf(join(root, 'scripts'), 'audit-witness'), {
    ...process.env,
    HUB_DATA_DIR: dataDir,
    AUDIT_WITNESS_PORT: witnessPort,
    SERVICE_JWKS: JSON.stringify(serviceKeys.jwks),
  });
  services.push(witness);
  await waitReady(witness, `http://127.0.0.1:${witnessPort}/health`);
  const [nrm, ...agencies] = SUBGRAPHS;
  // The NRM never gets the linkage secret, not even from the parent environment.
  const { LINKAGE_SECRET: _withheld, ...nrmEnv }: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    ...serviceKey('nrm'),
    SERVICE_JWKS: JSON.stringify(serviceKeys.jwks),
  };
  const nrmService = startService('nrm', entryOf(nrm!.workspace), nrmEnv);
  services.push(nrmService);
  await waitReady(nrmService, env.NRM_URL!.replace('/graphql', '/ready'));
  const started = agencies.map((s) => {
    const svc = startService(s.name, entryOf(s.workspace), {
      ...process.env,
      ...env,
      ...serviceKey(s.name),
      LINKAGE_SECRET: linkageSecret,
      NRM_URL: env.NRM_URL!,
    });
    services.push(svc);
    return { svc, ready: env[`${s.envPrefix}_URL`]!.replace('/graphql', '/ready') };
  });
  await Promise.all(started.map(({ svc, ready }) => waitReady(svc, ready)));
  const gatewayPort = process.env.GATEWAY_PORT ?? '4000';
  const marker = join(dataDir, 'demo-data-loaded');
  // The gateway reports itself ready only once the demo data has loaded (the marker exists): a client polling
  // /readiness never catches a half-loaded data set. Its /healthcheck answers as soon as it listens.
  const { LINKAGE_SECRET: _notForGateway, ...gatewayEnv }: NodeJS.ProcessEnv = { ...process.env, ...env, GATEWAY_READY_FILE: marker };
  const gateway = startService('gateway', entryOf(join(root, 'gateway')), gatewayEnv);
  services.push(gateway);
  await waitReady(gateway, `http://127.0.0.1:${gatewayPort}/healthcheck`);
  const gatewayUrl = `http://localhost:${gatewayPort}/graphql`;

  if (!existsSync(marker)) {
    console.log('Loading the synthetic demo data set through the gateway (first start only)...');
    const summary = await loadDemoData(gatewayUrl, (agency, roles) => issuer.sign({ agency, roles, purpose: 'DEMO-DATA-LOAD', ttl: '15m' }));
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    console.log(`Demo data loaded: ${summary}`);
  }
  await waitReady(gateway, `http://127.0.0.1:${gatewayPort}/readiness`);
  // The web app's dev server: proxies /graphql to the gateway and signs dev tokens for the chosen role.
  // Not in the compiled hub (`npm run start:prod`): there the app is static files (`npm run build -w web`) in front of the gateway.
  let webUrl = 'not started by the compiled hub (the app is built to web/dist; serve it beside the gateway)';
  if (!COMPILED) {
    const { startWebDevServer } = await import('./web-dev.ts');
    const web = await startWebDevServer({ port: Number(process.env.WEB_PORT ?? 5173), gatewayUrl, sign: (claims) => issuer.sign(claims) });
    closeWeb = () => web.server.close();
    webUrl = `${web.url}  (choose a role and a purpose to sign in)`;
  }
  const token = await issuer.sign({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' });
  console.log(`
NRM Hub is up.
  Web app:   ${webUrl}
  GraphiQL:  ${gatewayUrl}
  Dev token (coordinating unit, purpose CASE-2021-17, valid 8 hours); in GraphiQL's Headers tab:
    { "Authorization": "Bearer ${token}" }
  Other roles: npm run --silent token -- --agency police --role investigator --purpose CASE-2021-17
  Example query (paste into GraphiQL):
${EXAMPLE_QUERY.replace(/^/gm, '    ')}
Press Ctrl-C to stop.`);
} catch (error) {
  console.error(`Start failed: ${(error as Error).message}`);
  await shutdown(1);
}
