// Turn-the-curve plans: read by whoever may see the measure, edited by the people who own
// the curve, saved as numbered revisions with optimistic concurrency.
import type { Plan, PutPlanBody } from '@rba/schema';
import { type Actor, hasRole } from '../access/actor.js';
import {
  canEditOrganization,
  deny,
  type View,
  visibleOrganizationIds,
  visibleTableIds,
} from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db, DbOrTrx, Trx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
  NotFoundError,
  RevisionConflictError,
  UnknownMeasureError,
  UnknownOrganizationError,
} from '../errors.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { findMeasure } from '../measures/measures.repository.js';
import { visibleMeasure } from '../measures/measures.service.js';
import { measureSeries } from '../scorecards/scorecards.service.js';
import {
  findPlan,
  findPlanByMeasure,
  findRevision,
  insertComment,
  insertPlan,
  insertRevision,
  listComments,
  listRevisions,
  measuresAmong,
  partnersOfTables,
  tablesOfOrganization,
  updatePlanAtRevision,
  userName,
} from './curve-plans.repository.js';
import {
  changedSections,
  compareContent,
  EMPTY_CONTENT,
  mergeContent,
  type StoredContent,
  today,
  withOverdue,
} from './plan-content.js';

/** A table's coordinators and members own its indicators' and shared measures' plans; an agency's editors its own. */
export function canEditPlan(actor: Actor, m: MeasureRow): boolean {
  if (m.kind === 'performance') return canEditOrganization(actor, m.organization_id as string);
  const table = m.table_id as string;
  return (
    hasRole(actor, { role: 'table_coordinator', scopeType: 'table', scopeId: table }) ||
    hasRole(actor, { role: 'table_member', scopeType: 'table', scopeId: table })
  );
}

type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** A plan as the API shows it, with the name of who saved it last (readers cannot look users up). */
async function present(
  db: DbOrTrx,
  m: MeasureRow,
  row: PlanRow | undefined,
  editable: boolean,
): Promise<Plan> {
  const updatedByName = await userName(db, row?.updated_by ?? null);
  const content = (row?.content as StoredContent | undefined) ?? EMPTY_CONTENT;
  return {
    id: row?.id ?? null,
    measureId: m.id,
    revision: row?.revision ?? 0,
    updatedBy: row?.updated_by ?? null,
    updatedByName,
    updatedAt: row?.updated_at.toISOString() ?? null,
    canEdit: editable,
    ...withOverdue(content, today()),
  };
}

async function revisionConflict(
  db: DbOrTrx,
  m: MeasureRow,
  current: PlanRow | undefined,
  editable: boolean,
): Promise<never> {
  throw new RevisionConflictError(
    'Someone else saved this plan first; review their revision and edit again',
    { current: await present(db, m, current, editable) },
  );
}

const organizationRefs = (c: StoredContent) =>
  [
    ...c.partners.map((p) => p.organizationId),
    ...c.actions.map((a) => a.ownerOrganizationId),
  ].filter((x): x is string => x !== null);
const measureRefs = (c: StoredContent) =>
  c.actions.map((a) => a.measureId).filter((x): x is string => x !== null);

/**
 * Ids a plan's content names get the checks of ids in a path: an organization must be a partner
 * at the plan's table (for a program measure's plan: at a table its agency is a partner at, or
 * that agency), a measure one of that table's or of its partners, and both visible to the
 * caller. Anything else is answered exactly as an id that exists nowhere. Only ids the edit
 * brings in are checked: those already in the plan were shown to the caller with it.
 */
async function checkReferences(
  trx: Trx,
  actor: Actor,
  m: MeasureRow,
  before: StoredContent,
  after: StoredContent,
) {
  const had = new Set([...organizationRefs(before), ...measureRefs(before)]);
  const orgIds = [...new Set(organizationRefs(after))].filter((id) => !had.has(id));
  const measureIds = [...new Set(measureRefs(after))].filter((id) => !had.has(id));
  if (orgIds.length === 0 && measureIds.length === 0) return;
  const ownOrganization = m.kind === 'performance' ? (m.organization_id as string) : null;
  const tableIds = ownOrganization
    ? await tablesOfOrganization(trx, ownOrganization)
    : [m.table_id as string];
  const atTable = new Set(await partnersOfTables(trx, tableIds));
  if (ownOrganization) atTable.add(ownOrganization);
  const [visibleOrgs, visibleTables] = await Promise.all([
    visibleOrganizationIds(trx, actor),
    visibleTableIds(trx, actor),
  ]);
  const seesOrg = (id: string) => visibleOrgs === null || visibleOrgs.includes(id);
  const unknownOrgs = orgIds.filter((id) => !atTable.has(id) || !seesOrg(id));
  if (unknownOrgs.length > 0) {
    throw new UnknownOrganizationError(
      "A partner or action owner names an organization that is not one of this plan's table",
      { organizationIds: unknownOrgs },
    );
  }
  const known = await measuresAmong(trx, measureIds, tableIds, [...atTable]);
  const visible = new Set(
    known
      .filter((k) =>
        k.kind === 'performance'
          ? seesOrg(k.organization_id as string)
          : visibleTables === null || visibleTables.includes(k.table_id as string),
      )
      .map((k) => k.id),
  );
  const unknownMeasures = measureIds.filter((id) => !visible.has(id));
  if (unknownMeasures.length > 0) {
    throw new UnknownMeasureError(
      "An action names a measure that is not one of this plan's table",
      { measureIds: unknownMeasures },
    );
  }
}

/** Writes the next revision inside a transaction; refuses an edit made on an older revision. */
async function writeRevision(
  trx: Trx,
  actor: Actor,
  m: MeasureRow,
  baseRevision: number,
  next: (current: StoredContent) => StoredContent,
  restoredFrom: number | null,
): Promise<Plan> {
  const current = await findPlanByMeasure(trx, m.id);
  if ((current?.revision ?? 0) !== baseRevision) await revisionConflict(trx, m, current, true);
  const before = (current?.content as StoredContent | undefined) ?? EMPTY_CONTENT;
  const after = next(before);
  await checkReferences(trx, actor, m, before, after);
  const changed = changedSections(before, after);
  if (current && changed.length === 0 && restoredFrom === null)
    return present(trx, m, current, true);
  const row = current
    ? await updatePlanAtRevision(trx, current.id, current.revision, after, actor.userId)
    : await insertPlan(trx, m.id, after, actor.userId);
  if (!row) return revisionConflict(trx, m, await findPlanByMeasure(trx, m.id), true);
  await insertRevision(trx, {
    planId: row.id,
    revision: row.revision,
    content: after,
    userId: actor.userId,
    restoredFrom,
    changed,
  });
  await insertAuditEvent(trx, {
    actorId: actor.userId,
    action: restoredFrom === null ? 'curve_plan.save' : 'curve_plan.restore',
    entity: 'curve_plan',
    entityId: row.id,
    before: current ? { revision: current.revision, ...before } : undefined,
    after: { revision: row.revision, restoredFrom, changedSections: changed, ...after },
    requestId: actor.requestId,
  });
  return present(trx, m, row, true);
}

export async function getPlan(db: Db, actor: Actor, measureId: string): Promise<Plan> {
  const { row: m } = await visibleMeasure(db, actor, measureId);
  return present(db, m, await findPlanByMeasure(db, m.id), canEditPlan(actor, m));
}

export async function savePlan(
  db: Db,
  actor: Actor,
  measureId: string,
  body: PutPlanBody,
): Promise<Plan> {
  const { row: m } = await visibleMeasure(db, actor, measureId);
  if (!canEditPlan(actor, m)) deny(true, 'Measure');
  return inTransaction(db, (trx) =>
    writeRevision(trx, actor, m, body.revision, (c) => mergeContent(c, body), null),
  );
}

/** The plan and its measure, with the actor's view of the measure, when they may see it. */
async function visiblePlan(db: Db, actor: Actor, planId: string) {
  const plan = await findPlan(db, planId);
  const m = plan ? await findMeasure(db, plan.measure_id) : undefined;
  if (!plan || !m) throw new NotFoundError('Plan');
  let view: View;
  try {
    ({ view } = await visibleMeasure(db, actor, m.id));
  } catch {
    throw new NotFoundError('Plan');
  }
  return { plan, m, view };
}

export async function planRevisions(db: Db, actor: Actor, planId: string) {
  await visiblePlan(db, actor, planId);
  return (await listRevisions(db, planId)).map((r) => ({
    revision: r.revision,
    savedBy: r.saved_by,
    savedByName: r.saved_by_name,
    savedAt: r.saved_at.toISOString(),
    restoredFrom: r.restored_from,
    changedSections: r.changed_sections,
  }));
}

export async function planRevision(
  db: Db,
  actor: Actor,
  planId: string,
  revision: number,
): Promise<Plan> {
  const { plan, m } = await visiblePlan(db, actor, planId);
  const r = await findRevision(db, planId, revision);
  if (!r) throw new NotFoundError('Revision');
  return present(
    db,
    m,
    {
      ...plan,
      revision: r.revision,
      content: r.content,
      updated_by: r.saved_by,
      updated_at: r.saved_at,
    },
    false,
  );
}

export async function comparePlanRevisions(
  db: Db,
  actor: Actor,
  planId: string,
  from: number,
  to: number,
) {
  await visiblePlan(db, actor, planId);
  const [a, b] = await Promise.all([findRevision(db, planId, from), findRevision(db, planId, to)]);
  if (!a || !b) throw new NotFoundError('Revision');
  return {
    from,
    to,
    sections: compareContent(a.content as StoredContent, b.content as StoredContent),
  };
}

/** Restoring writes the old content as a new revision; history is never rewritten. */
export async function restorePlanRevision(
  db: Db,
  actor: Actor,
  planId: string,
  revision: number,
  baseRevision: number,
) {
  const { m } = await visiblePlan(db, actor, planId);
  if (!canEditPlan(actor, m)) deny(true, 'Plan');
  const old = await findRevision(db, planId, revision);
  if (!old) throw new NotFoundError('Revision');
  return inTransaction(db, (trx) =>
    writeRevision(trx, actor, m, baseRevision, () => old.content as StoredContent, revision),
  );
}

export async function planComments(db: Db, actor: Actor, planId: string) {
  await visiblePlan(db, actor, planId);
  return (await listComments(db, planId)).map((c) => ({
    id: c.id,
    authorId: c.author_id,
    authorName: c.author_name,
    body: c.body,
    createdAt: c.created_at.toISOString(),
  }));
}

/** Anyone who can read a plan can comment on it, except funders: they write nothing. */
export async function addPlanComment(db: Db, actor: Actor, planId: string, body: string) {
  const { view } = await visiblePlan(db, actor, planId);
  if (view === 'restricted') deny(true, 'Plan');
  return inTransaction(db, async (trx) => {
    const c = await insertComment(trx, planId, actor.userId, body);
    const comment = {
      id: c.id,
      authorId: c.author_id,
      authorName: c.author_name,
      body: c.body,
      createdAt: c.created_at.toISOString(),
    };
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'comment.create',
      entity: 'curve_plan',
      entityId: planId,
      after: comment,
      requestId: actor.requestId,
    });
    return comment;
  });
}

/** Everything the turn-the-curve meeting needs on one page: the curve and the plan. */
export async function curveReport(
  db: Db,
  actor: Actor,
  measureId: string,
  horizon: number | undefined,
) {
  const [curve, plan] = await Promise.all([
    measureSeries(db, actor, measureId, { horizon }),
    getPlan(db, actor, measureId),
  ]);
  return { generatedAt: new Date().toISOString(), curve, plan };
}
