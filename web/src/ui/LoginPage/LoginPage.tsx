// Sign-in: username and password; errors say what happened (wrong password, locked, too many attempts).
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../data/http.ts';
import { signIn } from '../../data/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, toggle } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
      onSignedIn();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      const message = e instanceof Error ? e.message : String(e);
      setError(
        code === 'RATE_LIMITED'
          ? t('loginRateLimited')
          : /locked/.test(message)
            ? t('loginLocked')
            : code === 'UNAUTHENTICATED'
              ? t('loginWrong')
              : `${t('loginFailed')}${message}`,
      );
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} data-testid="login-form">
        <h1>{t('title')}</h1>
        <p className="login-subtitle">{t('subtitle')}</p>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            maxLength={64}
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            maxLength={128}
          />
        </label>
        {error && (
          <p className="login-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
        <p className="login-note">{t('synthetic')}</p>
        <button type="button" className="lang-switch" onClick={toggle}>
          {t('switchLanguage')}
        </button>
      </form>
    </main>
  );
}
