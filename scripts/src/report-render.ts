/**
 * The statistics report for people who do not write GraphQL: Markdown and
 * SVG charts from one statistics query, as the caller's token allows (run as
 * the NRM working group, so with disclosure control). Pure: `report.ts`
 * sends the query and writes the files. A suppressed figure is written as
 * "suppressed" and drawn as an empty, hatched bar, never as 0.
 */

/** The query the report sends (trusted in production: listed in `CLIENT_SOURCES`). */
export const REPORT_QUERY = `query StatisticsReport($year: Int!, $previous: Int!) {
  statistics(year: $year) { ...ReportFigures compareTo(year: $previous) { ...ReportFigures } }
}
fragment ReportFigures on Statistics {
  year
  registrations { value suppressed }
  duplicates { value suppressed }
  persons { count { value suppressed } lowerBound { value suppressed } upperBound { value suppressed } openLinkReviews { value suppressed } }
  byRegisteringAgency { agency registrations { value suppressed } persons { value suppressed } }
  identifiedBy { sector persons { value suppressed } byAgeGroup { key count { value suppressed } } }
  personsByStatus { key label count { value suppressed } }
  personsByExploitation { key count { value suppressed } }
  police { victimsPaidCompensation { value suppressed } compensationPaidNok { value suppressed } convictions { value suppressed } }
  immigration { reflectionPeriods { value suppressed } residencePermitsByKind { key label count { value suppressed } } }
  childWelfare { childVictimsAssisted { value suppressed } }
  ngo { personsAssisted { value suppressed } grantsNok { value suppressed } }
}`;

export interface Cell {
  value: number | null;
  suppressed: boolean;
}
interface Row {
  key: string;
  label?: string | null;
  count: Cell;
}
/** One year's figures as `REPORT_QUERY` returns them (fields may be null when a subgraph is down). */
export interface ReportFigures {
  year: number;
  registrations: Cell;
  duplicates: Cell;
  persons: { count: Cell; lowerBound: Cell; upperBound: Cell; openLinkReviews: Cell };
  byRegisteringAgency: { agency: string; registrations: Cell; persons: Cell }[];
  identifiedBy: { sector: string; persons: Cell; byAgeGroup: Row[] }[];
  personsByStatus: Row[];
  personsByExploitation: Row[];
  police: { victimsPaidCompensation: Cell; compensationPaidNok: Cell; convictions: Cell } | null;
  immigration: { reflectionPeriods: Cell; residencePermitsByKind: Row[] } | null;
  childWelfare: { childVictimsAssisted: Cell } | null;
  ngo: { personsAssisted: Cell; grantsNok: Cell } | null;
  compareTo?: ReportFigures | null;
}

const UNAVAILABLE: Cell = { value: null, suppressed: true };
const nf = new Intl.NumberFormat('en-GB');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A figure as text: the number, "suppressed", or "not available" when its subgraph did not answer. */
export const show = (c: Cell | null | undefined) => (!c ? 'not available' : c.suppressed || c.value === null ? 'suppressed' : nf.format(c.value));
const change = (a: Cell | null | undefined, b: Cell | null | undefined) =>
  !a || !b || a.suppressed || b.suppressed || a.value === null || b.value === null
    ? '–'
    : `${a.value - b.value >= 0 ? '+' : ''}${nf.format(a.value - b.value)}`;
const words = (key: string) => key.charAt(0) + key.slice(1).toLowerCase().replace(/_/g, ' ');

/** A horizontal bar chart, one group per category and one bar per series; suppressed bars hatched and labelled. */
export function barChart(title: string, series: string[], groups: { label: string; cells: Cell[] }[]): string {
  const barH = 16;
  const gap = 10;
  const left = 230;
  const width = 760;
  const plot = width - left - 90;
  const max = Math.max(1, ...groups.flatMap((g) => g.cells.map((c) => (c.suppressed ? 0 : (c.value ?? 0)))));
  const colours = ['#2b6cb0', '#dd6b20', '#38a169'];
  const groupH = series.length * barH + gap;
  const top = 50;
  const height = top + groups.length * groupH + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${escape(title)}">`,
    `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>`,
    `<title>${escape(title)}</title>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">${escape(title)}</text>`,
    ...series.map(
      (s, i) =>
        `<rect x="${left + i * 150}" y="30" width="10" height="10" fill="${colours[i % 3]}"/><text x="${left + i * 150 + 14}" y="39">${escape(s)}</text>`,
    ),
  ];
  groups.forEach((g, gi) => {
    const y0 = top + gi * groupH;
    parts.push(`<text x="${left - 8}" y="${y0 + (series.length * barH) / 2 + 4}" text-anchor="end">${escape(g.label)}</text>`);
    g.cells.forEach((c, si) => {
      const y = y0 + si * barH;
      if (c.suppressed || c.value === null) {
        parts.push(
          `<rect x="${left}" y="${y + 2}" width="40" height="${barH - 4}" fill="url(#hatch)" stroke="#999"/><text x="${left + 46}" y="${y + barH - 4}" fill="#555">suppressed</text>`,
        );
      } else {
        const w = Math.max(1, Math.round((c.value / max) * plot));
        parts.push(
          `<rect x="${left}" y="${y + 2}" width="${w}" height="${barH - 4}" fill="${colours[si % 3]}"/><text x="${left + w + 6}" y="${y + barH - 4}">${nf.format(c.value)}</text>`,
        );
      }
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** The report: Markdown that links the charts, and the charts by file name. */
export function renderReport(s: ReportFigures, threshold = 5): { markdown: string; charts: Record<string, string> } {
  const p = s.compareTo ?? null;
  const permit = (f: ReportFigures | null, kind: string) => f?.immigration?.residencePermitsByKind.find((r) => r.key === kind)?.count;
  const sector = (f: ReportFigures | null, name: string) => f?.identifiedBy.find((x) => x.sector === name);
  const children = (f: ReportFigures | null) => sector(f, 'GOVERNMENT')?.byAgeGroup.find((r) => r.key === 'CHILD')?.count;
  const key: [string, (f: ReportFigures | null) => Cell | undefined][] = [
    ['Registrations', (f) => f?.registrations],
    ['Persons (deduplicated)', (f) => f?.persons.count],
    ['Duplicate registrations', (f) => f?.duplicates],
    ['Persons identified by NGOs', (f) => sector(f, 'NGO')?.persons],
    ['Persons identified by government bodies', (f) => sector(f, 'GOVERNMENT')?.persons],
    ['Children identified by government bodies', children],
    ['Persons assisted by NGOs', (f) => f?.ngo?.personsAssisted],
    ['Children assisted by child welfare', (f) => f?.childWelfare?.childVictimsAssisted],
    ['Reflection periods granted', (f) => f?.immigration?.reflectionPeriods],
    ['Limited permits (trafficking victims)', (f) => permit(f, 'LIMITED_TRAFFICKING')],
    ['Humanitarian permits', (f) => permit(f, 'HUMANITARIAN')],
    ['Protection permits', (f) => permit(f, 'PROTECTION')],
    ['Convictions', (f) => f?.police?.convictions],
    ['Victims paid compensation', (f) => f?.police?.victimsPaidCompensation],
    ['Compensation paid, NOK', (f) => f?.police?.compensationPaidNok],
    ['Grants to NGOs, NOK', (f) => f?.ngo?.grantsNok],
  ];
  const charts: Record<string, string> = {
    'persons-vs-registrations.svg': barChart(
      `Registrations and persons by registering agency, ${s.year}`,
      ['registrations', 'persons'],
      s.byRegisteringAgency.map((a) => ({ label: words(a.agency), cells: [a.registrations, a.persons] })),
    ),
    'persons-by-exploitation.svg': barChart(
      `Persons by type of exploitation, ${s.year}`,
      ['persons'],
      s.personsByExploitation.filter((r) => r.count.suppressed || r.count.value !== 0).map((r) => ({ label: words(r.key), cells: [r.count] })),
    ),
    'persons-by-status.svg': barChart(
      `Persons by highest status, ${s.year}`,
      ['persons'],
      s.personsByStatus.map((r) => ({ label: r.label ?? words(r.key), cells: [r.count] })),
    ),
  };
  if (p) {
    charts[`comparison-${p.year}.svg`] = barChart(
      `${s.year} compared with ${p.year}`,
      [String(s.year), String(p.year)],
      key.filter(([name]) => !name.includes('NOK')).map(([name, get]) => ({ label: name, cells: [get(s) ?? UNAVAILABLE, get(p) ?? UNAVAILABLE] })),
    );
  }
  const lines = [
    `# Human trafficking in Norway: national figures for ${s.year}`,
    '',
    `Persons, not registrations: the NRM recognises when several agencies registered the same person. A figure marked`,
    `*suppressed* could point to a person (fewer than ${threshold}) or would let one be worked out from the others; it is`,
    'not zero. Identified (actual) and presumed (possible) victims are kept apart.',
    '',
    `**Persons: ${show(s.persons.count)}** (${show(s.registrations)} registrations, ${show(s.duplicates)} duplicates removed)` +
      (s.persons.openLinkReviews.value
        ? `, between ${show(s.persons.lowerBound)} and ${show(s.persons.upperBound)} while ${show(s.persons.openLinkReviews)} possible duplicates await review.`
        : '.'),
    '',
    `| figure | ${s.year} |${p ? ` ${p.year} | change |` : ''}`,
    `|---|---:|${p ? '---:|---:|' : ''}`,
    ...key.map(([name, get]) => `| ${name} | ${show(get(s))} |${p ? ` ${show(get(p))} | ${change(get(s), get(p))} |` : ''}`),
    '',
    '## Persons and registrations by agency',
    '',
    '![Registrations and persons by registering agency](persons-vs-registrations.svg)',
    '',
    '| agency | registrations | persons |',
    '|---|---:|---:|',
    ...s.byRegisteringAgency.map((a) => `| ${words(a.agency)} | ${show(a.registrations)} | ${show(a.persons)} |`),
    '',
    '## Persons by status',
    '',
    '![Persons by highest status](persons-by-status.svg)',
    '',
    ...s.personsByStatus.map((r) => `- ${r.label ?? words(r.key)}: ${show(r.count)}`),
    '',
    '## Persons by type of exploitation',
    '',
    '![Persons by type of exploitation](persons-by-exploitation.svg)',
    '',
    ...s.personsByExploitation.filter((r) => r.count.suppressed || r.count.value !== 0).map((r) => `- ${words(r.key)}: ${show(r.count)}`),
    ...(p
      ? [
          '',
          `## ${s.year} compared with ${p.year}`,
          '',
          `![${s.year} compared with ${p.year}](comparison-${p.year}.svg)`,
          '',
          'A change is shown only where both years are published.',
        ]
      : []),
    '',
  ];
  return { markdown: lines.join('\n'), charts };
}
