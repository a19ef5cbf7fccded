import { Card, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { Facts, SubTable } from '../components/Facts.tsx';
import { Layout } from '../components/Layout.tsx';
import { RefusalMarker } from '../components/RefusalMarker.tsx';
import { ChildCoordination as ChildCoordinationQuery } from '../graphql/operations.ts';
import { refusalAt, rootRefusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';

const WITHIN_DAYS = 60;
/** The query's `first` (operations.ts). */
const PAGE = 50;

/**
 * The child coordinating unit's view (`childVictims`, coordinating unit
 * only): every victim registered by child welfare or young enough to be a
 * child, with the placement and guardian, police case roles, immigration
 * status and returns, NGO assistance within consent, open referrals, alerts
 * and deadlines, one card per child. A part the hub withholds (an NGO record
 * without consent) shows why.
 */
export function ChildCoordination() {
  const { t, code, date } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: ChildCoordinationQuery, variables: { withinDays: WITHIN_DAYS } });
  const refusal = rootRefusal(error, 'childVictims');
  const children = data?.childVictims ?? null;
  const list = (xs: readonly string[]) => xs.map((x) => code(x)).join(', ');
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));

  return (
    <Layout title={t('child.title')}>
      <Paragraph>{t('child.intro', { n: WITHIN_DAYS })}</Paragraph>
      {fetching && <Spinner aria-label={t('loading')} />}
      {refusal && <RefusalMarker refusal={refusal} />}
      {!fetching && !refusal && error && !children && <Paragraph role="alert">{t('error.network')}</Paragraph>}
      {children && children.length === 0 && <Paragraph data-testid="child-empty">{t('child.empty')}</Paragraph>}
      {children && children.length >= PAGE && <Paragraph data-testid="child-more">{t('child.more', { n: PAGE })}</Paragraph>}
      <ul className="card-list">
        {children?.map((c, i) => {
          const at = (field: string) => refusalAt(error, ['childVictims', i, field]);
          const cw = c.childWelfare ?? [];
          const deadlines = [...(c.immigrationDeadlines ?? []), ...(c.childWelfareDeadlines ?? [])].sort((a, b) => a.daysLeft - b.daysLeft);
          return (
            <li key={c.id}>
              <Card asChild>
                <section aria-labelledby={`child-${c.id}`} data-testid="child-victim" data-victim-id={c.id}>
                  <Heading level={2} data-size="xs" id={`child-${c.id}`}>
                    <AppLink to={`/victims/${encodeURIComponent(c.id)}`} className="mono">
                      {c.id}
                    </AppLink>{' '}
                    {(c.alerts ?? []).some((a) => a.state !== 'CLOSED') && <Tag data-color="danger">{t('child.openAlert')}</Tag>}
                  </Heading>
                  <Facts
                    items={[
                      [t('victims.status'), code(c.highestStatus)],
                      [t('victims.agencies'), list(c.registeringAgencies)],
                      [t('field.ageAssessment'), cw.map((x) => code(x.ageAssessment)).join(', ')],
                      [t('field.unaccompanied'), cw.map((x) => yesNo(x.unaccompanied)).join(', ')],
                      [t('field.guardian'), cw.map((x) => x.guardianName ?? t('child.noGuardian')).join(', ')],
                      [t('field.municipality'), cw.map((x) => x.municipality).join(', ')],
                    ]}
                  />
                  {(['childWelfare', 'police', 'immigration', 'assistance'] as const).map((f) => {
                    const r = at(f);
                    return r ? (
                      <div key={f} data-testid={`child-refused-${f}`}>
                        <Heading level={3} data-size="2xs">
                          {t(`section.${f}`)}
                        </Heading>
                        <RefusalMarker refusal={r} compact />
                      </div>
                    ) : null;
                  })}
                  <SubTable
                    title={t('field.placements')}
                    headers={[t('field.kind'), t('field.from'), t('child.plannedEnd'), t('field.to')]}
                    rows={cw.flatMap((x) => x.placements.map((p) => [code(p.kind), date(p.startedAt), date(p.plannedEndAt), date(p.endedAt)]))}
                  />
                  <SubTable
                    title={t('field.caseRoles')}
                    headers={[t('field.kind'), t('field.offence'), t('field.prosecutedAs'), t('field.status')]}
                    rows={(c.police ?? []).flatMap((p) =>
                      p.caseRoles.map((r) => [code(r.role), code(r.investigation.offence), code(r.investigation.prosecutedAs), code(r.investigation.status)]),
                    )}
                  />
                  <SubTable
                    title={t('child.immigration')}
                    headers={[t('field.kind'), t('field.when'), t('field.status')]}
                    rows={(c.immigration ?? []).flatMap((m) => [
                      ...m.reflectionPeriods.map((r) => [t('field.reflection'), date(r.endsAt), '']),
                      ...m.residencePermits.map((r) => [code(r.kind), date(r.validUntil), '']),
                      ...m.returnProceedings.map((r) => [t('field.returns'), date(r.departureDate), code(r.checkStatus)]),
                    ])}
                  />
                  <SubTable
                    title={t('field.episodes')}
                    headers={[t('field.organisation'), t('field.kind'), t('field.from'), t('field.to')]}
                    rows={(c.assistance ?? []).flatMap((a) =>
                      a ? a.assistanceEpisodes.map((e) => [a.organisation.name, code(e.type), date(e.startedAt), date(e.endedAt)]) : [],
                    )}
                  />
                  {(c.assistance ?? []).map((a, j) =>
                    a ? null : <RefusalMarker key={`ngo-${j}`} compact refusal={refusalAt(error, ['childVictims', i, 'assistance', j]) ?? { kind: 'OTHER' }} />,
                  )}
                  <SubTable
                    title={t('child.openReferrals')}
                    headers={[t('field.from'), t('field.target'), t('field.state'), t('field.sentAt')]}
                    rows={(c.openReferrals ?? []).flatMap((r) => (r ? [[code(r.fromAgency), code(r.target), code(r.state), date(r.sentAt)]] : []))}
                  />
                  {(c.openReferrals ?? []).map((r, j) =>
                    r ? null : (
                      <RefusalMarker key={`referral-${j}`} compact refusal={refusalAt(error, ['childVictims', i, 'openReferrals', j]) ?? { kind: 'OTHER' }} />
                    ),
                  )}
                  <SubTable
                    title={t('child.alertsAndDeadlines')}
                    headers={[t('field.kind'), t('field.when'), t('alerts.daysLeft')]}
                    rows={[
                      ...(c.alerts ?? []).map((a) => [`${t('alerts.returnHits')}: ${a.reasons.map((r) => code(r)).join(', ')}`, code(a.state), '']),
                      ...deadlines.map((d) => [code(d.kind), date(d.dueOn), String(d.daysLeft)]),
                    ]}
                  />
                </section>
              </Card>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
