import { Alert, Button, Card, Heading, Paragraph, Select, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { Facts, SubTable } from '../components/Facts.tsx';
import { Layout } from '../components/Layout.tsx';
import { RefusalMarker } from '../components/RefusalMarker.tsx';
import {
  AcknowledgeAlert,
  AlertsList,
  ChildWelfareDeadlines,
  ClassificationMismatches,
  CloseAlert,
  CustodyFlags,
  ImmigrationDeadlines,
  UpcomingReturns,
} from '../graphql/operations.ts';
import { refusalOf, rootRefusal, type Refusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePolling } from '../live.tsx';
import { AppLink, useRouter } from '../router.tsx';

const WINDOWS = [30, 60, 90];

/**
 * Alerts and deadlines: return-check hits (screening before return) to
 * acknowledge and close, planned returns not yet checked, persons in custody
 * or prison who may be victims (with cases classified as another offence),
 * and reflection periods, limited permits and child placements falling due.
 * Each part is asked of the hub on its own, so a part the role may not see
 * shows the hub's refusal and the rest still comes. Polled (README "Web app").
 */
export function Alerts() {
  const { t } = useI18n();
  const { search, navigate } = useRouter();
  const asked = Number(new URLSearchParams(search).get('days'));
  const days = WINDOWS.includes(asked) ? asked : WINDOWS[0]!;
  return (
    <Layout title={t('alerts.title')}>
      <Paragraph>{t('alerts.intro')}</Paragraph>
      <div className="toolbar">
        <div className="toolbar__field">
          <label htmlFor="alert-window" className="ds-label" data-weight="regular">
            {t('alerts.window')}
          </label>
          <Select id="alert-window" value={String(days)} onChange={(e) => navigate(`/alerts?days=${Number(e.target.value)}`)} width="auto">
            {WINDOWS.map((n) => (
              <Select.Option key={n} value={String(n)}>
                {t('alerts.days', { n })}
              </Select.Option>
            ))}
          </Select>
        </div>
      </div>
      <div className="stack">
        <ReturnAlerts />
        <Returns days={days} />
        <Custody />
        <Mismatches />
        <Deadlines days={days} which="immigration" />
        <Deadlines days={days} which="childWelfare" />
      </div>
    </Layout>
  );
}

/** One part of the page: shown, empty or refused (`data-state`, as the victim view's sections). */
function Part({
  id,
  title,
  refusal,
  empty,
  loading,
  children,
}: {
  id: string;
  title: string;
  refusal: Refusal | null;
  empty: boolean;
  loading: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const state = refusal ? 'refused' : loading ? 'loading' : empty ? 'empty' : 'shown';
  return (
    <Card asChild>
      <section aria-labelledby={`${id}-heading`} data-testid={`part-${id}`} data-state={state}>
        <Heading level={2} data-size="sm" id={`${id}-heading`}>
          {title}
        </Heading>
        {refusal ? (
          <RefusalMarker refusal={refusal} />
        ) : loading ? (
          <Spinner aria-label={t('loading')} />
        ) : empty ? (
          <Paragraph>{t('alerts.none')}</Paragraph>
        ) : (
          children
        )}
      </section>
    </Card>
  );
}

function ReturnAlerts() {
  const { t, code, dateTime } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: AlertsList });
  const refusal = rootRefusal(error, 'alerts');
  usePolling(() => refetch({ requestPolicy: 'network-only' }), !refusal);
  const [ackState, acknowledge] = useMutation(AcknowledgeAlert);
  const [closeState, close] = useMutation(CloseAlert);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const busy = ackState.fetching || closeState.fetching;
  const alerts = data?.alerts ?? [];
  const active = alerts.filter((a) => a.state !== 'CLOSED');
  const closed = alerts.filter((a) => a.state === 'CLOSED');

  async function act(kind: 'acknowledge' | 'close', id: string) {
    setOutcome(null);
    const note = (notes[id] ?? '').trim();
    const result = kind === 'acknowledge' ? await acknowledge({ id }) : await close({ id, note });
    const err = result.error?.graphQLErrors[0];
    if (result.error) setOutcome({ ok: false, text: err ? t(`refusal.${refusalOf(err).kind}`) : t('error.generic') });
    else setOutcome({ ok: true, text: t(kind === 'acknowledge' ? 'alerts.acknowledged' : 'alerts.closed', { id }) });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <Part id="alerts" title={t('alerts.returnHits')} refusal={refusal} empty={alerts.length === 0} loading={fetching && !data}>
      <div aria-live="polite" role="status" data-testid="alert-outcome">
        {outcome && (
          <Alert data-color={outcome.ok ? 'success' : 'danger'}>
            <Paragraph>{outcome.text}</Paragraph>
          </Alert>
        )}
      </div>
      <ul className="card-list">
        {active.map((a) => (
          <li key={a.id}>
            <Card variant="tinted" data-testid="alert" data-alert-id={a.id} data-alert-state={a.state} data-victim-id={a.victimId}>
              <Heading level={3} data-size="2xs">
                {code(a.kind)} <Tag data-color={a.state === 'OPEN' ? 'danger' : 'warning'}>{code(a.state)}</Tag>
              </Heading>
              <Facts
                items={[
                  [
                    t('victims.id'),
                    <AppLink to={`/victims/${encodeURIComponent(a.victimId)}`} className="mono">
                      {a.victimId}
                    </AppLink>,
                  ],
                  [t('alerts.reasons'), a.reasons.map((r) => code(r)).join(', ')],
                  [t('alerts.contact'), a.contactAgencies.map((r) => code(r)).join(', ')],
                  [t('alerts.raisedFor'), code(a.raisedFor)],
                  [t('alerts.raisedAt'), dateTime(a.raisedAt)],
                  [t('alerts.acknowledgedBy'), a.acknowledgedBy ? `${a.acknowledgedBy}, ${dateTime(a.acknowledgedAt)}` : ''],
                ]}
              />
              <div className="actions">
                {a.state === 'OPEN' && (
                  <Button disabled={busy} onClick={() => act('acknowledge', a.id)} data-testid="acknowledge">
                    {t('alerts.acknowledge')}
                  </Button>
                )}
                <Textfield
                  label={t('alerts.closeNote')}
                  data-size="sm"
                  value={notes[a.id] ?? ''}
                  onChange={(e) => setNotes((n) => ({ ...n, [a.id]: e.target.value }))}
                  data-testid="close-note"
                />
                <Button variant="secondary" disabled={busy || !(notes[a.id] ?? '').trim()} onClick={() => act('close', a.id)} data-testid="close">
                  {t('alerts.close')}
                </Button>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {active.length === 0 && <Paragraph>{t('alerts.noneActive')}</Paragraph>}
      <SubTable
        title={t('alerts.closedList')}
        headers={[t('victims.id'), t('alerts.reasons'), t('alerts.closedBy'), t('alerts.closeNote')]}
        rows={closed.map((a) => [
          <span className="mono">{a.victimId}</span>,
          a.reasons.map((r) => code(r)).join(', '),
          `${a.closedBy ?? ''}, ${dateTime(a.closedAt)}`,
          a.closeNote ?? '',
        ])}
      />
    </Part>
  );
}

function Returns({ days }: { days: number }) {
  const { t, code, date } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: UpcomingReturns, variables: { withinDays: days } });
  const refusal = rootRefusal(error, 'upcomingReturns');
  usePolling(() => refetch({ requestPolicy: 'network-only' }), !refusal);
  const rows = data?.upcomingReturns ?? [];
  return (
    <Part id="returns" title={t('alerts.returns')} refusal={refusal} empty={rows.length === 0} loading={fetching && !data}>
      <SubTable
        title={t('alerts.returns.sub', { n: days })}
        headers={[t('alerts.departure'), t('victims.id'), t('field.status'), t('alerts.checkStatus')]}
        rows={rows.map((r) => [
          date(r.departureDate),
          r.victimId ? <span className="mono">{r.victimId}</span> : '',
          code(r.status),
          <span data-testid="check-status" data-check={r.checkStatus}>
            {r.checkStatus === 'NOT_CHECKED' ? <Tag data-color="danger">{code(r.checkStatus)}</Tag> : code(r.checkStatus)}
          </span>,
        ])}
      />
    </Part>
  );
}

function Custody() {
  const { t, code, date } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CustodyFlags });
  const refusal = rootRefusal(error, 'nonPunishmentFlags');
  usePolling(() => refetch({ requestPolicy: 'network-only' }), !refusal);
  const flags = data?.nonPunishmentFlags ?? [];
  return (
    <Part id="custody" title={t('alerts.custody')} refusal={refusal} empty={flags.length === 0} loading={fetching && !data}>
      <Paragraph data-size="sm">{t('alerts.custody.explain')}</Paragraph>
      <SubTable
        title={t('alerts.custody.flags')}
        headers={[t('victims.id'), t('field.kind'), t('field.from'), t('alerts.reasons'), t('alerts.registrationOffered')]}
        rows={flags.map((f) => [
          (f.victim?.id ?? f.person.victimId) ? <span className="mono">{f.victim?.id ?? f.person.victimId}</span> : t('alerts.notRegistered'),
          code(f.stay.kind),
          date(f.stay.startedAt),
          f.reasons.map((r) => code(r)).join(', '),
          f.registrationOffered ? t('yes') : t('no'),
        ])}
      />
    </Part>
  );
}

function Mismatches() {
  const { t, code } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ClassificationMismatches });
  const refusal = rootRefusal(error, 'classificationMismatchFlags');
  usePolling(() => refetch({ requestPolicy: 'network-only' }), !refusal);
  const rows = data?.classificationMismatchFlags ?? [];
  return (
    <Part id="mismatches" title={t('alerts.mismatches')} refusal={refusal} empty={rows.length === 0} loading={fetching && !data}>
      <Paragraph data-size="sm">{t('alerts.mismatches.explain')}</Paragraph>
      <SubTable
        title={t('alerts.mismatches.cases')}
        headers={[t('victims.id'), t('field.reference'), t('field.offence'), t('alerts.stage'), t('alerts.rightsKept')]}
        rows={rows.map((m) => {
          const victimId = m.victim?.id ?? m.person.victimId;
          return [
            victimId ? (
              <AppLink to={`/victims/${encodeURIComponent(victimId)}`} className="mono">
                {victimId}
              </AppLink>
            ) : (
              ''
            ),
            m.mismatch.investigation.reference,
            code(m.mismatch.offence),
            code(m.mismatch.stage),
            m.mismatch.rightsKept.map((r) => code(r)).join(', '),
          ];
        })}
      />
    </Part>
  );
}

function Deadlines({ days, which }: { days: number; which: 'immigration' | 'childWelfare' }) {
  const { t, code, date, number } = useI18n();
  const query = which === 'immigration' ? ImmigrationDeadlines : ChildWelfareDeadlines;
  const root = which === 'immigration' ? 'immigrationDeadlines' : 'childWelfareDeadlines';
  const [{ data, error, fetching }, refetch] = useQuery<
    Record<string, { kind: string; victimId?: string | null; recordId: string; dueOn: string; daysLeft: number }[] | undefined>
  >({
    query: query as never,
    variables: { withinDays: days },
  });
  const refusal = rootRefusal(error, root);
  usePolling(() => refetch({ requestPolicy: 'network-only' }), !refusal);
  const rows = [...(data?.[root] ?? [])].sort((a, b) => a.daysLeft - b.daysLeft);
  return (
    <Part
      id={root}
      title={t(which === 'immigration' ? 'alerts.immigrationDeadlines' : 'alerts.childWelfareDeadlines')}
      refusal={refusal}
      empty={rows.length === 0}
      loading={fetching && !data}
    >
      <SubTable
        title={t('alerts.deadlines.sub', { n: days })}
        headers={[t('field.kind'), t('alerts.dueOn'), t('alerts.daysLeft'), t('victims.id')]}
        rows={rows.map((d) => [
          code(d.kind),
          date(d.dueOn),
          <span data-testid="days-left">{number(d.daysLeft)}</span>,
          d.victimId ? (
            <AppLink to={`/victims/${encodeURIComponent(d.victimId)}`} className="mono">
              {d.victimId}
            </AppLink>
          ) : (
            ''
          ),
        ])}
      />
    </Part>
  );
}
