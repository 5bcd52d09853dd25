import type { ColumnType, Generated } from 'kysely';

/** Stored as JSON: the five sections of a plan (see @rba/schema planContentSchema). */
export type PlanJson = ColumnType<unknown, string, string>;

export interface CurvePlansTable {
  id: Generated<string>;
  measure_id: string;
  revision: number;
  content: PlanJson;
  updated_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CurvePlanRevisionsTable {
  plan_id: string;
  revision: number;
  content: PlanJson;
  saved_by: string | null;
  saved_at: ColumnType<Date, never, never>;
  restored_from: number | null;
  changed_sections: ColumnType<string[], string, string>;
}
