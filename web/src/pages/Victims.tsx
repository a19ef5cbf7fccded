import { Button, Paragraph, Select, Spinner, Table } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { Layout } from '../components/Layout.tsx';
import { RefusalMarker } from '../components/RefusalMarker.tsx';
import { VictimsPage } from '../graphql/operations.ts';
import { rootRefusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink, useRouter } from '../router.tsx';

const PAGE_SIZES = [20, 50, 100];

/**
 * The victims the role may see, one row per person. The API pages by id
 * (`victims(first, after)`): the URL holds the cursor trail (`?after=<id>`,
 * pseudonymous ids only), so the back button and reloads keep the page.
 * The API has no filters yet (status, age group, year, agency come with the
 * statistics work); the list shows each person's status and registering agencies.
 */
export function Victims() {
  const { t, code, dateTime } = useI18n();
  const { search, navigate } = useRouter();
  const params = new URLSearchParams(search);
  const trail = (params.get('trail') ?? '').split(',').filter(Boolean);
  const after = trail.at(-1) ?? null;
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  // One extra row tells whether a next page exists.
  const [{ data, fetching, error }] = useQuery({ query: VictimsPage, variables: { first: size + 1, after } });
  const refusal = rootRefusal(error, 'victims');
  // A refused list may be missing from `data` altogether (the gateway removed the field before planning).
  const list = data?.victims ?? null;
  const rows = list?.slice(0, size) ?? [];
  const hasNext = (list?.length ?? 0) > size;
  const go = (nextTrail: string[], nextSize = size) => {
    const q = new URLSearchParams();
    if (nextTrail.length) q.set('trail', nextTrail.join(','));
    if (nextSize !== PAGE_SIZES[0]) q.set('size', String(nextSize));
    navigate(`/victims${q.size ? `?${q}` : ''}`);
  };

  return (
    <Layout title={t('victims.title')}>
      <Paragraph>{t('victims.intro')}</Paragraph>
      <div className="toolbar">
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
          {rows.length === 0 && <Paragraph>{t('victims.empty')}</Paragraph>}
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
