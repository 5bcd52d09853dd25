// The reads the access checks need: which planning tables an agency is a partner at.
import type { DbOrTrx } from '../db/schema.js';

/** The tables these agencies are partners at. */
export async function tablesOfPartners(db: DbOrTrx, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('table_partners')
    .select('table_id')
    .where('organization_id', 'in', organizationIds)
    .execute();
  return rows.map((r) => r.table_id);
}

/** Of these tables, those this agency is a partner at. */
export async function partnerTablesAmong(
  db: DbOrTrx,
  organizationId: string,
  tableIds: string[],
): Promise<string[]> {
  if (tableIds.length === 0) return [];
  const rows = await db
    .selectFrom('table_partners')
    .select('table_id')
    .where('organization_id', '=', organizationId)
    .where('table_id', 'in', tableIds)
    .execute();
  return rows.map((r) => r.table_id);
}

/** Whether this agency is a partner at any of these tables. */
export async function isPartnerAtAny(
  db: DbOrTrx,
  organizationId: string,
  tableIds: string[],
): Promise<boolean> {
  if (tableIds.length === 0) return false;
  const row = await db
    .selectFrom('table_partners')
    .select('table_id')
    .where('organization_id', '=', organizationId)
    .where('table_id', 'in', tableIds)
    .executeTakeFirst();
  return row !== undefined;
}

/** The partner agencies of these tables (with repeats). */
export async function partnersAtTables(db: DbOrTrx, tableIds: string[]): Promise<string[]> {
  if (tableIds.length === 0) return [];
  const rows = await db
    .selectFrom('table_partners')
    .select('organization_id')
    .where('table_id', 'in', tableIds)
    .execute();
  return rows.map((r) => r.organization_id);
}
