import type { DbOrTrx } from '../db/schema.js';

const columns = [
  'id',
  'organization_id',
  'name',
  'name_fr',
  'description',
  'description_fr',
  'archived_at',
] as const;

/** The French twins of a program's texts: null is none, left out is left as it is. */
export interface ProgramFrench {
  name_fr?: string | null | undefined;
  description_fr?: string | null | undefined;
}

export async function insertProgram(
  db: DbOrTrx,
  v: { organization_id: string; name: string; description: string | null } & ProgramFrench,
) {
  return db.insertInto('programs').values(v).returning(columns).executeTakeFirstOrThrow();
}

export async function findProgram(db: DbOrTrx, id: string) {
  return db.selectFrom('programs').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function listPrograms(
  db: DbOrTrx,
  organizationId: string,
  limit: number,
  offset: number,
) {
  return db
    .selectFrom('programs')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function updateProgram(
  db: DbOrTrx,
  id: string,
  v: Partial<{ name: string; description: string | null; archived_at: Date | null }> &
    ProgramFrench,
) {
  return db
    .updateTable('programs')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function resultIdsOf(db: DbOrTrx, programIds: string[]) {
  if (programIds.length === 0) return [];
  return db
    .selectFrom('program_results')
    .select(['program_id', 'result_id'])
    .where('program_id', 'in', programIds)
    .execute();
}

export async function setProgramResults(db: DbOrTrx, programId: string, resultIds: string[]) {
  await db.deleteFrom('program_results').where('program_id', '=', programId).execute();
  if (resultIds.length > 0) {
    await db
      .insertInto('program_results')
      .values(resultIds.map((result_id) => ({ program_id: programId, result_id })))
      .execute();
  }
}

/** Results the organization may contribute to: those of the tables it is a partner at. */
export async function resultsOpenTo(db: DbOrTrx, organizationId: string, resultIds: string[]) {
  if (resultIds.length === 0) return [];
  const rows = await db
    .selectFrom('results')
    .innerJoin('table_partners', 'table_partners.table_id', 'results.table_id')
    .select('results.id')
    .where('table_partners.organization_id', '=', organizationId)
    .where('results.id', 'in', resultIds)
    .execute();
  return rows.map((r) => r.id);
}

export async function programHasData(db: DbOrTrx, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('measures')
    .select('id')
    .where('program_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteProgram(db: DbOrTrx, id: string) {
  await db.deleteFrom('program_results').where('program_id', '=', id).execute();
  await db.deleteFrom('programs').where('id', '=', id).execute();
}
