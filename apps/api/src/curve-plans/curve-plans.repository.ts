import type { DbOrTrx } from '../db/schema.js';

const planColumns = [
  'id',
  'measure_id',
  'revision',
  'content',
  'updated_by',
  'updated_at',
] as const;

export async function findPlanByMeasure(db: DbOrTrx, measureId: string) {
  return db
    .selectFrom('curve_plans')
    .select(planColumns)
    .where('measure_id', '=', measureId)
    .executeTakeFirst();
}

export async function findPlan(db: DbOrTrx, id: string) {
  return db.selectFrom('curve_plans').select(planColumns).where('id', '=', id).executeTakeFirst();
}

export async function plansOfMeasures(db: DbOrTrx, measureIds: string[]) {
  if (measureIds.length === 0) return [];
  return db
    .selectFrom('curve_plans')
    .select(['measure_id', 'content', 'updated_at'])
    .where('measure_id', 'in', measureIds)
    .execute();
}

/** Creates the plan at revision 1; undefined when someone else created it first. */
export async function insertPlan(db: DbOrTrx, measureId: string, content: unknown, userId: string) {
  return db
    .insertInto('curve_plans')
    .values({
      measure_id: measureId,
      revision: 1,
      content: JSON.stringify(content),
      updated_by: userId,
    })
    .onConflict((oc) => oc.column('measure_id').doNothing())
    .returning(planColumns)
    .executeTakeFirst();
}

/** Moves the plan to the next revision only from the revision the edit was made on. */
export async function updatePlanAtRevision(
  db: DbOrTrx,
  id: string,
  revision: number,
  content: unknown,
  userId: string,
) {
  return db
    .updateTable('curve_plans')
    .set({
      revision: revision + 1,
      content: JSON.stringify(content),
      updated_by: userId,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returning(planColumns)
    .executeTakeFirst();
}

export async function insertRevision(
  db: DbOrTrx,
  v: {
    planId: string;
    revision: number;
    content: unknown;
    userId: string;
    restoredFrom: number | null;
    changed: string[];
  },
) {
  await db
    .insertInto('curve_plan_revisions')
    .values({
      plan_id: v.planId,
      revision: v.revision,
      content: JSON.stringify(v.content),
      saved_by: v.userId,
      restored_from: v.restoredFrom,
      changed_sections: JSON.stringify(v.changed),
    })
    .execute();
}

export async function listRevisions(db: DbOrTrx, planId: string) {
  return db
    .selectFrom('curve_plan_revisions')
    .leftJoin('users', 'users.id', 'curve_plan_revisions.saved_by')
    .select([
      'curve_plan_revisions.revision',
      'curve_plan_revisions.saved_by',
      'users.name as saved_by_name',
      'curve_plan_revisions.saved_at',
      'curve_plan_revisions.restored_from',
      'curve_plan_revisions.changed_sections',
    ])
    .where('curve_plan_revisions.plan_id', '=', planId)
    .orderBy('curve_plan_revisions.revision', 'desc')
    .execute();
}

export async function userName(db: DbOrTrx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

export async function findRevision(db: DbOrTrx, planId: string, revision: number) {
  return db
    .selectFrom('curve_plan_revisions')
    .select(['revision', 'content', 'saved_by', 'saved_at', 'restored_from'])
    .where('plan_id', '=', planId)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

/** The planning tables an agency is a partner at. */
export async function tablesOfOrganization(db: DbOrTrx, organizationId: string) {
  const rows = await db
    .selectFrom('table_partners')
    .select('table_id')
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => r.table_id);
}

/** The partner agencies of these tables. */
export async function partnersOfTables(db: DbOrTrx, tableIds: string[]) {
  if (tableIds.length === 0) return [];
  const rows = await db
    .selectFrom('table_partners')
    .select('organization_id')
    .where('table_id', 'in', tableIds)
    .execute();
  return [...new Set(rows.map((r) => r.organization_id))];
}

/**
 * Of these measures, those of these tables (indicators and shared measures) or of these
 * agencies (program measures), with their owners.
 */
export async function measuresAmong(
  db: DbOrTrx,
  ids: string[],
  tableIds: string[],
  organizationIds: string[],
) {
  if (ids.length === 0 || (tableIds.length === 0 && organizationIds.length === 0)) return [];
  return db
    .selectFrom('measures')
    .select(['id', 'kind', 'table_id', 'organization_id'])
    .where('id', 'in', ids)
    .where((eb) =>
      eb.or([
        ...(tableIds.length > 0
          ? [eb.and([eb('kind', '!=', 'performance'), eb('table_id', 'in', tableIds)])]
          : []),
        ...(organizationIds.length > 0
          ? [eb.and([eb('kind', '=', 'performance'), eb('organization_id', 'in', organizationIds)])]
          : []),
      ]),
    )
    .execute();
}

/** Adds a comment; returns it with its author's name. */
export async function insertComment(db: DbOrTrx, planId: string, authorId: string, body: string) {
  const comment = await db
    .insertInto('comments')
    .values({ entity: 'curve_plan', entity_id: planId, author_id: authorId, body })
    .returning(['id', 'author_id', 'body', 'created_at'])
    .executeTakeFirstOrThrow();
  const author = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', authorId)
    .executeTakeFirstOrThrow();
  return { ...comment, author_name: author.name };
}

export async function listComments(db: DbOrTrx, planId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .select([
      'comments.id',
      'comments.author_id',
      'users.name as author_name',
      'comments.body',
      'comments.created_at',
    ])
    .where('comments.entity', '=', 'curve_plan')
    .where('comments.entity_id', '=', planId)
    .orderBy('comments.created_at')
    .execute();
}
