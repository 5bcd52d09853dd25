// The administrator's area: organizations, users and roles, planning tables and partners,
// reporting periods, settings, public scorecard links and the e-mail outbox, each a sub-page
// under /admin.

import { Navigate, NavLink, Route, Routes } from 'react-router';
import { isAdmin } from '../../api/auth-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { PageLayout } from '../../components/page-layout';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { OrganizationsTab } from './organizations-tab';
import { OutboxTab } from './outbox-tab';
import { PeriodsTab } from './periods-tab';
import { PublicLinksTab } from './public-links-tab';
import { SettingsTab } from './settings-tab';
import { TablesTab } from './tables-tab';
import { UsersTab } from './users-tab';
import './admin.css';

const tabs: readonly { path: string; label: MessageKey }[] = [
  { path: 'organizations', label: 'admin.tab.organizations' },
  { path: 'users', label: 'admin.tab.users' },
  { path: 'tables', label: 'admin.tab.tables' },
  { path: 'periods', label: 'admin.tab.periods' },
  { path: 'settings', label: 'admin.tab.settings' },
  { path: 'public-links', label: 'admin.tab.publicLinks' },
  { path: 'outbox', label: 'admin.tab.outbox' },
];

export function AdminPage() {
  const t = useT();
  const user = useCurrentUser();
  if (!isAdmin(user)) {
    return (
      <PageLayout title={t('admin.title')}>
        <p className="panel">{t('admin.forbidden')}</p>
      </PageLayout>
    );
  }
  return (
    <PageLayout title={t('admin.title')}>
      <nav className="admin-tabs" aria-label={t('admin.tabs')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.path}>
              <NavLink to={`/admin/${tab.path}`} className="admin-tab">
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="/admin/organizations" replace />} />
        <Route path="organizations" element={<OrganizationsTab />} />
        {/* Optional segments: choosing a row keeps the tab mounted, and focus where it was. */}
        <Route path="users/:userId?" element={<UsersTab />} />
        <Route path="tables/:tableId?" element={<TablesTab />} />
        <Route path="periods" element={<PeriodsTab />} />
        <Route path="settings" element={<SettingsTab />} />
        <Route path="public-links/:tableId?" element={<PublicLinksTab />} />
        <Route path="outbox" element={<OutboxTab />} />
        <Route path="*" element={<Navigate to="/admin/organizations" replace />} />
      </Routes>
    </PageLayout>
  );
}
