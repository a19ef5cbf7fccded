/**
 * The statistics answer as tables of two years: what the page draws (a chart
 * and a table each) and what the CSV holds. Pure, so unit-tested
 * (web/test/statistics-tables.test.ts).
 */

/** One figure: a value, or suppressed by disclosure control (value null). */
export interface Cell {
  value?: number | null;
  suppressed: boolean;
}

interface Row {
  key: string;
  count: Cell;
}

/** The part of the statistics answer the tables read (the page's query gives more than this). */
export interface Figures {
  year: number;
  registrations: Cell;
  duplicates: Cell;
  persons: { count: Cell; lowerBound: Cell; upperBound: Cell; openLinkReviews: Cell };
  byRegisteringAgency: readonly { agency: string; registrations: Cell; persons: Cell; duplicates: Cell }[];
  identifiedBy: readonly { sector: string; persons: Cell; byAgeGroup: readonly Row[] }[];
  personsByStatus: readonly Row[];
  personsByExploitation: readonly Row[];
  personsByGender: readonly Row[];
  personsByAgeGroup: readonly Row[];
  personsByCitizenshipArea: readonly Row[];
  personsByCitizenship: readonly Row[];
  police?: { victimsPaidCompensation: Cell; compensationPaidNok: Cell; victimsInCustodyOrPrison: Cell } | null;
  immigration?: { reflectionPeriods: Cell; residencePermitsByKind: readonly Row[] } | null;
  childWelfare?: { childVictimsAssisted: Cell } | null;
  ngo?: { personsAssisted: Cell } | null;
}

/** A row's label: code-list values (joined), or a message key. */
export type RowLabel = { codes: string[] } | { message: string };

export interface StatRow {
  key: string;
  label: RowLabel;
  /** Per series: [this year, the year before]; null when the year has no such row. */
  cells: Record<string, [Cell | null, Cell | null]>;
}

export interface StatTable {
  id: string;
  /** Series ids (one column group and one pair of bars each). */
  series: string[];
  rows: StatRow[];
  /** Whether a chart is drawn (not for tables mixing units, or long country lists). */
  chart: boolean;
}

type Pick = (f: Figures) => readonly { key: string; label: RowLabel; cells: Record<string, Cell> }[];

/** A table of both years: the rows of this year in the API's order, then rows only the year before had. */
function table(id: string, series: string[], now: Figures, before: Figures | null, pick: Pick, chart = true): StatTable {
  const a = pick(now);
  const b = before ? pick(before) : [];
  const keys = [...new Set([...a.map((r) => r.key), ...b.map((r) => r.key)])];
  const rows = keys.map((key) => {
    const x = a.find((r) => r.key === key);
    const y = b.find((r) => r.key === key);
    const cells: Record<string, [Cell | null, Cell | null]> = {};
    for (const s of series) cells[s] = [x?.cells[s] ?? null, y?.cells[s] ?? null];
    return { key, label: (x ?? y)!.label, cells };
  });
  return { id, series, rows, chart };
}

const rowsOf = (rows: readonly Row[]) => rows.map((r) => ({ key: r.key, label: { codes: [r.key] }, cells: { persons: r.count } }));
const message = (key: string) => ({ message: `stats.row.${key}` });

/** Every table of the page, in the order it shows them. */
export function statisticsTables(now: Figures, before: Figures | null): StatTable[] {
  return [
    table('overview', ['count'], now, before, (f) => [
      { key: 'persons', label: message('persons'), cells: { count: f.persons.count } },
      { key: 'registrations', label: message('registrations'), cells: { count: f.registrations } },
      { key: 'duplicates', label: message('duplicates'), cells: { count: f.duplicates } },
    ]),
    table('byAgency', ['registrations', 'persons', 'duplicates'], now, before, (f) =>
      f.byRegisteringAgency.map((r) => ({
        key: r.agency,
        label: { codes: [r.agency] },
        cells: { registrations: r.registrations, persons: r.persons, duplicates: r.duplicates },
      })),
    ),
    table('exploitation', ['persons'], now, before, (f) => rowsOf(f.personsByExploitation)),
    table('gender', ['persons'], now, before, (f) => rowsOf(f.personsByGender)),
    table('ageGroup', ['persons'], now, before, (f) => rowsOf(f.personsByAgeGroup)),
    table('citizenshipArea', ['persons'], now, before, (f) => rowsOf(f.personsByCitizenshipArea)),
    table('citizenship', ['persons'], now, before, (f) => rowsOf(f.personsByCitizenship), false),
    table('status', ['persons'], now, before, (f) => rowsOf(f.personsByStatus)),
    table('identifiedBy', ['persons'], now, before, (f) =>
      f.identifiedBy.flatMap((s) => [
        { key: s.sector, label: { codes: [s.sector] }, cells: { persons: s.persons } },
        ...s.byAgeGroup.map((r) => ({ key: `${s.sector}.${r.key}`, label: { codes: [s.sector, r.key] }, cells: { persons: r.count } })),
      ]),
    ),
    table(
      'agencyFigures',
      ['count'],
      now,
      before,
      (f) => [
        ...(f.immigration
          ? [
              { key: 'reflectionPeriods', label: message('reflectionPeriods'), cells: { count: f.immigration.reflectionPeriods } },
              ...f.immigration.residencePermitsByKind.map((r) => ({ key: `permit.${r.key}`, label: { codes: [r.key] }, cells: { count: r.count } })),
            ]
          : []),
        ...(f.police
          ? [
              { key: 'victimsPaidCompensation', label: message('victimsPaidCompensation'), cells: { count: f.police.victimsPaidCompensation } },
              { key: 'compensationPaidNok', label: message('compensationPaidNok'), cells: { count: f.police.compensationPaidNok } },
              { key: 'victimsInCustodyOrPrison', label: message('victimsInCustodyOrPrison'), cells: { count: f.police.victimsInCustodyOrPrison } },
            ]
          : []),
        ...(f.childWelfare
          ? [{ key: 'childVictimsAssisted', label: message('childVictimsAssisted'), cells: { count: f.childWelfare.childVictimsAssisted } }]
          : []),
        ...(f.ngo ? [{ key: 'ngoPersonsAssisted', label: message('ngoPersonsAssisted'), cells: { count: f.ngo.personsAssisted } }] : []),
      ],
      false,
    ),
  ];
}

/** A CSV field, quoted when it has to be. */
function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell for the CSV: the number, or `suppressed` (never 0), or empty when the year has no such row. */
function csvCell(cell: Cell | null): string {
  if (!cell) return '';
  return cell.suppressed || cell.value === null || cell.value === undefined ? 'suppressed' : String(cell.value);
}

/**
 * The tables as one CSV (RFC 4180, CRLF): `table,series,key,label,<year>,<previous>`,
 * made from the answer in the browser; labels in the page's language.
 */
export function statisticsCsv(tables: StatTable[], year: number, previous: number, label: (row: StatRow) => string): string {
  const lines = [['table', 'series', 'key', 'label', String(year), String(previous)].join(',')];
  for (const t of tables) {
    for (const r of t.rows) {
      for (const s of t.series) {
        const [a, b] = r.cells[s] ?? [null, null];
        lines.push([t.id, s, r.key, label(r), csvCell(a), csvCell(b)].map(field).join(','));
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
