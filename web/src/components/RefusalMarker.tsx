import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { Refusal } from '../graphql/refusals.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Shown where the hub withheld something, instead of an empty space: says
 * why (no permission, no purpose, no consent). `data-refusal` carries the
 * reason for tests and styling; the text carries it for people.
 */
export function RefusalMarker({ refusal, compact = false }: { refusal: Refusal; compact?: boolean }) {
  const { t } = useI18n();
  const text = t(`refusal.${refusal.kind}`);
  if (compact) {
    return (
      <span className="refusal refusal--compact" data-refusal={refusal.kind}>
        <span className="refusal__label">{t('refusal.label')}:</span> {text}
      </span>
    );
  }
  return (
    <Alert data-color="warning" className="refusal" data-refusal={refusal.kind}>
      <Paragraph>
        <strong>{t('refusal.label')}.</strong> {text}
      </Paragraph>
    </Alert>
  );
}
