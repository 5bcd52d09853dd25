// The measures a person may plan for, gathered from the scorecards they can see: one row per
// measure, with where it belongs and its plan summary, the overdue ones first.

import type { User } from '../../api/auth-api';
import type { OrganizationScorecard, TableScorecard } from '../../api/plans-api';

type Summary = TableScorecard['results'][number]['indicators'][number];
export type PlanSummary = Summary['plan'];
export type MeasureKind = Summary['kind'];

export interface Named {
  id: string;
  name: string;
  nameFr: string | null;
}

const named = (x: { id: string; name: string; nameFr: string | null }): Named => ({
  id: x.id,
  name: x.name,
  nameFr: x.nameFr,
});

const programOf = (p: { name: string; nameFr: string | null }) => ({
  name: p.name,
  nameFr: p.nameFr,
});

export interface PlanMeasureRow {
  measureId: string;
  code: string;
  /** In the reader's language; `nameFr` is the stored French (null when none; see NameText). */
  name: string;
  nameFr: string | null;
  kind: MeasureKind;
  headline: boolean;
  /** The planning table of an indicator or shared measure. */
  table: Named | null;
  /** The agency and program of a program measure. */
  organization: Named | null;
  program: { name: string; nameFr: string | null } | null;
  plan: PlanSummary;
  /** Whether the person's roles let them edit this plan (the API decides; this only labels). */
  canEdit: boolean;
}

function isAdmin(user: User): boolean {
  return user.roles.some((g) => g.role === 'admin');
}

function holds(user: User, roles: readonly string[], scopeId: string): boolean {
  return isAdmin(user) || user.roles.some((g) => roles.includes(g.role) && g.scopeId === scopeId);
}

/** Table coordinators and members edit a table's plans; an agency's editors its own measures'. */
export function mayEditPlan(user: User, row: Pick<PlanMeasureRow, 'table' | 'organization'>) {
  if (row.organization) return holds(user, ['partner_editor'], row.organization.id);
  if (row.table) return holds(user, ['table_coordinator', 'table_member'], row.table.id);
  return false;
}

/** One row per measure, whichever scorecards it appears in (a program may serve two results). */
export function planMeasureRows(
  user: User,
  tableCards: readonly TableScorecard[],
  organizationCards: readonly OrganizationScorecard[],
): PlanMeasureRow[] {
  const rows = new Map<string, PlanMeasureRow>();
  const add = (
    s: Summary,
    where: Omit<PlanMeasureRow, keyof Summary | 'canEdit' | 'measureId'>,
  ) => {
    if (rows.has(s.measureId)) return;
    const row = {
      measureId: s.measureId,
      code: s.code,
      name: s.name,
      nameFr: s.nameFr,
      kind: s.kind,
      headline: s.headline,
      plan: s.plan,
      ...where,
    };
    rows.set(s.measureId, { ...row, canEdit: mayEditPlan(user, row) });
  };
  for (const card of tableCards) {
    const table = named(card.table);
    for (const result of card.results) {
      for (const indicator of result.indicators) {
        add(indicator, { table, organization: null, program: null });
      }
    }
    for (const shared of card.sharedMeasures)
      add(shared, { table, organization: null, program: null });
    for (const result of card.results) {
      for (const program of result.programs) {
        const organization = named(program.organization);
        for (const m of program.measures)
          add(m, { table: null, organization, program: programOf(program) });
      }
    }
    for (const shared of card.sharedMeasures) {
      for (const c of shared.contributions) {
        add(c, {
          table: null,
          organization: named(c.organization),
          program: null,
        });
      }
    }
  }
  for (const card of organizationCards) {
    const organization = named(card.organization);
    for (const program of card.programs) {
      for (const m of program.measures)
        add(m, { table: null, organization, program: programOf(program) });
    }
  }
  return sortPlanRows([...rows.values()]);
}

/** Overdue actions first, then measures with a plan (most open actions first), then by name. */
export function sortPlanRows(rows: readonly PlanMeasureRow[]): PlanMeasureRow[] {
  return [...rows].sort(
    (a, b) =>
      b.plan.overdueActions - a.plan.overdueActions ||
      Number(b.plan.hasPlan) - Number(a.plan.hasPlan) ||
      b.plan.openActions - a.plan.openActions ||
      a.name.localeCompare(b.name),
  );
}

export type PlanFilter = 'all' | 'withPlan' | 'withoutPlan' | 'overdue';

export function filterPlanRows(
  rows: readonly PlanMeasureRow[],
  { text, show, editableOnly }: { text: string; show: PlanFilter; editableOnly: boolean },
): PlanMeasureRow[] {
  const needle = text.trim().toLocaleLowerCase();
  return rows.filter((row) => {
    if (editableOnly && !row.canEdit) return false;
    if (show === 'withPlan' && !row.plan.hasPlan) return false;
    if (show === 'withoutPlan' && row.plan.hasPlan) return false;
    if (show === 'overdue' && row.plan.overdueActions === 0) return false;
    if (!needle) return true;
    return [row.name, row.code, row.table?.name, row.organization?.name, row.program?.name]
      .filter((x): x is string => Boolean(x))
      .some((x) => x.toLocaleLowerCase().includes(needle));
  });
}

/** The organizations whose own scorecards to read: those the person holds a role in (all, for admins). */
export function organizationScopes(
  user: User,
  all: readonly { id: string; kind: string }[],
): string[] {
  if (isAdmin(user)) return all.filter((o) => o.kind === 'agency').map((o) => o.id);
  const ids = user.roles
    .filter((g) => g.scopeType === 'organization' && g.scopeId !== null)
    .map((g) => g.scopeId as string);
  return [...new Set(ids)];
}
