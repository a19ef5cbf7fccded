import { Button, Card, Heading, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Layout } from '../components/Layout.tsx';
import { RefusalMarker } from '../components/RefusalMarker.tsx';
import type { AuditRecordFieldsFragment } from '../gql/graphql.ts';
import { VictimAuditTrail } from '../graphql/operations.ts';
import { refusalAt, rootRefusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nb.ts';
import { useRouter } from '../router.tsx';

const TRAILS = [
  ['nrmAuditTrail', 'dp.subgraph.nrm'],
  ['policeAuditTrail', 'dp.subgraph.police'],
  ['immigrationAuditTrail', 'dp.subgraph.immigration'],
  ['childWelfareAuditTrail', 'dp.subgraph.childWelfare'],
  ['ngoAuditTrail', 'dp.subgraph.ngo'],
] as const satisfies readonly (readonly [string, MessageKey])[];

/**
 * For the data-protection role: a victim's audit trail from all five
 * subgraphs (who read what, when, for which purpose), for every id of the
 * person's merge cluster. The id is pseudonymous and may sit in the URL.
 */
export function DataProtection({ id }: { id: string | null }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [input, setInput] = useState(id ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = input.trim();
    if (v) navigate(`/data-protection/${encodeURIComponent(v)}`);
  };
  return (
    <Layout title={t('dp.title')}>
      <Paragraph>{t('dp.intro')}</Paragraph>
      <form onSubmit={submit} className="toolbar" role="search">
        <Textfield label={t('dp.victimId')} value={input} onChange={(e) => setInput(e.target.value)} autoComplete="off" className="mono" name="victimId" />
        <Button type="submit">{t('dp.lookup')}</Button>
      </form>
      {id && <Trail id={id} />}
    </Layout>
  );
}

function Trail({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: VictimAuditTrail, variables: { id } });
  const refusal = rootRefusal(error, 'auditVictim');
  if (fetching) return <Spinner aria-label={t('loading')} />;
  if (refusal && !data?.auditVictim) return <RefusalMarker refusal={refusal} />;
  if (!data?.auditVictim) return <Paragraph role="status">{t('dp.notFound')}</Paragraph>;
  return (
    <div className="stack" data-testid="audit-trail">
      {(data.auditVictim.mergeCluster ?? []).map((member, m) => (
        <Card key={member.id} data-testid="audit-cluster-member">
          <Heading level={2} data-size="sm">
            {t('dp.cluster', { id: member.id })}
          </Heading>
          {TRAILS.map(([field, label]) => {
            const records = member[field];
            const refused = refusalAt(error, ['auditVictim', 'mergeCluster', m, field]);
            return (
              <section key={field} aria-label={`${t(label)} – ${member.id}`} data-testid={`trail-${field}`}>
                <Heading level={3} data-size="2xs">
                  {t(label)}
                </Heading>
                {refused || !records ? <RefusalMarker refusal={refused ?? { kind: 'OTHER' }} /> : <Records records={records} />}
              </section>
            );
          })}
        </Card>
      ))}
    </div>
  );
}

function Records({ records }: { records: readonly AuditRecordFieldsFragment[] }) {
  const { t, dateTime } = useI18n();
  if (!records.length) return <Paragraph data-size="sm">{t('dp.empty')}</Paragraph>;
  return (
    <Table data-size="sm" zebra>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('dp.at')}</Table.HeaderCell>
          <Table.HeaderCell>{t('dp.subject')}</Table.HeaderCell>
          <Table.HeaderCell>{t('dp.agency')}</Table.HeaderCell>
          <Table.HeaderCell>{t('dp.purpose')}</Table.HeaderCell>
          <Table.HeaderCell>{t('dp.operation')}</Table.HeaderCell>
          <Table.HeaderCell>{t('dp.fields')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {records.map((r) => (
          <Table.Row key={`${r.requestId}-${r.at}`}>
            <Table.Cell>{dateTime(r.at)}</Table.Cell>
            <Table.Cell>{r.subject}</Table.Cell>
            <Table.Cell>
              {r.agency} ({r.roles.join(', ')})
            </Table.Cell>
            <Table.Cell>{r.purpose ?? '–'}</Table.Cell>
            <Table.Cell>{r.operation ?? '–'}</Table.Cell>
            <Table.Cell className="fields-cell">{r.fields.join(', ')}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
