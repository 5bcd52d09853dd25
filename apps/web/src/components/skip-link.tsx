import { useT } from '../i18n/i18n-provider';

/** The first focusable element of every page: jumps past the chrome to <main id="main">. */
export function SkipLink() {
  const t = useT();
  return (
    <a className="skip-link" href="#main">
      {t('skipLink.label')}
    </a>
  );
}
