// The turn-the-curve editor for one measure: the curve, the story behind it, partners, what
// works and the action plan; saved as a new revision on top of the one it was made on, with
// history, comparison, restore and comments beneath.

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { User } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { Measure, Plan } from '../../api/plans-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { CurveChart } from '../../charts/curve-chart';
import { CurveReportLink } from '../../components/curve-report-link';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { ActionsEditor } from './actions-editor';
import { ConflictPanel } from './conflict-panel';
import { PartnersEditor } from './partners-editor';
import { PlanComments } from './plan-comments';
import {
  changedSections,
  draftFromPlan,
  draftProblems,
  emptyItem,
  fieldKeyOfPath,
  type ItemOf,
  type ListName,
  listOf,
  moveItem,
  type PlanDraft,
  rebaseDraft,
  saveBody,
  withList,
} from './plan-draft';
import type { PlanEditing } from './plan-editing';
import { fieldId } from './plan-fields';
import { RevisionHistory } from './revision-history';
import { StoryEditor } from './story-editor';
import {
  conflictPlan,
  useComments,
  useMeasure,
  useMeasureSeries,
  useOrganizationOptions,
  usePlan,
  useSavePlan,
} from './use-plans';
import { WhatWorksEditor } from './what-works-editor';
import './plans.css';

/** A problem under a field: a catalogue message (found here) or the server's own words. */
type Problem = { key: MessageKey } | { text: string };

type Notice =
  | { kind: 'saved'; revision: number }
  | { kind: 'restored'; revision: number; from: number }
  | { kind: 'rebased'; revision: number }
  | { kind: 'tookTheirs'; revision: number }
  | { kind: 'restoreConflict'; revision: number }
  | null;

interface EditorState {
  /** The stored revision the draft was made on. */
  base: Plan;
  baseDraft: PlanDraft;
  draft: PlanDraft;
  problems: Record<string, Problem>;
  /** Someone else's newer revision, met on saving. */
  conflict: Plan | null;
  notice: Notice;
}

type EditorAction =
  | { type: 'load'; plan: Plan; notice: Notice }
  | { type: 'edit'; change: (draft: PlanDraft) => PlanDraft; touched: string }
  | { type: 'problems'; problems: Record<string, Problem> }
  | { type: 'conflict'; plan: Plan }
  | { type: 'reapply' }
  | { type: 'takeTheirs' };

function loaded(plan: Plan, notice: Notice): EditorState {
  const draft = draftFromPlan(plan);
  return { base: plan, baseDraft: draft, draft, problems: {}, conflict: null, notice };
}

function reducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return loaded(action.plan, action.notice);
    case 'edit': {
      // Editing an item clears what was said about it; the rest stays until the next save.
      const problems = Object.fromEntries(
        Object.entries(state.problems).filter(([k]) => !k.startsWith(`${action.touched}.`)),
      );
      return { ...state, draft: action.change(state.draft), problems, notice: null };
    }
    case 'problems':
      return { ...state, problems: action.problems };
    case 'conflict':
      return { ...state, conflict: action.plan, notice: null };
    case 'reapply': {
      if (!state.conflict) return state;
      const theirs = state.conflict;
      return {
        base: theirs,
        baseDraft: draftFromPlan(theirs),
        draft: rebaseDraft(state.draft, state.baseDraft, theirs),
        problems: {},
        conflict: null,
        notice: { kind: 'rebased', revision: theirs.revision },
      };
    }
    case 'takeTheirs':
      return state.conflict
        ? loaded(state.conflict, { kind: 'tookTheirs', revision: state.conflict.revision })
        : state;
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}

const firstField: Record<ListName, string> = {
  forcesUp: 'text',
  forcesDown: 'text',
  partners: 'kind',
  whatWorks: 'idea',
  actions: 'title',
  dataDevelopmentAgenda: 'name',
};

interface ValidationDetail {
  path: string;
  message: string;
}

function validationDetails(error: unknown): ValidationDetail[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (d): d is ValidationDetail =>
      typeof d === 'object' &&
      d !== null &&
      typeof d.path === 'string' &&
      typeof d.message === 'string',
  );
}

function kindLabel(kind: Measure['kind']): MessageKey {
  return `plans.kind.${kind}`;
}

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
  const { t, formatDate } = useI18n();
  const [state, dispatch] = useReducer(reducer, plan, (p) => loaded(p, null));
  const [announcement, setAnnouncement] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const pendingFocus = useRef<string[] | null>(null);
  const save = useSavePlan(measureId);
  const series = useMeasureSeries(measureId);
  const comments = useComments(state.base.id);
  const organizations = useOrganizationOptions(
    measure ? measure.tableId : undefined,
    state.base.canEdit || state.draft.partners.length + state.draft.actions.length > 0,
  );

  const changed = useMemo(
    () => changedSections(state.baseDraft, state.draft),
    [state.baseDraft, state.draft],
  );
  const dirty = changed.length > 0;
  const readOnly = !state.base.canEdit;

  // A newer revision read from the server (another tab, a refetch) replaces an untouched draft.
  useEffect(() => {
    if (!dirty && !state.conflict && plan.revision > state.base.revision) {
      dispatch({ type: 'load', plan, notice: null });
    }
  }, [plan, dirty, state.conflict, state.base.revision]);

  // Leaving with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  });

  // Focus moves where the last operation asked (the moved button, the new item's first field).
  useEffect(() => {
    const ids = pendingFocus.current;
    if (!ids) return;
    pendingFocus.current = null;
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element && !(element as HTMLButtonElement).disabled) {
        element.focus();
        return;
      }
    }
  });

  const organizationName = useCallback(
    (id: string) => organizations.find((o) => o.id === id)?.name ?? t('plans.unknownOrganization'),
    [organizations, t],
  );

  const authors = useMemo(
    () => new Map((comments.data ?? []).map((c) => [c.authorId, c.authorName])),
    [comments.data],
  );
  const savedByName = useCallback(
    (userId: string | null, name?: string | null) => {
      if (userId === null) return t('plans.someoneElse');
      if (userId === user.id) return t('plans.you');
      return name ?? authors.get(userId) ?? t('plans.someoneElse');
    },
    [authors, t, user.id],
  );

  const problemText = (p: Problem) => ('key' in p ? t(p.key) : p.text);

  const edit: PlanEditing = {
    readOnly,
    problem: (key) => {
      const p = state.problems[key];
      return p ? problemText(p) : undefined;
    },
    update: <L extends ListName>(list: L, key: string, patch: Partial<ItemOf<L>>) =>
      dispatch({
        type: 'edit',
        touched: key,
        change: (d) =>
          withList(
            d,
            list,
            listOf(d, list).map((item) => (item.key === key ? { ...item, ...patch } : item)),
          ),
      }),
    add: (list) => {
      const item = emptyItem(list);
      pendingFocus.current = [fieldId(item.key, firstField[list])];
      dispatch({
        type: 'edit',
        touched: item.key,
        change: (d) => withList(d, list, [...listOf(d, list), item]),
      });
    },
    remove: (list, key) => {
      pendingFocus.current = [`plan-add-${list}`];
      setAnnouncement(t('plans.item.removed'));
      dispatch({
        type: 'edit',
        touched: key,
        change: (d) =>
          withList(
            d,
            list,
            listOf(d, list).filter((item) => item.key !== key),
          ),
      });
    },
    move: (list, key, by) => {
      const items = listOf(state.draft, list);
      const index = items.findIndex((item) => item.key === key);
      const target = index + by;
      if (index < 0 || target < 0 || target >= items.length) return;
      const same = fieldId(key, by < 0 ? 'up' : 'down');
      const other = fieldId(key, by < 0 ? 'down' : 'up');
      pendingFocus.current = [same, other];
      setAnnouncement(t('plans.item.moved', { position: target + 1, count: items.length }));
      dispatch({
        type: 'edit',
        touched: key,
        change: (d) => {
          const current = listOf(d, list);
          return withList(
            d,
            list,
            moveItem(
              current,
              current.findIndex((item) => item.key === key),
              by,
            ),
          );
        },
      });
    },
    setNarrative: (narrative) =>
      dispatch({
        type: 'edit',
        touched: 'story',
        change: (d) => ({ ...d, story: { ...d.story, narrative } }),
      }),
    organizations,
    organizationName,
  };

  const focusFirstProblem = (problems: Record<string, Problem>) => {
    const first = Object.keys(problems)[0];
    if (!first) return;
    const dot = first.lastIndexOf('.');
    const id =
      first === 'story.narrative'
        ? 'plan-story-narrative'
        : fieldId(first.slice(0, dot), first.slice(dot + 1));
    pendingFocus.current = [id];
  };

  const onSave = () => {
    setSaveError(null);
    const found = draftProblems(state.draft);
    if (Object.keys(found).length > 0) {
      const problems = Object.fromEntries(
        Object.entries(found).map(([k, key]) => [k, { key } as Problem]),
      );
      focusFirstProblem(problems);
      dispatch({ type: 'problems', problems });
      setSaveError(t('plans.save.problems', { count: Object.keys(problems).length }));
      return;
    }
    const sent = state.draft;
    save.mutate(saveBody(state.baseDraft, sent, state.base.revision), {
      onSuccess: (saved) => {
        dispatch({
          type: 'load',
          plan: saved,
          notice: { kind: 'saved', revision: saved.revision },
        });
      },
      onError: (error) => {
        const current = conflictPlan(error);
        if (current) {
          dispatch({ type: 'conflict', plan: current });
          setSaveError(t('plans.save.conflict'));
          return;
        }
        const problems: Record<string, Problem> = {};
        for (const detail of validationDetails(error)) {
          const key = fieldKeyOfPath(detail.path, sent);
          if (key) problems[key] = { text: detail.message };
        }
        if (Object.keys(problems).length > 0) {
          focusFirstProblem(problems);
          dispatch({ type: 'problems', problems });
        }
        setSaveError(errorMessage(error, t));
      },
    });
  };

  const onDiscard = () => {
    setSaveError(null);
    dispatch({ type: 'load', plan: state.base, notice: null });
  };

  const overdue = useMemo(
    () => new Set(state.base.actions.filter((a) => a.overdue).map((a) => a.id)),
    [state.base.actions],
  );

  const noticeText = (notice: Notice): string | null => {
    if (!notice) return null;
    switch (notice.kind) {
      case 'saved':
        return t('plans.notice.saved', { revision: notice.revision });
      case 'restored':
        return t('plans.notice.restored', { revision: notice.revision, from: notice.from });
      case 'rebased':
        return t('plans.notice.rebased', { revision: notice.revision });
      case 'tookTheirs':
        return t('plans.notice.tookTheirs', { revision: notice.revision });
      case 'restoreConflict':
        return t('plans.notice.restoreConflict', { revision: notice.revision });
      default: {
        const unhandled: never = notice;
        return String(unhandled);
      }
    }
  };

  const base = state.base;
  const curve = series.data;
  return (
    <>
      <div className="plan-meta">
        <p>
          <span className="plan-kind">
            {t(kindLabel(measure?.kind ?? curve?.kind ?? 'indicator'))}
          </span>
          {measure ? (
            <span className="muted">{t('plans.code', { code: measure.code })}</span>
          ) : null}
          <span>
            {base.revision > 0 && base.updatedAt
              ? t('plans.revisionSaved', {
                  revision: base.revision,
                  date: formatDate(base.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  who: savedByName(base.updatedBy, base.updatedByName),
                })
              : t('plans.noPlanYet')}
          </span>
        </p>
        {readOnly ? (
          <p className="notice plan-readonly">
            <strong>{t('plans.readOnly.title')}</strong> {t('plans.readOnly.body')}
          </p>
        ) : base.revision === 0 ? (
          <p className="notice">{t('plans.startHint')}</p>
        ) : null}
      </div>

      {state.conflict ? (
        <ConflictPanel
          mine={state.draft}
          myBase={state.baseDraft}
          myRevision={base.revision}
          theirs={state.conflict}
          savedByName={savedByName}
          organizationName={organizationName}
          onReapply={() => {
            setSaveError(null);
            dispatch({ type: 'reapply' });
          }}
          onTakeTheirs={() => {
            setSaveError(null);
            dispatch({ type: 'takeTheirs' });
          }}
        />
      ) : null}

      <section className="plan-section panel" aria-labelledby="plan-curve-heading">
        <h2 id="plan-curve-heading" className="plan-section-title">
          {t('plans.curve.title')}
        </h2>
        {curve ? (
          <div className="plan-curve">
            <CurveChart
              name={curve.name}
              points={curve.points}
              targets={curve.targets}
              forecast={curve.forecast}
              baselineForecast={curve.baselineForecast}
              verdict={curve.versusBaselineCurve}
              baselinePeriod={curve.baseline?.period ?? null}
              direction={curve.direction}
              unit={curve.unit}
              decimals={curve.decimals}
              width={640}
              height={240}
            />
          </div>
        ) : series.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <p className="form-error" role="alert">
            {t('plans.curve.error')} {errorMessage(series.error, t)}
          </p>
        )}
      </section>

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
        <section
          className={`plan-savebar${dirty || saveError ? ' plan-savebar-pinned' : ''}`}
          aria-label={t('plans.save.region')}
        >
          <div className="plan-savebar-status" aria-live="polite">
            {saveError ? (
              <p className="form-error">{saveError}</p>
            ) : save.isPending ? (
              <p>{t('plans.save.saving')}</p>
            ) : (
              <>
                {state.notice ? <p className="plan-notice">{noticeText(state.notice)}</p> : null}
                {dirty ? (
                  <p>
                    {t('plans.save.unsaved', {
                      sections: changed.map((s) => t(`plans.section.${s}`)).join(', '),
                    })}
                  </p>
                ) : state.notice ? null : (
                  <p className="muted">{t('plans.save.clean')}</p>
                )}
              </>
            )}
          </div>
          <div className="plan-savebar-buttons">
            <button
              type="button"
              className="button"
              disabled={!dirty || save.isPending}
              onClick={onDiscard}
            >
              {t('plans.save.discard')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={!dirty || save.isPending || state.conflict !== null}
              onClick={onSave}
            >
              {save.isPending ? t('plans.save.saving') : t('plans.save.submit')}
            </button>
          </div>
        </section>
      )}

      <RevisionHistory
        plan={base}
        measureId={measureId}
        dirty={dirty}
        savedByName={savedByName}
        organizationName={organizationName}
        onRestored={(restored) =>
          dispatch({
            type: 'load',
            plan: restored,
            notice: { kind: 'restored', revision: restored.revision, from: base.revision },
          })
        }
        onConflict={(current) =>
          dispatch({
            type: 'load',
            plan: current,
            notice: { kind: 'restoreConflict', revision: current.revision },
          })
        }
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
  const { t } = useI18n();
  const { measureId = '' } = useParams();
  const user = useCurrentUser();
  const plan = usePlan(measureId);
  const measure = useMeasure(measureId);
  const series = useMeasureSeries(measureId);
  const name = measure.data?.name ?? series.data?.name;

  return (
    <PageLayout
      title={name ?? t('plans.editor.title')}
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
