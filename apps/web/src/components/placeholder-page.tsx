// An area that is not built yet: its title, what it will hold, and an honest "coming soon".

import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider';
import { PageLayout } from './page-layout';

export function PlaceholderPage({
  title,
  lead,
  items,
  children,
}: {
  title: string;
  lead: string;
  items: readonly string[];
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <PageLayout title={title}>
      <p className="lead">{lead}</p>
      {children}
      <section className="panel placeholder" aria-labelledby="placeholder-heading">
        <p className="badge">{t('placeholder.badge')}</p>
        <p>{t('placeholder.notBuilt')}</p>
        <h2 id="placeholder-heading" className="section-title">
          {t('placeholder.willShow')}
        </h2>
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    </PageLayout>
  );
}
