import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.tsx';
import { readsAlerts, type PageKey } from '../auth/roles.ts';
import { OpenAlertCount } from '../graphql/operations.ts';
import { usePolling } from '../live.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nb.ts';
import { AppLink, useRouter } from '../router.tsx';

/** Navigation entries; a page appears for the roles whose `pages` list it (auth/roles.ts). */
const NAV: { page: PageKey; to: string; label: MessageKey }[] = [
  { page: 'victims', to: '/victims', label: 'nav.victims' },
  { page: 'childCoordination', to: '/child-coordination', label: 'nav.childCoordination' },
  { page: 'alerts', to: '/alerts', label: 'nav.alerts' },
  { page: 'matchReview', to: '/match-review', label: 'nav.matchReview' },
  { page: 'statistics', to: '/statistics', label: 'nav.statistics' },
  { page: 'dataProtection', to: '/data-protection', label: 'nav.dataProtection' },
];

/** The frame of every page: skip link, header with the current role and purpose, language switch, navigation, main. */
export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { session, signOut, pages } = useSession();
  const { path, navigate } = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  // Move focus to the new page's heading after navigation, so screen-reader users hear where they are.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [path]);
  const roleLabel = session ? (session.roleKey ? t(`role.${session.roleKey}` as MessageKey) : `${t('role.oidc')} (${session.agency})`) : '';
  return (
    <>
      <SkipLink href="#main">{t('skip.main')}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="app-header__brand">
            <AppLink to="/" className="app-header__name">
              {t('app.name')}
            </AppLink>
            <span className="app-header__tagline">{t('app.tagline')}</span>
          </div>
          <div className="app-header__tools">
            {session && (
              <Paragraph data-size="sm" className="app-header__session" data-testid="session">
                <span>
                  {t('session.role')}: <strong data-testid="session-role">{roleLabel}</strong>
                </span>
                <span>
                  {t('session.purpose')}: <strong data-testid="session-purpose">{session.purpose ?? t('session.noPurpose')}</strong>
                </span>
              </Paragraph>
            )}
            <Button
              variant="tertiary"
              data-size="sm"
              lang={lang === 'nb' ? 'en' : 'nb'}
              aria-label={t('lang.switch.label')}
              onClick={() => setLang(lang === 'nb' ? 'en' : 'nb')}
            >
              {t('lang.switch')}
            </Button>
            {session && (
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  signOut();
                  navigate('/sign-in');
                }}
              >
                {t('session.signOut')}
              </Button>
            )}
          </div>
        </div>
        {session && pages.length > 0 && (
          <nav aria-label={t('nav.label')} className="app-nav">
            <ul>
              {NAV.filter((n) => pages.includes(n.page)).map((n) => (
                <li key={n.page}>
                  <AppLink to={n.to} aria-current={path === n.to || path.startsWith(`${n.to}/`) ? 'page' : undefined}>
                    {t(n.label)}
                    {n.page === 'alerts' && session && readsAlerts(session.agency) && <AlertCounter />}
                  </AppLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <h1 ref={heading} tabIndex={-1} className="ds-heading" data-size="lg">
          {title}
        </h1>
        {children}
      </main>
    </>
  );
}

/**
 * The number of open alerts beside "Alerts" in the navigation, polled (see
 * live.tsx) so it changes without a reload; only for agencies that may read
 * alerts. Screen readers hear it as part of the link ("Varsler, 2 åpne").
 */
function AlertCounter() {
  const { t } = useI18n();
  const [{ data }, refetch] = useQuery({ query: OpenAlertCount });
  usePolling(() => refetch({ requestPolicy: 'network-only' }));
  const n = data?.alerts?.length;
  if (n === undefined) return null;
  // The query asks for at most 100 (operations.ts): more reads "100+".
  return (
    <span className="nav-count" data-testid="alert-count" data-count={n}>
      <span className="visually-hidden">, </span>
      {t('nav.alerts.open', { n: n >= 100 ? '100+' : n })}
    </span>
  );
}
