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
