import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { Refusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { RefusalMarker } from './RefusalMarker.tsx';

/**
 * One agency's part of the single victim view. `data-state` says which of the
 * three it is (tests read it): `shown` (records), `empty` (the agency holds
 * none) or `refused` (a marker says why).
 */
export function AgencySection({
  id,
  title,
  agency,
  refusal,
  empty,
  children,
}: {
  id: string;
  title: string;
  agency: string;
  refusal: Refusal | null;
  empty: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const state = refusal ? 'refused' : empty ? 'empty' : 'shown';
  return (
    <Card asChild className="agency-section">
      <section aria-labelledby={`${id}-heading`} data-testid={`section-${id}`} data-state={state} data-agency={agency}>
        <Heading level={2} data-size="sm" id={`${id}-heading`}>
          {title}
        </Heading>
        {refusal ? <RefusalMarker refusal={refusal} /> : empty ? <Paragraph>{t('victim.noRecords')}</Paragraph> : children}
      </section>
    </Card>
  );
}
