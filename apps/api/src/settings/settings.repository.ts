import type { DbOrTrx } from '../db/schema.js';
import type { Locale } from '../db/tables/users.table.js';

export async function readSettings(db: DbOrTrx) {
  return db
    .selectFrom('settings')
    .select(['fiscal_year_start_month', 'small_cell_threshold', 'default_locale'])
    .executeTakeFirstOrThrow();
}

export async function writeSettings(
  db: DbOrTrx,
  v: Partial<{
    fiscal_year_start_month: number;
    small_cell_threshold: number;
    default_locale: Locale;
  }>,
) {
  return db
    .updateTable('settings')
    .set({ ...v, updated_at: new Date() })
    .returning(['fiscal_year_start_month', 'small_cell_threshold', 'default_locale'])
    .executeTakeFirstOrThrow();
}
