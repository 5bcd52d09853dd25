// The plan as the editor holds it while someone types: every item with a stable key, text fields
// as strings. Pure functions turn it into the body the API takes, tell which sections changed,
// check what the API would refuse, and put one person's edits on top of another's revision.

import type { Plan, PlanSectionName, PutPlanBody } from '../../api/plans-api';

export type Cost = Plan['whatWorks'][number]['cost'];
export type ActionStatus = Plan['actions'][number]['status'];

export const costs: readonly Cost[] = ['no_cost', 'low_cost', 'other'];
export const actionStatuses: readonly ActionStatus[] = [
  'planned',
  'in_progress',
  'done',
  'dropped',
];
export const sectionNames: readonly PlanSectionName[] = [
  'story',
  'partners',
  'whatWorks',
  'actions',
  'dataDevelopmentAgenda',
];

/** Every item keeps `key` for React and error messages; `id` is the stored one (none when new). */
interface Keyed {
  key: string;
  id?: string;
}

export interface DraftForce extends Keyed {
  text: string;
  evidence: string;
}

export interface DraftPartner extends Keyed {
  kind: 'organization' | 'outside';
  organizationId: string;
  name: string;
  role: string;
}

export interface DraftIdea extends Keyed {
  idea: string;
  source: string;
  cost: Cost;
  chosen: boolean;
}

export interface DraftAction extends Keyed {
  title: string;
  ownerOrganizationId: string;
  ownerName: string;
  dueDate: string;
  status: ActionStatus;
  measureId: string | null;
}

export interface DraftAgendaItem extends Keyed {
  name: string;
  description: string;
}

export interface PlanDraft {
  story: { forcesUp: DraftForce[]; forcesDown: DraftForce[]; narrative: string };
  partners: DraftPartner[];
  whatWorks: DraftIdea[];
  actions: DraftAction[];
  dataDevelopmentAgenda: DraftAgendaItem[];
}

export type ListName =
  | 'forcesUp'
  | 'forcesDown'
  | 'partners'
  | 'whatWorks'
  | 'actions'
  | 'dataDevelopmentAgenda';

let counter = 0;
/** A key for an item typed here; never sent to the API. */
export function newKey(): string {
  counter += 1;
  return `new-${counter}`;
}

function keyed<T extends { id: string }>(item: T): { key: string; id: string } {
  return { key: item.id, id: item.id };
}

export function draftFromPlan(plan: Plan): PlanDraft {
  return {
    story: {
      forcesUp: plan.story.forcesUp.map((f) => ({
        ...keyed(f),
        text: f.text,
        evidence: f.evidence ?? '',
      })),
      forcesDown: plan.story.forcesDown.map((f) => ({
        ...keyed(f),
        text: f.text,
        evidence: f.evidence ?? '',
      })),
      narrative: plan.story.narrative,
    },
    partners: plan.partners.map((p) => ({
      ...keyed(p),
      kind: p.organizationId ? 'organization' : 'outside',
      organizationId: p.organizationId ?? '',
      name: p.name ?? '',
      role: p.role,
    })),
    whatWorks: plan.whatWorks.map((w) => ({
      ...keyed(w),
      idea: w.idea,
      source: w.source ?? '',
      cost: w.cost,
      chosen: w.chosen,
    })),
    actions: plan.actions.map((a) => ({
      ...keyed(a),
      title: a.title,
      ownerOrganizationId: a.ownerOrganizationId ?? '',
      ownerName: a.ownerName ?? '',
      dueDate: a.dueDate ?? '',
      status: a.status,
      measureId: a.measureId,
    })),
    dataDevelopmentAgenda: plan.dataDevelopmentAgenda.map((d) => ({
      ...keyed(d),
      name: d.name,
      description: d.description ?? '',
    })),
  };
}

export function emptyItem<L extends ListName>(list: L): ItemOf<L> {
  const key = newKey();
  switch (list) {
    case 'forcesUp':
    case 'forcesDown':
      return { key, text: '', evidence: '' } as ItemOf<L>;
    case 'partners':
      return { key, kind: 'organization', organizationId: '', name: '', role: '' } as ItemOf<L>;
    case 'whatWorks':
      return { key, idea: '', source: '', cost: 'no_cost', chosen: false } as ItemOf<L>;
    case 'actions':
      return {
        key,
        title: '',
        ownerOrganizationId: '',
        ownerName: '',
        dueDate: '',
        status: 'planned',
        measureId: null,
      } as ItemOf<L>;
    case 'dataDevelopmentAgenda':
      return { key, name: '', description: '' } as ItemOf<L>;
    default: {
      const unhandled: string = list;
      throw new Error(`unknown list ${String(unhandled)}`);
    }
  }
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const withId = (item: Keyed) => (item.id ? { id: item.id } : {});

type Sections = Required<Omit<PutPlanBody, 'revision'>>;

/** The draft as the API's sections: trimmed, empty optional text as null, new items without id. */
export function sectionsOf(draft: PlanDraft): Sections {
  const force = (f: DraftForce) => ({
    ...withId(f),
    text: f.text.trim(),
    evidence: orNull(f.evidence),
  });
  return {
    story: {
      forcesUp: draft.story.forcesUp.map(force),
      forcesDown: draft.story.forcesDown.map(force),
      narrative: draft.story.narrative,
    },
    partners: draft.partners.map((p) => ({
      ...withId(p),
      organizationId: p.kind === 'organization' ? orNull(p.organizationId) : null,
      name: p.kind === 'outside' ? orNull(p.name) : null,
      role: p.role.trim(),
    })),
    whatWorks: draft.whatWorks.map((w) => ({
      ...withId(w),
      idea: w.idea.trim(),
      source: orNull(w.source),
      cost: w.cost,
      chosen: w.chosen,
    })),
    actions: draft.actions.map((a) => ({
      ...withId(a),
      title: a.title.trim(),
      ownerOrganizationId: orNull(a.ownerOrganizationId),
      ownerName: orNull(a.ownerName),
      dueDate: orNull(a.dueDate),
      status: a.status,
      measureId: a.measureId,
    })),
    dataDevelopmentAgenda: draft.dataDevelopmentAgenda.map((d) => ({
      ...withId(d),
      name: d.name.trim(),
      description: orNull(d.description),
    })),
  };
}

/** The sections whose content differs between two drafts (order of items counts). */
export function changedSections(before: PlanDraft, after: PlanDraft): PlanSectionName[] {
  const a = sectionsOf(before);
  const b = sectionsOf(after);
  return sectionNames.filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name]));
}

/** What to PUT: the revision the edit was made on and only the sections that changed. */
export function saveBody(base: PlanDraft, draft: PlanDraft, revision: number): PutPlanBody {
  const sections = sectionsOf(draft);
  const body: PutPlanBody = { revision };
  for (const name of changedSections(base, draft)) {
    Object.assign(body, { [name]: sections[name] });
  }
  return body;
}

/**
 * My edits on top of someone else's newer revision: the sections I changed are mine, the others
 * theirs. Where we both changed a section, mine replaces theirs (the caller says so first).
 */
export function rebaseDraft(mine: PlanDraft, myBase: PlanDraft, theirs: Plan): PlanDraft {
  const result = draftFromPlan(theirs);
  for (const name of changedSections(myBase, mine)) {
    Object.assign(result, { [name]: mine[name] });
  }
  return result;
}

/** Field problems, keyed `<item key>.<field>` (or `story.narrative`), as catalogue keys. */
export type DraftProblems = Record<
  string,
  'plans.error.required' | 'plans.error.owner' | 'plans.error.partner'
>;

/** What the API would refuse for missing text, found before sending so it can be said in the person's language. */
export function draftProblems(draft: PlanDraft): DraftProblems {
  const problems: DraftProblems = {};
  for (const f of [...draft.story.forcesUp, ...draft.story.forcesDown]) {
    if (f.text.trim() === '') problems[`${f.key}.text`] = 'plans.error.required';
  }
  for (const p of draft.partners) {
    if (p.kind === 'organization' && p.organizationId === '') {
      problems[`${p.key}.organizationId`] = 'plans.error.partner';
    }
    if (p.kind === 'outside' && p.name.trim() === '')
      problems[`${p.key}.name`] = 'plans.error.partner';
  }
  for (const w of draft.whatWorks) {
    if (w.idea.trim() === '') problems[`${w.key}.idea`] = 'plans.error.required';
  }
  for (const a of draft.actions) {
    if (a.title.trim() === '') problems[`${a.key}.title`] = 'plans.error.required';
    if (a.ownerOrganizationId === '' && a.ownerName.trim() === '') {
      problems[`${a.key}.ownerName`] = 'plans.error.owner';
    }
  }
  for (const d of draft.dataDevelopmentAgenda) {
    if (d.name.trim() === '') problems[`${d.key}.name`] = 'plans.error.required';
  }
  return problems;
}

/**
 * Turns a server validation path ("body.actions.0.title") into the editor's field key for the
 * draft that was sent ("<that action's key>.title"); null when it names no field here.
 */
export function fieldKeyOfPath(path: string, draft: PlanDraft): string | null {
  const parts = path.split('.');
  if (parts[0] === 'body') parts.shift();
  const [section, second, third, fourth] = parts;
  const itemKey = (items: Keyed[], index: string | undefined) =>
    index !== undefined && /^\d+$/.test(index) ? items[Number(index)]?.key : undefined;
  if (section === 'story') {
    if (second === 'narrative') return 'story.narrative';
    if (second === 'forcesUp' || second === 'forcesDown') {
      const key = itemKey(draft.story[second], third);
      return key ? `${key}.${fourth ?? 'text'}` : null;
    }
    return null;
  }
  if (
    section === 'partners' ||
    section === 'whatWorks' ||
    section === 'actions' ||
    section === 'dataDevelopmentAgenda'
  ) {
    const key = itemKey(draft[section], second);
    if (!key) return null;
    const fallback = {
      partners: 'name',
      whatWorks: 'idea',
      actions: 'title',
      dataDevelopmentAgenda: 'name',
    }[section];
    return `${key}.${third ?? fallback}`;
  }
  return null;
}

/** Moves an item one place up (-1) or down (+1); the list is returned unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

export type ItemOf<L extends ListName> = L extends 'forcesUp' | 'forcesDown'
  ? DraftForce
  : L extends 'partners'
    ? DraftPartner
    : L extends 'whatWorks'
      ? DraftIdea
      : L extends 'actions'
        ? DraftAction
        : DraftAgendaItem;

export function listOf<L extends ListName>(draft: PlanDraft, list: L): ItemOf<L>[] {
  if (list === 'forcesUp' || list === 'forcesDown') {
    return draft.story[list as 'forcesUp' | 'forcesDown'] as ItemOf<L>[];
  }
  return draft[list as Exclude<ListName, 'forcesUp' | 'forcesDown'>] as ItemOf<L>[];
}

export function withList<L extends ListName>(
  draft: PlanDraft,
  list: L,
  items: ItemOf<L>[],
): PlanDraft {
  if (list === 'forcesUp' || list === 'forcesDown') {
    return { ...draft, story: { ...draft.story, [list]: items } };
  }
  return { ...draft, [list]: items };
}
