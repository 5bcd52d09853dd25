// The turn-the-curve editor for one measure: the curve, the story behind it, partners, what
// works and the action plan; saved as a new revision on top of the one it was made on, with
// history, comparison, restore and comments beneath.

import { Link, useParams } from 'react-router';
import type { User } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { Measure, Plan } from '../../api/plans-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { CurveReportLink } from '../../components/curve-report-link';
import { fallbackLang } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { ActionsEditor } from './actions-editor';
import { ConflictPanel } from './conflict-panel';
import { PartnersEditor } from './partners-editor';
import { PlanComments } from './plan-comments';
import { PlanCurveSection } from './plan-curve-section';
import { PlanMeta } from './plan-meta';
import { PlanSaveBar } from './plan-save-bar';
import { RevisionHistory } from './revision-history';
import { StoryEditor } from './story-editor';
import { usePlanEditor } from './use-plan-editor';
import { useMeasure, useMeasureSeries, usePlan } from './use-plans';
import { WhatWorksEditor } from './what-works-editor';
import './plans.css';

function PlanEditor({
  measureId,
  plan,
  measure,
  user,
}: {
  measureId: string;
  plan: Plan;
  measure: Measure | undefined;
  user: User;
}) {
  const {
    state,
    announcement,
    saveError,
    save,
    series,
    comments,
    changed,
    dirty,
    readOnly,
    organizationName,
    savedByName,
    edit,
    overdue,
    onSave,
    onDiscard,
    onReapply,
    onTakeTheirs,
    onRestored,
    onRestoreConflict,
  } = usePlanEditor({ measureId, plan, measure, user });

  const base = state.base;
  const curve = series.data;
  return (
    <>
      <PlanMeta
        kind={measure?.kind ?? curve?.kind ?? 'indicator'}
        measure={measure}
        base={base}
        readOnly={readOnly}
        savedByName={savedByName}
      />

      {state.conflict ? (
        <ConflictPanel
          mine={state.draft}
          myBase={state.baseDraft}
          myRevision={base.revision}
          theirs={state.conflict}
          savedByName={savedByName}
          organizationName={organizationName}
          onReapply={onReapply}
          onTakeTheirs={onTakeTheirs}
        />
      ) : null}

      <PlanCurveSection series={series} />

      <StoryEditor story={state.draft.story} edit={edit} />
      <PartnersEditor partners={state.draft.partners} edit={edit} />
      <WhatWorksEditor ideas={state.draft.whatWorks} edit={edit} />
      <ActionsEditor
        actions={state.draft.actions}
        agenda={state.draft.dataDevelopmentAgenda}
        overdue={overdue}
        edit={edit}
      />

      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      {readOnly ? null : (
        <PlanSaveBar
          dirty={dirty}
          changed={changed}
          saveError={saveError}
          saving={save.isPending}
          notice={state.notice}
          conflicted={state.conflict !== null}
          onDiscard={onDiscard}
          onSave={onSave}
        />
      )}

      <RevisionHistory
        plan={base}
        measureId={measureId}
        dirty={dirty}
        savedByName={savedByName}
        organizationName={organizationName}
        onRestored={onRestored}
        onConflict={onRestoreConflict}
      />

      <PlanComments
        planId={base.id}
        comments={comments.data ?? []}
        isPending={comments.isPending && base.id !== null}
        error={comments.error}
        canComment={series.data !== undefined && series.data.view !== 'restricted'}
      />
    </>
  );
}

function isMissing(error: unknown): boolean {
  return error instanceof ApiError && [400, 403, 404].includes(error.status);
}

export function PlanEditorPage() {
  const { t, locale } = useI18n();
  const { measureId = '' } = useParams();
  const user = useCurrentUser();
  const plan = usePlan(measureId);
  const measure = useMeasure(measureId);
  const series = useMeasureSeries(measureId);
  const name = measure.data?.name ?? series.data?.name;
  const named = measure.data ?? series.data;

  return (
    <PageLayout
      title={name ?? t('plans.editor.title')}
      titleLang={named ? fallbackLang(locale, named.nameFr) : undefined}
      actions={
        <>
          <Link to="/plans" className="button plan-back">
            <span aria-hidden="true">← </span>
            {t('plans.editor.back')}
          </Link>
          {plan.data ? <CurveReportLink measureId={measureId} className="button" /> : null}
        </>
      }
    >
      {plan.data ? (
        <PlanEditor
          key={measureId}
          measureId={measureId}
          plan={plan.data}
          measure={measure.data}
          user={user}
        />
      ) : plan.isPending ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : isMissing(plan.error) ? (
        <p role="alert" className="panel">
          {t('plans.editor.notFound')}
        </p>
      ) : (
        <div role="alert" className="panel">
          <p>
            <strong>{t('plans.editor.loadError')}</strong> {errorMessage(plan.error, t)}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => plan.refetch()}>
              {t('errors.retry')}
            </button>
          </div>
        </div>
      )}
    </PageLayout>
  );
}
