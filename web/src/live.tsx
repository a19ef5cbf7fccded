import { createContext, useContext, useEffect, useRef } from 'react';
import { DEFAULT_POLL_INTERVAL_MS } from './config.ts';

/**
 * Live updates by polling: the app sends only trusted documents over plain
 * HTTP and the gateway has no subscription transport (no WebSocket or SSE
 * endpoint in production mode), so the alerts page and the navigation's
 * counter ask again every `pollIntervalMs` (config.json). A poll is skipped
 * while the tab is hidden; coming back asks at once.
 */
export const PollIntervalContext = createContext<number>(DEFAULT_POLL_INTERVAL_MS);

/** Calls `refresh` every configured interval while `enabled` (and the tab is visible). */
export function usePolling(refresh: () => void, enabled = true): number {
  const interval = useContext(PollIntervalContext);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!enabled) return;
    const tick = () => {
      if (document.visibilityState !== 'hidden') latest.current();
    };
    const timer = window.setInterval(tick, interval);
    const onVisible = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [interval, enabled]);
  return interval;
}
