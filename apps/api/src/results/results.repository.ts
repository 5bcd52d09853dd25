import type { DbOrTrx } from '../db/schema.js';

const columns = [
  'id',
  'table_id',
  'title',
  'title_fr',
  'description',
  'description_fr',
  'sort_order',
  'archived_at',
] as const;

/** The French twins of a result's texts: null is none, left out is left as it is. */
export interface ResultFrench {
  title_fr?: string | null | undefined;
  description_fr?: string | null | undefined;
}

export async function insertResult(
  db: DbOrTrx,
  v: {
    table_id: string;
    title: string;
    description: string | null;
    sort_order?: number;
  } & ResultFrench,
) {
  return db.insertInto('results').values(v).returning(columns).executeTakeFirstOrThrow();
}

export async function findResult(db: DbOrTrx, id: string) {
  return db.selectFrom('results').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function findResults(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('results').select(columns).where('id', 'in', ids).execute();
}

export async function listResults(db: DbOrTrx, tableId: string, limit: number, offset: number) {
  return db
    .selectFrom('results')
    .select(columns)
    .where('table_id', '=', tableId)
    .orderBy('sort_order')
    .orderBy('title')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** A table's results not archived, in their order: the rows of its scorecard and system map. */
export async function activeResults(db: DbOrTrx, tableId: string) {
  return db
    .selectFrom('results')
    .select(['id', 'title', 'title_fr'])
    .where('table_id', '=', tableId)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('title')
    .execute();
}

export async function nextResultOrder(db: DbOrTrx, tableId: string): Promise<number> {
  const row = await db
    .selectFrom('results')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('m'))
    .where('table_id', '=', tableId)
    .executeTakeFirst();
  return (row?.m ?? -1) + 1;
}

export async function updateResult(
  db: DbOrTrx,
  id: string,
  v: Partial<{
    title: string;
    description: string | null;
    sort_order: number;
    archived_at: Date | null;
  }> &
    ResultFrench,
) {
  return db
    .updateTable('results')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function resultHasData(db: DbOrTrx, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('measures')
    .select('id')
    .where('result_id', '=', id)
    .unionAll(
      db.selectFrom('program_results').select('program_id as id').where('result_id', '=', id),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteResult(db: DbOrTrx, id: string) {
  await db.deleteFrom('results').where('id', '=', id).execute();
}
