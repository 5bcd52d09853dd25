// Settings of the whole platform: the fiscal year's first month, the small-count threshold below
// which restricted views suppress a figure, and the default language.

import { type FormEvent, useState } from 'react';
import type { Settings } from '../../api/admin-api';
import { errorMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-provider';
import { wordIssue } from '../../i18n/issue-wording';
import { Done, Field, FormMessage, useFormErrors } from './admin-form';
import { useSettings, useUpdateSettings } from './use-admin';

const months = Array.from({ length: 12 }, (_, i) => i + 1);

function SettingsForm({ settings }: { settings: Settings }) {
  const { t, locale: uiLocale, formatDate } = useI18n();
  const update = useUpdateSettings();
  const [month, setMonth] = useState(String(settings.fiscalYearStartMonth));
  const [threshold, setThreshold] = useState(String(settings.smallCellThreshold));
  const [locale, setLocale] = useState(settings.defaultLocale);
  const { errors, formRef, summaryRef, refuse, refuseHere, clear } = useFormErrors([
    'fiscalYearStartMonth',
    'smallCellThreshold',
    'defaultLocale',
  ]);
  const [done, setDone] = useState<string | null>(null);

  const thresholdNumber = threshold.trim() === '' ? Number.NaN : Number(threshold);
  const body: Partial<Settings> = {
    ...(Number(month) !== settings.fiscalYearStartMonth
      ? { fiscalYearStartMonth: Number(month) }
      : {}),
    ...(thresholdNumber !== settings.smallCellThreshold
      ? { smallCellThreshold: thresholdNumber }
      : {}),
    ...(locale !== settings.defaultLocale ? { defaultLocale: locale } : {}),
  };
  const changed = Object.keys(body).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!changed) return;
    // The server's own rule (a whole number, 0 to 1000), said in the words it would be said in.
    const problem = !Number.isInteger(thresholdNumber)
      ? { code: 'not_integer', params: { minimum: 0 } }
      : thresholdNumber < 0
        ? { code: 'too_small', params: { minimum: 0, inclusive: true } }
        : thresholdNumber > 1000
          ? { code: 'too_big', params: { maximum: 1000, inclusive: true } }
          : null;
    if (problem) {
      refuseHere({ smallCellThreshold: wordIssue(problem, uiLocale) });
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        clear();
        setDone(t('admin.settings.saved'));
      },
      onError: refuse,
    });
  };

  return (
    <form
      ref={formRef}
      className="admin-form panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="admin-settings-heading"
    >
      <FormMessage errors={errors} summaryRef={summaryRef} />
      <div className="admin-form-fields admin-form-stack">
        <Field
          id="admin-settings-month"
          label={t('admin.settings.fiscalYear')}
          hint={t('admin.settings.fiscalYearHint')}
          error={errors.fields.fiscalYearStartMonth}
        >
          {(props) => (
            <select {...props} value={month} onChange={(e) => setMonth(e.target.value)}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatDate(`2025-${String(m).padStart(2, '0')}-01`, { month: 'long' })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="admin-settings-threshold"
          label={t('admin.settings.threshold')}
          hint={t('admin.settings.thresholdHint')}
          error={errors.fields.smallCellThreshold}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              max={1000}
              step={1}
              inputMode="numeric"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="admin-settings-locale"
          label={t('admin.settings.locale')}
          hint={t('admin.settings.localeHint')}
          error={errors.fields.defaultLocale}
        >
          {(props) => (
            <select
              {...props}
              value={locale}
              onChange={(e) => setLocale(e.target.value as Settings['defaultLocale'])}
            >
              <option value="en">{t('language.en')}</option>
              <option value="fr">{t('language.fr')}</option>
            </select>
          )}
        </Field>
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={update.isPending || !changed}
        >
          {t('admin.settings.save')}
        </button>
      </div>
      <Done message={done} />
    </form>
  );
}

export function SettingsTab() {
  const { t } = useI18n();
  const settings = useSettings();
  return (
    <section aria-labelledby="admin-settings-heading">
      <h2 id="admin-settings-heading" className="admin-title">
        {t('admin.tab.settings')}
      </h2>
      {settings.data ? (
        <SettingsForm settings={settings.data} />
      ) : settings.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <p className="form-error" role="alert">
          {errorMessage(settings.error, t)}
        </p>
      )}
    </section>
  );
}
