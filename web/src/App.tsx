import { Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useMemo } from 'react';
import { Provider } from 'urql';
import { CALLBACK_PATH } from './auth/oidc.ts';
import type { PageKey } from './auth/roles.ts';
import { useSession } from './auth/session.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Layout } from './components/Layout.tsx';
import { pollInterval, type AppConfig } from './config.ts';
import { createClient } from './graphql/client.ts';
import { useI18n } from './i18n/i18n.tsx';
import { PollIntervalContext } from './live.tsx';
import { Alerts } from './pages/Alerts.tsx';
import { ChildCoordination } from './pages/ChildCoordination.tsx';
import { DataProtection } from './pages/DataProtection.tsx';
import { MatchReview } from './pages/MatchReview.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { Statistics } from './pages/Statistics.tsx';
import { VictimView } from './pages/VictimView.tsx';
import { Victims } from './pages/Victims.tsx';
import { matchPath, useRouter } from './router.tsx';

const HOME: Record<PageKey, string> = {
  victims: '/victims',
  matchReview: '/match-review',
  alerts: '/alerts',
  childCoordination: '/child-coordination',
  statistics: '/statistics',
  dataProtection: '/data-protection',
};

/** Routes; each page checks the role may use it (the hub refuses anyway, this keeps the UI honest). */
export function App({ config }: { config: AppConfig }) {
  const { session, signOut, pages } = useSession();
  const { path, navigate } = useRouter();
  const client = useMemo(
    () =>
      createClient(config.gatewayUrl, session?.token ?? null, () => {
        signOut();
        navigate('/sign-in', { replace: true });
      }),
    [config.gatewayUrl, session?.token, signOut, navigate],
  );

  const signedIn = !!session;
  useEffect(() => {
    if (!signedIn && path !== '/sign-in' && path !== CALLBACK_PATH) navigate('/sign-in', { replace: true });
    else if (signedIn && (path === '/' || path === '/sign-in')) navigate(pages[0] ? HOME[pages[0]] : '/home', { replace: true });
  }, [signedIn, path, pages, navigate]);

  if (path === CALLBACK_PATH) return <SignIn config={config} callback />;
  if (!session) return <SignIn config={config} />;
  return (
    <Provider value={client}>
      <PollIntervalContext.Provider value={pollInterval(config)}>
        <PageErrorBoundary key={path}>{route(path, pages)}</PageErrorBoundary>
      </PollIntervalContext.Provider>
    </Provider>
  );
}

function PageErrorBoundary({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  return <ErrorBoundary message={t('error.generic')}>{children}</ErrorBoundary>;
}

function route(path: string, pages: PageKey[]) {
  const allowed = (p: PageKey, el: React.ReactElement) => (pages.includes(p) ? el : <NoAccess />);
  let m: Record<string, string> | null;
  if (path === '/victims') return allowed('victims', <Victims />);
  if ((m = matchPath('/victims/:id', path))) return allowed('victims', <VictimView key={m.id} id={m.id!} />);
  if (path === '/match-review') return allowed('matchReview', <MatchReview />);
  if (path === '/alerts') return allowed('alerts', <Alerts />);
  if (path === '/child-coordination') return allowed('childCoordination', <ChildCoordination />);
  if (path === '/statistics') return allowed('statistics', <Statistics />);
  if (path === '/data-protection') return allowed('dataProtection', <DataProtection id={null} />);
  if ((m = matchPath('/data-protection/:id', path))) return allowed('dataProtection', <DataProtection key={m.id} id={m.id!} />);
  if (path === '/home' || path === '/' || path === '/sign-in') return <Home />;
  return <NotFound />;
}

function Home() {
  const { t } = useI18n();
  return (
    <Layout title={t('home.title')}>
      <Paragraph>{t('home.noPages')}</Paragraph>
    </Layout>
  );
}

function NoAccess() {
  const { t } = useI18n();
  return (
    <Layout title={t('noAccess.title')}>
      <Paragraph>{t('noAccess.body')}</Paragraph>
    </Layout>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <Layout title={t('notFound.title')}>{null}</Layout>;
}
