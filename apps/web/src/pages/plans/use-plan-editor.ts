// The plan editor's state and operations: the draft and its edits, focus and announcements,
// saving (with the problems and conflicts it meets) and discarding.

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { User } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { Measure, Plan } from '../../api/plans-api';
import { useI18n } from '../../i18n/i18n-provider';
import {
  changedSections,
  draftProblems,
  emptyItem,
  fieldKeyOfPath,
  type ItemOf,
  type ListName,
  listOf,
  moveItem,
  saveBody,
  withList,
} from './plan-draft';
import type { PlanEditing } from './plan-editing';
import { loaded, type Problem, reducer } from './plan-editor-state';
import { fieldId } from './plan-fields';
import {
  conflictPlan,
  useComments,
  useMeasureSeries,
  useOrganizationOptions,
  useSavePlan,
} from './use-plans';

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

export function usePlanEditor({
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
  const { t } = useI18n();
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

  const onReapply = () => {
    setSaveError(null);
    dispatch({ type: 'reapply' });
  };

  const onTakeTheirs = () => {
    setSaveError(null);
    dispatch({ type: 'takeTheirs' });
  };

  const onRestored = (restored: Plan) =>
    dispatch({
      type: 'load',
      plan: restored,
      notice: { kind: 'restored', revision: restored.revision, from: state.base.revision },
    });

  const onRestoreConflict = (current: Plan) =>
    dispatch({
      type: 'load',
      plan: current,
      notice: { kind: 'restoreConflict', revision: current.revision },
    });

  return {
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
  };
}
