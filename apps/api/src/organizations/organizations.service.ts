import type { CreateOrganizationBody, Organization } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import { organizationView, visibleOrganizationIds } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { CodeTakenError, NotFoundError } from '../errors.js';
import {
  findOrganization,
  findOrganizationByCode,
  insertOrganization,
  listOrganizations as listRows,
} from './organizations.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

function toOrganization(r: Row): Organization {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameFr: r.name_fr,
    kind: r.kind,
    archivedAt: r.archived_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function createOrganization(
  db: Db,
  actor: Actor,
  body: CreateOrganizationBody,
): Promise<Organization> {
  requireAdmin(actor);
  return inTransaction(db, async (trx) => {
    if (await findOrganizationByCode(trx, body.code)) {
      throw new CodeTakenError(`An organization with code ${body.code} already exists`);
    }
    const org = toOrganization(
      await insertOrganization(trx, {
        code: body.code,
        name: body.name,
        name_fr: body.nameFr ?? null,
        kind: body.kind,
      }),
    );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'organization.create',
      entity: 'organization',
      entityId: org.id,
      after: org,
      requestId: actor.requestId,
    });
    return org;
  });
}

export async function listOrganizations(db: Db, actor: Actor, limit: number, offset: number) {
  const rows = await listRows(db, await visibleOrganizationIds(db, actor), limit, offset);
  return rows.map(toOrganization);
}

/** Someone with no business with an organization learns nothing of it, not even that it exists. */
export async function getOrganization(db: Db, actor: Actor, id: string): Promise<Organization> {
  const row = await findOrganization(db, id);
  if (!row || !(await organizationView(db, actor, id))) throw new NotFoundError('Organization');
  return toOrganization(row);
}
