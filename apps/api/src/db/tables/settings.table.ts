import type { Locale } from '@rba/schema';
import type { ColumnType } from 'kysely';

export interface SettingsTable {
  id: ColumnType<true, never, never>;
  fiscal_year_start_month: number;
  small_cell_threshold: number;
  default_locale: Locale;
  updated_at: ColumnType<Date, never, Date>;
}
