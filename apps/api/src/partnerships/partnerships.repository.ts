// Partnership surveys: the SQL of surveys, the agencies asked, responses and ratings, and the
// lookups of a table's partnership indicators.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { PartnershipTables } from './partnerships.table.js';

function tables(db: DbOrTrx) {
  return db.withTables<PartnershipTables>();
}

const surveyColumns = [
  'partnership_surveys.id',
  'partnership_surveys.table_id',
  'partnership_surveys.title',
  'partnership_surveys.period',
  'partnership_surveys.period_type',
  'partnership_surveys.opens',
  'partnership_surveys.closes',
  'partnership_surveys.min_respondents',
  'partnership_surveys.result_id',
  'partnership_surveys.closed_at',
] as const;

/** Surveys with how many agencies were asked and how many answered. */
function surveysWithCounts(db: DbOrTrx) {
  return tables(db)
    .selectFrom('partnership_surveys')
    .select(surveyColumns)
    .select((eb) => [
      eb
        .selectFrom('partnership_survey_partners as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.survey_id', '=', 'partnership_surveys.id')
        .as('partners'),
      eb
        .selectFrom('partnership_responses as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.survey_id', '=', 'partnership_surveys.id')
        .as('responses'),
    ]);
}

export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

export async function findSurvey(db: DbOrTrx, id: string) {
  return surveysWithCounts(db).where('partnership_surveys.id', '=', id).executeTakeFirst();
}

/** Takes the survey's row lock: exclusive to close it, shared to answer it. */
export async function lockSurvey(db: DbOrTrx, id: string, mode: 'update' | 'share') {
  const q = tables(db)
    .selectFrom('partnership_surveys')
    .select(['id', 'closed_at'])
    .where('id', '=', id);
  return (mode === 'update' ? q.forUpdate() : q.forShare()).executeTakeFirst();
}

export async function listSurveysOfTable(
  db: DbOrTrx,
  tableId: string,
  limit: number,
  offset: number,
) {
  return surveysWithCounts(db)
    .where('partnership_surveys.table_id', '=', tableId)
    .orderBy('partnership_surveys.opens', 'desc')
    .orderBy('partnership_surveys.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Surveys open on `day`, not closed, that ask one of these agencies; one row per agency. */
export async function openSurveysAsking(db: DbOrTrx, organizationIds: string[], day: string) {
  if (organizationIds.length === 0) return [];
  return surveysWithCounts(db)
    .innerJoin('partnership_survey_partners as asked', 'asked.survey_id', 'partnership_surveys.id')
    .innerJoin('organizations', 'organizations.id', 'asked.organization_id')
    .select([
      'organizations.id as organization_id',
      'organizations.code as organization_code',
      'organizations.name as organization_name',
      'organizations.name_fr as organization_name_fr',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('partnership_responses as mine')
            .select('mine.survey_id')
            .whereRef('mine.survey_id', '=', 'partnership_surveys.id')
            .whereRef('mine.organization_id', '=', 'asked.organization_id'),
        )
        .as('answered'),
    )
    .where('asked.organization_id', 'in', organizationIds)
    .where('partnership_surveys.closed_at', 'is', null)
    .where('partnership_surveys.opens', '<=', day)
    .where('partnership_surveys.closes', '>=', day)
    .orderBy('partnership_surveys.closes')
    .orderBy('organizations.code')
    .execute();
}

export async function insertSurvey(
  db: DbOrTrx,
  v: {
    table_id: string;
    title: string;
    period: string;
    period_type: 'year' | 'fiscal_year';
    opens: string;
    closes: string;
    min_respondents: number;
    result_id: string | null;
    created_by: string;
  },
) {
  return tables(db)
    .insertInto('partnership_surveys')
    .values(v)
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertSurveyPartners(db: DbOrTrx, surveyId: string, orgIds: string[]) {
  if (orgIds.length === 0) return;
  await tables(db)
    .insertInto('partnership_survey_partners')
    .values(orgIds.map((organization_id) => ({ survey_id: surveyId, organization_id })))
    .execute();
}

export async function markSurveyClosed(db: DbOrTrx, id: string, userId: string, at: Date) {
  await tables(db)
    .updateTable('partnership_surveys')
    .set({ closed_at: at, closed_by: userId, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** The agencies asked, by code, with both their names. */
export async function surveyPartners(db: DbOrTrx, surveyId: string) {
  return tables(db)
    .selectFrom('partnership_survey_partners as p')
    .innerJoin('organizations', 'organizations.id', 'p.organization_id')
    .select([
      'organizations.id',
      'organizations.code',
      'organizations.name',
      'organizations.name_fr as nameFr',
    ])
    .where('p.survey_id', '=', surveyId)
    .orderBy('organizations.code')
    .execute();
}

export async function findResponse(db: DbOrTrx, surveyId: string, organizationId: string) {
  return tables(db)
    .selectFrom('partnership_responses')
    .select(['organization_id', 'submitted_by', 'updated_at'])
    .where('survey_id', '=', surveyId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function countResponses(db: DbOrTrx, surveyId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('partnership_responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Writes (or rewrites) an agency's response row, which also takes its row lock: two saves of
 * the same agency's response follow one another.
 */
export async function upsertResponse(
  db: DbOrTrx,
  surveyId: string,
  organizationId: string,
  userId: string,
) {
  return tables(db)
    .insertInto('partnership_responses')
    .values({ survey_id: surveyId, organization_id: organizationId, submitted_by: userId })
    .onConflict((oc) =>
      oc
        .columns(['survey_id', 'organization_id'])
        .doUpdateSet({ submitted_by: userId, updated_at: sql`now()` }),
    )
    .returning(['organization_id', 'updated_at'])
    .executeTakeFirstOrThrow();
}

export interface RatingWrite {
  to: string;
  level: number;
  trust: readonly number[] | null;
  value: readonly number[] | null;
  contributions: readonly string[];
  comment: string | null;
}

/** Replaces every rating of one agency's response. */
export async function replaceRatings(
  db: DbOrTrx,
  surveyId: string,
  fromOrganizationId: string,
  ratings: readonly RatingWrite[],
) {
  await tables(db)
    .deleteFrom('partnership_ratings')
    .where('survey_id', '=', surveyId)
    .where('from_organization_id', '=', fromOrganizationId)
    .execute();
  if (ratings.length === 0) return;
  await tables(db)
    .insertInto('partnership_ratings')
    .values(
      ratings.map((r) => ({
        survey_id: surveyId,
        from_organization_id: fromOrganizationId,
        to_organization_id: r.to,
        level: r.level,
        trust_1: r.trust?.[0] ?? null,
        trust_2: r.trust?.[1] ?? null,
        trust_3: r.trust?.[2] ?? null,
        value_1: r.value?.[0] ?? null,
        value_2: r.value?.[1] ?? null,
        value_3: r.value?.[2] ?? null,
        contributions: JSON.stringify(r.contributions),
        comment: r.comment,
      })),
    )
    .execute();
}

const ratingColumns = [
  'partnership_ratings.from_organization_id',
  'partnership_ratings.to_organization_id',
  'partnership_ratings.level',
  'partnership_ratings.trust_1',
  'partnership_ratings.trust_2',
  'partnership_ratings.trust_3',
  'partnership_ratings.value_1',
  'partnership_ratings.value_2',
  'partnership_ratings.value_3',
  'partnership_ratings.contributions',
  'partnership_ratings.comment',
] as const;

export type RatingRow = Awaited<ReturnType<typeof ratingsOf>>[number];

/** Every rating of a survey, or of one agency's response. */
export async function ratingsOf(db: DbOrTrx, surveyId: string, fromOrganizationId?: string) {
  let q = tables(db)
    .selectFrom('partnership_ratings')
    .select(ratingColumns)
    .where('partnership_ratings.survey_id', '=', surveyId)
    .orderBy('partnership_ratings.from_organization_id')
    .orderBy('partnership_ratings.to_organization_id');
  if (fromOrganizationId) q = q.where('from_organization_id', '=', fromOrganizationId);
  return q.execute();
}

/** Every rating with both agencies' codes, for the raw export. */
export async function ratingsWithCodes(db: DbOrTrx, surveyId: string) {
  return tables(db)
    .selectFrom('partnership_ratings')
    .innerJoin('organizations as f', 'f.id', 'partnership_ratings.from_organization_id')
    .innerJoin('organizations as t', 't.id', 'partnership_ratings.to_organization_id')
    .select(ratingColumns)
    .select(['f.code as from_code', 't.code as to_code'])
    .where('partnership_ratings.survey_id', '=', surveyId)
    .orderBy('f.code')
    .orderBy('t.code')
    .execute();
}

/** A table's measures with these codes (its own, not its agencies'), of any kind. */
export async function tableMeasuresByCode(db: DbOrTrx, tableId: string, codes: readonly string[]) {
  return db
    .selectFrom('measures')
    .select(['id', 'code', 'kind', 'period_type'])
    .where('table_id', '=', tableId)
    .where('organization_id', 'is', null)
    .where('code', 'in', [...codes])
    .execute();
}
