import type { Program } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { canEditOrganization, deny, organizationView } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db, Trx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { HasDataError, NotFoundError, ResultNotAtPartnerTableError } from '../errors.js';
import { archiveStamp } from '../lib/archive.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import {
  deleteProgram,
  findProgram,
  insertProgram,
  listPrograms,
  programHasData,
  resultIdsOf,
  resultsOpenTo,
  setProgramResults,
  updateProgram,
} from './programs.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof findProgram>>>;

function toProgram(r: Row, resultIds: string[]): Program {
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    nameFr: r.name_fr,
    description: r.description,
    descriptionFr: r.description_fr,
    resultIds,
    archivedAt: r.archived_at?.toISOString() ?? null,
  };
}

async function withResults(db: Db | Trx, rows: Row[]): Promise<Program[]> {
  const links = await resultIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toProgram(
      r,
      links.filter((l) => l.program_id === r.id).map((l) => l.result_id),
    ),
  );
}

export async function visibleProgram(db: Db, actor: Actor, id: string) {
  const row = await findProgram(db, id);
  const view = row ? await organizationView(db, actor, row.organization_id) : null;
  if (!row || !view) throw new NotFoundError('Program');
  return { row, view };
}

async function checkResults(trx: Trx, organizationId: string, resultIds: string[]) {
  const unique = [...new Set(resultIds)];
  const open = await resultsOpenTo(trx, organizationId, unique);
  const closed = unique.filter((id) => !open.includes(id));
  if (closed.length > 0) {
    throw new ResultNotAtPartnerTableError(
      'A program can only contribute to results of planning tables its organization is a partner at',
      { resultIds: closed },
    );
  }
  return unique;
}

export async function createProgram(
  db: Db,
  actor: Actor,
  organizationId: string,
  body: {
    name: string;
    nameFr?: string | null | undefined;
    description?: string | null | undefined;
    descriptionFr?: string | null | undefined;
    resultIds?: string[] | undefined;
  },
) {
  const view = await organizationView(db, actor, organizationId);
  if (!view || !(await findOrganization(db, organizationId)))
    throw new NotFoundError('Organization');
  if (!canEditOrganization(actor, organizationId)) deny(true, 'Organization');
  return inTransaction(db, async (trx) => {
    const resultIds = await checkResults(trx, organizationId, body.resultIds ?? []);
    const row = await insertProgram(trx, {
      organization_id: organizationId,
      name: body.name,
      name_fr: body.nameFr ?? null,
      description: body.description ?? null,
      description_fr: body.descriptionFr ?? null,
    });
    await setProgramResults(trx, row.id, resultIds);
    const program = toProgram(row, resultIds);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'program.create',
      entity: 'program',
      entityId: row.id,
      after: program,
      requestId: actor.requestId,
    });
    return program;
  });
}

export async function listOrganizationPrograms(
  db: Db,
  actor: Actor,
  organizationId: string,
  limit: number,
  offset: number,
) {
  const view = await organizationView(db, actor, organizationId);
  if (!view || !(await findOrganization(db, organizationId)))
    throw new NotFoundError('Organization');
  return withResults(db, await listPrograms(db, organizationId, limit, offset));
}

export async function getProgram(db: Db, actor: Actor, id: string) {
  const { row } = await visibleProgram(db, actor, id);
  return (await withResults(db, [row]))[0] as Program;
}

export async function patchProgram(
  db: Db,
  actor: Actor,
  id: string,
  body: {
    name?: string | undefined;
    nameFr?: string | null | undefined;
    description?: string | null | undefined;
    descriptionFr?: string | null | undefined;
    resultIds?: string[] | undefined;
    archived?: boolean | undefined;
  },
) {
  const { row } = await visibleProgram(db, actor, id);
  if (!canEditOrganization(actor, row.organization_id)) deny(true, 'Program');
  return inTransaction(db, async (trx) => {
    const before = (await withResults(trx, [row]))[0];
    if (body.resultIds) {
      await setProgramResults(
        trx,
        id,
        await checkResults(trx, row.organization_id, body.resultIds),
      );
    }
    const updated = await updateProgram(trx, id, {
      name: body.name,
      name_fr: body.nameFr,
      description: body.description,
      description_fr: body.descriptionFr,
      archived_at: archiveStamp(body.archived, row.archived_at),
    });
    const after = (await withResults(trx, [updated]))[0] as Program;
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'program.update',
      entity: 'program',
      entityId: id,
      before,
      after,
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function removeProgram(db: Db, actor: Actor, id: string) {
  const { row } = await visibleProgram(db, actor, id);
  if (!canEditOrganization(actor, row.organization_id)) deny(true, 'Program');
  await inTransaction(db, async (trx) => {
    if (await programHasData(trx, id)) {
      throw new HasDataError('This program has measures; archive it instead');
    }
    const before = (await withResults(trx, [row]))[0];
    await deleteProgram(trx, id);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'program.delete',
      entity: 'program',
      entityId: id,
      before,
      requestId: actor.requestId,
    });
  });
}
