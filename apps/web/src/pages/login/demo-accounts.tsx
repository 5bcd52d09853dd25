// On the demo database only, the demo accounts by role: one click fills in the sign-in form.
// On any other database (DEMO=false, or PostgreSQL without DEMO=true) the API's list is empty,
// and nothing is shown.

import './login.css';
import type { DemoAccount, DemoAccounts } from '@rba/schema';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { apiRequest } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';

export function useDemoAccounts() {
  return useQuery({
    queryKey: queryKeys.demoAccounts(),
    queryFn: () => apiRequest<DemoAccounts>('/demo/accounts'),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function DemoAccountList({
  onChoose,
}: {
  onChoose: (account: DemoAccount, password: string) => void;
}) {
  const t = useT();
  const headingId = useId();
  const demo = useDemoAccounts();
  if (!demo.data || demo.data.password === null || demo.data.accounts.length === 0) return null;
  const { password, accounts } = demo.data;
  return (
    <section className="panel login-demo" aria-labelledby={headingId}>
      <h2 id={headingId} className="login-demo-title">
        {t('login.demo.title')}
      </h2>
      <p>{t('login.demo.intro', { password })}</p>
      <ul className="login-demo-list">
        {accounts.map((account) => (
          <li key={account.email}>
            <button
              type="button"
              className="login-demo-account"
              aria-describedby={`${headingId}-${account.email}`}
              onClick={() => onChoose(account, password)}
            >
              <span className="login-demo-role">
                {t(`admin.role.${account.role}` as MessageKey)}
              </span>
              <span className="login-demo-email">{account.email}</span>
            </button>
            <span id={`${headingId}-${account.email}`} className="login-demo-note muted">
              {account.organization && account.quarter
                ? t('login.demo.agencyQuarter', {
                    organization: account.organization,
                    state: t(`login.demo.state.${account.quarter}` as MessageKey),
                  })
                : account.name}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
