import type { DbOrTrx } from '../db/schema.js';

const columns = [
  'id',
  'name',
  'name_fr',
  'population',
  'population_fr',
  'description',
  'description_fr',
  'archived_at',
  'created_at',
] as const;

/** The French twins of a table's texts: null is none, left out is left as it is. */
export interface TableFrench {
  name_fr?: string | null | undefined;
  population_fr?: string | null | undefined;
  description_fr?: string | null | undefined;
}

export async function insertTable(
  db: DbOrTrx,
  v: { name: string; population: string; description: string | null } & TableFrench,
) {
  return db.insertInto('planning_tables').values(v).returning(columns).executeTakeFirstOrThrow();
}

export async function findTable(db: DbOrTrx, id: string) {
  return db.selectFrom('planning_tables').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function updateTable(
  db: DbOrTrx,
  id: string,
  v: Partial<{
    name: string;
    population: string;
    description: string | null;
    archived_at: Date | null;
  }> &
    TableFrench,
) {
  return db
    .updateTable('planning_tables')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function listTables(
  db: DbOrTrx,
  onlyIds: string[] | null,
  limit: number,
  offset: number,
) {
  if (onlyIds !== null && onlyIds.length === 0) return [];
  let q = db
    .selectFrom('planning_tables')
    .select(columns)
    .orderBy('name')
    .limit(limit)
    .offset(offset);
  if (onlyIds !== null) q = q.where('id', 'in', onlyIds);
  return q.execute();
}

export async function tableHasData(db: DbOrTrx, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('results')
    .select('id')
    .where('table_id', '=', id)
    .unionAll(db.selectFrom('measures').select('id').where('table_id', '=', id))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteTable(db: DbOrTrx, id: string) {
  await db.deleteFrom('table_partners').where('table_id', '=', id).execute();
  await db.deleteFrom('planning_tables').where('id', '=', id).execute();
}

export async function listPartners(db: DbOrTrx, tableId: string) {
  return db
    .selectFrom('table_partners')
    .innerJoin('organizations', 'organizations.id', 'table_partners.organization_id')
    .select([
      'organizations.id',
      'organizations.code',
      'organizations.name',
      'organizations.name_fr as nameFr',
      'organizations.kind',
    ])
    .where('table_partners.table_id', '=', tableId)
    .orderBy('organizations.code')
    .execute();
}

export async function insertPartner(db: DbOrTrx, tableId: string, organizationId: string) {
  return db
    .insertInto('table_partners')
    .values({ table_id: tableId, organization_id: organizationId })
    .onConflict((oc) => oc.doNothing())
    .returning('organization_id')
    .executeTakeFirst();
}

export async function deletePartner(db: DbOrTrx, tableId: string, organizationId: string) {
  const r = await db
    .deleteFrom('table_partners')
    .where('table_id', '=', tableId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function isPartner(db: DbOrTrx, tableId: string, organizationId: string) {
  const row = await db
    .selectFrom('table_partners')
    .select('table_id')
    .where('table_id', '=', tableId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the agency's programs are linked to the table: results they serve, shared measures. */
export async function partnerHasData(db: DbOrTrx, tableId: string, organizationId: string) {
  const row = await db
    .selectFrom('program_results')
    .innerJoin('programs', 'programs.id', 'program_results.program_id')
    .innerJoin('results', 'results.id', 'program_results.result_id')
    .select('programs.id')
    .where('programs.organization_id', '=', organizationId)
    .where('results.table_id', '=', tableId)
    .unionAll(
      db
        .selectFrom('measures as m')
        .innerJoin('measures as s', 's.id', 'm.shared_measure_id')
        .select('m.id')
        .where('m.organization_id', '=', organizationId)
        .where('s.table_id', '=', tableId),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
