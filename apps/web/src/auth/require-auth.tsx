// Lets the shell render only for a signed-in user; everyone else goes to the login page.

import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../api/error-message';
import { useT } from '../i18n/i18n-provider';
import { useAuth } from './auth-provider';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, signOut } = useAuth();
  const location = useLocation();
  const t = useT();

  switch (state.status) {
    case 'signed-in':
      return children;
    case 'signed-out': {
      // After signing out, start afresh; otherwise come back here after signing in.
      const here = `${location.pathname}${location.search}`;
      const keep = state.reason !== 'signed-out' && here !== '/';
      return <Navigate to={keep ? `/login?next=${encodeURIComponent(here)}` : '/login'} replace />;
    }
    case 'loading':
      return <FullPageStatus>{t('app.loading')}</FullPageStatus>;
    case 'error':
      return (
        <main id="main" className="centered-page">
          <div className="panel" role="alert">
            <p>
              <strong>{t('errors.loadUser')}</strong> {errorMessage(state.error, t)}
            </p>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={state.retry}>
                {t('errors.retry')}
              </button>
              <button type="button" className="button" onClick={() => signOut('signed-out')}>
                {t('shell.signOut')}
              </button>
            </div>
          </div>
        </main>
      );
    default: {
      const unhandled: never = state;
      return unhandled;
    }
  }
}

export function FullPageStatus({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="centered-page">
      <p role="status" className="muted">
        {children}
      </p>
    </main>
  );
}
