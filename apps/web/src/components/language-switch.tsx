// English / Français: two pressed-state buttons, each language named in itself.

import { useI18n } from '../i18n/i18n-provider';
import { type Locale, locales } from '../i18n/locale';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
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
            onClick={() => setLocale(option)}
          >
            {t(`language.${option}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
