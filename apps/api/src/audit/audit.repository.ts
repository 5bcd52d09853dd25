// The one writer and reader of the audit trail (audit_events, chained by audit_chain_head):
// single events, events in bulk (an import's figures), the trail's pages, and the chain as the
// verifier reads it (audit-chain.ts).
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/schema.js';
import { beforeCommit } from '../db/transaction.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
}

type AuditRowValues = {
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  request_id: string | null;
};

/** Events waiting for the end of their transaction, per transaction. */
const pending = new WeakMap<Trx, AuditRowValues[]>();
const FLUSH_ROWS = 1000;

async function writeAuditRows(trx: Trx, rows: AuditRowValues[]): Promise<void> {
  for (let i = 0; i < rows.length; i += FLUSH_ROWS) {
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + FLUSH_ROWS))
      .execute();
  }
}

/**
 * Appends one event; takes only a transaction so that it commits or rolls back with the write.
 * The event is written at the end of the transaction, with the others of the transaction, in
 * the order given: the audit chain's lock (see the audit-chain migration) is then taken after
 * every row lock the use case takes, never before one, so writers cannot deadlock on it and
 * hold it only from their last statement to their commit. The event's content is fixed now.
 */
export async function insertAuditEvent(trx: Trx, entry: AuditEntry): Promise<void> {
  const row: AuditRowValues = {
    actor_id: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    request_id: entry.requestId,
  };
  const queued = pending.get(trx);
  if (queued) {
    queued.push(row);
    return;
  }
  const rows = [row];
  if (beforeCommit(trx, () => writeAuditRows(trx, rows))) pending.set(trx, rows);
  else await writeAuditRows(trx, rows); // a transaction not opened by inTransaction
}

/** One of many events of one actor about one kind of entity (see {@link appendAuditEvents}). */
export interface BulkAuditEvent {
  action: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

const BULK_CHUNK = 5000;

/** Transactions whose bulk events are already due to move into the audit trail. */
const staging = new WeakSet<Trx>();

/**
 * The events of many changes at once (an import's figures), in the same transaction as the
 * writes: the same rows insertAuditEvent writes, set-based. Like insertAuditEvent's, they enter
 * the audit trail at the end of the transaction (after every change is written, so the audit
 * chain's lock is taken after the row locks, never before one), in the order given; until then
 * they wait in a temporary table that the commit drops, so memory holds no more than a chunk of
 * them. They wait there as the JSON documents they were sent in, one row per chunk, and are
 * taken apart once, when they move: unpacking every event into its own row first meant writing
 * each event's JSON twice. Needs a transaction opened by inTransaction.
 */
export async function appendAuditEvents(
  trx: Trx,
  of: { actorId: string | null; requestId: string | null; entity: string },
  events: BulkAuditEvent[],
): Promise<void> {
  if (!staging.has(trx)) {
    await sql`create temporary table audit_stage (
      ord bigserial primary key, actor_id uuid, entity text not null, request_id text,
      doc text not null) on commit drop`.execute(trx);
    const due = beforeCommit(trx, async () => {
      await sql`
        insert into audit_events (actor_id, action, entity, entity_id, before, after, request_id)
        select s.actor_id, e.action, s.entity, e.entity_id, e.before::jsonb, e.after::jsonb,
          s.request_id
        from audit_stage s,
          rows from (json_to_recordset(s.doc::json)
            as (action text, entity_id text, before json, after json))
            with ordinality as e(action, entity_id, before, after, n)
        order by s.ord, e.n`.execute(trx);
    });
    if (!due) throw new Error('appendAuditEvents needs a transaction from inTransaction');
    staging.add(trx);
  }
  for (let i = 0; i < events.length; i += BULK_CHUNK) {
    const doc = JSON.stringify(
      events.slice(i, i + BULK_CHUNK).map((e) => ({
        action: e.action,
        entity_id: e.entityId,
        before: e.before ?? null,
        after: e.after,
      })),
    );
    await sql`
      insert into audit_stage (actor_id, entity, request_id, doc)
      values (${of.actorId}::uuid, ${of.entity}, ${of.requestId}, ${doc})`.execute(trx);
  }
}

/** The first event of this action on this entity, if there is one. */
export async function findAuditEvent(
  db: DbOrTrx,
  q: { entity: string; entityId: string; action: string },
) {
  return db
    .selectFrom('audit_events')
    .select(['id', 'after'])
    .where('entity', '=', q.entity)
    .where('entity_id', '=', q.entityId)
    .where('action', '=', q.action)
    .orderBy('id')
    .executeTakeFirst();
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  limit: number;
}

/** Events newest first; `afterSeq` keeps only those written after that point of the chain. */
export async function listAuditEvents(db: DbOrTrx, q: AuditQuery & { afterSeq?: number }) {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.afterSeq !== undefined) query = query.where('seq', '>', q.afterSeq);
  return query.execute();
}

/** The planning table or organization an audited entity belongs to, for scoping the trail. */
export async function auditEntityOwner(
  db: DbOrTrx,
  entity: string,
  entityId: string,
): Promise<{ tableId: string | null; organizationId: string | null } | undefined> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(entityId)) return undefined;
  const measureOwner = (measureId: string) =>
    db
      .selectFrom('measures')
      .select(['table_id as tableId', 'organization_id as organizationId'])
      .where('id', '=', measureId)
      .executeTakeFirst();
  switch (entity) {
    case 'planning_table':
      return { tableId: entityId, organizationId: null };
    case 'result': {
      const r = await db
        .selectFrom('results')
        .select('table_id')
        .where('id', '=', entityId)
        .executeTakeFirst();
      return r ? { tableId: r.table_id, organizationId: null } : undefined;
    }
    case 'measure':
      return measureOwner(entityId);
    case 'observation':
    case 'target': {
      const r = await db
        .selectFrom(entity === 'observation' ? 'observations' : 'targets')
        .select('measure_id')
        .where('id', '=', entityId)
        .executeTakeFirst();
      return r ? measureOwner(r.measure_id) : undefined;
    }
    case 'curve_plan': {
      const r = await db
        .selectFrom('curve_plans')
        .select('measure_id')
        .where('id', '=', entityId)
        .executeTakeFirst();
      return r ? measureOwner(r.measure_id) : undefined;
    }
    case 'program': {
      const r = await db
        .selectFrom('programs')
        .select('organization_id')
        .where('id', '=', entityId)
        .executeTakeFirst();
      return r ? { tableId: null, organizationId: r.organization_id } : undefined;
    }
    case 'submission': {
      const r = await db
        .selectFrom('submissions')
        .select('organization_id')
        .where('id', '=', entityId)
        .executeTakeFirst();
      return r ? { tableId: null, organizationId: r.organization_id } : undefined;
    }
    case 'organization':
      return { tableId: null, organizationId: entityId };
    default:
      return undefined;
  }
}

// The chain, as the verifier reads it (audit-chain.ts).

/** The head of the chain: the last event's sequence number and hash. */
export async function auditChainHead(db: DbOrTrx) {
  return db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
}

/** One event as the chain hashes it: its fields as text, exactly as the database renders them. */
export interface ChainedEventRow {
  id: number;
  seq: number;
  prev_hash: string;
  hash: string;
  at_text: string;
  actor_text: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_text: string | null;
  after_text: string | null;
  request_id: string | null;
}

/** The events with afterSeq < seq ≤ uptoSeq, in chain order, at most `limit` of them. */
export async function chainedEvents(
  db: DbOrTrx,
  afterSeq: number,
  uptoSeq: number,
  limit: number,
): Promise<ChainedEventRow[]> {
  const { rows } = await sql<ChainedEventRow>`
    select id, seq, prev_hash, hash,
      to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text,
      actor_id::text as actor_text, action, entity, entity_id,
      before::text as before_text, after::text as after_text, request_id
    from audit_events
    where seq > ${afterSeq} and seq <= ${uptoSeq}
    order by seq
    limit ${limit}`.execute(db);
  return rows;
}
