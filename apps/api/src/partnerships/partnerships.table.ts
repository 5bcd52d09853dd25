// The partnership survey tables (migration 20261206040000-partnerships), kept beside the feature
// that owns them and added to queries with `db.withTables`.
import type { ColumnType, Generated } from 'kysely';

export interface PartnershipSurveysTable {
  id: Generated<string>;
  table_id: string;
  title: string;
  period: string;
  period_type: 'year' | 'fiscal_year';
  opens: string;
  closes: string;
  min_respondents: Generated<number>;
  result_id: string | null;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PartnershipSurveyPartnersTable {
  survey_id: string;
  organization_id: string;
}

export interface PartnershipResponsesTable {
  survey_id: string;
  organization_id: string;
  submitted_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PartnershipRatingsTable {
  survey_id: string;
  from_organization_id: string;
  to_organization_id: string;
  level: number;
  trust_1: number | null;
  trust_2: number | null;
  trust_3: number | null;
  value_1: number | null;
  value_2: number | null;
  value_3: number | null;
  contributions: ColumnType<string[], string, string>;
  comment: string | null;
}

export type PartnershipTables = {
  partnership_surveys: PartnershipSurveysTable;
  partnership_survey_partners: PartnershipSurveyPartnersTable;
  partnership_responses: PartnershipResponsesTable;
  partnership_ratings: PartnershipRatingsTable;
};
