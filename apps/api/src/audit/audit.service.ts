import type { Actor } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import type { Db } from '../db/schema.js';
import { type AuditQuery, listAuditEvents } from './audit.repository.js';

export async function listAudit(db: Db, actor: Actor, q: AuditQuery) {
  // Table coordinators gain a view of their own table's trail with the data model.
  requireAdmin(actor);
  const rows = await listAuditEvents(db, q);
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.request_id,
  }));
}
