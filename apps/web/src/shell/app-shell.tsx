// The authenticated frame: top bar (product, notifications, language, user, sign out), left
// navigation, main.

import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useLogout } from '../auth/auth-mutations';
import { useCurrentUser } from '../auth/auth-provider';
import { LanguageSwitch } from '../components/language-switch';
import { SkipLink } from '../components/skip-link';
import { useT } from '../i18n/i18n-provider';
import { navItems } from './nav-items';
import { NotificationBell } from './notification-bell';
import { RouteFocusProvider } from './route-focus';

export function AppShell() {
  const t = useT();
  const user = useCurrentUser();
  const signOut = useLogout();

  return (
    <RouteFocusProvider>
      <SkipLink />
      <div className="shell">
        <header className="topbar">
          <p className="brand">{t('app.name')}</p>
          <div className="topbar-tools">
            <NotificationBell />
            <LanguageSwitch />
            <section className="account" aria-label={t('shell.userLabel')}>
              <p className="user-name">{t('shell.signedInAs', { name: user.name })}</p>
              <NavLink to="/account" className="account-link">
                {t('account.nav')}
              </NavLink>
              <button
                type="button"
                className="button"
                onClick={() => signOut.mutate()}
                disabled={signOut.isPending}
              >
                {signOut.isPending ? t('shell.signingOut') : t('shell.signOut')}
              </button>
            </section>
          </div>
        </header>
        <nav className="sidenav" aria-label={t('shell.navLabel')}>
          <ul>
            {navItems
              .filter((item) => item.visible?.(user) ?? true)
              .map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path} className="sidenav-link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </RouteFocusProvider>
  );
}
