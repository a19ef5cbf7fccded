import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { codeLabel } from './codes.ts';
import { en, enTimeline } from './en.ts';
import { nb, nbTimeline, type MessageKey } from './nb.ts';

export type Lang = 'nb' | 'en';
const MESSAGES: Record<Lang, Record<MessageKey, string>> = { nb, en };
const STORAGE_KEY = 'nrm-hub.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A message, with `{name}` placeholders filled from `vars`. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A code-list value's label. */
  code(value: string | null | undefined): string;
  /** A date (YYYY-MM-DD) or timestamp in the language's format. */
  date(value: string | null | undefined): string;
  dateTime(value: string | null | undefined): string;
  number(value: number): string;
  /** A timeline event's name. */
  event(kind: string): string;
}

const Context = createContext<I18n | null>(null);

function initialLang(): Lang {
  // A language choice is not personal data; it lives for the session only.
  return sessionStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb';
}

/** Provides the language (Norwegian bokmål by default) and keeps `<html lang>` in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'nb' ? 'nb' : 'en';
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    sessionStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'nb' ? 'nb-NO' : 'en-GB';
    const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const numberFmt = new Intl.NumberFormat(locale);
    return {
      lang,
      setLang,
      t: (key, vars) => {
        const text = MESSAGES[lang][key] ?? key;
        return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
      },
      code: (v) => (v ? codeLabel(v, lang) : ''),
      date: (v) => (v ? dateFmt.format(new Date(v.length === 10 ? `${v}T00:00:00Z` : v)) : ''),
      dateTime: (v) => (v ? dateTimeFmt.format(new Date(v)) : ''),
      number: (n) => numberFmt.format(n),
      event: (k) => (lang === 'nb' ? nbTimeline : enTimeline)[k] ?? k,
    };
  }, [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The current language's helpers. */
export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
