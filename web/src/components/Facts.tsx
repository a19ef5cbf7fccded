import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** A description list of label → value pairs; an empty value shows a dash with a text for screen readers. */
export function Facts({ items }: { items: [label: string, value: ReactNode][] }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label} className="facts__item">
          <dt>{label}</dt>
          <dd>
            {value === null || value === undefined || value === '' ? (
              <>
                <span aria-hidden="true">–</span>
                <span className="visually-hidden">{t('none')}</span>
              </>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A small titled table; says so when there are no rows. */
export function SubTable({ title, headers, rows }: { title: string; headers: string[]; rows: ReactNode[][] }) {
  const { t } = useI18n();
  const id = useId();
  // A wide table scrolls sideways inside this region; keyboard users reach the scroll with Tab (WCAG 2.1.1).
  return (
    <div className="subtable" role="region" aria-labelledby={id} tabIndex={rows.length ? 0 : undefined}>
      <Heading level={3} data-size="2xs" id={id}>
        {title}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph data-size="sm">{t('none')}</Paragraph>
      ) : (
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              {headers.map((h) => (
                <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r, i) => (
              <Table.Row key={i}>
                {r.map((c, j) => (
                  <Table.Cell key={j}>{c}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
