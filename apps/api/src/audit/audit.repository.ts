import type { DbOrTrx, Trx } from '../db/schema.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
}

/** Appends one event; takes only a transaction so that it commits or rolls back with the write. */
export async function insertAuditEvent(trx: Trx, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: entry.requestId,
    })
    .execute();
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  limit: number;
}

export async function listAuditEvents(db: DbOrTrx, q: AuditQuery) {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  return query.execute();
}
