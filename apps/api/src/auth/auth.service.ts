import type { Me } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
  InvalidCredentialsError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../errors.js';
import { hitCounter, peekCounter, resetCounter } from '../rate-limit/rate-limit.repository.js';
import { decoyPasswordHash, verifyPassword } from '../users/passwords.js';
import {
  bumpTokenVersion,
  findSessionUser,
  findUserByEmailWithHash,
  findUserById,
  grantsForUsers,
} from '../users/users.repository.js';

/** What a token carries: the user and the token generation it belongs to. */
export interface TokenClaims {
  sub: string;
  tv: number;
}

export interface LoginResult {
  claims: TokenClaims;
  user: Me;
}

type Limits = Config['loginLimit'];

function retryAfter(windowStart: Date, windowSeconds: number): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
}

/**
 * Checks credentials. Failures count per email and per client address, in the database, so
 * that limits hold across API processes; an unknown email costs the same as a wrong password.
 */
export async function login(
  db: Db,
  limits: Limits,
  email: string,
  password: string,
  clientIp: string,
): Promise<LoginResult> {
  const keys = [`login:email:${email.toLowerCase()}`, `login:ip:${clientIp}`];
  // The per-address limit is wider: several people may share an office's address.
  const maxima = [limits.maxFailures, limits.maxFailures * 5];
  for (const [i, key] of keys.entries()) {
    const current = await peekCounter(db, key, limits.windowSeconds);
    if (current && current.count >= (maxima[i] ?? limits.maxFailures)) {
      throw new TooManyRequestsError(
        'Too many failed sign-in attempts; try again later',
        retryAfter(current.windowStart, limits.windowSeconds),
      );
    }
  }
  const user = await findUserByEmailWithHash(db, email);
  const ok = user
    ? user.disabled_at === null && (await verifyPassword(user.password_hash, password))
    : (await verifyPassword(await decoyPasswordHash(), password)) && false;
  if (!user || !ok) {
    for (const key of keys) await hitCounter(db, key, limits.windowSeconds);
    throw new InvalidCredentialsError();
  }
  await resetCounter(db, keys[0] as string);
  return { claims: { sub: user.id, tv: user.token_version }, user: await me(db, user.id) };
}

/** Turns verified token claims into an actor, or refuses a revoked or disabled session. */
export async function actorFromClaims(
  db: Db,
  claims: TokenClaims,
  requestId: string | null,
): Promise<Actor> {
  const session = await findSessionUser(db, claims.sub);
  if (!session || session.disabled_at !== null || session.token_version !== claims.tv) {
    throw new UnauthorizedError('The session has ended; sign in again');
  }
  return { userId: session.id, grants: session.grants, requestId };
}

export async function me(db: Db, userId: string): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError('User');
  const grants = await grantsForUsers(db, [userId]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    roles: grants.map((g) => ({ role: g.role, scopeType: g.scope_type, scopeId: g.scope_id })),
  };
}

/** Ends every session of the user at once: older tokens carry an older token version. */
export async function logout(db: Db, actor: Actor): Promise<void> {
  await inTransaction(db, async (trx) => {
    const version = await bumpTokenVersion(trx, actor.userId);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'auth.logout',
      entity: 'user',
      entityId: actor.userId,
      after: { tokenVersion: version },
      requestId: actor.requestId,
    });
  });
}
