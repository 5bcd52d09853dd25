import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import { canEditTable, canReviewOrganization, organizationView } from '../access/scopes.js';
import type { Db } from '../db/schema.js';
import { ForbiddenError } from '../errors.js';
import { firstSubmissionSeqOfObservation } from '../reporting/reporting.repository.js';
import { type AuditQuery, auditEntityOwner, listAuditEvents } from './audit.repository.js';

type Owner = NonNullable<Awaited<ReturnType<typeof auditEntityOwner>>>;

/**
 * Admins read the whole trail; coordinators read the trail of one entity of their table.
 * Returns whether the actor may read, and the entity's owner when it was looked up.
 */
async function mayRead(
  db: Db,
  actor: Actor,
  q: AuditQuery,
): Promise<{ allowed: boolean; owner?: Owner }> {
  if (isAdmin(actor)) return { allowed: true };
  if (!q.entity || !q.entityId) return { allowed: false };
  const owner = await auditEntityOwner(db, q.entity, q.entityId);
  if (!owner) return { allowed: false };
  if (owner.tableId && canEditTable(actor, owner.tableId)) return { allowed: true, owner };
  return {
    allowed:
      owner.organizationId !== null &&
      (await canReviewOrganization(db, actor, owner.organizationId)),
    owner,
  };
}

/**
 * An agency's figure is its own until the agency first submits its period: for anyone but
 * admins and the agency's own staff, the trail of a program figure starts after that first
 * submission (entries from before it stay hidden even afterwards), and a figure of a period never
 * submitted has no trail at all. Returns the chain position entries must come after, null when
 * none may be shown, undefined when the whole trail may be.
 */
async function figureTrailStart(
  db: Db,
  actor: Actor,
  q: AuditQuery,
  owner: Owner | undefined,
): Promise<number | null | undefined> {
  if (q.entity !== 'observation' || !q.entityId || !owner?.organizationId) return undefined;
  if ((await organizationView(db, actor, owner.organizationId)) === 'all') return undefined;
  return firstSubmissionSeqOfObservation(db, q.entityId);
}

export async function listAudit(db: Db, actor: Actor, q: AuditQuery) {
  const { allowed, owner } = await mayRead(db, actor, q);
  if (!allowed) {
    throw new ForbiddenError(
      'The audit trail is for admins, and for coordinators about one entity of their table (entity and entityId)',
    );
  }
  const start = await figureTrailStart(db, actor, q, owner);
  if (start === null) return [];
  const rows = await listAuditEvents(db, start === undefined ? q : { ...q, afterSeq: start });
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
