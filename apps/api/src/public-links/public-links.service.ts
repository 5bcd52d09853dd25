// Public scorecards: a coordinator publishes a table's scorecard at a secret link, which shows
// what a funder sees (approved figures, small cells suppressed) to anyone holding it.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import { canEditTable, deny } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { NotFoundError } from '../errors.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { tableScorecard } from '../scorecards/scorecards.service.js';
import { findLiveLink, insertLink, listLinks, revokeLink } from './public-links.repository.js';

/** Tokens are looked up by hash, so a copy of the database does not hand out live links. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type Row = Awaited<ReturnType<typeof listLinks>>[number];

function toLink(r: Row) {
  return {
    id: r.id,
    tableId: r.table_id,
    label: r.label,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

async function coordinatorOf(db: Db, actor: Actor, tableId: string) {
  await visibleTable(db, actor, tableId);
  if (!canEditTable(actor, tableId)) deny(true, 'Planning table');
}

export async function publishLink(db: Db, actor: Actor, tableId: string, label: string | null) {
  await coordinatorOf(db, actor, tableId);
  const token = randomBytes(24).toString('base64url');
  return inTransaction(db, async (trx) => {
    const link = toLink(
      await insertLink(trx, {
        table_id: tableId,
        token_hash: hashToken(token),
        label,
        created_by: actor.userId,
      }),
    );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'public_link.create',
      entity: 'planning_table',
      entityId: tableId,
      after: link,
      requestId: actor.requestId,
    });
    // The token is shown once, here; only its hash is stored.
    return { ...link, token, path: `/public/scorecards/${token}` };
  });
}

export async function tableLinks(db: Db, actor: Actor, tableId: string) {
  await coordinatorOf(db, actor, tableId);
  return (await listLinks(db, tableId)).map(toLink);
}

export async function revokePublicLink(db: Db, actor: Actor, tableId: string, linkId: string) {
  await coordinatorOf(db, actor, tableId);
  await inTransaction(db, async (trx) => {
    const row = await revokeLink(trx, tableId, linkId);
    if (!row) throw new NotFoundError('Live public link');
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'public_link.revoke',
      entity: 'planning_table',
      entityId: tableId,
      after: toLink(row),
      requestId: actor.requestId,
    });
  });
}

/**
 * The scorecard behind a live link, in the restricted view; 404 for any other token. The link
 * is looked up in `linkDb` (the primary, when the scorecard is read from a replica), so that a
 * revoked link stops working at once whatever the replica's lag.
 */
export async function publicScorecard(
  db: Db,
  token: string,
  q: { period?: string | undefined; points?: number | undefined },
  linkDb: Db = db,
) {
  const link = token.length > 200 ? undefined : await findLiveLink(linkDb, hashToken(token));
  if (!link) throw new NotFoundError('Public scorecard');
  const reader: Actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    grants: [{ role: 'funder_viewer', scopeType: 'table', scopeId: link.table_id }],
    requestId: null,
  };
  return tableScorecard(db, reader, link.table_id, q);
}
