// The measures a person can plan for, from the scorecards they see: each with its plan's state,
// the overdue ones first, each opening its turn-the-curve editor.

import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { useCurrentUser } from '../../auth/auth-provider';
import { CurveReportLink } from '../../components/curve-report-link';
import { NameText } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import { filterPlanRows, type PlanFilter, type PlanMeasureRow } from './plan-measures';
import { usePlanMeasures } from './use-plans';
import './plans.css';
import { TableScroll } from '../../components/table-scroll';

const filters: readonly PlanFilter[] = ['all', 'overdue', 'withPlan', 'withoutPlan'];

function PlanRow({ row }: { row: PlanMeasureRow }) {
  const { t, formatDate, formatNumber } = useI18n();
  const rich = useRichMessage();
  const organization = row.organization ? (
    <NameText text={row.organization.name} french={row.organization.nameFr} />
  ) : (
    ''
  );
  const where = row.table ? (
    <NameText text={row.table.name} french={row.table.nameFr} />
  ) : row.program ? (
    rich('plans.list.organizationProgram', {
      organization,
      program: <NameText text={row.program.name} french={row.program.nameFr} />,
    })
  ) : (
    organization
  );
  return (
    <tr>
      <th scope="row">
        <Link to={`/plans/${encodeURIComponent(row.measureId)}`}>
          <NameText text={row.name} french={row.nameFr} />
        </Link>
        <span className="plan-row-code muted">{row.code}</span>
      </th>
      <td>{t(`plans.kind.${row.kind}`)}</td>
      <td>{where}</td>
      <td>
        {row.plan.hasPlan ? (
          row.plan.updatedAt ? (
            t('plans.list.updated', { date: formatDate(row.plan.updatedAt) })
          ) : (
            t('plans.list.hasPlan')
          )
        ) : (
          <span className="muted">{t('plans.list.noPlan')}</span>
        )}
      </td>
      <td className="number">{row.plan.hasPlan ? formatNumber(row.plan.openActions) : '–'}</td>
      <td className="nowrap">
        {row.plan.overdueActions > 0 ? (
          <span className="plan-overdue">
            <span aria-hidden="true">⚠ </span>
            {t('plans.list.overdueCount', { count: row.plan.overdueActions })}
          </span>
        ) : (
          <span className="muted">{t('plans.list.noneOverdue')}</span>
        )}
      </td>
      <td>
        {row.canEdit ? (
          t('plans.list.canEdit')
        ) : (
          <span className="muted">{t('plans.list.readOnly')}</span>
        )}
      </td>
      <td>
        {row.plan.hasPlan ? (
          <CurveReportLink measureId={row.measureId} measureName={row.name} />
        ) : null}
      </td>
    </tr>
  );
}

export function PlansPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const measures = usePlanMeasures(user);
  const [text, setText] = useState('');
  const [show, setShow] = useState<PlanFilter>('all');
  const [editableOnly, setEditableOnly] = useState(false);

  const rows = measures.data?.rows ?? [];
  const shown = filterPlanRows(rows, { text, show, editableOnly });
  const anyEditable = rows.some((r) => r.canEdit);

  return (
    <PageLayout title={t('plans.title')}>
      <p className="lead">{t('plans.lead')}</p>

      {measures.isPending ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : measures.isError ? (
        <div role="alert" className="panel">
          <p>
            <strong>{t('plans.list.loadError')}</strong> {errorMessage(measures.error, t)}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => measures.refetch()}>
              {t('errors.retry')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {measures.data.failed > 0 ? (
            <p className="notice">{t('plans.list.partial', { count: measures.data.failed })}</p>
          ) : null}
          <search className="plan-filters" aria-label={t('plans.list.filters')}>
            <div className="field plan-field">
              <label htmlFor="plan-filter-text">{t('plans.list.find')}</label>
              <input
                id="plan-filter-text"
                type="search"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <div className="field plan-field">
              <label htmlFor="plan-filter-show">{t('plans.list.show')}</label>
              <select
                id="plan-filter-show"
                value={show}
                onChange={(e) => setShow(e.target.value as PlanFilter)}
              >
                {filters.map((f) => (
                  <option key={f} value={f}>
                    {t(`plans.list.filter.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            {anyEditable ? (
              <div className="plan-field plan-checkbox">
                <input
                  id="plan-filter-editable"
                  type="checkbox"
                  checked={editableOnly}
                  onChange={(e) => setEditableOnly(e.target.checked)}
                />
                <label htmlFor="plan-filter-editable">{t('plans.list.editableOnly')}</label>
              </div>
            ) : null}
          </search>
          <p className="muted plan-count" aria-live="polite">
            {t('plans.list.count', { shown: shown.length, total: rows.length })}
          </p>
          {rows.length === 0 ? (
            <p className="panel">{t('plans.list.none')}</p>
          ) : shown.length === 0 ? (
            <p className="panel">{t('plans.list.noneMatch')}</p>
          ) : (
            <TableScroll className="plan-table-wrap" labelledBy="plans-list-caption">
              <table className="data-table plan-list">
                <caption id="plans-list-caption" className="visually-hidden">
                  {t('plans.list.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plans.list.measure')}</th>
                    <th scope="col">{t('plans.list.kind')}</th>
                    <th scope="col">{t('plans.list.where')}</th>
                    <th scope="col">{t('plans.list.plan')}</th>
                    <th scope="col" className="number">
                      {t('plans.list.open')}
                    </th>
                    <th scope="col">{t('plans.list.overdue')}</th>
                    <th scope="col">{t('plans.list.access')}</th>
                    <th scope="col">{t('plans.list.report')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((row) => (
                    <PlanRow key={row.measureId} row={row} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}

      <section className="panel plans-report" aria-labelledby="plans-report-heading">
        <h2 id="plans-report-heading" className="section-title">
          {t('plans.reportTitle')}
        </h2>
        <p>{t('plans.list.reportBody')}</p>
      </section>
    </PageLayout>
  );
}
