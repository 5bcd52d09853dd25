import type { Result } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { canEditTable, deny, tableView } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { HasDataError, NotFoundError } from '../errors.js';
import { archiveStamp } from '../lib/archive.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import {
  deleteResult,
  findResult,
  insertResult,
  listResults,
  nextResultOrder,
  resultHasData,
  updateResult,
} from './results.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof findResult>>>;

export function toResult(r: Row): Result {
  return {
    id: r.id,
    tableId: r.table_id,
    title: r.title,
    titleFr: r.title_fr,
    description: r.description,
    descriptionFr: r.description_fr,
    sortOrder: r.sort_order,
    archivedAt: r.archived_at?.toISOString() ?? null,
  };
}

export async function visibleResult(db: Db, actor: Actor, id: string) {
  const row = await findResult(db, id);
  const view = row ? await tableView(db, actor, row.table_id) : null;
  if (!row || !view) throw new NotFoundError('Result');
  return row;
}

export async function createResult(
  db: Db,
  actor: Actor,
  tableId: string,
  body: {
    title: string;
    titleFr?: string | null | undefined;
    description?: string | null | undefined;
    descriptionFr?: string | null | undefined;
    sortOrder?: number | undefined;
  },
) {
  await visibleTable(db, actor, tableId);
  if (!canEditTable(actor, tableId)) deny(true, 'Planning table');
  return inTransaction(db, async (trx) => {
    const result = toResult(
      await insertResult(trx, {
        table_id: tableId,
        title: body.title,
        title_fr: body.titleFr ?? null,
        description: body.description ?? null,
        description_fr: body.descriptionFr ?? null,
        sort_order: body.sortOrder ?? (await nextResultOrder(trx, tableId)),
      }),
    );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'result.create',
      entity: 'result',
      entityId: result.id,
      after: result,
      requestId: actor.requestId,
    });
    return result;
  });
}

export async function listTableResults(
  db: Db,
  actor: Actor,
  tableId: string,
  limit: number,
  offset: number,
) {
  await visibleTable(db, actor, tableId);
  return (await listResults(db, tableId, limit, offset)).map(toResult);
}

export async function getResult(db: Db, actor: Actor, id: string) {
  return toResult(await visibleResult(db, actor, id));
}

export async function patchResult(
  db: Db,
  actor: Actor,
  id: string,
  body: {
    title?: string | undefined;
    titleFr?: string | null | undefined;
    description?: string | null | undefined;
    descriptionFr?: string | null | undefined;
    sortOrder?: number | undefined;
    archived?: boolean | undefined;
  },
) {
  const row = await visibleResult(db, actor, id);
  if (!canEditTable(actor, row.table_id)) deny(true, 'Result');
  return inTransaction(db, async (trx) => {
    const after = toResult(
      await updateResult(trx, id, {
        title: body.title,
        title_fr: body.titleFr,
        description: body.description,
        description_fr: body.descriptionFr,
        sort_order: body.sortOrder,
        archived_at: archiveStamp(body.archived, row.archived_at),
      }),
    );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'result.update',
      entity: 'result',
      entityId: id,
      before: toResult(row),
      after,
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function removeResult(db: Db, actor: Actor, id: string) {
  const row = await visibleResult(db, actor, id);
  if (!canEditTable(actor, row.table_id)) deny(true, 'Result');
  await inTransaction(db, async (trx) => {
    if (await resultHasData(trx, id)) {
      throw new HasDataError(
        'This result has indicators or contributing programs; archive it instead',
      );
    }
    await deleteResult(trx, id);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'result.delete',
      entity: 'result',
      entityId: id,
      before: toResult(row),
      requestId: actor.requestId,
    });
  });
}
