import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { pagesForAgency, roleByKey, type PageKey } from './roles.ts';

/**
 * The signed-in session: the bearer token and what the app shows about it
 * (role, agency, purpose). Kept in sessionStorage only, so it ends with the
 * tab; a token holds claims (agency, roles, purpose, subject), no personal
 * data about victims.
 */
export interface Session {
  token: string;
  /** The development role chosen at sign-in; null for tokens from a real issuer. */
  roleKey: string | null;
  agency: string;
  roles: string[];
  purpose: string | null;
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

const STORAGE_KEY = 'nrm-hub.session';

/** The claims of a JWT, without verifying it (the gateway verifies; the app only displays them). */
export function decodeClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('Not a JWT');
  const json = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

/** A session from a token; `roleKey` when the user chose a development role. */
export function sessionFromToken(token: string, roleKey: string | null): Session {
  const claims = decodeClaims(token);
  return {
    token,
    roleKey,
    agency: typeof claims.agency === 'string' ? claims.agency : '',
    roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
    purpose: typeof claims.purpose === 'string' ? claims.purpose : null,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3600_000,
  };
}

function stored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

interface SessionContext {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
  /** Pages the signed-in role may use. */
  pages: PageKey[];
}

const Context = createContext<SessionContext | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(stored);
  const signIn = useCallback((s: Session) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    setSession(s);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);
  const value = useMemo<SessionContext>(() => {
    const role = session?.roleKey ? roleByKey(session.roleKey) : undefined;
    const pages = session ? (role?.pages ?? pagesForAgency(session.agency)) : [];
    return { session, signIn, signOut, pages };
  }, [session, signIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
