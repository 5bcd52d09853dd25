// Verifies the audit trail's hash chain (migration 20261126121000-audit-chain): walks the
// events in chain order in keyset batches, recomputes every hash here in Node (independently
// of the database's trigger) and names the first broken link.
import { createHash } from 'node:crypto';
import type { DbOrTrx } from '../db/schema.js';
import { auditChainHead, chainedEvents } from './audit.repository.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of one event as the chain hashes them: text exactly as the database renders it. */
export interface ChainedEventText {
  seq: number;
  /** `at` in UTC with microseconds, e.g. 2026-11-26T09:30:00.123456Z */
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The jsonb columns' canonical text (PostgreSQL's jsonb output), or null. */
  before: string | null;
  after: string | null;
  requestId: string | null;
  prevHash: string;
}

/** The canonical text of an event: a JSON array without spaces (see the migration). */
export function canonicalEventText(e: ChainedEventText): string {
  return JSON.stringify([
    e.seq,
    e.at,
    e.actorId,
    e.action,
    e.entity,
    e.entityId,
    e.before,
    e.after,
    e.requestId,
    e.prevHash,
  ]);
}

export function eventHash(e: ChainedEventText): string {
  return createHash('sha256').update(canonicalEventText(e), 'utf8').digest('hex');
}

export type ChainProblem = 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch';

export interface BrokenLink {
  problem: ChainProblem;
  /** The sequence number of the event where the chain breaks (for a gap: the event after it). */
  seq: number;
  /** That event's id; null for a head mismatch on an empty trail. */
  eventId: number | null;
  message: string;
}

export type ChainReport =
  | { intact: true; events: number; head: { seq: number; hash: string } }
  | { intact: false; checked: number; broken: BrokenLink };

/**
 * Checks the whole chain up to the head as it stands when the check starts: events appended
 * meanwhile are not looked at, so a running server does not make the check fail (every event
 * up to a committed head is committed, since the head's row lock is held until commit).
 */
export async function verifyAuditChain(
  db: DbOrTrx,
  options: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 2000;
  const head = await auditChainHead(db);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastId: number | null = null;
  let checked = 0;
  const broken = (problem: ChainProblem, seq: number, eventId: number | null, message: string) =>
    ({ intact: false, checked, broken: { problem, seq, eventId, message } }) as const;

  for (;;) {
    const rows = await chainedEvents(db, expectedSeq - 1, head.seq, batchSize);
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        const missing =
          r.seq - 1 === expectedSeq
            ? `event ${expectedSeq} is`
            : `events ${expectedSeq} to ${r.seq - 1} are`;
        return broken(
          'gap',
          r.seq,
          r.id,
          `gap: ${missing} missing before event ${r.id} (seq ${r.seq})`,
        );
      }
      if (r.prev_hash !== prevHash) {
        return broken(
          'prev_hash_mismatch',
          r.seq,
          r.id,
          `prev_hash mismatch: event ${r.id} (seq ${r.seq}) names ${r.prev_hash} as the previous hash, but the previous event's hash is ${prevHash}`,
        );
      }
      const recomputed = eventHash({
        seq: r.seq,
        at: r.at_text,
        actorId: r.actor_text,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before_text,
        after: r.after_text,
        requestId: r.request_id,
        prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) {
        return broken(
          'hash_mismatch',
          r.seq,
          r.id,
          `hash mismatch: event ${r.id} (seq ${r.seq}) is stored with hash ${r.hash}, but its content hashes to ${recomputed}`,
        );
      }
      prevHash = r.hash;
      lastId = r.id;
      expectedSeq++;
      checked++;
    }
    options.onProgress?.(checked);
    if (rows.length < batchSize) break;
  }
  const lastSeq = expectedSeq - 1;
  if (lastSeq !== head.seq || prevHash !== head.hash) {
    return broken(
      'head_mismatch',
      head.seq,
      lastSeq === head.seq ? lastId : null,
      `head mismatch: the chain head records event seq ${head.seq} with hash ${head.hash}, but the last event found is seq ${lastSeq}${lastSeq > 0 ? ` (event ${lastId})` : ''} with hash ${prevHash}`,
    );
  }
  return { intact: true, events: checked, head: { seq: head.seq, hash: head.hash } };
}

/** The one-line summary the CLI prints. */
export function describeChainReport(report: ChainReport): string {
  if (report.intact) {
    return `audit chain intact: ${report.events} events, head ${report.head.hash}`;
  }
  const b = report.broken;
  return `audit chain broken at seq ${b.seq}${b.eventId === null ? '' : ` (event id ${b.eventId})`}: ${b.message}`;
}
