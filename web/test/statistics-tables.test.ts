import { describe, expect, it } from 'vitest';
import { pollInterval } from '../src/config.ts';
import { statisticsCsv, statisticsTables, type Figures } from '../src/pages/statistics-tables.ts';

const cell = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

function figures(year: number, over: Partial<Figures> = {}): Figures {
  return {
    year,
    registrations: cell(120),
    duplicates: cell(20),
    persons: { count: cell(100), lowerBound: cell(98), upperBound: cell(100), openLinkReviews: cell(2) },
    byRegisteringAgency: [{ agency: 'NGO', registrations: cell(90), persons: cell(82), duplicates: cell(8) }],
    identifiedBy: [
      {
        sector: 'GOVERNMENT',
        persons: cell(30),
        byAgeGroup: [
          { key: 'CHILD', count: hidden },
          { key: 'ADULT', count: hidden },
        ],
      },
    ],
    personsByStatus: [],
    personsByExploitation: [{ key: 'FORCED_LABOUR', count: cell(40) }],
    personsByGender: [],
    personsByAgeGroup: [],
    personsByCitizenshipArea: [],
    personsByCitizenship: [],
    immigration: { reflectionPeriods: cell(8), residencePermitsByKind: [] },
    childWelfare: { childVictimsAssisted: hidden },
    police: null,
    ngo: null,
    ...over,
  };
}

describe('the statistics page’s tables', () => {
  it('puts both years side by side, keeping rows only the earlier year had', () => {
    const tables = statisticsTables(
      figures(2021),
      figures(2020, {
        personsByExploitation: [
          { key: 'FORCED_BEGGING', count: cell(6) },
          { key: 'FORCED_LABOUR', count: cell(33) },
        ],
      }),
    );
    const exploitation = tables.find((t) => t.id === 'exploitation')!;
    expect(exploitation.rows.map((r) => [r.key, r.cells.persons])).toEqual([
      ['FORCED_LABOUR', [cell(40), cell(33)]],
      ['FORCED_BEGGING', [null, cell(6)]],
    ]);
    const overview = tables.find((t) => t.id === 'overview')!;
    expect(overview.rows.map((r) => r.key)).toEqual(['persons', 'registrations', 'duplicates']);
    expect(tables.find((t) => t.id === 'byAgency')!.series).toEqual(['registrations', 'persons', 'duplicates']);
  });

  it('writes suppressed cells as "suppressed" in the CSV, never 0, and a year without the row as empty', () => {
    const tables = statisticsTables(figures(2021), figures(2020, { childWelfare: { childVictimsAssisted: cell(0) }, personsByExploitation: [] }));
    const csv = statisticsCsv(tables, 2021, 2020, (r) => ('message' in r.label ? r.label.message : r.label.codes.join(': ')));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('table,series,key,label,2021,2020');
    expect(lines).toContain('agencyFigures,count,childVictimsAssisted,stats.row.childVictimsAssisted,suppressed,0');
    expect(lines).toContain('identifiedBy,persons,GOVERNMENT.CHILD,GOVERNMENT: CHILD,suppressed,suppressed');
    expect(lines).toContain('exploitation,persons,FORCED_LABOUR,FORCED_LABOUR,40,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes CSV fields with commas or quotes', () => {
    const tables = statisticsTables(figures(2021), null);
    const csv = statisticsCsv(tables, 2021, 2020, () => 'Persons, "all"');
    expect(csv.split('\r\n')[1]).toBe('overview,count,persons,"Persons, ""all""",100,');
  });
});

describe('the polling interval', () => {
  it('defaults to 15 s and stays between 1 s and 10 minutes', () => {
    const config = { gatewayUrl: '/graphql', auth: { mode: 'dev' as const } };
    expect(pollInterval(config)).toBe(15_000);
    expect(pollInterval({ ...config, pollIntervalMs: 5000 })).toBe(5000);
    expect(pollInterval({ ...config, pollIntervalMs: 10 })).toBe(1000);
    expect(pollInterval({ ...config, pollIntervalMs: 10_000_000 })).toBe(600_000);
    expect(pollInterval({ ...config, pollIntervalMs: Number.NaN })).toBe(15_000);
  });
});
