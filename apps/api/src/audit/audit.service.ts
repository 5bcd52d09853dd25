import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import { canEditTable, canReviewOrganization } from '../access/scopes.js';
import type { Db } from '../db/schema.js';
import { ForbiddenError } from '../errors.js';
import { type AuditQuery, auditEntityOwner, listAuditEvents } from './audit.repository.js';

/** Admins read the whole trail; coordinators read the trail of one entity of their table. */
async function mayRead(db: Db, actor: Actor, q: AuditQuery): Promise<boolean> {
  if (isAdmin(actor)) return true;
  if (!q.entity || !q.entityId) return false;
  const owner = await auditEntityOwner(db, q.entity, q.entityId);
  if (!owner) return false;
  if (owner.tableId && canEditTable(actor, owner.tableId)) return true;
  return (
    owner.organizationId !== null && (await canReviewOrganization(db, actor, owner.organizationId))
  );
}

export async function listAudit(db: Db, actor: Actor, q: AuditQuery) {
  if (!(await mayRead(db, actor, q))) {
    throw new ForbiddenError(
      'The audit trail is for admins, and for coordinators about one entity of their table (entity and entityId)',
    );
  }
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
