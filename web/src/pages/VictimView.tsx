import { Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { AgencySection } from '../components/AgencySection.tsx';
import { Facts, SubTable } from '../components/Facts.tsx';
import { Layout } from '../components/Layout.tsx';
import { RefusalMarker } from '../components/RefusalMarker.tsx';
import type { Offence } from '../gql/graphql.ts';
import { VictimView as VictimViewQuery } from '../graphql/operations.ts';
import { refusalAt, rootRefusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';
import { timelineOf } from './timeline.ts';

const TRAFFICKING: readonly Offence[] = ['TRAFFICKING_257', 'AGGRAVATED_TRAFFICKING_258'];

/**
 * The single victim view: the NRM's registrations and referrals, then one
 * section per agency, then the timeline across them. Every part the hub
 * withholds shows a marker saying why, never an empty space.
 */
export function VictimView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, code, date, dateTime, number } = i18n;
  const [{ data, fetching, error }] = useQuery({ query: VictimViewQuery, variables: { id } });
  const v = data?.victim;
  const rootRef = rootRefusal(error, 'victim');
  const at = (field: string) => refusalAt(error, ['victim', field], field);
  const name = (r: { givenNames: string; familyName: string }) => `${r.givenNames} ${r.familyName}`;
  const list = (xs: readonly string[]) => xs.map((x) => code(x)).join(', ');
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));

  return (
    <Layout title={t('victim.title', { id })}>
      <Paragraph>
        <AppLink to="/victims">{t('victim.back')}</AppLink>
      </Paragraph>
      {fetching && <Spinner aria-label={t('loading')} />}
      {!fetching && rootRef && !v && <RefusalMarker refusal={rootRef} />}
      {!fetching && !rootRef && data && !v && <Paragraph role="status">{t('victim.notFound')}</Paragraph>}
      {v && (
        <div className="stack">
          <AgencySection id="nrm" agency="NRM" title={t('section.nrm')} refusal={at('registrations')} empty={false}>
            <Facts
              items={[
                [
                  t('victims.status'),
                  v.highestStatus ? code(v.highestStatus) : <RefusalMarker refusal={refusalAt(error, ['victim', 'highestStatus']) ?? { kind: 'OTHER' }} />,
                ],
                [t('victims.agencies'), list(v.registeringAgencies)],
                [t('victims.firstRegistered'), dateTime(v.firstRegisteredAt)],
                [t('victim.mergedIds'), v.mergedIds?.length ? <span className="mono">{v.mergedIds.join(', ')}</span> : ''],
              ]}
            />
            <SubTable
              title={t('victim.registrations')}
              headers={[t('field.agency'), t('field.status'), t('field.decidedBy'), t('field.decidedOn'), t('field.exploitation')]}
              rows={(v.registrations ?? []).flatMap((r) =>
                r ? [[code(r.agency), code(r.status), code(r.decidedBy), date(r.decidedOn), list(r.exploitationTypes)]] : [],
              )}
            />
            {(v.registrations ?? []).map((r, i) =>
              r ? null : <RefusalMarker key={`withheld-registration-${i}`} refusal={refusalAt(error, ['victim', 'registrations', i]) ?? { kind: 'OTHER' }} />,
            )}
            <SubTable
              title={t('victim.referrals')}
              headers={[t('field.from'), t('field.target'), t('field.state'), t('field.sentAt')]}
              rows={(v.referrals ?? []).flatMap((r) => (r ? [[code(r.fromAgency), code(r.target), code(r.state), dateTime(r.sentAt)]] : []))}
            />
            {(v.referrals ?? []).map((r, i) =>
              r ? null : <RefusalMarker key={`withheld-referral-${i}`} refusal={refusalAt(error, ['victim', 'referrals', i]) ?? { kind: 'OTHER' }} />,
            )}
          </AgencySection>

          <AgencySection id="police" agency="POLICE" title={t('section.police')} refusal={at('police')} empty={!v.police?.length}>
            {v.police?.map((p) => (
              <div key={p.id} className="record">
                <Facts
                  items={[
                    [t('field.name'), name(p)],
                    [t('field.birthYear'), p.birthYear ?? ''],
                    [t('field.gender'), code(p.gender)],
                    [t('field.citizenships'), p.citizenships.join(', ')],
                    [t('field.status'), `${code(p.status)} (${code(p.decidedBy)})`],
                  ]}
                />
                <SubTable
                  title={t('field.caseRoles')}
                  headers={[t('field.reference'), t('field.kind'), t('field.offence'), t('field.prosecutedAs')]}
                  rows={p.caseRoles.map((c) => {
                    const mismatch =
                      c.investigation.prosecutedAs && TRAFFICKING.includes(c.investigation.offence) && !TRAFFICKING.includes(c.investigation.prosecutedAs);
                    return [
                      c.investigation.reference,
                      code(c.role),
                      code(c.investigation.offence),
                      <>
                        {code(c.investigation.prosecutedAs)}
                        {mismatch && (
                          <Tag data-color="warning" data-size="sm" className="inline-tag">
                            {t('field.classificationMismatch')}
                          </Tag>
                        )}
                      </>,
                    ];
                  })}
                />
                <SubTable
                  title={t('field.custody')}
                  headers={[t('field.kind'), t('field.from'), t('field.to')]}
                  rows={p.custodyStays.map((s) => [code(s.kind), date(s.startedAt), date(s.endedAt)])}
                />
                <SubTable
                  title={t('field.compensation')}
                  headers={[t('field.amount'), t('field.decidedOn'), t('field.paidAt')]}
                  rows={p.compensationOrders.map((o) => [number(o.amountNok), date(o.orderedAt), date(o.paidAt)])}
                />
              </div>
            ))}
          </AgencySection>

          <AgencySection id="immigration" agency="IMMIGRATION" title={t('section.immigration')} refusal={at('immigration')} empty={!v.immigration?.length}>
            {v.immigration?.map((a) => (
              <div key={a.id} className="record">
                <Facts
                  items={[
                    [t('field.name'), name(a)],
                    [t('field.duf'), a.dufNumber ? <span className="mono">{a.dufNumber}</span> : ''],
                    [t('field.eea'), yesNo(a.eeaCitizen)],
                    [t('field.citizenships'), a.citizenships.join(', ')],
                    [t('field.status'), `${code(a.status)} (${code(a.decidedBy)})`],
                  ]}
                />
                <SubTable
                  title={t('field.reflection')}
                  headers={[t('field.from'), t('field.to')]}
                  rows={a.reflectionPeriods.map((r) => [date(r.grantedAt), date(r.endsAt)])}
                />
                <SubTable
                  title={t('field.permits')}
                  headers={[t('field.kind'), t('field.from'), t('field.to')]}
                  rows={a.residencePermits.map((p) => [code(p.kind), date(p.grantedAt), date(p.validUntil)])}
                />
                <SubTable
                  title={t('field.asylum')}
                  headers={[t('field.kind'), t('field.decidedOn')]}
                  rows={a.asylumDecisions.map((d) => [code(d.outcome), date(d.decidedAt)])}
                />
                <SubTable
                  title={t('field.returns')}
                  headers={[t('field.when'), t('field.state'), t('field.screened')]}
                  rows={a.returnProceedings.map((r) => [date(r.departureDate), code(r.status), yesNo(r.screened)])}
                />
              </div>
            ))}
          </AgencySection>

          <AgencySection
            id="childWelfare"
            agency="CHILD_WELFARE"
            title={t('section.childWelfare')}
            refusal={at('childWelfare')}
            empty={!v.childWelfare?.length}
          >
            {v.childWelfare?.map((c) => (
              <div key={c.id} className="record">
                <Facts
                  items={[
                    [t('field.name'), name(c)],
                    [t('field.birthYear'), c.birthYear ?? ''],
                    [t('field.municipality'), c.municipality],
                    [t('field.ageAssessment'), code(c.ageAssessment)],
                    [t('field.unaccompanied'), yesNo(c.unaccompanied)],
                    [t('field.guardian'), c.guardianName ?? ''],
                  ]}
                />
                <SubTable
                  title={t('field.placements')}
                  headers={[t('field.kind'), t('field.from'), t('field.to')]}
                  rows={c.placements.map((p) => [code(p.kind), date(p.startedAt), date(p.endedAt ?? p.plannedEndAt)])}
                />
                <SubTable
                  title={t('field.measures')}
                  headers={[t('field.kind'), t('field.when')]}
                  rows={c.measures.map((m) => [code(m.kind), date(m.takenAt)])}
                />
              </div>
            ))}
          </AgencySection>

          <AgencySection id="assistance" agency="NGO" title={t('section.assistance')} refusal={at('assistance')} empty={!v.assistance?.length}>
            {v.assistance?.map((n, i) =>
              n ? (
                <div key={n.id} className="record" data-testid="ngo-record">
                  <Facts
                    items={[
                      [t('field.organisation'), n.organisation.name],
                      [t('field.name'), name(n)],
                      [t('field.status'), code(n.status)],
                    ]}
                  />
                  <SubTable
                    title={t('field.episodes')}
                    headers={[t('field.kind'), t('field.from'), t('field.to')]}
                    rows={n.assistanceEpisodes.map((e) => [code(e.type), date(e.startedAt), date(e.endedAt)])}
                  />
                  <SubTable
                    title={t('field.consents')}
                    headers={[t('field.agency'), t('field.from'), t('field.to')]}
                    rows={n.consents.map((c) => [code(c.agency), dateTime(c.givenAt), dateTime(c.withdrawnAt)])}
                  />
                </div>
              ) : (
                <div key={`refused-${i}`} className="record" data-testid="ngo-record-refused">
                  <RefusalMarker refusal={refusalAt(error, ['victim', 'assistance', i]) ?? { kind: 'OTHER' }} />
                </div>
              ),
            )}
          </AgencySection>

          <section aria-labelledby="timeline-heading" data-testid="timeline" className="timeline">
            <h2 id="timeline-heading" className="ds-heading" data-size="sm">
              {t('victim.timeline')}
            </h2>
            {renderTimeline(timelineOf(v))}
          </section>
        </div>
      )}
    </Layout>
  );

  function renderTimeline(events: ReturnType<typeof timelineOf>) {
    if (!events.length) return <Paragraph>{t('victim.timeline.empty')}</Paragraph>;
    const detail = (d: string | undefined) =>
      d
        ?.split(/([:>])/)
        .map((part) => (part === ':' ? ': ' : part === '>' ? ' → ' : /^\d+$/.test(part) ? `${number(Number(part))} NOK` : code(part)))
        .join('');
    return (
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('field.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('field.agency')}</Table.HeaderCell>
            <Table.HeaderCell>{t('field.what')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((e, i) => (
            <Table.Row key={i} data-agency={e.agency}>
              <Table.Cell>{e.at.length === 10 ? date(e.at) : dateTime(e.at)}</Table.Cell>
              <Table.Cell>{code(e.agency)}</Table.Cell>
              <Table.Cell>
                {i18n.event(e.kind)}
                {e.detail ? `: ${detail(e.detail)}` : ''}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    );
  }
}
