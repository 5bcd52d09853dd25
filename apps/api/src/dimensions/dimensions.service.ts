import type { Actor } from '../access/actor.js';
import { hasRole } from '../access/actor.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
  CodeTakenError,
  ForbiddenError,
  issue,
  NotFoundError,
  ValidationError,
} from '../errors.js';
import { findDimensionByCode, insertDimension, listDimensions } from './dimensions.repository.js';

export async function createDimension(
  db: Db,
  actor: Actor,
  body: {
    code: string;
    name: string;
    nameFr?: string | null | undefined;
    values: { code: string; label: string; labelFr?: string | null | undefined }[];
  },
) {
  // Dimensions are shared vocabulary: admins and coordinators define them.
  if (!hasRole(actor, { role: 'table_coordinator' })) throw new ForbiddenError();
  const codes = body.values.map((v) => v.code);
  const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
  if (repeated) {
    throw new ValidationError(
      `The value code ${repeated} appears twice`,
      issue('body.values', 'duplicate', { value: repeated }),
    );
  }
  return inTransaction(db, async (trx) => {
    if (await findDimensionByCode(trx, body.code)) {
      throw new CodeTakenError(`A dimension with code ${body.code} already exists`);
    }
    const result = await insertDimension(trx, {
      code: body.code,
      name: body.name,
      nameFr: body.nameFr ?? null,
      values: body.values.map((v) => ({
        code: v.code,
        label: v.label,
        labelFr: v.labelFr ?? null,
      })),
    });
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'dimension.create',
      entity: 'dimension',
      entityId: result.id,
      after: result,
      requestId: actor.requestId,
    });
    return result;
  });
}

export async function getDimensions(db: Db) {
  return listDimensions(db);
}

export async function getDimension(db: Db, code: string) {
  const [dim] = await listDimensions(db, [code]);
  if (!dim) throw new NotFoundError('Dimension');
  return dim;
}
