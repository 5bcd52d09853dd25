// A page inside the shell: the title region (title, later the period picker) and the content.

import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-provider';
import { useRouteFocus } from '../shell/route-focus';

export function PageLayout({
  title,
  titleLang,
  actions,
  children,
}: {
  title: string;
  /** `'en'` when the title is a name shown in English for want of a French one (fallbackLang). */
  titleLang?: 'en' | undefined;
  /** Controls that belong to the whole page (the period picker, an export button). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const shouldFocus = useRouteFocus();

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title, app: t('app.name') });
  }, [t, title]);

  // After in-app navigation, move focus to the new page's title so screen readers announce it.
  useEffect(() => {
    if (shouldFocus()) heading.current?.focus();
  }, [shouldFocus]);

  return (
    <>
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1} className="page-title" lang={titleLang}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      <div className="page-body">{children}</div>
    </>
  );
}
