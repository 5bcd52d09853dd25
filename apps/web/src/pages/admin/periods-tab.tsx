// Reporting periods: when each period opens for entry, is due and closes.

import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-provider';
import { Done, Field, FormMessage, useFormErrors } from './admin-form';
import { useCreateReportingPeriod, useReportingPeriods } from './use-admin';

function CreatePeriodForm() {
  const { t } = useI18n();
  const create = useCreateReportingPeriod();
  const [period, setPeriod] = useState('');
  const [opens, setOpens] = useState('');
  const [due, setDue] = useState('');
  const [closes, setCloses] = useState('');
  const { errors, formRef, summaryRef, refuse, clear } = useFormErrors([
    'period',
    'opens',
    'due',
    'closes',
  ]);
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    create.mutate(
      { period: period.trim(), opens, due, closes },
      {
        onSuccess: (created) => {
          clear();
          setPeriod('');
          setOpens('');
          setDue('');
          setCloses('');
          setDone(t('admin.periods.created', { period: created.period }));
        },
        onError: refuse,
      },
    );
  };

  const dateField = (
    id: string,
    name: 'opens' | 'due' | 'closes',
    value: string,
    set: (v: string) => void,
  ) => (
    <Field id={id} label={t(`admin.periods.${name}`)} error={errors.fields[name]}>
      {(props) => (
        <input
          {...props}
          type="date"
          value={value}
          onChange={(e) => set(e.target.value)}
          required
        />
      )}
    </Field>
  );

  return (
    <form
      ref={formRef}
      className="admin-form panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="admin-period-new"
    >
      <h3 id="admin-period-new" className="admin-form-title">
        {t('admin.periods.new')}
      </h3>
      <FormMessage errors={errors} summaryRef={summaryRef} />
      <div className="admin-form-fields">
        <Field
          id="admin-period-period"
          label={t('admin.periods.period')}
          hint={t('admin.periods.periodHint')}
          error={errors.fields.period}
        >
          {(props) => (
            <input {...props} value={period} onChange={(e) => setPeriod(e.target.value)} required />
          )}
        </Field>
        {dateField('admin-period-opens', 'opens', opens, setOpens)}
        {dateField('admin-period-due', 'due', due, setDue)}
        {dateField('admin-period-closes', 'closes', closes, setCloses)}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.periods.create')}
        </button>
      </div>
      <Done message={done} />
    </form>
  );
}

export function PeriodsTab() {
  const { t, formatDate } = useI18n();
  const periods = useReportingPeriods();
  return (
    <section aria-labelledby="admin-periods-heading">
      <h2 id="admin-periods-heading" className="admin-title">
        {t('admin.tab.periods')}
      </h2>
      <p className="admin-lead">{t('admin.periods.lead')}</p>
      {periods.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : periods.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(periods.error, t)}
        </p>
      ) : periods.data.length === 0 ? (
        <p className="muted">{t('admin.periods.none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('admin.periods.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.periods.period')}</th>
                <th scope="col">{t('admin.periods.covers')}</th>
                <th scope="col">{t('admin.periods.opens')}</th>
                <th scope="col">{t('admin.periods.due')}</th>
                <th scope="col">{t('admin.periods.closes')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="nowrap">
                    {p.period}
                  </th>
                  <td>
                    {t('admin.periods.range', {
                      start: formatDate(p.periodStart),
                      end: formatDate(p.periodEnd),
                    })}
                  </td>
                  <td className="nowrap">{formatDate(p.opens)}</td>
                  <td className="nowrap">{formatDate(p.due)}</td>
                  <td className="nowrap">{formatDate(p.closes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreatePeriodForm />
    </section>
  );
}
