import { Button, Paragraph, Select, Spinner, Table } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { Layout } from '../components/Layout.tsx';
import { RefusalMarker } from '../components/RefusalMarker.tsx';
import { VictimsPage } from '../graphql/operations.ts';
import { rootRefusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink, useRouter } from '../router.tsx';

const PAGE_SIZES = [20, 50, 100];
const STATUSES = ['ACTUAL', 'POSSIBLE', 'NOT_A_VICTIM'] as const;
const AGE_GROUPS = ['CHILD', 'ADULT', 'UNKNOWN'] as const;
const AGENCIES = ['POLICE', 'IMMIGRATION', 'CHILD_WELFARE', 'NGO'] as const;
const FILTERS = ['status', 'ageGroup', 'year', 'agency'] as const;
type FilterName = (typeof FILTERS)[number];

/** Years to filter by: this year back to 2015. */
function filterYears(): string[] {
  const now = new Date().getUTCFullYear();
  return Array.from({ length: now - 2015 + 1 }, (_, i) => String(now - i));
}

/** The filter in the URL, keeping only values the API knows. */
function filterOf(params: URLSearchParams): Partial<Record<FilterName, string>> {
  const ok: Record<FilterName, readonly string[]> = { status: STATUSES, ageGroup: AGE_GROUPS, year: filterYears(), agency: AGENCIES };
  const f: Partial<Record<FilterName, string>> = {};
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v && ok[name].includes(v)) f[name] = v;
  }
  return f;
}

/**
 * The victims the role may see, one row per person. The API pages by id
 * (`victims(first, after)`): the URL holds the cursor trail (`?after=<id>`,
 * pseudonymous ids only), so the back button and reloads keep the page.
 * Filters (status, age group, year, registering agency) are codes in the URL
 * too, never personal data; the hub applies them to the registrations the
 * role may see, the age group to its own agency's records.
 */
export function Victims() {
  const { t, code, dateTime } = useI18n();
  const options: Record<FilterName, readonly string[]> = { status: STATUSES, ageGroup: AGE_GROUPS, year: filterYears(), agency: AGENCIES };
  const { search, navigate } = useRouter();
  const params = new URLSearchParams(search);
  const trail = (params.get('trail') ?? '').split(',').filter(Boolean);
  const after = trail.at(-1) ?? null;
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  const filter = filterOf(params);
  const apiFilter = Object.keys(filter).length
    ? {
        ...(filter.status ? { status: filter.status as (typeof STATUSES)[number] } : {}),
        ...(filter.ageGroup ? { ageGroup: filter.ageGroup as (typeof AGE_GROUPS)[number] } : {}),
        ...(filter.year ? { year: Number(filter.year) } : {}),
        ...(filter.agency ? { agency: filter.agency as (typeof AGENCIES)[number] } : {}),
      }
    : null;
  // One extra row tells whether a next page exists.
  const [{ data, fetching, error }] = useQuery({ query: VictimsPage, variables: { first: size + 1, after, filter: apiFilter } });
  const refusal = rootRefusal(error, 'victims');
  // A refused list may be missing from `data` altogether (the gateway removed the field before planning).
  const list = data?.victims ?? null;
  const rows = list?.slice(0, size) ?? [];
  const hasNext = (list?.length ?? 0) > size;
  const go = (nextTrail: string[], nextSize = size, nextFilter = filter) => {
    const q = new URLSearchParams();
    for (const name of FILTERS) if (nextFilter[name]) q.set(name, nextFilter[name]);
    if (nextTrail.length) q.set('trail', nextTrail.join(','));
    if (nextSize !== PAGE_SIZES[0]) q.set('size', String(nextSize));
    navigate(`/victims${q.size ? `?${q}` : ''}`);
  };

  return (
    <Layout title={t('victims.title')}>
      <Paragraph>{t('victims.intro')}</Paragraph>
      <Paragraph data-size="sm">{t('victims.filter.help')}</Paragraph>
      <div className="toolbar" role="group" aria-label={t('victims.filters')}>
        {FILTERS.map((name) => (
          <div className="toolbar__field" key={name}>
            <label htmlFor={`filter-${name}`} className="ds-label" data-weight="regular">
              {t(`victims.filter.${name}`)}
            </label>
            <Select
              id={`filter-${name}`}
              name={name}
              value={filter[name] ?? ''}
              onChange={(e) => go([], size, { ...filter, [name]: e.target.value || undefined })}
              width="auto"
            >
              <Select.Option value="">{t('victims.filter.any')}</Select.Option>
              {options[name].map((v) => (
                <Select.Option key={v} value={v}>
                  {name === 'year' ? v : code(v)}
                </Select.Option>
              ))}
            </Select>
          </div>
        ))}
        <div className="toolbar__field">
          <label htmlFor="page-size" className="ds-label" data-weight="regular">
            {t('victims.pageSize')}
          </label>
          <Select id="page-size" value={String(size)} onChange={(e) => go([], Number(e.target.value))} width="auto">
            {PAGE_SIZES.map((n) => (
              <Select.Option key={n} value={String(n)}>
                {n}
              </Select.Option>
            ))}
          </Select>
        </div>
      </div>
      {fetching && <Spinner aria-label={t('loading')} />}
      {refusal && <RefusalMarker refusal={refusal} />}
      {!fetching && !refusal && error && !list && <Paragraph role="alert">{t('error.network')}</Paragraph>}
      {list && (
        <>
          <Table zebra data-testid="victims-table">
            <caption className="visually-hidden">{`${t('victims.title')}, ${t('victims.page', { n: trail.length + 1 })}`}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('victims.id')}</Table.HeaderCell>
                <Table.HeaderCell>{t('victims.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('victims.agencies')}</Table.HeaderCell>
                <Table.HeaderCell>{t('victims.firstRegistered')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((v) => (
                <Table.Row key={v.id}>
                  <Table.Cell>
                    <AppLink to={`/victims/${encodeURIComponent(v.id)}`} className="mono" data-testid="victim-link">
                      {v.id}
                    </AppLink>
                  </Table.Cell>
                  <Table.Cell>{code(v.highestStatus)}</Table.Cell>
                  <Table.Cell>{v.registeringAgencies.map((a) => code(a)).join(', ')}</Table.Cell>
                  <Table.Cell>{dateTime(v.firstRegisteredAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {rows.length === 0 && (
            <Paragraph data-testid="victims-empty">{Object.keys(filter).length ? t('victims.emptyFiltered') : t('victims.empty')}</Paragraph>
          )}
          <nav aria-label={t('victims.page', { n: trail.length + 1 })} className="pager">
            <Button variant="secondary" disabled={trail.length === 0} onClick={() => go(trail.slice(0, -1))}>
              {t('victims.previous')}
            </Button>
            <span aria-live="polite">{t('victims.page', { n: trail.length + 1 })}</span>
            <Button variant="secondary" disabled={!hasNext} onClick={() => go([...trail, rows.at(-1)!.id])} data-testid="next-page">
              {t('victims.next')}
            </Button>
          </nav>
        </>
      )}
    </Layout>
  );
}
