import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { MeasuresTable } from '../db/tables/measures.table.js';

export const measureColumns = [
  'id',
  'kind',
  'code',
  'name',
  'name_fr',
  'table_id',
  'result_id',
  'program_id',
  'organization_id',
  'category',
  'unit',
  'rate_per',
  'direction',
  'period_type',
  'aggregation',
  'period_aggregation',
  'decimals',
  'headline',
  'on_data_development_agenda',
  'baseline_period',
  'data_source',
  'definition',
  'definition_fr',
  'shared_measure_id',
  'sort_order',
  'archived_at',
] as const;

export type MeasureRow = Awaited<ReturnType<typeof findMeasure>> & {};

export async function findMeasure(db: DbOrTrx, id: string) {
  return db.selectFrom('measures').select(measureColumns).where('id', '=', id).executeTakeFirst();
}

export async function findMeasures(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('measures').select(measureColumns).where('id', 'in', ids).execute();
}

export async function insertMeasure(db: DbOrTrx, v: Insertable<MeasuresTable>) {
  return db.insertInto('measures').values(v).returning(measureColumns).executeTakeFirstOrThrow();
}

export async function updateMeasure(db: DbOrTrx, id: string, v: Updateable<MeasuresTable>) {
  return db
    .updateTable('measures')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returning(measureColumns)
    .executeTakeFirstOrThrow();
}

export async function codeTaken(
  db: DbOrTrx,
  code: string,
  owner: { organizationId: string } | { tableId: string },
): Promise<boolean> {
  let q = db.selectFrom('measures').select('id').where('code', '=', code);
  q =
    'organizationId' in owner
      ? q.where('organization_id', '=', owner.organizationId)
      : q.where('organization_id', 'is', null).where('table_id', '=', owner.tableId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function listMeasuresWhere(
  db: DbOrTrx,
  where: { resultId?: string; programId?: string; sharedOfTable?: string },
  limit: number,
  offset: number,
) {
  let q = db
    .selectFrom('measures')
    .select(measureColumns)
    .orderBy('sort_order')
    .orderBy('code')
    .limit(limit)
    .offset(offset);
  if (where.resultId) q = q.where('result_id', '=', where.resultId).where('kind', '=', 'indicator');
  if (where.programId) q = q.where('program_id', '=', where.programId);
  if (where.sharedOfTable)
    q = q.where('table_id', '=', where.sharedOfTable).where('kind', '=', 'shared');
  return q.execute();
}

export async function setMeasureDimensions(db: DbOrTrx, measureId: string, dimensionIds: string[]) {
  if (dimensionIds.length === 0) return;
  await db
    .insertInto('measure_dimensions')
    .values(dimensionIds.map((dimension_id) => ({ measure_id: measureId, dimension_id })))
    .execute();
}

export async function measureHasData(db: DbOrTrx, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('observations')
    .select('id')
    .where('measure_id', '=', id)
    .unionAll(db.selectFrom('targets').select('id').where('measure_id', '=', id))
    .unionAll(db.selectFrom('measures').select('id').where('shared_measure_id', '=', id))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteMeasure(db: DbOrTrx, id: string) {
  await db.deleteFrom('measure_dimensions').where('measure_id', '=', id).execute();
  await db.deleteFrom('measures').where('id', '=', id).execute();
}

export async function nextMeasureOrder(
  db: DbOrTrx,
  column: 'result_id' | 'program_id' | 'table_id',
  id: string,
) {
  const row = await db
    .selectFrom('measures')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('m'))
    .where(column, '=', id)
    .executeTakeFirst();
  return (row?.m ?? -1) + 1;
}
