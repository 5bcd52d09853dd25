// English / Français: two pressed-state buttons, each language named in itself.

import { apiRequest } from '../api/client';
import { useAuth } from '../auth/auth-provider';
import { useI18n } from '../i18n/i18n-provider';
import { type Locale, locales } from '../i18n/locale';

let saving: Promise<unknown> = Promise.resolve();

/**
 * Saves the account's language, each request after the one before, so that the last choice is
 * the one kept (two quick switches must not land in the other order).
 */
function saveAccountLocale(locale: Locale): void {
  saving = saving
    .then(() => apiRequest('/me', { method: 'PATCH', body: { locale } }))
    .catch(() => {
      // The browser remembers the choice anyway; the account keeps its old language.
    });
}

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const { state } = useAuth();
  const choose = (option: Locale) => {
    if (option === locale) return;
    setLocale(option);
    // Signed in, the choice is saved on the account too, so it follows the person. Compared with
    // the language shown, not the account's as first loaded: that one is stale after a switch
    // (switching to French and back used to leave the account in French).
    if (state.status === 'signed-in') saveAccountLocale(option);
  };
  return (
    <fieldset className="language-switch">
      <legend className="language-switch-legend">{t('language.label')}</legend>
      <div className="segmented">
        {locales.map((option: Locale) => (
          <button
            key={option}
            type="button"
            lang={option}
            className="segmented-button"
            aria-pressed={locale === option}
            onClick={() => choose(option)}
          >
            {t(`language.${option}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
