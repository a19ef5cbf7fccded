/**
 * `npm run report -- --year 2021 [--previous 2020] [--out DIR] [--url URL]`:
 * asks the running hub's gateway (default http://localhost:$GATEWAY_PORT/graphql)
 * for the year's statistics as the NRM working group, so with the disclosure
 * control that role gets, and writes `report.md` and SVG charts to `--out`
 * (default `.data/reports/<year>`). The token comes from the development
 * issuer `npm start` keeps in `.data` (`HUB_DATA_DIR`); elsewhere pass one in
 * `STATISTICS_TOKEN`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devIssuer } from './dev-issuer.ts';
import { REPORT_QUERY, renderReport, type ReportFigures } from './report-render.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { year: { type: 'string' }, previous: { type: 'string' }, out: { type: 'string' }, url: { type: 'string' } } });
const year = Number(values.year);
const previous = values.previous ? Number(values.previous) : year - 1;
if (![year, previous].every((y) => Number.isInteger(y) && y >= 1990 && y <= 2100)) {
  console.error('Usage: npm run report -- --year 2021 [--previous 2020] [--out DIR] [--url URL]');
  process.exit(2);
}
const url = values.url ?? `http://localhost:${process.env.GATEWAY_PORT ?? '4000'}/graphql`;
const token =
  process.env.STATISTICS_TOKEN ??
  (await (await devIssuer(resolve(root, process.env.HUB_DATA_DIR ?? '.data'))).sign({ agency: 'nrm-working-group', roles: ['analyst'], ttl: '5m' }));
const res = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query: REPORT_QUERY, variables: { year, previous } }),
}).catch(() => null);
if (!res) {
  console.error(`No gateway at ${url}: start the hub (npm start) or pass --url.`);
  process.exit(2);
}
const body = (await res.json()) as { data?: { statistics: ReportFigures | null }; errors?: { message: string }[] };
if (!body.data?.statistics) {
  console.error(`The statistics query failed: ${(body.errors ?? []).map((e) => e.message).join('; ')}`);
  process.exit(1);
}
if (body.errors?.length) console.warn(`Some figures are missing: ${body.errors.map((e) => e.message).join('; ')}`);
const { markdown, charts } = renderReport(body.data.statistics);
const out = resolve(values.out ?? join(root, '.data', 'reports', String(year)));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'report.md'), markdown);
for (const [name, svg] of Object.entries(charts)) writeFileSync(join(out, name), svg);
console.log(`Report for ${year} (compared with ${previous}): ${join(out, 'report.md')} and ${Object.keys(charts).length} charts`);
