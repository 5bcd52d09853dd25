// Partnership surveys (issue #23): a table's coordinators open one for a period; each partner
// agency answers once, rating the others; closing records the network figures as approved
// indicator figures; the network is read with its privacy rules (docs/partnerships.md).
import type {
  CloseSurveyResult,
  CreateSurveyBody,
  MyResponse,
  PartnershipNetwork,
  PutResponseBody,
  Survey,
} from '@rba/schema';
import { type Actor, isAdmin } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import { canEditOrganization, canEditTable, deny, tableView } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { today } from '../curve-plans/plan-content.js';
import type { Db, DbOrTrx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
  FuturePeriodError,
  issue,
  NotFoundError,
  SurveyClosedError,
  SurveyNotOpenError,
  ValidationError,
} from '../errors.js';
import { csvLines, neutralise, num } from '../exports/csv-format.js';
import { queueSurveyInvitations } from '../mail/survey-notices.js';
import { resolvePeriod } from '../periods/periods.js';
import { listPartners } from '../planning-tables/planning-tables.repository.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { findResult } from '../results/results.repository.js';
import { getSettings } from '../settings/settings.service.js';
import { checkIndicators, recordNetworkFigures } from './partnership-indicators.js';
import { presentNetwork, surveyFigures, trustItems, valueItems } from './partnership-network.js';
import {
  findResponse,
  findSurvey,
  insertSurvey,
  insertSurveyPartners,
  listSurveysOfTable,
  lockSurvey,
  markSurveyClosed,
  openSurveysAsking,
  type RatingRow,
  ratingsOf,
  ratingsWithCodes,
  replaceRatings,
  type SurveyRow,
  surveyPartners,
  upsertResponse,
} from './partnerships.repository.js';

export const DEFAULT_MIN_RESPONDENTS = 3;

type SurveyState = Survey['state'];

/** Open from `opens` to `closes` inclusive (today as the API's calendar date), until closed. */
export function surveyState(
  r: Pick<SurveyRow, 'opens' | 'closes' | 'closed_at'>,
  day: string,
): SurveyState {
  if (r.closed_at !== null || day > r.closes) return 'closed';
  if (day < r.opens) return 'scheduled';
  return 'open';
}

export function toSurvey(r: SurveyRow, day = today()): Survey {
  return {
    id: r.id,
    tableId: r.table_id,
    title: r.title,
    period: r.period,
    opens: r.opens,
    closes: r.closes,
    minRespondents: r.min_respondents,
    resultId: r.result_id,
    state: surveyState(r, day),
    closedAt: r.closed_at?.toISOString() ?? null,
    partners: Number(r.partners ?? 0),
    responses: Number(r.responses ?? 0),
  };
}

/** A survey the actor may see (whoever sees its table), with their view of the table. */
async function visibleSurvey(db: DbOrTrx, actor: Actor, id: string) {
  const row = await findSurvey(db, id);
  const view = row ? await tableView(db, actor, row.table_id) : null;
  if (!row || !view) throw new NotFoundError('Partnership survey');
  return { row, view };
}

// ---------------------------------------------------------------------------------------------
// Setting up and listing.

export async function createSurvey(
  db: Db,
  actor: Actor,
  tableId: string,
  body: CreateSurveyBody,
): Promise<Survey> {
  await visibleTable(db, actor, tableId);
  if (!canEditTable(actor, tableId)) deny(true, 'Planning table');
  if (body.closes < body.opens) {
    throw new ValidationError(
      'closes: a survey closes on or after the day it opens',
      issue('body.closes', 'out_of_order', { fields: ['opens', 'closes'] }),
    );
  }
  const settings = await getSettings(db);
  const period = resolvePeriod(body.period, settings.fiscalYearStartMonth);
  if (period.type !== 'year' && period.type !== 'fiscal_year') {
    throw new ValidationError(
      'period: a partnership survey is for a year or a fiscal year',
      issue('body.period', 'wrong_period_type', {
        periodType: period.type,
        expected: ['year', 'fiscal_year'],
      }),
    );
  }
  const resultId = body.resultId ?? null;
  if (resultId !== null) {
    const result = await findResult(db, resultId);
    if (!result || result.table_id !== tableId) {
      throw new ValidationError(
        'resultId: not a result of this planning table',
        issue('body.resultId', 'not_available', { entity: 'result' }),
      );
    }
  }
  return inTransaction(db, async (trx) => {
    await checkIndicators(trx, tableId, period.type);
    const partners = await listPartners(trx, tableId);
    const { id } = await insertSurvey(trx, {
      table_id: tableId,
      title: body.title,
      period: period.label,
      period_type: period.type as 'year' | 'fiscal_year',
      opens: body.opens,
      closes: body.closes,
      min_respondents: body.minRespondents ?? DEFAULT_MIN_RESPONDENTS,
      result_id: resultId,
      created_by: actor.userId,
    });
    await insertSurveyPartners(
      trx,
      id,
      partners.map((p) => p.id),
    );
    const day = today();
    const survey = toSurvey((await findSurvey(trx, id)) as SurveyRow, day);
    // Every partner editor of each agency asked is invited, in this transaction (by mail too).
    await queueSurveyInvitations(trx, {
      survey: {
        id,
        tableId,
        title: body.title,
        period: period.label,
        periodType: period.type,
        periodStart: period.start,
        opens: body.opens,
        closes: body.closes,
      },
      organizationIds: partners.map((p) => p.id),
      actorId: actor.userId,
      day,
    });
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'partnership_survey.create',
      entity: 'partnership_survey',
      entityId: id,
      after: { ...survey, organizationIds: partners.map((p) => p.id) },
      requestId: actor.requestId,
    });
    return survey;
  });
}

export async function listTableSurveys(
  db: Db,
  actor: Actor,
  tableId: string,
  limit: number,
  offset: number,
): Promise<Survey[]> {
  await visibleTable(db, actor, tableId);
  const day = today();
  return (await listSurveysOfTable(db, tableId, limit, offset)).map((r) => toSurvey(r, day));
}

export async function getSurvey(db: Db, actor: Actor, id: string): Promise<Survey> {
  return toSurvey((await visibleSurvey(db, actor, id)).row);
}

/** The open surveys the caller's agencies (where they are partner editors) are asked to answer. */
export async function mySurveys(db: Db, actor: Actor) {
  const editorOf = actor.grants
    .filter((g) => g.role === 'partner_editor' && g.scopeType === 'organization' && g.scopeId)
    .map((g) => g.scopeId as string);
  const day = today();
  const rows = await openSurveysAsking(db, [...new Set(editorOf)], day);
  return rows.map((r) => ({
    ...toSurvey(r, day),
    organization: {
      id: r.organization_id,
      code: r.organization_code,
      name: r.organization_name,
      nameFr: r.organization_name_fr,
    },
    answered: Boolean(r.answered),
  }));
}

// ---------------------------------------------------------------------------------------------
// Answering.

/**
 * The agency the caller answers for: one of the survey's agencies they are a partner editor of
 * (`organizationId` chooses when they edit several). 404 when they may not see the survey,
 * 403 when they see it but answer for no agency in it.
 */
async function respondent(
  db: DbOrTrx,
  actor: Actor,
  surveyId: string,
  organizationId: string | undefined,
) {
  const { row } = await visibleSurvey(db, actor, surveyId);
  const partners = await surveyPartners(db, surveyId);
  const mine = partners.filter((p) => canEditOrganization(actor, p.id));
  let organization: (typeof partners)[number] | undefined;
  if (organizationId !== undefined) {
    organization = mine.find((p) => p.id === organizationId);
  } else if (mine.length === 1) {
    organization = mine[0];
  } else if (mine.length > 1) {
    throw new ValidationError(
      'organizationId: you answer for several agencies in this survey; say which one',
      issue('query.organizationId', 'required'),
    );
  }
  if (!organization) deny(true, 'Partnership survey');
  return { row, partners, organization };
}

type StoredAnswer = NonNullable<MyResponse['partners'][number]['answer']>;

const toAnswer = (r: RatingRow): StoredAnswer => ({
  level: r.level,
  trust: trustItems(r),
  value: valueItems(r),
  contributions: (r.contributions ?? []) as StoredAnswer['contributions'],
  comment: r.comment,
});

async function presentResponse(
  db: DbOrTrx,
  surveyId: string,
  partners: Awaited<ReturnType<typeof surveyPartners>>,
  organization: (typeof partners)[number],
): Promise<MyResponse> {
  const [response, ratings] = await Promise.all([
    findResponse(db, surveyId, organization.id),
    ratingsOf(db, surveyId, organization.id),
  ]);
  const byTarget = new Map(ratings.map((r) => [r.to_organization_id, r]));
  return {
    organization,
    submittedAt: response?.updated_at.toISOString() ?? null,
    partners: partners
      .filter((p) => p.id !== organization.id)
      .map((p) => {
        const r = byTarget.get(p.id);
        return { organization: p, answer: r ? toAnswer(r) : null };
      }),
  };
}

export async function getMyResponse(
  db: Db,
  actor: Actor,
  surveyId: string,
  organizationId?: string,
): Promise<MyResponse> {
  const { partners, organization } = await respondent(db, actor, surveyId, organizationId);
  return presentResponse(db, surveyId, partners, organization);
}

function checkAnswers(body: PutResponseBody, own: string, asked: Set<string>) {
  const seen = new Set<string>();
  body.answers.forEach((a, i) => {
    const at = `answers.${i}`;
    if (a.organizationId === own) {
      throw new ValidationError(
        `${at}.organizationId: an agency does not rate itself`,
        issue(`body.${at}.organizationId`, 'rates_itself'),
        { index: i },
      );
    }
    if (!asked.has(a.organizationId)) {
      throw new ValidationError(
        `${at}.organizationId: not an agency in this survey`,
        issue(`body.${at}.organizationId`, 'not_available', { entity: 'organization' }),
        { index: i },
      );
    }
    if (seen.has(a.organizationId)) {
      throw new ValidationError(
        `${at}.organizationId: this agency is rated twice`,
        issue(`body.${at}.organizationId`, 'duplicate'),
        { index: i },
      );
    }
    seen.add(a.organizationId);
    if (a.level === 0 && (a.trust !== null || a.value !== null)) {
      throw new ValidationError(
        `${at}: with level 0 (no contact), trust and value are null`,
        issue(`body.${at}`, 'level_zero_has_ratings'),
        { index: i },
      );
    }
    if (a.level >= 1 && (a.trust === null || a.value === null)) {
      throw new ValidationError(
        `${at}: with level 1 or more, trust and value are three items each`,
        issue(`body.${at}`, 'ratings_missing'),
        { index: i },
      );
    }
  });
}

function checkOpen(row: Pick<SurveyRow, 'opens' | 'closes' | 'closed_at'>) {
  const state = surveyState(row, today());
  if (state === 'closed') throw new SurveyClosedError('This partnership survey has closed');
  if (state === 'scheduled') {
    throw new SurveyNotOpenError(`This partnership survey opens on ${row.opens}`);
  }
}

/** Saves the agency's response: the answers given replace every earlier one. */
export async function putMyResponse(
  db: Db,
  actor: Actor,
  surveyId: string,
  organizationId: string | undefined,
  body: PutResponseBody,
): Promise<MyResponse> {
  const { row, partners, organization } = await respondent(db, actor, surveyId, organizationId);
  checkAnswers(body, organization.id, new Set(partners.map((p) => p.id)));
  checkOpen(row);
  return inTransaction(db, async (trx) => {
    const locked = await lockSurvey(trx, surveyId, 'share');
    checkOpen({ ...row, closed_at: locked?.closed_at ?? null });
    const before = await findResponse(trx, surveyId, organization.id);
    await upsertResponse(trx, surveyId, organization.id, actor.userId);
    const ratings = body.answers.map((a) => ({
      to: a.organizationId,
      level: a.level,
      trust: a.trust,
      value: a.value,
      contributions: a.contributions ?? [],
      comment: a.comment === undefined || a.comment === null || a.comment === '' ? null : a.comment,
    }));
    await replaceRatings(trx, surveyId, organization.id, ratings);
    // The audit trail says who answered for which agency and when, not what they answered:
    // the ratings stay private to the agency and the admins.
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: before ? 'partnership_response.update' : 'partnership_response.create',
      entity: 'partnership_survey',
      entityId: surveyId,
      after: { organizationId: organization.id, answers: ratings.length },
      requestId: actor.requestId,
    });
    return presentResponse(trx, surveyId, partners, organization);
  });
}

// ---------------------------------------------------------------------------------------------
// Closing and the network.

export async function closeSurvey(
  db: Db,
  actor: Actor,
  surveyId: string,
): Promise<CloseSurveyResult> {
  const { row } = await visibleSurvey(db, actor, surveyId);
  if (!canEditTable(actor, row.table_id)) deny(true, 'Partnership survey');
  if (row.closed_at !== null) throw new SurveyClosedError('This partnership survey is closed');
  const settings = await getSettings(db);
  const period = resolvePeriod(row.period, settings.fiscalYearStartMonth, row.period_type);
  if (period.start > today()) {
    throw new FuturePeriodError(
      `Period ${period.label} has not started yet (it starts on ${period.start}): its figures can be recorded once it has begun`,
    );
  }
  return inTransaction(db, async (trx) => {
    const locked = await lockSurvey(trx, surveyId, 'update');
    if (!locked || locked.closed_at !== null) {
      throw new SurveyClosedError('This partnership survey is closed');
    }
    const [partners, ratings] = await Promise.all([
      surveyPartners(trx, surveyId),
      ratingsOf(trx, surveyId),
    ]);
    const figures = surveyFigures(
      partners.map((p) => p.id),
      ratings,
    );
    const recorded = await recordNetworkFigures(trx, actor, {
      tableId: row.table_id,
      resultId: row.result_id,
      period,
      fiscalYearStart: settings.fiscalYearStartMonth,
      figures,
    });
    await markSurveyClosed(trx, surveyId, actor.userId, new Date());
    const survey = toSurvey((await findSurvey(trx, surveyId)) as SurveyRow);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'partnership_survey.close',
      entity: 'partnership_survey',
      entityId: surveyId,
      before: toSurvey(row),
      after: { ...survey, figures: recorded },
      requestId: actor.requestId,
    });
    return { ...survey, figures: recorded };
  });
}

/**
 * The network of a survey for whoever sees its table: coordinators, members and partner staff
 * see its agencies and ties (trust and value only where enough agencies rated one); funders the
 * network-level figures only.
 */
export async function surveyNetwork(
  db: Db,
  actor: Actor,
  surveyId: string,
): Promise<PartnershipNetwork> {
  const { row, view } = await visibleSurvey(db, actor, surveyId);
  const [partners, ratings] = await Promise.all([
    surveyPartners(db, surveyId),
    ratingsOf(db, surveyId),
  ]);
  const figures = surveyFigures(
    partners.map((p) => p.id),
    ratings,
  );
  return presentNetwork(partners, ratings, figures, {
    responses: Number(row.responses ?? 0),
    minRespondents: row.min_respondents,
    restricted: view === 'restricted' && !isAdmin(actor),
  });
}

export const RESPONSES_CSV_HEADER = [
  'respondent_code',
  'rated_code',
  'level',
  'trust_openness',
  'trust_reliability',
  'trust_shared_purpose',
  'value_resources',
  'value_influence',
  'value_involvement',
  'contributions',
  'comment',
];

/** Every raw rating of a survey, for admins only: it names who rated whom how. */
export async function surveyResponsesCsv(db: Db, actor: Actor, surveyId: string) {
  const { row } = await visibleSurvey(db, actor, surveyId);
  requireAdmin(actor);
  const ratings = await ratingsWithCodes(db, surveyId);
  const rows = ratings.map((r) => [
    neutralise(r.from_code),
    neutralise(r.to_code),
    num(r.level),
    num(r.trust_1),
    num(r.trust_2),
    num(r.trust_3),
    num(r.value_1),
    num(r.value_2),
    num(r.value_3),
    ((r.contributions ?? []) as string[]).join(';'),
    neutralise(r.comment),
  ]);
  return {
    filename: `partnership-survey-${row.period}-responses.csv`,
    csv: csvLines([RESPONSES_CSV_HEADER, ...rows], { bom: false, crlf: false }),
  };
}
