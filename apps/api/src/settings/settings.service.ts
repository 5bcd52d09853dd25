import type { Actor } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db, DbOrTrx } from '../db/schema.js';
import type { Locale } from '../db/tables/users.table.js';
import { inTransaction } from '../db/transaction.js';
import { readSettings, writeSettings } from './settings.repository.js';

export interface Settings {
  fiscalYearStartMonth: number;
  smallCellThreshold: number;
  defaultLocale: Locale;
}

function toSettings(r: Awaited<ReturnType<typeof readSettings>>): Settings {
  return {
    fiscalYearStartMonth: r.fiscal_year_start_month,
    smallCellThreshold: r.small_cell_threshold,
    defaultLocale: r.default_locale,
  };
}

export async function getSettings(db: DbOrTrx): Promise<Settings> {
  return toSettings(await readSettings(db));
}

export async function updateSettings(
  db: Db,
  actor: Actor,
  patch: Partial<Settings>,
): Promise<Settings> {
  requireAdmin(actor);
  return inTransaction(db, async (trx) => {
    const before = await getSettings(trx);
    const after = toSettings(
      await writeSettings(trx, {
        fiscal_year_start_month: patch.fiscalYearStartMonth,
        small_cell_threshold: patch.smallCellThreshold,
        default_locale: patch.defaultLocale,
      }),
    );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'settings.update',
      entity: 'settings',
      entityId: null,
      before,
      after,
      requestId: actor.requestId,
    });
    return after;
  });
}
