// English / Français: two pressed-state buttons, each language named in itself.

import { apiRequest } from '../api/client';
import { useAuth } from '../auth/auth-provider';
import { useI18n } from '../i18n/i18n-provider';
import { type Locale, locales } from '../i18n/locale';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const { state } = useAuth();
  const choose = (option: Locale) => {
    setLocale(option);
    // Signed in, the choice is saved on the account too, so it follows the person.
    if (state.status === 'signed-in' && state.user.locale !== option) {
      apiRequest('/me', { method: 'PATCH', body: { locale: option } }).catch(() => {
        // The browser remembers the choice anyway; the account keeps its old language.
      });
    }
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
