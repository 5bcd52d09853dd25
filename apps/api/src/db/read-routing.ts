// Reads that may go to a streaming replica (DATABASE_READ_URL): the scorecards, series,
// exports and public pages. The replica is used only when it can answer as the primary would
// for this caller:
//
// - A caller who has written reads their own write. After every successful write request the
//   primary's WAL insert position is remembered for that user (in this process) and returned
//   as the `X-Commit-LSN` header; a client that talks to several API processes sends it back as
//   `X-Min-LSN`. A read that must see a position waits (at most WAIT_MS) for the replica to
//   replay it, else it is served by the primary.
// - A replica that lags more than maxLagSeconds is skipped for everyone, until it catches up.
// - A replica that fails to connect, or drops a connection, is skipped for BREAKER_MS (logged
//   once); the read that met the failure runs again on the primary. A query cancelled by a
//   recovery conflict runs again on the primary too.
//
// Without a replica (PGlite, or no DATABASE_READ_URL) every read runs on the primary: routes
// call `onReplica` either way.
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { Db } from './schema.js';

export type ReadSide = 'replica' | 'primary';

/** The signed-in user of a request (plugins/auth.ts sets `actor`), if any. */
function userOf(request: FastifyRequest): string | undefined {
  return (request as { actor?: { userId: string } | null }).actor?.userId;
}

/** How long a read waits for the replica to replay a caller's write before using the primary. */
const WAIT_MS = 200;
const POLL_MS = 15;
/** How long a status check gives the replica to replay the primary position it just sampled. */
const CATCH_UP_MS = 100;
/** The replica's position and lag are looked up at most this often (per process). */
const STATUS_MAX_AGE_MS = 1000;
/** How long a replica that failed is left alone. */
const BREAKER_MS = 10_000;
/** How long a user's last write is remembered; past the lag bound the lag check covers it. */
const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 50_000;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** A PostgreSQL LSN ('16/B374D848') as a number that compares; undefined when malformed. */
export function parseLsn(text: unknown): bigint | undefined {
  if (typeof text !== 'string') return undefined;
  const m = LSN.exec(text.trim());
  if (!m) return undefined;
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** Errors that say the replica is not there: refused, reset, timed out, shut down. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, or not yet consistent)
  '53300', // too_many_connections
]);

export function isUnreachable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE.has(code) || code.startsWith('08'))) return true;
  if (err instanceof AggregateError && err.errors.some(isUnreachable)) return true;
  // pg's own words for a connection that was dropped, or not made in time (QuickConnectClient).
  return /Connection terminated|Connection ended unexpectedly|timeout expired/i.test(err.message);
}

/** A standby cancelled the query because replay needed what it was reading. */
function isRecoveryConflict(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err as { code?: unknown }).code === '40001' &&
    /conflict with recovery/i.test(err.message)
  );
}

/** The primary's own position could not be read while checking the replica. */
class PrimaryUnavailable extends Error {
  constructor(cause: unknown) {
    super('the primary did not answer', { cause });
  }
}

interface Status {
  at: number;
  /** False when the server is not a standby, or lags more than the bound. */
  usable: boolean;
  replay: bigint;
  lagSeconds: number;
}

export interface ReadRouterOptions {
  primary: Db;
  replica: Db;
  maxLagSeconds: number;
  waitMs?: number;
  breakerMs?: number;
  logger?: FastifyBaseLogger;
}

export class ReadRouter {
  readonly primary: Db;
  readonly replica: Db;
  readonly maxLagSeconds: number;
  logger: FastifyBaseLogger | undefined;
  /**
   * Where requests read in this process (one count per request, whatever it reads), and how
   * many of those sent to the replica ran again on the primary: for tests and the benchmark.
   */
  readonly served = { replica: 0, primary: 0, fallback: 0 };
  private readonly waitMs: number;
  private readonly breakerMs: number;
  private status: Status | undefined;
  private refreshing: Promise<Status> | undefined;
  /** The primary's positions as sampled, oldest first, that the replica had not yet replayed. */
  private samples: { at: number; lsn: bigint }[] = [];
  private lastPrimary = 0n;
  private skipUntil = 0;
  private down = false;
  private lagging = false;
  private readonly writes = new Map<string, { lsn: bigint; at: number }>();
  private hooked = new WeakSet<FastifyInstance>();
  private decided = new WeakMap<object, ReadSide>();

  constructor(o: ReadRouterOptions) {
    this.primary = o.primary;
    this.replica = o.replica;
    this.maxLagSeconds = o.maxLagSeconds;
    this.waitMs = o.waitMs ?? WAIT_MS;
    this.breakerMs = o.breakerMs ?? BREAKER_MS;
    this.logger = o.logger;
  }

  /** The primary's WAL insert position now: at or past the end of every committed write. */
  async primaryLsn(): Promise<bigint> {
    const { rows } = await sql<{
      lsn: string;
    }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(this.primary);
    const lsn = parseLsn(rows[0]?.lsn);
    if (lsn === undefined) throw new Error('pg_current_wal_insert_lsn() gave no position');
    return lsn;
  }

  /**
   * The primary's insert position, and how far it has flushed: a walsender sends only flushed
   * WAL, so what lies between the two is on no replica yet, and is not a replica's lag.
   */
  private async primaryPositions(): Promise<{ insert: bigint; flush: bigint }> {
    const { rows } = await sql<{ insert: string; flush: string }>`
      select pg_current_wal_insert_lsn()::text as insert,
        pg_current_wal_flush_lsn()::text as flush`.execute(this.primary);
    const insert = parseLsn(rows[0]?.insert);
    const flush = parseLsn(rows[0]?.flush);
    if (insert === undefined || flush === undefined) throw new Error('no WAL position');
    return { insert, flush };
  }

  /** Remembers that this user's next reads must see `lsn`. */
  noteWrite(userId: string, lsn: bigint): void {
    const now = Date.now();
    if (this.writes.size >= MAX_REMEMBERED) {
      for (const [id, w] of this.writes) {
        if (now - w.at > REMEMBER_MS || this.writes.size >= MAX_REMEMBERED) this.writes.delete(id);
        else break;
      }
    }
    this.writes.delete(userId); // re-inserted last: the map stays in the order of writes
    this.writes.set(userId, { lsn, at: now });
  }

  /** Where this read should run: the replica when it has replayed what the caller must see. */
  async choose(userId: string | undefined, headerLsn: bigint | undefined): Promise<ReadSide> {
    if (Date.now() < this.skipUntil) return 'primary';
    let status: Status;
    try {
      status = await this.currentStatus();
    } catch (err) {
      if (err instanceof PrimaryUnavailable) return 'primary';
      if (!isUnreachable(err)) throw err;
      this.trip(err);
      return 'primary';
    }
    if (!status.usable) return 'primary';
    let min = headerLsn;
    if (min !== undefined && min > this.lastPrimary) {
      // A position past anything seen from the primary may be bogus: ask the primary once.
      const now = await this.primaryLsn();
      this.lastPrimary = now;
      if (min > now) min = undefined;
    }
    const own = userId === undefined ? undefined : this.writes.get(userId);
    if (own && userId !== undefined) {
      if (Date.now() - own.at > REMEMBER_MS || own.lsn <= status.replay) this.writes.delete(userId);
      if (Date.now() - own.at <= REMEMBER_MS && (min === undefined || own.lsn > min)) min = own.lsn;
    }
    if (min === undefined || status.replay >= min) return 'replica';
    return (await this.waitFor(min)) ? 'replica' : 'primary';
  }

  /**
   * Runs a read-only use case where `choose` says; a replica that turns out to be unreachable,
   * or cancels the query for a recovery conflict, is replaced by the primary for this call.
   * Every read of one request (`key`) goes to the side chosen for its first: the choice, and
   * any wait for the replica, happen once per request.
   */
  async run<T>(
    key: object,
    userId: string | undefined,
    headerLsn: bigint | undefined,
    work: (db: Db, side: ReadSide) => Promise<T>,
  ): Promise<T> {
    let side = this.decided.get(key);
    if (side === undefined) {
      side = await this.choose(userId, headerLsn);
      this.decided.set(key, side);
      this.served[side]++;
    }
    if (side === 'primary') return work(this.primary, 'primary');
    try {
      return await work(this.replica, 'replica');
    } catch (err) {
      if (isUnreachable(err)) this.trip(err);
      else if (!isRecoveryConflict(err)) throw err;
      this.served.fallback++;
      this.decided.set(key, 'primary');
      return work(this.primary, 'primary');
    }
  }

  /** Registers the hooks on `app` once: the write requests' X-Commit-LSN. */
  hook(app: FastifyInstance): void {
    if (this.hooked.has(app)) return;
    this.hooked.add(app);
    this.logger ??= app.log;
    app.addHook('onSend', async (request, reply, payload) => {
      if (!WRITE_METHODS.has(request.method)) return payload;
      if (reply.statusCode < 200 || reply.statusCode >= 300) return payload;
      try {
        const lsn = await this.primaryLsn();
        void reply.header('x-commit-lsn', formatLsn(lsn));
        const userId = userOf(request);
        if (userId) this.noteWrite(userId, lsn);
      } catch (err) {
        request.log.warn({ err }, 'could not read the primary WAL position after a write');
      }
      return payload;
    });
  }

  private async currentStatus(): Promise<Status> {
    const s = this.status;
    if (s && Date.now() - s.at < STATUS_MAX_AGE_MS) return s;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<Status> {
    const at = Date.now();
    let primaryFailed = false;
    const [primary, replica] = await Promise.all([
      // The primary failing is not the replica's fault: no breaker, the read fails on its own.
      this.primaryPositions().catch((err: unknown) => {
        primaryFailed = true;
        throw err;
      }),
      sql<{ recovery: boolean; replay: string | null; since: number | null }>`
        select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replay,
          extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as since`
        .execute(this.replica)
        .then((r) => r.rows[0]),
    ]).catch((err: unknown) => {
      throw primaryFailed ? new PrimaryUnavailable(err) : err;
    });
    const replay = parseLsn(replica?.replay ?? undefined);
    if (!replica?.recovery || replay === undefined) {
      if (!this.lagging) {
        this.logger?.warn(
          'DATABASE_READ_URL is not a standby in recovery: reads stay on the primary',
        );
      }
      this.lagging = true;
      this.status = { at, usable: false, replay: 0n, lagSeconds: Number.POSITIVE_INFINITY };
      this.recovered();
      return this.status;
    }
    // The lag: the age of the oldest primary position the replica has not replayed, as sampled
    // at each refresh. The positions sampled are those the primary has flushed: WAL it still
    // holds in memory (an asynchronous commit, autovacuum's records) has reached no replica.
    // When only the position just sampled is missing, a healthy replica replays it within
    // milliseconds: it is given CATCH_UP_MS, else its lag is taken as the age of the last
    // transaction it replayed (an over-estimate after a quiet spell, never an under-estimate
    // of a replica that has stopped).
    this.lastPrimary = primary.insert;
    this.samples.push({ at, lsn: primary.flush });
    let replayed = replay;
    const drop = () => {
      while (this.samples.length > 0 && (this.samples[0] as { lsn: bigint }).lsn <= replayed) {
        this.samples.shift();
      }
    };
    drop();
    if (this.samples.length > 600) this.samples.splice(1, this.samples.length - 600);
    let lagSeconds = 0;
    if (this.samples.length === 1) {
      const caught = await this.pollReplay(primary.flush, CATCH_UP_MS);
      if (caught !== undefined) {
        replayed = caught;
        drop();
      } else lagSeconds = Math.max(0, replica.since ?? 0);
    } else if (this.samples.length > 1) {
      lagSeconds = (at - (this.samples[0] as { at: number }).at) / 1000;
    }
    const usable = lagSeconds <= this.maxLagSeconds;
    if (usable === this.lagging) {
      this.lagging = !usable;
      if (usable) this.logger?.info({ lagSeconds }, 'read replica caught up: reads use it again');
      else {
        this.logger?.warn(
          { lagSeconds, maxLagSeconds: this.maxLagSeconds },
          'read replica lags too far behind: reads go to the primary until it catches up',
        );
      }
    }
    this.status = { at, usable, replay: replayed, lagSeconds };
    this.recovered();
    return this.status;
  }

  /** Polls the replica until it has replayed `min`, for at most waitMs. */
  private async waitFor(min: bigint): Promise<boolean> {
    try {
      const replay = await this.pollReplay(min, this.waitMs);
      if (replay === undefined) return false;
      if (this.status && replay > this.status.replay) this.status.replay = replay;
      return true;
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      this.trip(err);
      return false;
    }
  }

  /** The replica's replayed position once it reaches `min` within `ms`; else undefined. */
  private async pollReplay(min: bigint, ms: number): Promise<bigint | undefined> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const { rows } = await sql<{
        replay: string | null;
      }>`select pg_last_wal_replay_lsn()::text as replay`.execute(this.replica);
      const replay = parseLsn(rows[0]?.replay ?? undefined);
      if (replay !== undefined && replay >= min) return replay;
    }
    return undefined;
  }

  private trip(err: unknown): void {
    this.skipUntil = Date.now() + this.breakerMs;
    this.status = undefined;
    if (this.down) return;
    this.down = true;
    this.logger?.warn(
      { err: { message: (err as Error).message, code: (err as { code?: unknown }).code } },
      `read replica unreachable: reads go to the primary for ${Math.round(this.breakerMs / 1000)} s, then it is tried again`,
    );
  }

  private recovered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger?.info('read replica reachable again');
  }
}

/**
 * Runs a read-only use case on the replica when this request may read there, else on the
 * primary. `work` must not write, and must start again from scratch when called a second time.
 */
export async function onReplica<T>(
  ctx: Pick<AppContext, 'db' | 'reads'>,
  request: FastifyRequest,
  work: (db: Db, side: ReadSide) => Promise<T>,
): Promise<T> {
  const router = ctx.reads;
  if (!router) return work(ctx.db, 'primary');
  const header = request.headers['x-min-lsn'];
  return router.run(
    request,
    userOf(request),
    parseLsn(Array.isArray(header) ? header[0] : header),
    work,
  );
}

/**
 * The one line app.ts needs: every write request's answer then carries X-Commit-LSN and the
 * writer's next reads see it. Does nothing without a replica; registering twice is harmless.
 */
export function registerReadRouting(app: FastifyInstance, ctx: Pick<AppContext, 'reads'>): void {
  ctx.reads?.hook(app);
}
