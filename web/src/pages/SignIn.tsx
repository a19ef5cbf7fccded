import { Alert, Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { completeOidcSignIn, startOidcSignIn } from '../auth/oidc.ts';
import { PURPOSE_RE, ROLES, type RoleKey } from '../auth/roles.ts';
import { sessionFromToken, useSession } from '../auth/session.tsx';
import { Layout } from '../components/Layout.tsx';
import type { AppConfig } from '../config.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nb.ts';
import { useRouter } from '../router.tsx';

/** Sign-in: development roles from the local issuer, or OpenID Connect in production. */
export function SignIn({ config, callback = false }: { config: AppConfig; callback?: boolean }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { navigate, search } = useRouter();
  const [role, setRole] = useState<RoleKey>('police-investigator');
  const [purpose, setPurpose] = useState('CASE-2021-17');
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const auth = config.auth;

  useEffect(() => {
    if (!callback || auth.mode !== 'oidc') return;
    completeOidcSignIn(auth, search)
      .then((token) => {
        signIn(sessionFromToken(token, null));
        navigate('/', { replace: true });
      })
      .catch(() => setFailed(true));
  }, [callback, auth, search, signIn, navigate]);

  const purposeValid = (p: string) => p === '' || PURPOSE_RE.test(p);

  async function onDevSubmit(e: FormEvent) {
    e.preventDefault();
    if (auth.mode !== 'dev') return;
    if (!purposeValid(purpose.trim())) {
      setPurposeError(t('signIn.purpose.invalid'));
      return;
    }
    setPurposeError(null);
    setFailed(false);
    setBusy(true);
    try {
      const def = ROLES.find((r) => r.key === role)!;
      const res = await fetch(auth.tokenUrl ?? '/dev/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agency: def.agency, roles: def.roles, purpose: purpose.trim() || null }),
      });
      if (!res.ok) throw new Error(String(res.status));
      const { token } = (await res.json()) as { token: string };
      signIn(sessionFromToken(token, role));
      navigate('/', { replace: true });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  async function onOidcSubmit(e: FormEvent) {
    e.preventDefault();
    if (auth.mode !== 'oidc') return;
    if (!purposeValid(purpose.trim())) {
      setPurposeError(t('signIn.purpose.invalid'));
      return;
    }
    try {
      await startOidcSignIn(auth, purpose.trim());
    } catch {
      setFailed(true);
    }
  }

  const purposeField = (
    <Textfield
      label={t('signIn.purpose')}
      description={t('signIn.purpose.help')}
      value={purpose}
      onChange={(e) => setPurpose(e.target.value)}
      error={purposeError ?? undefined}
      autoComplete="off"
      name="purpose"
    />
  );

  return (
    <Layout title={t('signIn.title')}>
      {failed && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{callback ? t('signIn.oidc.callbackFailed') : t('signIn.failed')}</Paragraph>
        </Alert>
      )}
      {auth.mode === 'dev' ? (
        <form onSubmit={onDevSubmit} className="stack" noValidate>
          <Paragraph>{t('signIn.dev.intro')}</Paragraph>
          <Fieldset>
            <Fieldset.Legend>{t('signIn.role')}</Fieldset.Legend>
            {ROLES.map((r) => (
              <Radio key={r.key} name="role" value={r.key} label={t(`role.${r.key}` as MessageKey)} checked={role === r.key} onChange={() => setRole(r.key)} />
            ))}
          </Fieldset>
          {purposeField}
          <div>
            <Button type="submit" disabled={busy}>
              {t('signIn.submit')}
            </Button>
          </div>
        </form>
      ) : !auth.issuer || !auth.clientId ? (
        <Alert data-color="warning">
          <Paragraph>{t('signIn.oidc.notConfigured')}</Paragraph>
        </Alert>
      ) : (
        !callback && (
          <form onSubmit={onOidcSubmit} className="stack" noValidate>
            <Paragraph>{t('signIn.oidc.intro')}</Paragraph>
            {auth.purposeParameter && purposeField}
            <div>
              <Button type="submit">{t('signIn.oidc.submit')}</Button>
            </div>
          </form>
        )
      )}
    </Layout>
  );
}
