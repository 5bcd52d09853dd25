// Who a message goes to, which agencies owe which reporting periods, and which have not answered
// an open partnership survey.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { PeriodType } from '../db/tables/measures.table.js';
import type { Locale } from '../db/tables/users.table.js';
import type { PartnershipTables } from '../partnerships/partnerships.table.js';
import type { Named } from './messages.js';

export interface Recipient {
  user_id: string;
  organization_id: string;
  locale: Locale;
}

/** The partner editors of these agencies who may sign in. */
export async function editorsOf(db: DbOrTrx, organizationIds: string[]): Promise<Recipient[]> {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id as user_id', 'g.scope_id as organization_id', 'u.locale'])
    .where('g.role', '=', 'partner_editor')
    .where('g.scope_type', '=', 'organization')
    .where('g.scope_id', 'in', organizationIds)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.id')
    .execute() as Promise<Recipient[]>;
}

/** The coordinators of the (active) tables an agency is a partner at, each once. */
export async function coordinatorsOf(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('table_partners as tp', (join) =>
      join.on(sql<boolean>`tp.table_id = g.scope_id`).on('tp.organization_id', '=', organizationId),
    )
    .innerJoin('planning_tables as t', 't.id', 'tp.table_id')
    .select(['u.id as user_id', 'u.locale'])
    .distinct()
    .where('g.role', '=', 'table_coordinator')
    .where('g.scope_type', '=', 'table')
    .where('t.archived_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.id')
    .execute();
}

/** An agency's names, English and French (null when it has none). */
export async function organizationName(db: DbOrTrx, id: string): Promise<Named> {
  return db
    .selectFrom('organizations')
    .select(['name', 'name_fr as nameFr'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export interface OwedPeriod {
  organization_id: string;
  organization_name: string;
  organization_name_fr: string | null;
  period_type: PeriodType;
  period_start: string;
  due: string;
  enabled: boolean;
  offsets: number[];
}

/**
 * Every (agency, table, reporting period) with a due date between `from` and `to` that the agency
 * owes and has never submitted: an active agency partner at an active table, with active program
 * measures of the period's type (in an active program). One row per table, with its reminder
 * settings (defaults when it has none): an agency at two tables is reminded on either's offsets.
 */
export async function owedPeriods(
  db: DbOrTrx,
  from: string,
  to: string,
  defaults: number[],
): Promise<OwedPeriod[]> {
  return db
    .selectFrom('reporting_periods as rp')
    .innerJoin('table_partners as tp', (join) => join.on(sql<boolean>`true`))
    .innerJoin('planning_tables as t', 't.id', 'tp.table_id')
    .innerJoin('organizations as o', 'o.id', 'tp.organization_id')
    .leftJoin('reminder_settings as rs', 'rs.table_id', 'tp.table_id')
    .select((eb) => [
      'o.id as organization_id',
      'o.name as organization_name',
      'o.name_fr as organization_name_fr',
      'rp.period_type',
      'rp.period_start',
      'rp.due',
      eb.fn.coalesce('rs.enabled', sql<boolean>`true`).as('enabled'),
      eb.fn.coalesce('rs.offsets', sql<number[]>`${defaults}::integer[]`).as('offsets'),
    ])
    .where('rp.due', '>=', from)
    .where('rp.due', '<=', to)
    .where('t.archived_at', 'is', null)
    .where('o.archived_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('measures as m')
          .innerJoin('programs as p', 'p.id', 'm.program_id')
          .select(sql`1`.as('one'))
          .whereRef('m.organization_id', '=', 'o.id')
          .where('m.kind', '=', 'performance')
          .whereRef('m.period_type', '=', 'rp.period_type')
          .where('m.archived_at', 'is', null)
          .where('p.archived_at', 'is', null),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('submissions as s')
            .select(sql`1`.as('one'))
            .whereRef('s.organization_id', '=', 'o.id')
            .whereRef('s.period_type', '=', 'rp.period_type')
            .whereRef('s.period_start', '=', 'rp.period_start'),
        ),
      ),
    )
    .orderBy('o.id')
    .orderBy('rp.period_start')
    .execute();
}

/** A planning table's names, English and French (null when it has none). */
export async function tableName(db: DbOrTrx, id: string): Promise<Named> {
  return db
    .selectFrom('planning_tables')
    .select(['name', 'name_fr as nameFr'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export interface UnansweredSurvey {
  survey_id: string;
  table_name: string;
  table_name_fr: string | null;
  title: string;
  period: string;
  period_type: 'year' | 'fiscal_year';
  opens: string;
  closes: string;
  organization_id: string;
  organization_name: string;
  organization_name_fr: string | null;
  enabled: boolean;
  offsets: number[];
}

/**
 * Every (open survey, agency asked) on `day` whose agency has not answered: the survey not closed,
 * `opens` ≤ day ≤ `closes`, at an active table, the agency active. With the table's reminder
 * settings (defaults when it has none).
 */
export async function unansweredSurveys(
  db: DbOrTrx,
  day: string,
  defaults: number[],
): Promise<UnansweredSurvey[]> {
  return db
    .withTables<PartnershipTables>()
    .selectFrom('partnership_surveys as s')
    .innerJoin('partnership_survey_partners as sp', 'sp.survey_id', 's.id')
    .innerJoin('planning_tables as t', 't.id', 's.table_id')
    .innerJoin('organizations as o', 'o.id', 'sp.organization_id')
    .leftJoin('reminder_settings as rs', 'rs.table_id', 's.table_id')
    .select((eb) => [
      's.id as survey_id',
      't.name as table_name',
      't.name_fr as table_name_fr',
      's.title',
      's.period',
      's.period_type',
      's.opens',
      's.closes',
      'o.id as organization_id',
      'o.name as organization_name',
      'o.name_fr as organization_name_fr',
      eb.fn.coalesce('rs.enabled', sql<boolean>`true`).as('enabled'),
      eb.fn.coalesce('rs.offsets', sql<number[]>`${defaults}::integer[]`).as('offsets'),
    ])
    .where('s.closed_at', 'is', null)
    .where('s.opens', '<=', day)
    .where('s.closes', '>=', day)
    .where('t.archived_at', 'is', null)
    .where('o.archived_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('partnership_responses as r')
            .select(sql`1`.as('one'))
            .whereRef('r.survey_id', '=', 's.id')
            .whereRef('r.organization_id', '=', 'o.id'),
        ),
      ),
    )
    .orderBy('s.id')
    .orderBy('o.id')
    .execute();
}
