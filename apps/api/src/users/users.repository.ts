import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { Role, ScopeType } from '../db/tables/role-grants.table.js';
import type { Locale } from '../db/tables/users.table.js';

const userColumns = [
  'id',
  'email',
  'name',
  'locale',
  'token_version',
  'disabled_at',
  'created_at',
] as const;

export async function findUserByEmailWithHash(db: DbOrTrx, email: string) {
  return db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: DbOrTrx, id: string) {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsers(db: DbOrTrx, limit: number, offset: number) {
  return db
    .selectFrom('users')
    .select(userColumns)
    .orderBy(sql`lower(email)`)
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function insertUser(
  db: DbOrTrx,
  values: { email: string; name: string; passwordHash: string; locale: Locale },
) {
  return db
    .insertInto('users')
    .values({
      email: values.email,
      name: values.name,
      password_hash: values.passwordHash,
      locale: values.locale,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}

export async function emailTaken(db: DbOrTrx, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/** Bumps token_version so every token issued before now stops working. */
export async function bumpTokenVersion(db: DbOrTrx, userId: string): Promise<number | undefined> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ token_version: eb('token_version', '+', 1), updated_at: new Date() }))
    .where('id', '=', userId)
    .returning('token_version')
    .executeTakeFirst();
  return row?.token_version;
}

export async function grantsForUsers(db: DbOrTrx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_grants')
    .select(['id', 'user_id', 'role', 'scope_type', 'scope_id'])
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .execute();
}

export async function insertGrant(
  db: DbOrTrx,
  g: { userId: string; role: Role; scopeType: ScopeType | null; scopeId: string | null },
) {
  return db
    .insertInto('role_grants')
    .values({ user_id: g.userId, role: g.role, scope_type: g.scopeType, scope_id: g.scopeId })
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'user_id', 'role', 'scope_type', 'scope_id'])
    .executeTakeFirst();
}

/** The user's session state and grants in one round trip, for every authenticated request. */
export async function findSessionUser(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('users')
    .select([
      'users.id',
      'users.token_version',
      'users.disabled_at',
      'users.locale',
      sql<
        { role: Role; scopeType: ScopeType | null; scopeId: string | null }[]
      >`coalesce((select json_agg(json_build_object('role', g.role, 'scopeType', g.scope_type, 'scopeId', g.scope_id) order by g.created_at) from role_grants g where g.user_id = users.id), '[]'::json)`.as(
        'grants',
      ),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function updateUser(
  db: DbOrTrx,
  id: string,
  v: {
    name?: string | undefined;
    locale?: Locale | undefined;
    disabled_at?: Date | null | undefined;
  },
) {
  return db
    .updateTable('users')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returning(userColumns)
    .executeTakeFirst();
}

export async function deleteGrant(
  db: DbOrTrx,
  g: { userId: string; role: Role; scopeType: ScopeType | null; scopeId: string | null },
): Promise<boolean> {
  let q = db.deleteFrom('role_grants').where('user_id', '=', g.userId).where('role', '=', g.role);
  q =
    g.scopeType === null
      ? q.where('scope_type', 'is', null)
      : q.where('scope_type', '=', g.scopeType);
  q = g.scopeId === null ? q.where('scope_id', 'is', null) : q.where('scope_id', '=', g.scopeId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The user with their password hash, for checking a current password. */
export async function findUserWithHashById(db: DbOrTrx, id: string) {
  return db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Stores a new password hash and bumps token_version, so every older access token dies. */
export async function setPasswordHash(
  db: DbOrTrx,
  userId: string,
  passwordHash: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      token_version: eb('token_version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', userId)
    .returning('token_version')
    .executeTakeFirst();
  return row?.token_version;
}
