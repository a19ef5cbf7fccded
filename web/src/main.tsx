import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { SessionProvider } from './auth/session.tsx';
import { loadConfig } from './config.ts';
import { I18nProvider } from './i18n/i18n.tsx';
import { RouterProvider } from './router.tsx';

const config = await loadConfig();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <RouterProvider>
          <App config={config} />
        </RouterProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
