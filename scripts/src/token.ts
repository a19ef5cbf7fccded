import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devIssuer } from './dev-issuer.ts';

/**
 * Prints a development token:
 *   npm run --silent token -- --agency police --role investigator --purpose CASE-2021-17
 * Agencies: police, immigration, child-welfare, ngo:<organisation-code>,
 * coordinating-unit, nrm-working-group, data-protection.
 */
const { values } = parseArgs({
  options: {
    agency: { type: 'string' },
    role: { type: 'string', multiple: true },
    purpose: { type: 'string' },
    sub: { type: 'string' },
    ttl: { type: 'string', default: '8h' },
  },
});
if (!values.agency) {
  console.error('Usage: npm run --silent token -- --agency <agency> --role <role> [--purpose <case reference>] [--sub <subject>] [--ttl 8h]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '../..');
const issuer = await devIssuer(resolve(root, process.env.HUB_DATA_DIR ?? '.data'));
console.log(
  await issuer.sign({ agency: values.agency, roles: values.role ?? ['caseworker'], purpose: values.purpose ?? null, sub: values.sub, ttl: values.ttl }),
);
