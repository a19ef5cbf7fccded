import { Alert, Button, Card, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Facts, SubTable } from '../components/Facts.tsx';
import { Layout } from '../components/Layout.tsx';
import { RefusalMarker } from '../components/RefusalMarker.tsx';
import { ConfirmLinkReview, OpenLinkReviews, RejectLinkReview } from '../graphql/operations.ts';
import { refusalOf, rootRefusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nb.ts';
import { AppLink } from '../router.tsx';

/** The fields the matcher compares, in the API's order; one it could not compare (a record lacks it) weighs nothing. */
const MATCH_FIELDS = ['NAME', 'DATE', 'SEX', 'CITIZENSHIP'] as const;

/**
 * The coordinating unit's queue of uncertain matches: for each, the new
 * registration (agency, status, decision day), the victim it may be the same
 * person as, the matcher's probability and weight, and each compared field's
 * agreement level and weight (log2 m/u: positive speaks for one person,
 * negative against). Confirm merges the two,
 * reject keeps them apart; the hub records who (the token's subject) and when.
 * No names cross here: only pseudonymous ids and coded facts.
 */
export function MatchReview() {
  const { t, code, date, dateTime, number } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OpenLinkReviews });
  const [confirmState, confirm] = useMutation(ConfirmLinkReview);
  const [rejectState, reject] = useMutation(RejectLinkReview);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const refusal = rootRefusal(error, 'linkReviews');
  const busy = confirmState.fetching || rejectState.fetching;
  const signed = (w: number) => `${w > 0 ? '+' : w < 0 ? '−' : ''}${number(Math.round(Math.abs(w) * 100) / 100)}`;
  const levelLabel = (level: string) => {
    const key = `match.level.${level}` as MessageKey;
    const text = t(key);
    return text === key ? level : text;
  };

  async function decide(kind: 'confirm' | 'reject', id: string, victim: string, candidate: string) {
    setOutcome(null);
    const result = kind === 'confirm' ? await confirm({ id }) : await reject({ id });
    const err = result.error?.graphQLErrors[0];
    if (err || result.error) {
      setOutcome({ ok: false, text: err ? t(`refusal.${refusalOf(err).kind}`) : t('error.generic') });
    } else {
      setOutcome({ ok: true, text: t(kind === 'confirm' ? 'match.confirmed' : 'match.rejected', { victim, candidate }) });
    }
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <Layout title={t('match.title')}>
      <Paragraph>{t('match.intro')}</Paragraph>
      <div aria-live="polite" role="status" data-testid="match-outcome">
        {outcome && (
          <Alert data-color={outcome.ok ? 'success' : 'danger'}>
            <Paragraph>{outcome.text}</Paragraph>
          </Alert>
        )}
      </div>
      {fetching && !data && <Spinner aria-label={t('loading')} />}
      {refusal && <RefusalMarker refusal={refusal} />}
      {data?.linkReviews && data.linkReviews.length === 0 && <Paragraph data-testid="match-empty">{t('match.empty')}</Paragraph>}
      <ul className="card-list">
        {data?.linkReviews?.map((r) => (
          <li key={r.id}>
            <Card data-testid="link-review" data-review-id={r.id}>
              <Heading level={2} data-size="xs">
                {t('match.registration')}: {code(r.registration.agency)}, {date(r.registration.decidedOn)}
              </Heading>
              <Facts
                items={[
                  [t('match.score'), number(Math.round(r.score * 1000) / 1000)],
                  [t('match.weight'), signed(r.matchWeight)],
                  [t('field.status'), code(r.registration.status)],
                  [t('field.exploitation'), r.registration.exploitationTypes.map((x) => code(x)).join(', ')],
                  [
                    t('victims.id'),
                    <AppLink to={`/victims/${encodeURIComponent(r.victim.id)}`} className="mono">
                      {r.victim.id}
                    </AppLink>,
                  ],
                  [
                    t('match.candidate'),
                    <>
                      <AppLink to={`/victims/${encodeURIComponent(r.candidate.id)}`} className="mono">
                        {r.candidate.id}
                      </AppLink>{' '}
                      ({r.candidate.registeringAgencies.map((a) => code(a)).join(', ')}; {code(r.candidate.highestStatus)})
                    </>,
                  ],
                  [t('match.openedAt'), dateTime(r.createdAt)],
                ]}
              />
              <div data-testid="match-fields">
                <SubTable
                  title={t('match.perField')}
                  headers={[t('match.field'), t('match.level'), t('match.fieldWeight')]}
                  rows={MATCH_FIELDS.map((name) => {
                    const f = r.fields.find((x) => x.field === name);
                    return [
                      t(`match.field.${name}`),
                      f ? (
                        <span data-field={name} data-level={f.level}>
                          {levelLabel(f.level)}
                        </span>
                      ) : (
                        <span data-field={name} data-level="MISSING">
                          {t('match.level.MISSING')}
                        </span>
                      ),
                      f ? (
                        <span className="weights" data-weight={f.weight}>
                          {signed(f.weight)}
                        </span>
                      ) : (
                        '0'
                      ),
                    ];
                  })}
                />
              </div>
              <div className="actions">
                <Button disabled={busy} onClick={() => decide('confirm', r.id, r.victim.id, r.candidate.id)} data-testid="confirm">
                  {t('match.confirm')}
                </Button>
                <Button variant="secondary" disabled={busy} onClick={() => decide('reject', r.id, r.victim.id, r.candidate.id)} data-testid="reject">
                  {t('match.reject')}
                </Button>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
