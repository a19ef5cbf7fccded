/**
 * `npm run export:htcds -- --year 2021 [--k 11] [--out DIR]`: writes the
 * year's deduplicated case data, one row per person, as HTCDS 2.0 CSV and
 * JSON (`htcds-<year>.csv`, `htcds-<year>.json` in `--out`, default
 * `.data/exports`), k-anonymised for release outside the hub (`htcds.ts`).
 *
 * It reads the NRM's database: `NRM_DATABASE_URL` when set, else the PGlite
 * folder `npm start` uses (`NRM_DATA_DIR`, or `$HUB_DATA_DIR/nrm`, default
 * `.data/nrm`; stop the hub first, only one process may open it). The NRM
 * holds no names, dates or identity numbers, and the export carries no ids.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@nrm-hub/kit';
import { personRecords } from '@nrm-hub/nrm/statistics';
import { kAnonymise, toCsv, toHtcdsRow, toJson } from './htcds.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { year: { type: 'string' }, k: { type: 'string', default: '11' }, out: { type: 'string' } } });
const year = Number(values.year);
const k = Number(values.k);
if (!Number.isInteger(year) || year < 1990 || year > 2100) {
  console.error('Usage: npm run export:htcds -- --year 2021 [--k 11] [--out DIR]  (--year must be a year from 1990 to 2100)');
  process.exit(2);
}
if (!Number.isInteger(k) || k < 2) {
  console.error('--k must be an integer of at least 2');
  process.exit(2);
}
const url = process.env.NRM_DATABASE_URL;
const dataDir = url ? undefined : resolve(process.env.NRM_DATA_DIR ?? join(root, process.env.HUB_DATA_DIR ?? '.data', 'nrm'));
if (dataDir && !existsSync(dataDir)) {
  console.error(`No NRM database at ${dataDir}: start the hub once (npm start), then stop it.`);
  process.exit(2);
}
const database = await openDatabase({ schema: {}, migrationsFolder: '', url, dataDir, migrate: false, maxConnections: 1 });
try {
  const persons = await personRecords(database.db as never, year);
  const result = kAnonymise(
    persons.map((p) => toHtcdsRow(p, year)),
    k,
  );
  const out = resolve(values.out ?? join(root, '.data', 'exports'));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `htcds-${year}.csv`), toCsv(result.rows));
  writeFileSync(join(out, `htcds-${year}.json`), toJson(result, year, k));
  console.log(
    `HTCDS ${year}: ${persons.length} persons, ${result.rows.length} rows exported with k = ${k} ` +
      `(${result.generalisedValues} values generalised, ${result.suppressedRows} rows left out) to ${join(out, `htcds-${year}.{csv,json}`)}`,
  );
} finally {
  await database.close();
}
