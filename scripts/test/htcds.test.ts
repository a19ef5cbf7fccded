import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@nrm-hub/kit/runtime';
import { classKey, HTCDS_CODES, HTCDS_COLUMNS, kAnonymise, toCsv, toHtcdsRow, type HtcdsSource } from '../src/htcds.ts';

/** A synthetic population with rare combinations: a few children, rare countries, rare exploitation types. */
function population(n: number, seed = 11): HtcdsSource[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    status: pick(['POSSIBLE', 'POSSIBLE', 'ACTUAL']),
    decidedBy: pick(['NGO', 'POLICE', 'NON_POLICE_GOVERNMENT']),
    gender: rnd() < 0.8 ? 'FEMININE' : 'MASCULINE',
    age: i % 40 === 0 ? 16 : 18 + Math.floor(rnd() * 40),
    country: pick(['RO', 'RO', 'NG', 'NG', 'BG', 'NO', 'TH', 'VN', 'LT', 'AL', 'PL', 'UA', 'ER']),
    exploitationTypes: i % 17 === 0 ? ['FORCED_CRIMINALITY', 'FORCED_LABOUR'] : [pick(['SEXUAL_EXPLOITATION', 'SEXUAL_EXPLOITATION', 'FORCED_LABOUR'])],
    agencies: pick(['NGO', 'NGO', 'NGO+POLICE', 'IMMIGRATION+NGO', 'POLICE']),
  }));
}

describe('the HTCDS export', () => {
  it('writes exactly the columns the README documents, in order', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('National statistics'));
    expect(section, 'README.md has a "National statistics" section').toBeDefined();
    const documented = [...section!.matchAll(/^\| `([a-z]+_[A-Za-z]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(HTCDS_COLUMNS.map((c) => c.name));
    expect(toCsv([]).trim()).toBe(HTCDS_COLUMNS.map((c) => c.name).join(','));
  });

  it('maps the hub’s codes to HTCDS 2.0 code values', () => {
    const row = toHtcdsRow(
      {
        status: 'ACTUAL',
        decidedBy: 'NON_POLICE_GOVERNMENT',
        gender: 'UNKNOWN',
        age: 16,
        country: 'VN',
        exploitationTypes: ['FORCED_CRIMINALITY', 'FORCED_LABOUR'],
        agencies: 'CHILD_WELFARE+POLICE',
      },
      2021,
    );
    expect(row).toEqual({
      nrm_Year: '2021',
      prs_Gender: 'NonSpecifiedUnknown',
      nrm_AgeBand: '9-17',
      prs_Citizenship: 'VN',
      vic_TraffickingStatus: 'ActualVictimOfTrafficking',
      vic_TraffickingStatusDecisionMakingOrg: 'NonPoliceGovernmentalOrganization',
      vic_TypeOfExploitation: 'ForcedLabour;Other',
      nrm_RegisteringAgencies: 'ChildWelfare;Police',
    });
  });

  it.each([11, 5, 20])('leaves no row whose quasi-identifiers fewer than k = %i persons share', (k) => {
    const rows = population(300).map((p) => toHtcdsRow(p, 2021));
    const before = new Map<string, number>();
    for (const r of rows) before.set(classKey(r), (before.get(classKey(r)) ?? 0) + 1);
    expect([...before.values()].some((n) => n < k)).toBe(true); // the raw data does have rare combinations
    const result = kAnonymise(rows, k);
    const sizes = new Map<string, number>();
    for (const r of result.rows) sizes.set(classKey(r), (sizes.get(classKey(r)) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(k);
    expect(result.rows.length + result.suppressedRows).toBe(300);
    expect(result.rows.length).toBeGreaterThan(250); // generalisation, not deletion, does most of the work
    expect(result.generalisedValues).toBeGreaterThan(0);
  });

  it('keeps every exported value within the documented codes', () => {
    const result = kAnonymise(
      population(200, 5).map((p) => toHtcdsRow(p, 2021)),
      11,
    );
    const allowed = (codes: Record<string, string>) => new Set(['', ...Object.values(codes)]);
    for (const r of result.rows) {
      expect(allowed(HTCDS_CODES.prs_Gender).has(r.prs_Gender)).toBe(true);
      expect(allowed(HTCDS_CODES.vic_TraffickingStatus).has(r.vic_TraffickingStatus)).toBe(true);
      for (const t of r.vic_TypeOfExploitation.split(';')) expect(allowed(HTCDS_CODES.vic_TypeOfExploitation).has(t)).toBe(true);
      expect(r.prs_Citizenship).toMatch(/^([A-Z]{2}|EEA|NON_EEA|)$/);
      expect(r.nrm_AgeBand).toMatch(/^(0-8|9-17|18-20|21-23|24-26|27-29|30-38|39-47|48\+|0-17|18\+|)$/);
    }
  });
});
