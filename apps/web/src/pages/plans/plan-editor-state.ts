// The editor's state: the stored revision a draft was made on, the draft, the problems found,
// a conflicting revision met on saving, and the notice of the last operation.

import type { Plan } from '../../api/plans-api';
import type { MessageKey } from '../../i18n/messages.en';
import { draftFromPlan, type PlanDraft, rebaseDraft } from './plan-draft';

/** A problem under a field: a catalogue message (found here) or the server's own words. */
export type Problem = { key: MessageKey } | { text: string };

export type Notice =
  | { kind: 'saved'; revision: number }
  | { kind: 'restored'; revision: number; from: number }
  | { kind: 'rebased'; revision: number }
  | { kind: 'tookTheirs'; revision: number }
  | { kind: 'restoreConflict'; revision: number }
  | null;

export interface EditorState {
  /** The stored revision the draft was made on. */
  base: Plan;
  baseDraft: PlanDraft;
  draft: PlanDraft;
  problems: Record<string, Problem>;
  /** Someone else's newer revision, met on saving. */
  conflict: Plan | null;
  notice: Notice;
}

export type EditorAction =
  | { type: 'load'; plan: Plan; notice: Notice }
  | { type: 'edit'; change: (draft: PlanDraft) => PlanDraft; touched: string }
  | { type: 'problems'; problems: Record<string, Problem> }
  | { type: 'conflict'; plan: Plan }
  | { type: 'reapply' }
  | { type: 'takeTheirs' };

export function loaded(plan: Plan, notice: Notice): EditorState {
  const draft = draftFromPlan(plan);
  return { base: plan, baseDraft: draft, draft, problems: {}, conflict: null, notice };
}

export function reducer(state: EditorState, action: EditorAction): EditorState {
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
