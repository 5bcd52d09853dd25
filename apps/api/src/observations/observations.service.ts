import type { Observation, PutObservationBody } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import { canEditOrganization, deny, organizationView, statusesFor } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { today } from '../curve-plans/plan-content.js';
import type { Db, Trx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { inTransaction } from '../db/transaction.js';
import { listDimensions, measureDimensionCodes } from '../dimensions/dimensions.repository.js';
import {
  AppError,
  ForbiddenError,
  FuturePeriodError,
  type Issue,
  issue,
  MeasureArchivedError,
  NotFoundError,
  PeriodClosedError,
  PeriodLockedError,
  SharedMeasureComputedError,
  ValidationError,
  VersionConflictError,
} from '../errors.js';
import { findMeasures, type MeasureRow } from '../measures/measures.repository.js';
import { canWriteMeasure, visibleMeasure } from '../measures/measures.service.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { labelOf, type ResolvedPeriod, resolvePeriod } from '../periods/periods.js';
import { CORRECTING_STATUSES, LOCKING_STATUSES } from '../reporting/period-locks.js';
import { getSettings, type Settings } from '../settings/settings.service.js';
import { checkBreakdown, type DimensionVocabulary, parseBreakdownKey } from './breakdown.js';
import { checkFigure, figureOmitted } from './figure.js';
import {
  cellsOfPeriod,
  closedReportingPeriod,
  coveringSubmission,
  findObservation,
  insertObservation,
  listObservations as listRows,
  lockOrganization,
  type ObservationRow,
  updateObservationAtVersion,
  upsertTarget,
} from './observations.repository.js';
import { checkPartsAgainstTotal, type Warning } from './parts.js';

export function toObservation(
  r: ObservationRow,
  m: MeasureRow,
  fiscalYearStart: number,
): Observation {
  return {
    id: r.id,
    measureId: r.measure_id,
    period: labelOf(r.period_start, m.period_type, fiscalYearStart),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    breakdown: parseBreakdownKey(r.breakdown),
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    note: r.note,
    status: r.status,
    version: r.version,
    enteredBy: r.entered_by,
    updatedAt: r.updated_at.toISOString(),
  };
}

interface SaveContext {
  settings: Settings;
  vocabulary: DimensionVocabulary[];
  dimensionsOf: Map<string, string[]>;
}

async function saveContext(db: Db | Trx, measureIds: string[]): Promise<SaveContext> {
  const [settings, vocabulary, dims] = await Promise.all([
    getSettings(db),
    listDimensions(db),
    measureDimensionCodes(db, measureIds),
  ]);
  const dimensionsOf = new Map<string, string[]>();
  for (const d of dims)
    dimensionsOf.set(d.measure_id, [...(dimensionsOf.get(d.measure_id) ?? []), d.code]);
  return { settings, vocabulary, dimensionsOf };
}

export interface SaveItem extends PutObservationBody {
  period: string;
}

export type SaveResult = Observation & { warnings: Warning[] };

function conflict(current: ObservationRow | undefined, m: MeasureRow, fys: number): never {
  throw new VersionConflictError(
    'Someone else saved this figure first; review their value and save again',
    { current: current ? toObservation(current, m, fys) : null },
  );
}

/**
 * Why a figure may not be stored for a period starting on `start`, or null. A period that has
 * not started (its start after today, UTC) takes no figure; clearing one is still allowed, and
 * targets may be set ahead. `today` is curve-plans' `today()`, the API's one calendar date.
 */
export function notStartedReason(
  label: string,
  start: string,
  figure: { value: number | null; numerator: number | null; denominator: number | null } | null,
  day: string,
): string | null {
  if (start <= day || figure === null) return null;
  if (figure.value === null && figure.numerator === null && figure.denominator === null) {
    return null;
  }
  return `${label} has not started yet (it starts on ${start}): a figure can be entered once its period has begun; targets may be set ahead`;
}

/** Checks everything that needs no database: the period, breakdown and figure. */
function prepare(m: MeasureRow, item: SaveItem, ctx: SaveContext) {
  if (m.kind === 'shared') {
    throw new SharedMeasureComputedError(
      "A shared measure's figure is computed from its partners' figures; enter them on the partners' measures",
    );
  }
  if (m.archived_at) throw new MeasureArchivedError('This measure is archived');
  const period = resolvePeriod(item.period, ctx.settings.fiscalYearStartMonth, m.period_type);
  const key = checkBreakdown(item.breakdown, ctx.dimensionsOf.get(m.id) ?? [], ctx.vocabulary);
  if (figureOmitted(item) && item.note === undefined) {
    throw new ValidationError(
      'Nothing to save: give a value (or a numerator and denominator), or a note; value null clears a figure',
      issue('body', 'nothing_to_change'),
    );
  }
  // A note-only edit leaves the stored figure as it is.
  const figure = figureOmitted(item) ? null : checkFigure(m, item);
  const notStarted = notStartedReason(period.label, period.start, figure, today());
  if (notStarted) throw new FuturePeriodError(`Period ${notStarted}`);
  return { period, key, figure };
}

async function saveOne(
  trx: Trx,
  actor: Actor,
  m: MeasureRow,
  prepared: ReturnType<typeof prepare>,
  item: SaveItem,
  ctx: SaveContext,
): Promise<SaveResult> {
  const { period, key } = prepared;
  const fys = ctx.settings.fiscalYearStartMonth;
  let status: ObservationStatus = 'approved'; // population figures are approved when saved
  if (m.kind === 'performance') {
    // Shared with other saves, exclusive with submit and review: a save and a submit of the
    // same agency never interleave, so no draft lands inside a submitted period.
    await lockOrganization(trx, m.organization_id as string, 'share');
    status = await checkOpen(trx, actor, m.organization_id as string, period);
  }
  const note =
    item.note === undefined
      ? undefined
      : item.note === null || item.note.trim() === ''
        ? null
        : item.note;
  const existing = await findObservation(trx, m.id, period.start, key);
  const figure = prepared.figure ?? {
    value: existing?.value ?? null,
    numerator: existing?.numerator ?? null,
    denominator: existing?.denominator ?? null,
  };
  let row: ObservationRow | undefined;
  if (existing) {
    if (item.version !== undefined && item.version !== existing.version) conflict(existing, m, fys);
    const nextNote = note === undefined ? existing.note : note;
    const unchanged =
      existing.value === figure.value &&
      existing.numerator === figure.numerator &&
      existing.denominator === figure.denominator &&
      existing.note === nextNote;
    if (unchanged) return { ...toObservation(existing, m, fys), warnings: [] };
    row = await updateObservationAtVersion(trx, existing.id, existing.version, {
      ...figure,
      note: nextNote,
      status,
      entered_by: actor.userId,
    });
    if (!row) conflict(await findObservation(trx, m.id, period.start, key), m, fys);
  } else {
    if (item.version !== undefined && item.version !== 0) conflict(undefined, m, fys);
    row = await insertObservation(trx, {
      measure_id: m.id,
      period_start: period.start,
      period_end: period.end,
      breakdown: key,
      ...figure,
      note: note ?? null,
      status,
      entered_by: actor.userId,
    });
    if (!row) conflict(await findObservation(trx, m.id, period.start, key), m, fys);
  }
  const warnings = checkPartsAgainstTotal(
    m,
    await cellsOfPeriod(trx, m.id, period.start),
    key,
    ctx.vocabulary,
  );
  const after = toObservation(row, m, fys);
  await insertAuditEvent(trx, {
    actorId: actor.userId,
    action: existing ? 'observation.update' : 'observation.create',
    entity: 'observation',
    entityId: row.id,
    before: existing ? toObservation(existing, m, fys) : undefined,
    after,
    requestId: actor.requestId,
  });
  return { ...after, warnings };
}

/**
 * Refuses a program figure of a locked or closed period, and says which status a save gives it:
 * `returned` while a coordinator has handed the period back for correction (returned or
 * reopened) — it has been submitted, so its coordinators keep seeing it — else `draft`.
 */
async function checkOpen(
  trx: Trx,
  actor: Actor,
  organizationId: string,
  period: ResolvedPeriod,
): Promise<'draft' | 'returned'> {
  const lock = await coveringSubmission(trx, organizationId, period, LOCKING_STATUSES);
  if (lock) {
    throw new PeriodLockedError(
      `This period is ${lock.status} and locked; a coordinator must return it before it can change`,
      { status: lock.status },
    );
  }
  const correcting = await coveringSubmission(trx, organizationId, period, CORRECTING_STATUSES);
  if (!correcting && !isAdmin(actor) && (await closedReportingPeriod(trx, period.start))) {
    throw new PeriodClosedError('The reporting period for these figures has closed');
  }
  return correcting ? 'returned' : 'draft';
}

export async function putObservation(
  db: Db,
  actor: Actor,
  measureId: string,
  periodLabel: string,
  body: PutObservationBody,
): Promise<SaveResult> {
  const { row: m } = await visibleMeasure(db, actor, measureId);
  if (!canWriteMeasure(actor, m)) deny(true, 'Measure');
  const ctx = await saveContext(db, [m.id]);
  const item = { ...body, period: periodLabel };
  const prepared = prepare(m, item, ctx);
  return inTransaction(db, (trx) => saveOne(trx, actor, m, prepared, item, ctx));
}

/** Saves one organization's cells (the data-entry grid) all together or not at all. */
export async function saveObservations(
  db: Db,
  actor: Actor,
  organizationId: string,
  items: (SaveItem & { measureId: string })[],
): Promise<SaveResult[]> {
  if (!(await findOrganization(db, organizationId))) throw new NotFoundError('Organization');
  if (!canEditOrganization(actor, organizationId)) {
    deny((await organizationView(db, actor, organizationId)) !== null, 'Organization');
  }
  const ids = [...new Set(items.map((i) => i.measureId))];
  const measures = await findMeasures(db, ids);
  const byId = new Map(measures.map((m) => [m.id, m]));
  const ctx = await saveContext(db, ids);
  const prepared = items.map((item, index) => {
    const m = byId.get(item.measureId);
    if (!m || m.organization_id !== organizationId) {
      throw new ValidationError(
        `items.${index}.measureId: not a measure of this organization`,
        issue(`body.items.${index}.measureId`, 'not_available', { entity: 'measure' }),
        { index },
      );
    }
    try {
      return { m, item, p: prepare(m, item, ctx) };
    } catch (err) {
      throw withIndex(err, index);
    }
  });
  const seen = new Set<string>();
  for (const [index, { m, p }] of prepared.entries()) {
    const cell = `${m.id}|${p.period.start}|${p.key}`;
    if (seen.has(cell))
      throw new ValidationError(
        `items.${index}: the same cell appears twice`,
        issue(`body.items.${index}`, 'duplicate'),
        { index },
      );
    seen.add(cell);
  }
  return inTransaction(db, async (trx) => {
    const out: SaveResult[] = [];
    for (const [index, { m, item, p }] of prepared.entries()) {
      try {
        out.push(await saveOne(trx, actor, m, p, item, ctx));
      } catch (err) {
        throw withIndex(err, index);
      }
    }
    return out;
  });
}

function withIndex(err: unknown, index: number): unknown {
  if (err instanceof AppError) {
    const details = typeof err.details === 'object' && err.details !== null ? err.details : {};
    // An item's issues are under body.items.<index>.
    const issues = (details as { issues?: Issue[] }).issues?.map((i) => ({
      ...i,
      path: i.path[0] === 'body' ? ['body', 'items', String(index), ...i.path.slice(1)] : i.path,
    }));
    const wrapped = new AppError(err.statusCode, err.code, `items.${index}: ${err.message}`, {
      ...details,
      ...(issues ? { issues } : {}),
      index,
    });
    if (err.params) wrapped.params = err.params;
    return wrapped;
  }
  return err;
}

export async function listMeasureObservations(
  db: Db,
  actor: Actor,
  measureId: string,
  q: {
    from?: string | undefined;
    to?: string | undefined;
    breakdowns?: 'true' | 'false' | undefined;
  },
) {
  const { row: m, view } = await visibleMeasure(db, actor, measureId);
  // Raw cells carry unsuppressed figures: restricted viewers read series, never cells.
  if (view === 'restricted')
    throw new ForbiddenError('Funders read series and scorecards, not raw figures');
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const from = q.from ? resolvePeriod(q.from, fys, m.period_type).start : undefined;
  const to = q.to ? resolvePeriod(q.to, fys, m.period_type).start : undefined;
  const rows = await listRows(db, m.id, {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    totalsOnly: q.breakdowns === 'false',
    statuses:
      m.kind === 'indicator' ? ['approved', 'draft', 'submitted', 'returned'] : statusesFor(view),
  });
  return rows.map((r) => toObservation(r, m, fys));
}

export async function putTarget(
  db: Db,
  actor: Actor,
  measureId: string,
  periodLabel: string,
  body: { value: number; breakdown?: Record<string, string> | undefined },
) {
  const { row: m } = await visibleMeasure(db, actor, measureId);
  if (!canWriteMeasure(actor, m)) deny(true, 'Measure');
  const ctx = await saveContext(db, [m.id]);
  const fys = ctx.settings.fiscalYearStartMonth;
  const period = resolvePeriod(periodLabel, fys, m.period_type);
  const key = checkBreakdown(body.breakdown, ctx.dimensionsOf.get(m.id) ?? [], ctx.vocabulary);
  if (m.unit === 'percent' && (body.value < 0 || body.value > 100)) {
    throw new ValidationError(
      'value: a percentage target lies between 0 and 100',
      body.value < 0
        ? issue('body.value', 'too_small', { minimum: 0, inclusive: true })
        : issue('body.value', 'too_big', { maximum: 100, inclusive: true }),
    );
  }
  if (m.unit === 'count' && (body.value < 0 || !Number.isInteger(body.value))) {
    throw new ValidationError(
      'value: a count target is a whole number of at least 0',
      body.value < 0
        ? issue('body.value', 'too_small', { minimum: 0, inclusive: true })
        : issue('body.value', 'not_integer', { minimum: 0 }),
    );
  }
  return inTransaction(db, async (trx) => {
    const { before, row } = await upsertTarget(trx, {
      measure_id: m.id,
      period_start: period.start,
      period_end: period.end,
      breakdown: key,
      value: body.value,
    });
    const after = {
      measureId: m.id,
      period: period.label,
      breakdown: parseBreakdownKey(key),
      value: row.value,
    };
    if (before?.value !== row.value) {
      await insertAuditEvent(trx, {
        actorId: actor.userId,
        action: before ? 'target.update' : 'target.create',
        entity: 'target',
        entityId: row.id,
        before: before ? { ...after, value: before.value } : undefined,
        after,
        requestId: actor.requestId,
      });
    }
    return after;
  });
}
