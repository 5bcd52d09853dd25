// The status board (issue #17): for a planning table and a reporting period, where every partner
// agency stands, the overdue first; coordinators also set the table's reminders here.

import './status.css';
import { DEFAULT_FISCAL_YEAR_START } from '@rba/domain';
import { type ReactNode, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { useCurrentUser } from '../../auth/auth-provider';
import { fallbackLang } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { useReportingPeriods, useSettings } from '../admin/use-admin';
import { currentFiscalQuarter, periodChoices } from './period-choices';
import { ReminderSettingsPanel } from './reminder-settings';
import { canSetReminders } from './status-access';
import { StatusBoard } from './status-board';
import { isStatusFilter, type StatusFilter } from './status-model';
import { useStatusTables } from './use-status-board';

type Param = 'table' | 'period' | 'show';

export function StatusBoardPage() {
  const { t, locale, periodName } = useI18n();
  const user = useCurrentUser();
  const tables = useStatusTables(user);
  const settings = useSettings();
  const periods = useReportingPeriods();
  const [params, setParams] = useSearchParams();
  const tableFieldId = useId();
  const periodFieldId = useId();

  const fiscalYearStart = settings.data?.fiscalYearStartMonth ?? DEFAULT_FISCAL_YEAR_START;
  const current = useMemo(
    () => currentFiscalQuarter(new Date(), fiscalYearStart),
    [fiscalYearStart],
  );
  const period = params.get('period') ?? current;
  const choices = useMemo(() => {
    const list = periodChoices(current, periods.data ?? [], fiscalYearStart);
    return list.some((c) => c.label === period) ? list : [{ label: period, start: '' }, ...list];
  }, [current, periods.data, fiscalYearStart, period]);
  const requestedTable = params.get('table');
  const table = tables.tables.find((x) => x.id === requestedTable) ?? tables.tables[0];
  const show = params.get('show');
  const filter: StatusFilter = isStatusFilter(show) ? show : 'all';

  const setParam = (name: Param, value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set(name, value);
      return next;
    });

  const pickers =
    table === undefined ? null : (
      <div className="status-pickers">
        {tables.tables.length > 1 ? (
          <div className="status-picker">
            <label htmlFor={tableFieldId}>{t('status.table')}</label>
            <select
              id={tableFieldId}
              value={table.id}
              onChange={(event) => setParam('table', event.target.value)}
            >
              {tables.tables.map((x) => (
                <option key={x.id} value={x.id} lang={fallbackLang(locale, x.nameFr)}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="status-picker">
          <label htmlFor={periodFieldId}>{t('status.period')}</label>
          <select
            id={periodFieldId}
            value={period}
            onChange={(event) => setParam('period', event.target.value)}
          >
            {choices.map((c) => (
              <option key={c.label} value={c.label}>
                {periodName(c.label)}
              </option>
            ))}
          </select>
        </div>
      </div>
    );

  let content: ReactNode;
  // The default quarter depends on the fiscal year's start: wait for it (a failure falls back).
  if (tables.isPending || settings.isPending) content = <p className="muted">{t('app.loading')}</p>;
  else if (tables.error) {
    content = (
      <p className="form-error" role="alert">
        {errorMessage(tables.error, t)}
      </p>
    );
  } else if (table === undefined) content = <p className="notice">{t('status.noTables')}</p>;
  else {
    content = (
      <>
        <StatusBoard
          key={`${table.id}|${period}`}
          tableId={table.id}
          tableName={table.name}
          tableNameFr={table.nameFr}
          period={period}
          filter={filter}
          onFilter={(value) => setParam('show', value)}
        />
        {canSetReminders(user, table.id) ? <ReminderSettingsPanel tableId={table.id} /> : null}
      </>
    );
  }

  return (
    <PageLayout title={t('status.title')} actions={pickers}>
      <p className="lead">{t('status.lead')}</p>
      {content}
    </PageLayout>
  );
}
