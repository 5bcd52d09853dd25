import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Me } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
  InvalidCredentialsError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  UseOwnPasswordRouteError,
  WrongPasswordError,
} from '../errors.js';
import {
  hitCounter,
  peekCounter,
  peekStreak,
  recordFailure,
  resetCounter,
} from '../rate-limit/rate-limit.repository.js';
import {
  assertPasswordPolicy,
  decoyPasswordHash,
  hashPassword,
  verifyPassword,
} from '../users/passwords.js';
import {
  bumpTokenVersion,
  findSessionUser,
  findUserByEmailWithHash,
  findUserById,
  findUserWithHashById,
  grantsForUsers,
  setPasswordHash,
} from '../users/users.repository.js';
import {
  deleteExpiredRefreshTokens,
  findRefreshTokenForUpdate,
  insertRefreshToken,
  markRefreshTokenUsed,
  revokeRefreshFamily,
  revokeUserRefreshTokens,
} from './refresh-tokens.repository.js';

/** What an access token carries: the user and the token generation it belongs to. */
export interface TokenClaims {
  sub: string;
  tv: number;
}

/** A refresh token just issued: the opaque value goes into the cookie, never into the database. */
export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export interface SessionResult {
  claims: TokenClaims;
  user: Me;
  /** Absent when a refresh answered within the grace period (the cookie already moved on). */
  refresh?: IssuedRefreshToken;
}

type Limits = Config['loginLimit'];
type RefreshLimits = Config['refresh'];

/** A failure streak is forgotten after a day without failures. */
const STREAK_FORGET_SECONDS = 24 * 60 * 60;

function retryAfter(windowStart: Date, windowSeconds: number): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
}

/** The lock after `failures` failures in a row: none for the first `free`, then 1 s doubling. */
export function backoffSeconds(failures: number, free: number, maxSeconds: number): number {
  if (failures < free) return 0;
  return Math.min(maxSeconds, 2 ** Math.min(failures - free, 30));
}

function keysFor(email: string, clientIp: string) {
  const account = email.trim().toLowerCase();
  return {
    windows: [`login:email:${account}`, `login:ip:${clientIp}`],
    streaks: [`backoff:email:${account}`, `backoff:ip:${clientIp}`],
  };
}

/**
 * Refuses with 429 while either window limit is reached or either failure streak (account,
 * address) is in its back-off delay. The same for known and unknown emails.
 */
async function assertNotLimited(db: Db, limits: Limits, email: string, clientIp: string) {
  const keys = keysFor(email, clientIp);
  // The per-address limits are wider: several people may share an office's address.
  const maxima = [limits.maxFailures, limits.maxFailures * 5];
  for (const [i, key] of keys.windows.entries()) {
    const current = await peekCounter(db, key, limits.windowSeconds);
    if (current && current.count >= (maxima[i] ?? limits.maxFailures)) {
      throw new TooManyRequestsError(
        'Too many failed sign-in attempts; try again later',
        retryAfter(current.windowStart, limits.windowSeconds),
      );
    }
  }
  const free = [limits.backoffAfter, limits.backoffAfter * 5];
  for (const [i, key] of keys.streaks.entries()) {
    const streak = await peekStreak(db, key, STREAK_FORGET_SECONDS);
    if (!streak) continue;
    const wait =
      backoffSeconds(streak.failures, free[i] ?? limits.backoffAfter, limits.backoffMaxSeconds) -
      streak.secondsSinceLast;
    if (wait > 0) {
      throw new TooManyRequestsError(
        'Too many failed sign-in attempts; try again later',
        Math.max(1, Math.ceil(wait)),
      );
    }
  }
}

async function countFailure(db: Db, limits: Limits, email: string, clientIp: string) {
  const keys = keysFor(email, clientIp);
  for (const key of keys.windows) await hitCounter(db, key, limits.windowSeconds);
  for (const key of keys.streaks) await recordFailure(db, key, STREAK_FORGET_SECONDS);
}

/** A success clears the account's counters (not the address's: one good account must not
 * wipe an address's record of guessing at others). */
async function clearAccountFailures(db: Db, email: string) {
  const keys = keysFor(email, '');
  await resetCounter(db, keys.windows[0] as string);
  await resetCounter(db, keys.streaks[0] as string);
}

// ---------------------------------------------------------------------------------------------
// Refresh tokens

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

function slidingEnd(limits: RefreshLimits, now: Date, familyEnd: Date): Date {
  return new Date(Math.min(now.getTime() + limits.slidingSeconds * 1000, familyEnd.getTime()));
}

/** Starts a new refresh-token family (one per sign-in). */
async function startRefreshFamily(
  db: Db,
  limits: RefreshLimits,
  userId: string,
): Promise<IssuedRefreshToken> {
  const now = new Date();
  const familyEnd = new Date(now.getTime() + limits.absoluteSeconds * 1000);
  const token = newOpaqueToken();
  const expiresAt = slidingEnd(limits, now, familyEnd);
  await inTransaction(db, async (trx) => {
    await deleteExpiredRefreshTokens(trx, userId);
    await insertRefreshToken(trx, {
      userId,
      familyId: randomUUID(),
      tokenHash: hashToken(token),
      expiresAt,
      familyExpiresAt: familyEnd,
    });
  });
  return { token, expiresAt };
}

/**
 * Checks credentials. Failures count per email and per client address, in the database, so
 * that limits hold across API processes. An unknown email, a wrong password and a disabled
 * account take the same path (one argon2 verification, the same counter writes) and end in the
 * same error, so neither the answer nor its timing tells them apart.
 */
export async function login(
  db: Db,
  config: Pick<Config, 'loginLimit' | 'refresh'>,
  email: string,
  password: string,
  clientIp: string,
): Promise<SessionResult> {
  await assertNotLimited(db, config.loginLimit, email, clientIp);
  const user = await findUserByEmailWithHash(db, email);
  const matches = await verifyPassword(
    user?.password_hash ?? (await decoyPasswordHash()),
    password,
  );
  if (!user || !matches || user.disabled_at !== null) {
    await countFailure(db, config.loginLimit, email, clientIp);
    throw new InvalidCredentialsError();
  }
  await clearAccountFailures(db, email);
  const refresh = await startRefreshFamily(db, config.refresh, user.id);
  return { claims: { sub: user.id, tv: user.token_version }, user: await me(db, user.id), refresh };
}

type RefreshOutcome =
  | { kind: 'rotated'; userId: string; refresh: IssuedRefreshToken }
  | { kind: 'grace'; userId: string }
  | { kind: 'refused' }
  | { kind: 'reuse'; userId: string };

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation: the old
 * one is spent). A spent token presented again after the grace period means the cookie was
 * copied: the whole family is revoked, every access token of the user dies, and it is audited.
 */
export async function refreshSession(
  db: Db,
  limits: RefreshLimits,
  token: string,
  requestId: string | null,
): Promise<SessionResult> {
  const now = new Date();
  const outcome = await inTransaction(db, async (trx): Promise<RefreshOutcome> => {
    const row = await findRefreshTokenForUpdate(trx, hashToken(token));
    if (!row || row.revoked_at !== null) return { kind: 'refused' };
    if (row.expires_at <= now || row.family_expires_at <= now) return { kind: 'refused' };
    if (row.used_at !== null) {
      if (now.getTime() - row.used_at.getTime() <= limits.graceSeconds * 1000) {
        return { kind: 'grace', userId: row.user_id };
      }
      const revoked = await revokeRefreshFamily(trx, row.family_id, 'reuse_detected');
      const tokenVersion = await bumpTokenVersion(trx, row.user_id);
      await insertAuditEvent(trx, {
        actorId: null,
        action: 'auth.refresh_reuse',
        entity: 'user',
        entityId: row.user_id,
        after: { familyId: row.family_id, revokedTokens: revoked, tokenVersion },
        requestId,
      });
      return { kind: 'reuse', userId: row.user_id };
    }
    const next = newOpaqueToken();
    const expiresAt = slidingEnd(limits, now, row.family_expires_at);
    const nextId = await insertRefreshToken(trx, {
      userId: row.user_id,
      familyId: row.family_id,
      tokenHash: hashToken(next),
      expiresAt,
      familyExpiresAt: row.family_expires_at,
    });
    await markRefreshTokenUsed(trx, row.id, nextId, now);
    return { kind: 'rotated', userId: row.user_id, refresh: { token: next, expiresAt } };
  });
  if (outcome.kind === 'refused' || outcome.kind === 'reuse') {
    throw new UnauthorizedError('The session has ended; sign in again');
  }
  const session = await findSessionUser(db, outcome.userId);
  if (!session || session.disabled_at !== null) {
    throw new UnauthorizedError('The session has ended; sign in again');
  }
  const result: SessionResult = {
    claims: { sub: session.id, tv: session.token_version },
    user: await me(db, session.id),
  };
  if (outcome.kind === 'rotated') result.refresh = outcome.refresh;
  return result;
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
  return { userId: session.id, grants: session.grants, requestId, locale: session.locale };
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

/**
 * Ends every session of the user at once: older access tokens carry an older token version, and
 * every refresh token is revoked.
 */
export async function logout(db: Db, actor: Actor): Promise<void> {
  await inTransaction(db, async (trx) => {
    const version = await bumpTokenVersion(trx, actor.userId);
    const families = await revokeUserRefreshTokens(trx, actor.userId, 'logout');
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'auth.logout',
      entity: 'user',
      entityId: actor.userId,
      after: { tokenVersion: version, revokedSessions: families },
      requestId: actor.requestId,
    });
  });
}

/**
 * Changes the caller's own password, given the current one. Every session of the user ends
 * (access and refresh tokens); the caller gets a fresh session in the answer. Wrong current
 * passwords count towards the same limits as failed sign-ins.
 */
export async function changeOwnPassword(
  db: Db,
  config: Pick<Config, 'loginLimit' | 'refresh'>,
  actor: Actor,
  clientIp: string,
  currentPassword: string,
  newPassword: string,
): Promise<SessionResult> {
  const user = await findUserWithHashById(db, actor.userId);
  if (!user) throw new UnauthorizedError();
  await assertNotLimited(db, config.loginLimit, user.email, clientIp);
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    await countFailure(db, config.loginLimit, user.email, clientIp);
    throw new WrongPasswordError('The current password is incorrect');
  }
  assertPasswordPolicy(newPassword, user.email);
  const passwordHash = await hashPassword(newPassword);
  const version = await inTransaction(db, async (trx) => {
    const tokenVersion = await setPasswordHash(trx, user.id, passwordHash);
    const families = await revokeUserRefreshTokens(trx, user.id, 'password_change');
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'user.password_change',
      entity: 'user',
      entityId: user.id,
      after: { tokenVersion, revokedSessions: families },
      requestId: actor.requestId,
    });
    return tokenVersion ?? user.token_version + 1;
  });
  await clearAccountFailures(db, user.email);
  const refresh = await startRefreshFamily(db, config.refresh, user.id);
  return { claims: { sub: user.id, tv: version }, user: await me(db, user.id), refresh };
}

/** An admin sets another user's password; every session of that user ends. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: string,
  newPassword: string,
): Promise<void> {
  requireAdmin(actor);
  if (userId === actor.userId) {
    throw new UseOwnPasswordRouteError(
      'Change your own password with POST /api/v1/auth/password, which asks for the current one',
    );
  }
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError('User');
  assertPasswordPolicy(newPassword, user.email);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(db, async (trx) => {
    const tokenVersion = await setPasswordHash(trx, userId, passwordHash);
    if (tokenVersion === undefined) throw new NotFoundError('User');
    const families = await revokeUserRefreshTokens(trx, userId, 'password_reset');
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'user.password_reset',
      entity: 'user',
      entityId: userId,
      after: { tokenVersion, revokedSessions: families },
      requestId: actor.requestId,
    });
  });
}
