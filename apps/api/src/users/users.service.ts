import type { CreateUserBody, RoleGrant, User } from '@rba/schema';
import { type Actor, isAdmin } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { revokeUserRefreshTokens } from '../auth/refresh-tokens.repository.js';
import type { Db } from '../db/schema.js';
import type { Role, ScopeType } from '../db/tables/role-grants.table.js';
import type { Locale } from '../db/tables/users.table.js';
import { inTransaction } from '../db/transaction.js';
import {
  CannotDisableSelfError,
  CannotRevokeOwnAdminError,
  EmailTakenError,
  NotFoundError,
} from '../errors.js';
import { scopeExists } from '../organizations/organizations.repository.js';
import { assertPasswordPolicy, hashPassword } from './passwords.js';
import {
  bumpTokenVersion,
  deleteGrant,
  emailTaken,
  findUserById,
  grantsForUsers,
  insertGrant,
  insertUser,
  listUsers as listUserRows,
  updateUser as updateUserRow,
} from './users.repository.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
type GrantRow = Awaited<ReturnType<typeof grantsForUsers>>[number];

function toGrant(g: Pick<GrantRow, 'role' | 'scope_type' | 'scope_id'>): RoleGrant {
  return { role: g.role, scopeType: g.scope_type, scopeId: g.scope_id };
}

function toUser(row: UserRow, grants: GrantRow[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    roles: grants.filter((g) => g.user_id === row.id).map(toGrant),
  };
}

export async function createUser(
  db: Db,
  actor: Actor | null,
  body: CreateUserBody & { locale?: Locale },
): Promise<User> {
  if (actor) requireAdmin(actor);
  assertPasswordPolicy(body.password, body.email);
  const passwordHash = await hashPassword(body.password);
  return inTransaction(db, async (trx) => {
    if (await emailTaken(trx, body.email)) {
      throw new EmailTakenError('A user with this email already exists');
    }
    const row = await insertUser(trx, {
      email: body.email.trim(),
      name: body.name,
      passwordHash,
      locale: body.locale ?? 'en',
    });
    const user = toUser(row, []);
    await insertAuditEvent(trx, {
      actorId: actor?.userId ?? null,
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: user,
      requestId: actor?.requestId ?? null,
    });
    return user;
  });
}

export async function listUsers(db: Db, actor: Actor, limit: number, offset: number) {
  requireAdmin(actor);
  const rows = await listUserRows(db, limit, offset);
  const grants = await grantsForUsers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toUser(r, grants));
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  if (actor.userId !== id && !isAdmin(actor)) throw new NotFoundError('User');
  const row = await findUserById(db, id);
  if (!row) throw new NotFoundError('User');
  return toUser(row, await grantsForUsers(db, [id]));
}

export async function grantRole(
  db: Db,
  actor: Actor | null,
  userId: string,
  grant: { role: Role; scopeType: ScopeType | null; scopeId: string | null },
): Promise<RoleGrant> {
  if (actor) requireAdmin(actor);
  return inTransaction(db, async (trx) => {
    if (!(await findUserById(trx, userId))) throw new NotFoundError('User');
    if (
      grant.scopeType &&
      grant.scopeId &&
      !(await scopeExists(trx, grant.scopeType, grant.scopeId))
    ) {
      throw new NotFoundError(
        grant.scopeType === 'organization' ? 'Organization' : 'Planning table',
      );
    }
    const row = await insertGrant(trx, { userId, ...grant });
    const result = toGrant(
      row ?? { role: grant.role, scope_type: grant.scopeType, scope_id: grant.scopeId },
    );
    if (row) {
      await insertAuditEvent(trx, {
        actorId: actor?.userId ?? null,
        action: 'role.grant',
        entity: 'user',
        entityId: userId,
        after: result,
        requestId: actor?.requestId ?? null,
      });
    }
    return result;
  });
}

/**
 * Changes a user. Disabling (admins only) also ends their sessions at once; a user may change
 * their own name and language.
 */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: { name?: string | undefined; locale?: Locale | undefined; disabled?: boolean | undefined },
): Promise<User> {
  const self = actor.userId === id;
  if (!self || patch.disabled !== undefined) requireAdmin(actor);
  if (self && patch.disabled === true) {
    throw new CannotDisableSelfError('You cannot disable your own account');
  }
  return inTransaction(db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new NotFoundError('User');
    const row = await updateUserRow(trx, id, {
      name: patch.name,
      locale: patch.locale,
      disabled_at:
        patch.disabled === undefined
          ? undefined
          : patch.disabled
            ? (before.disabled_at ?? new Date())
            : null,
    });
    if (!row) throw new NotFoundError('User');
    if (patch.disabled === true) {
      await bumpTokenVersion(trx, id);
      await revokeUserRefreshTokens(trx, id, 'disabled');
    }
    const grants = await grantsForUsers(trx, [id]);
    const after = toUser(row, grants);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: toUser(before, grants),
      after,
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function revokeRole(
  db: Db,
  actor: Actor,
  userId: string,
  grant: { role: Role; scopeType: ScopeType | null; scopeId: string | null },
): Promise<void> {
  requireAdmin(actor);
  if (actor.userId === userId && grant.role === 'admin') {
    throw new CannotRevokeOwnAdminError('You cannot take away your own admin role');
  }
  await inTransaction(db, async (trx) => {
    if (!(await findUserById(trx, userId))) throw new NotFoundError('User');
    if (!(await deleteGrant(trx, { userId, ...grant }))) throw new NotFoundError('Role grant');
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'role.revoke',
      entity: 'user',
      entityId: userId,
      before: { role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
      requestId: actor.requestId,
    });
  });
}
