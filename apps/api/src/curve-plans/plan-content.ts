// Plan content as stored: every item with an id, sections merged from a partial edit, and
// the comparison of two revisions section by section.
import { randomUUID } from 'node:crypto';
import type { PlanContent, PlanSummary, PutPlanBody } from '@rba/schema';

export type StoredContent = Omit<PlanContent, 'actions'> & {
  actions: Omit<PlanContent['actions'][number], 'overdue'>[];
};

export const EMPTY_CONTENT: StoredContent = {
  story: { forcesUp: [], forcesDown: [], narrative: '' },
  partners: [],
  whatWorks: [],
  actions: [],
  dataDevelopmentAgenda: [],
};

export const SECTIONS = [
  'story',
  'partners',
  'whatWorks',
  'actions',
  'dataDevelopmentAgenda',
] as const;

function withId<T extends { id?: string | undefined }>(item: T): T & { id: string } {
  return { ...item, id: item.id ?? randomUUID() };
}

/** The current content with the sections the edit carries replaced, every item given an id. */
export function mergeContent(current: StoredContent, edit: PutPlanBody): StoredContent {
  return {
    story: edit.story
      ? {
          forcesUp: edit.story.forcesUp.map((f) =>
            withId({ id: f.id, text: f.text, evidence: f.evidence ?? null }),
          ),
          forcesDown: edit.story.forcesDown.map((f) =>
            withId({ id: f.id, text: f.text, evidence: f.evidence ?? null }),
          ),
          narrative: edit.story.narrative,
        }
      : current.story,
    partners: edit.partners
      ? edit.partners.map((p) =>
          withId({
            id: p.id,
            organizationId: p.organizationId ?? null,
            name: p.name ?? null,
            role: p.role,
          }),
        )
      : current.partners,
    whatWorks: edit.whatWorks
      ? edit.whatWorks.map((w) =>
          withId({
            id: w.id,
            idea: w.idea,
            source: w.source ?? null,
            cost: w.cost,
            chosen: w.chosen,
          }),
        )
      : current.whatWorks,
    actions: edit.actions
      ? edit.actions.map((a) =>
          withId({
            id: a.id,
            title: a.title,
            ownerOrganizationId: a.ownerOrganizationId ?? null,
            ownerName: a.ownerName ?? null,
            dueDate: a.dueDate ?? null,
            status: a.status,
            measureId: a.measureId ?? null,
          }),
        )
      : current.actions,
    dataDevelopmentAgenda: edit.dataDevelopmentAgenda
      ? edit.dataDevelopmentAgenda.map((d) =>
          withId({ id: d.id, name: d.name, description: d.description ?? null }),
        )
      : current.dataDevelopmentAgenda,
  };
}

/** JSON with object keys sorted: jsonb hands keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function changedSections(before: StoredContent, after: StoredContent): string[] {
  return SECTIONS.filter((s) => canonical(before[s]) !== canonical(after[s]));
}

const OPEN = new Set(['planned', 'in_progress']);

function isOverdue(a: { status: string; dueDate: string | null }, today: string): boolean {
  return OPEN.has(a.status) && a.dueDate !== null && a.dueDate < today;
}

/** Today as a calendar date (UTC): an action due today is not overdue until tomorrow. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function withOverdue(content: StoredContent, day: string): PlanContent {
  return {
    ...content,
    actions: content.actions.map((a) => ({ ...a, overdue: isOverdue(a, day) })),
  };
}

export function summarizePlan(
  content: StoredContent | null,
  updatedAt: Date | null,
  day: string,
): PlanSummary {
  if (!content) return { hasPlan: false, updatedAt: null, openActions: 0, overdueActions: 0 };
  return {
    hasPlan: true,
    updatedAt: updatedAt?.toISOString() ?? null,
    openActions: content.actions.filter((a) => OPEN.has(a.status)).length,
    overdueActions: content.actions.filter((a) => isOverdue(a, day)).length,
  };
}

type Item = { id: string };

function diffItems(section: string, before: Item[], after: Item[]) {
  const b = new Map(before.map((i) => [i.id, i]));
  const a = new Map(after.map((i) => [i.id, i]));
  const kept = (list: Item[], other: Map<string, Item>) =>
    list.filter((i) => other.has(i.id)).map((i) => i.id);
  return {
    section,
    reordered: kept(before, a).join() !== kept(after, b).join(),
    added: after.filter((i) => !b.has(i.id)),
    removed: before.filter((i) => !a.has(i.id)),
    changed: after
      .filter((i) => b.has(i.id) && canonical(b.get(i.id)) !== canonical(i))
      .map((i) => ({ before: b.get(i.id), after: i })),
  };
}

/** What changed from one revision to another, item by item within each section. */
export function compareContent(from: StoredContent, to: StoredContent) {
  const sections = [
    diffItems('story.forcesUp', from.story.forcesUp, to.story.forcesUp),
    diffItems('story.forcesDown', from.story.forcesDown, to.story.forcesDown),
    {
      section: 'story.narrative',
      reordered: false,
      added: [],
      removed: [],
      changed:
        from.story.narrative === to.story.narrative
          ? []
          : [{ before: from.story.narrative, after: to.story.narrative }],
    },
    diffItems('partners', from.partners, to.partners),
    diffItems('whatWorks', from.whatWorks, to.whatWorks),
    diffItems('actions', from.actions, to.actions),
    diffItems('dataDevelopmentAgenda', from.dataDevelopmentAgenda, to.dataDevelopmentAgenda),
  ];
  return sections.filter(
    (s) => s.reordered || s.added.length + s.removed.length + s.changed.length > 0,
  );
}
