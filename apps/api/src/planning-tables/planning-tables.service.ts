import type { PlanningTable } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import { canEditTable, deny, tableView, visibleTableIds } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { FunderNotPartnerError, HasDataError, NotFoundError } from '../errors.js';
import { archiveStamp } from '../lib/archive.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import {
  deletePartner,
  deleteTable,
  findTable,
  insertPartner,
  insertTable,
  listPartners,
  listTables,
  partnerHasData,
  tableHasData,
  updateTable,
} from './planning-tables.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof findTable>>>;

export function toTable(r: Row): PlanningTable {
  return {
    id: r.id,
    name: r.name,
    nameFr: r.name_fr,
    population: r.population,
    populationFr: r.population_fr,
    description: r.description,
    descriptionFr: r.description_fr,
    archivedAt: r.archived_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

/** Loads a table the actor may see, or 404s whether it is missing or hidden. */
export async function visibleTable(db: Db, actor: Actor, id: string) {
  const row = await findTable(db, id);
  const view = row ? await tableView(db, actor, id) : null;
  if (!row || !view) throw new NotFoundError('Planning table');
  return { row, view };
}

export async function createTable(
  db: Db,
  actor: Actor,
  body: {
    name: string;
    nameFr?: string | null | undefined;
    population: string;
    populationFr?: string | null | undefined;
    description?: string | null | undefined;
    descriptionFr?: string | null | undefined;
  },
) {
  requireAdmin(actor);
  return inTransaction(db, async (trx) => {
    const table = toTable(
      await insertTable(trx, {
        name: body.name,
        name_fr: body.nameFr ?? null,
        population: body.population,
        population_fr: body.populationFr ?? null,
        description: body.description ?? null,
        description_fr: body.descriptionFr ?? null,
      }),
    );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'table.create',
      entity: 'planning_table',
      entityId: table.id,
      after: table,
      requestId: actor.requestId,
    });
    return table;
  });
}

export async function listVisibleTables(db: Db, actor: Actor, limit: number, offset: number) {
  return (await listTables(db, await visibleTableIds(db, actor), limit, offset)).map(toTable);
}

export async function getTable(db: Db, actor: Actor, id: string) {
  return toTable((await visibleTable(db, actor, id)).row);
}

export async function patchTable(
  db: Db,
  actor: Actor,
  id: string,
  body: {
    name?: string | undefined;
    nameFr?: string | null | undefined;
    population?: string | undefined;
    populationFr?: string | null | undefined;
    description?: string | null | undefined;
    descriptionFr?: string | null | undefined;
    archived?: boolean | undefined;
  },
) {
  const { row } = await visibleTable(db, actor, id);
  if (!canEditTable(actor, id)) deny(true, 'Planning table');
  return inTransaction(db, async (trx) => {
    const before = toTable(row);
    const after = toTable(
      await updateTable(trx, id, {
        name: body.name,
        name_fr: body.nameFr,
        population: body.population,
        population_fr: body.populationFr,
        description: body.description,
        description_fr: body.descriptionFr,
        archived_at: archiveStamp(body.archived, row.archived_at),
      }),
    );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'table.update',
      entity: 'planning_table',
      entityId: id,
      before,
      after,
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function removeTable(db: Db, actor: Actor, id: string) {
  const { row } = await visibleTable(db, actor, id);
  requireAdmin(actor);
  await inTransaction(db, async (trx) => {
    if (await tableHasData(trx, id)) {
      throw new HasDataError('This planning table has results or measures; archive it instead');
    }
    await deleteTable(trx, id);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'table.delete',
      entity: 'planning_table',
      entityId: id,
      before: toTable(row),
      requestId: actor.requestId,
    });
  });
}

export async function getPartners(db: Db, actor: Actor, tableId: string) {
  await visibleTable(db, actor, tableId);
  return (await listPartners(db, tableId)).map((o) => ({ tableId, organization: o }));
}

export async function addPartner(db: Db, actor: Actor, tableId: string, organizationId: string) {
  await visibleTable(db, actor, tableId);
  requireAdmin(actor);
  return inTransaction(db, async (trx) => {
    const org = await findOrganization(trx, organizationId);
    if (!org) throw new NotFoundError('Organization');
    if (org.kind === 'funder') {
      throw new FunderNotPartnerError(
        'A funder reads a table through a funder_viewer role, not as a partner',
      );
    }
    const added = await insertPartner(trx, tableId, organizationId);
    const partner = {
      tableId,
      organization: {
        id: org.id,
        code: org.code,
        name: org.name,
        nameFr: org.name_fr,
        kind: org.kind,
      },
    };
    if (added) {
      await insertAuditEvent(trx, {
        actorId: actor.userId,
        action: 'table.partner.add',
        entity: 'planning_table',
        entityId: tableId,
        after: partner,
        requestId: actor.requestId,
      });
    }
    return partner;
  });
}

export async function removePartner(db: Db, actor: Actor, tableId: string, organizationId: string) {
  await visibleTable(db, actor, tableId);
  requireAdmin(actor);
  await inTransaction(db, async (trx) => {
    if (await partnerHasData(trx, tableId, organizationId)) {
      throw new HasDataError(
        "This agency's programs contribute to the table's results or report its shared measures; unlink them first",
      );
    }
    if (!(await deletePartner(trx, tableId, organizationId))) throw new NotFoundError('Partner');
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'table.partner.remove',
      entity: 'planning_table',
      entityId: tableId,
      before: { organizationId },
      requestId: actor.requestId,
    });
  });
}
