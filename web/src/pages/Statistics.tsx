import { Button, Card, Heading, Paragraph, Select, Spinner, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { Layout } from '../components/Layout.tsx';
import { RefusalMarker } from '../components/RefusalMarker.tsx';
import type { StatisticsPageQuery } from '../gql/graphql.ts';
import { StatisticsPage as StatisticsQuery } from '../graphql/operations.ts';
import { rootRefusal } from '../graphql/refusals.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nb.ts';
import { useRouter } from '../router.tsx';
import { statisticsCsv, statisticsTables, type Cell, type StatRow, type StatTable } from './statistics-tables.ts';

type Figures = NonNullable<StatisticsPageQuery['statistics']>;

const FIRST_YEAR = 2015;

/** Years to choose from: last year back to the NRM's first; the URL's `?year=` (a year, no personal data) picks one. */
function yearsToChoose(): number[] {
  const last = new Date().getUTCFullYear() - 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/**
 * National statistics for a year beside the year before: persons against
 * registrations and duplicates, then persons by agency, exploitation type,
 * gender, age group and citizenship, and the agencies' own figures. Each
 * chart has a table with the same figures (the accessible form); a figure
 * withheld by disclosure control (the NRM working group's view) reads
 * "suppressed", never 0. The CSV is made in the browser from the answer.
 */
export function Statistics() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search, navigate } = useRouter();
  const years = yearsToChoose();
  const asked = Number(new URLSearchParams(search).get('year'));
  const year = years.includes(asked) ? asked : years[0]!;
  const [{ data, fetching, error }] = useQuery({ query: StatisticsQuery, variables: { year, previous: year - 1 } });
  const refusal = rootRefusal(error, 'statistics');
  const s = data?.statistics ?? null;
  const tables = s ? statisticsTables(s, s.compareTo ?? null) : [];

  function download() {
    if (!s) return;
    const blob = new Blob([statisticsCsv(tables, year, year - 1, (r) => rowLabel(r, i18n))], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `nrm-statistics-${year}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <Layout title={t('stats.title')}>
      <Paragraph>{t('stats.intro')}</Paragraph>
      <div className="toolbar">
        <div className="toolbar__field">
          <label htmlFor="stats-year" className="ds-label" data-weight="regular">
            {t('stats.year')}
          </label>
          <Select id="stats-year" value={String(year)} onChange={(e) => navigate(`/statistics?year=${Number(e.target.value)}`)} width="auto">
            {years.map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Button variant="secondary" onClick={download} disabled={!s} data-testid="download-csv">
          {t('stats.downloadCsv')}
        </Button>
      </div>
      {fetching && <Spinner aria-label={t('loading')} />}
      {refusal && <RefusalMarker refusal={refusal} />}
      {!fetching && !refusal && error && !s && <Paragraph role="alert">{t('error.network')}</Paragraph>}
      {s && (
        <div className="stack" data-testid="statistics" data-year={s.year}>
          <PersonsSummary s={s} i18n={i18n} />
          {tables.map((table) => (
            <StatisticsFigure key={table.id} table={table} year={year} previous={year - 1} />
          ))}
        </div>
      )}
    </Layout>
  );
}

/** A row's label in the page's language. */
export function rowLabel(row: StatRow, i18n: I18n): string {
  return 'message' in row.label ? i18n.t(row.label.message as MessageKey) : row.label.codes.map((c) => i18n.code(c)).join(': ');
}

/** A cell as text: the number, or "suppressed" (never 0) when disclosure control withholds it. */
export function cellText(cell: Cell | null | undefined, i18n: I18n): string {
  if (!cell) return '–';
  if (cell.suppressed || cell.value === null || cell.value === undefined) return i18n.t('stats.suppressed');
  return i18n.number(cell.value);
}

function change(a: Cell | null | undefined, b: Cell | null | undefined, i18n: I18n): string {
  if (!a || !b || a.value === null || a.value === undefined || b.value === null || b.value === undefined) return '–';
  const d = a.value - b.value;
  return `${d > 0 ? '+' : d < 0 ? '−' : ''}${i18n.number(Math.abs(d))}`;
}

/** Persons, registrations and duplicates, with the bounds open link reviews leave on the persons count. */
function PersonsSummary({ s, i18n }: { s: Figures; i18n: I18n }) {
  const { t } = i18n;
  const p = s.persons;
  const open = p.openLinkReviews;
  return (
    <Card data-testid="persons-summary">
      <Heading level={2} data-size="sm">
        {t('stats.persons.title', { year: s.year })}
      </Heading>
      <Paragraph>{t('stats.persons.explain')}</Paragraph>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('stats.persons')}</dt>
          <dd data-testid="persons-count">{cellText(p.count, i18n)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('stats.registrations')}</dt>
          <dd data-testid="registrations-count">{cellText(s.registrations, i18n)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('stats.duplicates')}</dt>
          <dd data-testid="duplicates-count">{cellText(s.duplicates, i18n)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('stats.openReviews')}</dt>
          <dd data-testid="open-reviews">{cellText(open, i18n)}</dd>
        </div>
      </dl>
      <Paragraph data-testid="persons-bounds">
        {open.value
          ? t('stats.bounds', { lower: cellText(p.lowerBound, i18n), upper: cellText(p.upperBound, i18n), open: cellText(open, i18n) })
          : open.suppressed
            ? t('stats.bounds.suppressed', { lower: cellText(p.lowerBound, i18n), upper: cellText(p.upperBound, i18n) })
            : t('stats.bounds.none')}
      </Paragraph>
    </Card>
  );
}

/** One breakdown: a bar chart of both years and a table of the same figures. */
function StatisticsFigure({ table, year, previous }: { table: StatTable; year: number; previous: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const series = table.series;
  const chartData = table.rows.map((r) => {
    const point: Record<string, string | number | null> = { name: rowLabel(r, i18n) };
    for (const sr of series) {
      point[`${sr}-${year}`] = r.cells[sr]?.[0]?.value ?? null;
      point[`${sr}-${previous}`] = r.cells[sr]?.[1]?.value ?? null;
    }
    return point;
  });
  const colours = [
    'var(--ds-color-accent-base-default)',
    'var(--ds-color-neutral-border-default)',
    'var(--ds-color-success-base-default)',
    'var(--ds-color-warning-base-default)',
  ];
  const seriesName = (id: string, y: number) => (series.length > 1 ? `${t(`stats.series.${id}` as MessageKey)} ${y}` : String(y));
  const bars = series.flatMap((sr) => [`${sr}-${year}`, `${sr}-${previous}`]);
  return (
    <Card asChild>
      <section aria-labelledby={headingId} data-testid={`stat-${table.id}`}>
        <Heading level={2} data-size="xs" id={headingId}>
          {t(`stats.table.${table.id}` as MessageKey)}
        </Heading>
        {table.chart && table.rows.length > 0 && (
          <div className="chart" role="img" aria-label={t('stats.chartLabel', { title: t(`stats.table.${table.id}` as MessageKey) })}>
            <ResponsiveContainer width="100%" height={Math.max(220, table.rows.length * 28 * bars.length * 0.6 + 80)}>
              <BarChart data={chartData} layout="vertical" margin={{ left: 16, right: 24 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={190} />
                <Tooltip />
                <Legend />
                {bars.map((b, i) => {
                  const [id, y] = [b.slice(0, b.lastIndexOf('-')), Number(b.slice(b.lastIndexOf('-') + 1))];
                  return <Bar key={b} dataKey={b} name={seriesName(id, y)} fill={colours[i % colours.length]} isAnimationActive={false} />;
                })}
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <div className="subtable" role="region" aria-labelledby={headingId} tabIndex={0}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('stats.category')}</Table.HeaderCell>
                {series.map((sr) => (
                  <SeriesHeaders key={sr} id={sr} many={series.length > 1} year={year} previous={previous} />
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {table.rows.map((r) => (
                <Table.Row key={r.key} data-testid={`row-${table.id}-${r.key}`}>
                  <Table.HeaderCell scope="row">{rowLabel(r, i18n)}</Table.HeaderCell>
                  {series.map((sr) => {
                    const [now, before] = r.cells[sr] ?? [null, null];
                    return [
                      <Table.Cell
                        key={`${sr}-now`}
                        data-series={sr}
                        data-year={year}
                        data-value={now?.value ?? undefined}
                        data-suppressed={now?.suppressed ? 'true' : undefined}
                      >
                        {cellText(now, i18n)}
                      </Table.Cell>,
                      <Table.Cell
                        key={`${sr}-before`}
                        data-series={sr}
                        data-year={previous}
                        data-value={before?.value ?? undefined}
                        data-suppressed={before?.suppressed ? 'true' : undefined}
                      >
                        {cellText(before, i18n)}
                      </Table.Cell>,
                      <Table.Cell key={`${sr}-change`} data-series={sr} data-change>
                        {change(now, before, i18n)}
                      </Table.Cell>,
                    ];
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {table.rows.length === 0 && <Paragraph data-size="sm">{t('none')}</Paragraph>}
        </div>
      </section>
    </Card>
  );
}

function SeriesHeaders({ id, many, year, previous }: { id: string; many: boolean; year: number; previous: number }) {
  const { t } = useI18n();
  const prefix = many ? `${t(`stats.series.${id}` as MessageKey)} ` : '';
  return (
    <>
      <Table.HeaderCell>{`${prefix}${year}`}</Table.HeaderCell>
      <Table.HeaderCell>{`${prefix}${previous}`}</Table.HeaderCell>
      <Table.HeaderCell>{`${prefix}${t('stats.change')}`}</Table.HeaderCell>
    </>
  );
}
