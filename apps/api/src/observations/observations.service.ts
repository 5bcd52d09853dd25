import type { Observation, PutObservationBody } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import { canEditOrganization, deny, organizationView, statusesFor } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { today } from '../curve-plans/plan-content.js';
import type { Db, Trx } from '../db/schema.js';
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
import { canWriteMeasure, measureView, visibleMeasure } from '../measures/measures.service.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { labelOf, resolvePeriod } from '../periods/periods.js';
import { CORRECTING_STATUSES, LOCKING_STATUSES } from '../reporting/period-locks.js';
import { getSettings } from '../settings/settings.service.js';
import { checkBreakdown, parseBreakdownKey } from './breakdown.js';
import { additiveLayers, checkFigure, figureOmitted } from './figure.js';
import {
  listObservations as listRows,
  type ObservationRow,
  observationOf,
  partsOverTotalOf,
  type SaveFigureRow,
  saveFigure,
  upsertTarget,
} from './observations.repository.js';
import { checkPartsAgainstTotal, type Warning } from './parts.js';
import {
  cachedMeasure,
  forgetSaveConfig,
  type SaveConfig,
  StaleSaveConfig,
  saveConfig,
  saveConfigMoved,
  withDimensionsOf,
} from './save-config.js';

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

/** What a target's save reads, fresh (targets do not go through save_figure and its check). */
async function targetContext(db: Db, measureId: string) {
  const [settings, vocabulary, dims] = await Promise.all([
    getSettings(db),
    listDimensions(db),
    measureDimensionCodes(db, [measureId]),
  ]);
  return { settings, vocabulary, dimensions: dims.map((d) => d.code) };
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
function prepare(m: MeasureRow, item: SaveItem, ctx: SaveConfig) {
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

const DEADLOCK = '40P01';

/**
 * Saves one prepared cell in one statement (save_figure, migration 20261208010000): the
 * agency's lock and period rules (reporting/period-locks.ts says which submissions lock and
 * which hand back), the figure's version, the write, and — when `audit` (a save on its own,
 * in autocommit) — the audit event as its last write. Else the event is queued for the end of
 * the caller's transaction, as every other use case's.
 */
async function saveOne(
  db: Db | Trx,
  actor: Actor,
  m: MeasureRow,
  prepared: ReturnType<typeof prepare>,
  item: SaveItem,
  ctx: SaveConfig,
  audit: boolean,
): Promise<SaveResult> {
  const { period, key } = prepared;
  const fys = ctx.settings.fiscalYearStartMonth;
  const rows = await saveFigure(db, {
    layers: additiveLayers(m),
    configVersion: ctx.version,
    measureId: m.id,
    // Program figures follow their agency's periods; the others are approved when saved.
    organizationId: m.kind === 'performance' ? (m.organization_id as string) : null,
    locking: LOCKING_STATUSES,
    correcting: CORRECTING_STATUSES,
    afterClose: isAdmin(actor),
    periodStart: period.start,
    periodEnd: period.end,
    breakdown: key,
    figure: prepared.figure,
    note:
      item.note === undefined
        ? undefined
        : item.note === null || item.note.trim() === ''
          ? null
          : item.note,
    version: item.version,
    actorId: actor.userId,
    audit,
    periodLabel: labelOf(period.start, m.period_type, fys),
    breakdownObject: parseBreakdownKey(key),
    requestId: actor.requestId,
  }).catch((err) => {
    const over = partsOverTotalOf(err);
    // The refusal's words are checkPartsAgainstTotal's, given the cells the statement refused.
    if (over) checkPartsAgainstTotal(m, over, key, ctx.vocabulary);
    throw err;
  });
  const first = rows[0] as SaveFigureRow;
  switch (first.o_kind) {
    case 'stale':
      throw new StaleSaveConfig();
    case 'locked':
      throw new PeriodLockedError(
        `This period is ${first.o_status} and locked; a coordinator must return it before it can change`,
        { status: first.o_status },
      );
    case 'closed':
      throw new PeriodClosedError('The reporting period for these figures has closed');
    case 'conflict':
      return conflict(first.o_id ? observationOf(first) : undefined, m, fys);
    case 'unchanged':
      return { ...toObservation(observationOf(first), m, fys), warnings: [] };
  }
  const row = observationOf(first);
  const before = rows.find((r) => r.o_kind === 'before');
  const cells = rows
    .filter((r) => r.o_kind === 'cell')
    .map((r) => ({
      breakdown: r.o_breakdown as string,
      value: r.o_value,
      numerator: r.o_numerator,
      denominator: r.o_denominator,
    }));
  const warnings = checkPartsAgainstTotal(m, cells, key, ctx.vocabulary);
  const after = toObservation(row, m, fys);
  if (!audit) {
    await insertAuditEvent(db as Trx, {
      actorId: actor.userId,
      action: before ? 'observation.update' : 'observation.create',
      entity: 'observation',
      entityId: row.id,
      before: before ? toObservation(observationOf(before), m, fys) : undefined,
      after,
      requestId: actor.requestId,
    });
  }
  return { ...after, warnings };
}

/**
 * The measure a figure is saved to (from the cache): 404 unless the actor may see it, 403
 * unless they may write it. Who may write a measure always sees it, so the view is looked up
 * only to choose between the two refusals, as visibleMeasure would. A refusal made on a cached
 * row is made again on a fresh one when the configuration has changed since (withSaveConfig).
 */
async function writableMeasure(
  db: Db,
  ctx: SaveConfig,
  actor: Actor,
  measureId: string,
): Promise<MeasureRow> {
  const m = await cachedMeasure(db, ctx, measureId);
  if (!m) throw new NotFoundError('Measure');
  if (!canWriteMeasure(actor, m)) deny((await measureView(db, actor, m)) !== null, 'Measure');
  return m;
}

/**
 * Runs a save with the cached configuration; when the save finds it stale, or when preparing
 * refused the input and the configuration has changed since it was read (a new dimension
 * value, say), reads it again and runs the save again. A save that PostgreSQL aborted to break
 * a deadlock is run again too, as inTransaction does (up to three attempts in all).
 */
async function withSaveConfig<T>(
  db: Db,
  work: (ctx: SaveConfig, preparing: { done: boolean }) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const ctx = await saveConfig(db);
    const preparing = { done: false };
    try {
      return await work(ctx, preparing);
    } catch (err) {
      if (attempt >= 3) throw err;
      if (err instanceof StaleSaveConfig) {
        forgetSaveConfig(db, ctx);
        continue;
      }
      if (!preparing.done && err instanceof AppError && (await saveConfigMoved(db, ctx))) {
        forgetSaveConfig(db, ctx);
        continue;
      }
      if ((err as { code?: unknown } | null)?.code === DEADLOCK) {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        continue;
      }
      throw err;
    }
  }
}

export async function putObservation(
  db: Db,
  actor: Actor,
  measureId: string,
  periodLabel: string,
  body: PutObservationBody,
): Promise<SaveResult> {
  const item = { ...body, period: periodLabel };
  return withSaveConfig(db, async (ctx, preparing) => {
    const m = await writableMeasure(db, ctx, actor, measureId);
    await withDimensionsOf(db, ctx, [m.id]);
    const prepared = prepare(m, item, ctx);
    preparing.done = true;
    // One statement in autocommit: no BEGIN and COMMIT round trips, and the audit chain's
    // lock held from the event's insert to the commit only. Within a caller's transaction
    // (a seed), the event is queued for its end instead, as every other use case's.
    return saveOne(db, actor, m, prepared, item, ctx, !db.isTransaction);
  });
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
  return withSaveConfig(db, async (ctx, preparing) => {
    await withDimensionsOf(
      db,
      ctx,
      measures.map((m) => m.id),
    );
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
    preparing.done = true;
    return inTransaction(db, async (trx) => {
      const out: SaveResult[] = [];
      for (const [index, { m, item, p }] of prepared.entries()) {
        try {
          out.push(await saveOne(trx, actor, m, p, item, ctx, false));
        } catch (err) {
          throw withIndex(err, index);
        }
      }
      return out;
    });
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
  const ctx = await targetContext(db, m.id);
  const fys = ctx.settings.fiscalYearStartMonth;
  const period = resolvePeriod(periodLabel, fys, m.period_type);
  const key = checkBreakdown(body.breakdown, ctx.dimensions, ctx.vocabulary);
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
