import type { DbOrTrx } from '../db/schema.js';
import type { OrganizationKind } from '../db/tables/organizations.table.js';
import type { ScopeType } from '../db/tables/role-grants.table.js';

const columns = [
  'id',
  'code',
  'name',
  'name_fr',
  'kind',
  'archived_at',
  'created_at',
  'updated_at',
] as const;

export async function insertOrganization(
  db: DbOrTrx,
  v: { code: string; name: string; name_fr?: string | null; kind: OrganizationKind },
) {
  return db.insertInto('organizations').values(v).returning(columns).executeTakeFirstOrThrow();
}

export async function findOrganizationByCode(db: DbOrTrx, code: string) {
  return db.selectFrom('organizations').select(columns).where('code', '=', code).executeTakeFirst();
}

export async function findOrganization(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').select(columns).where('id', '=', id).executeTakeFirst();
}

/** Lists organizations, all of them or only those ids (null = no restriction). */
export async function listOrganizations(
  db: DbOrTrx,
  onlyIds: string[] | null,
  limit: number,
  offset: number,
) {
  let q = db
    .selectFrom('organizations')
    .select(columns)
    .orderBy('code')
    .limit(limit)
    .offset(offset);
  if (onlyIds !== null) {
    if (onlyIds.length === 0) return [];
    q = q.where('id', 'in', onlyIds);
  }
  return q.execute();
}

export async function scopeExists(db: DbOrTrx, scopeType: ScopeType, id: string): Promise<boolean> {
  if (scopeType === 'organization') return (await findOrganization(db, id)) !== undefined;
  const table = await db
    .selectFrom('planning_tables')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return table !== undefined;
}
