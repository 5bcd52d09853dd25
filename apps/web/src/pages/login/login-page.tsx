// The sign-in form; the server's error is announced through a live region.

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { useLogin } from '../../auth/auth-mutations';
import { useAuth } from '../../auth/auth-provider';
import { LanguageSwitch } from '../../components/language-switch';
import { SkipLink } from '../../components/skip-link';
import { useI18n } from '../../i18n/i18n-provider';
import { errorIssues, wordIssues } from '../../i18n/issue-wording';
import { DemoAccountList } from './demo-accounts';

export const defaultPath = '/scorecards';

/**
 * Where to go after signing in: only a path of this site, never another origin. Without one,
 * the home address, which sends each role to its own start page (funders to their dashboard).
 */
export function safeNextPath(next: string | null): string {
  // One slash, then not another slash or a backslash (both would name another host).
  const ownPath = next !== null && /^\/(?![/\\])/.test(next);
  return ownPath && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t, locale } = useI18n();
  const { state } = useAuth();
  const [params] = useSearchParams();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();
  const emailId = useId();
  const passwordId = useId();
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('login.title'), app: t('app.name') });
  }, [t]);

  // A refused sign-in that names a field: the focus goes to it.
  useEffect(() => {
    const fields = wordIssues(errorIssues(login.error), ['email', 'password'], 'en').fields;
    const first = fields.email ? emailId : fields.password ? passwordId : null;
    if (first) document.getElementById(first)?.focus();
  }, [login.error, emailId, passwordId]);

  if (state.status === 'signed-in') {
    return <Navigate to={safeNextPath(params.get('next'))} replace />;
  }

  // A malformed address or an empty password the server refused: said at its field, in our
  // words; anything else (wrong password, too many attempts) for the form as a whole.
  const problems = wordIssues(errorIssues(login.error), ['email', 'password'], locale);
  const fieldProblems = Object.keys(problems.fields).length > 0;
  const error = !login.error
    ? ''
    : fieldProblems || problems.others.length > 0
      ? problems.others.join(' ')
      : errorMessage(login.error, t);
  const emailError = problems.fields.email;
  const passwordError = problems.fields.password;
  /** What describes a field: its own problem, else the form's. */
  const describe = (fieldError: string | undefined, fieldErrorId: string) =>
    fieldError ? fieldErrorId : error ? errorId : undefined;
  const reason = state.status === 'signed-out' && login.isIdle ? state.reason : 'none';
  const notice =
    reason === 'signed-out'
      ? t('login.signedOut')
      : reason === 'session-ended'
        ? t('login.sessionEnded')
        : '';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <>
      <SkipLink />
      <div className="login-layout">
        <header className="login-header">
          <p className="brand">{t('app.name')}</p>
          <LanguageSwitch />
        </header>
        <main id="main" className="login-main" tabIndex={-1}>
          <div className="panel login-card">
            <h1 className="page-title">{t('login.title')}</h1>
            <p className="muted">{t('app.tagline')}</p>
            <p>{t('login.intro')}</p>
            <p role="status" className="notice" hidden={notice === ''}>
              {notice}
            </p>
            <form className="form" onSubmit={onSubmit}>
              <div className="field">
                <label htmlFor={emailId}>{t('login.email')}</label>
                <input
                  id={emailId}
                  name="email"
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                  aria-invalid={error || emailError ? true : undefined}
                  aria-describedby={describe(emailError, `${emailId}-error`)}
                />
                {emailError ? (
                  <p id={`${emailId}-error`} className="form-error">
                    {emailError}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={passwordId}>{t('login.password')}</label>
                <input
                  id={passwordId}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  aria-invalid={error || passwordError ? true : undefined}
                  aria-describedby={describe(passwordError, `${passwordId}-error`)}
                />
                {passwordError ? (
                  <p id={`${passwordId}-error`} className="form-error">
                    {passwordError}
                  </p>
                ) : null}
              </div>
              {/* Always in the page, so that assistive technology hears it change. */}
              <div id={errorId} className="form-error" role="alert" aria-live="assertive">
                {error}
              </div>
              <button
                ref={submitRef}
                type="submit"
                className="button button-primary"
                disabled={login.isPending}
              >
                {login.isPending ? t('login.submitting') : t('login.submit')}
              </button>
            </form>
          </div>
          <DemoAccountList
            onChoose={(account, demoPassword) => {
              setEmail(account.email);
              setPassword(demoPassword);
              login.reset();
              // Filled in: the next key press (Enter) signs in.
              submitRef.current?.focus();
            }}
          />
        </main>
      </div>
    </>
  );
}
