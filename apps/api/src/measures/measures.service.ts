import type { CreateMeasureBody, Measure, UpdateMeasureBody } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import {
  canEditOrganization,
  canEditTable,
  deny,
  organizationView,
  tableView,
  type View,
} from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db, DbOrTrx, Trx } from '../db/schema.js';
import type { Aggregation, MeasureKind, MeasureUnit } from '../db/tables/measures.table.js';
import { inTransaction } from '../db/transaction.js';
import { listDimensions, measureDimensionCodes } from '../dimensions/dimensions.repository.js';
import {
  CodeTakenError,
  HasDataError,
  issue,
  NotFoundError,
  SharedMeasureMismatchError,
  SharedMeasureNotAvailableError,
  ValidationError,
} from '../errors.js';
import { archiveStamp } from '../lib/archive.js';
import { labelOf, resolvePeriod } from '../periods/periods.js';
import { isPartner } from '../planning-tables/planning-tables.repository.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { visibleProgram } from '../programs/programs.service.js';
import { visibleResult } from '../results/results.service.js';
import { getSettings } from '../settings/settings.service.js';
import {
  codeTaken,
  deleteMeasure,
  findMeasure,
  insertMeasure,
  listMeasuresWhere,
  type MeasureRow,
  measureHasData,
  nextMeasureOrder,
  setMeasureDimensions,
  updateMeasure,
} from './measures.repository.js';

export function toMeasure(r: MeasureRow, dimensions: string[], fiscalYearStart: number): Measure {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    name: r.name,
    nameFr: r.name_fr,
    tableId: r.table_id,
    resultId: r.result_id,
    programId: r.program_id,
    organizationId: r.organization_id,
    category: r.category,
    unit: r.unit,
    ratePer: r.rate_per,
    direction: r.direction,
    periodType: r.period_type,
    aggregation: r.aggregation,
    periodAggregation: r.period_aggregation,
    decimals: r.decimals,
    headline: r.headline,
    onDataDevelopmentAgenda: r.on_data_development_agenda,
    baselinePeriod: r.baseline_period
      ? labelOf(r.baseline_period, r.period_type, fiscalYearStart)
      : null,
    dataSource: r.data_source,
    definition: r.definition,
    definitionFr: r.definition_fr,
    sharedMeasureId: r.shared_measure_id,
    dimensions,
    archivedAt: r.archived_at?.toISOString() ?? null,
  };
}

async function present(db: DbOrTrx, rows: MeasureRow[]): Promise<Measure[]> {
  const [dims, settings] = await Promise.all([
    measureDimensionCodes(
      db,
      rows.map((r) => r.id),
    ),
    getSettings(db),
  ]);
  return rows.map((r) =>
    toMeasure(
      r,
      dims.filter((d) => d.measure_id === r.id).map((d) => d.code),
      settings.fiscalYearStartMonth,
    ),
  );
}

/** The actor's view of a measure's figures, or null when they may not see it at all. */
export async function measureView(db: DbOrTrx, actor: Actor, m: MeasureRow): Promise<View | null> {
  if (m.kind === 'performance') return organizationView(db, actor, m.organization_id as string);
  return tableView(db, actor, m.table_id as string);
}

/** Who enters a measure's figures and targets: its agency's editors, or its table's coordinators. */
export function canWriteMeasure(actor: Actor, m: MeasureRow): boolean {
  return m.kind === 'performance'
    ? canEditOrganization(actor, m.organization_id as string)
    : canEditTable(actor, m.table_id as string);
}

export async function visibleMeasure(db: DbOrTrx, actor: Actor, id: string) {
  const row = await findMeasure(db, id);
  const view = row ? await measureView(db, actor, row) : null;
  if (!row || !view) throw new NotFoundError('Measure');
  return { row, view };
}

const RATIO_UNITS: MeasureUnit[] = ['percent', 'rate'];

function defaultAggregation(unit: MeasureUnit): Aggregation {
  return RATIO_UNITS.includes(unit) ? 'ratio' : 'sum';
}

interface Owner {
  kind: MeasureKind;
  tableId: string | null;
  resultId: string | null;
  programId: string | null;
  organizationId: string | null;
}

async function createMeasure(trx: Trx, actor: Actor, owner: Owner, body: CreateMeasureBody) {
  const settings = await getSettings(trx);
  const aggregation = body.aggregation ?? defaultAggregation(body.unit);
  if (aggregation === 'ratio' && !RATIO_UNITS.includes(body.unit)) {
    throw new ValidationError(
      'aggregation: ratio applies to percent and rate measures only',
      issue('body.aggregation', 'measure_rule', { rule: 'ratio_needs_percent_or_rate' }),
    );
  }
  if (aggregation === 'latest') {
    throw new ValidationError(
      'aggregation: latest combines periods, not contributors; use periodAggregation',
      issue('body.aggregation', 'measure_rule', { rule: 'latest_is_for_periods' }),
    );
  }
  const periodAggregation = body.periodAggregation ?? aggregation;
  if (periodAggregation === 'ratio' && aggregation !== 'ratio') {
    throw new ValidationError(
      'periodAggregation: ratio needs a measure entered as numerator and denominator',
      issue('body.periodAggregation', 'measure_rule', { rule: 'period_ratio_needs_ratio' }),
    );
  }
  if (owner.kind === 'indicator' && body.category) {
    throw new ValidationError(
      'category: indicators have no performance category',
      issue('body.category', 'measure_rule', { rule: 'indicator_has_no_category' }),
    );
  }
  if (owner.kind !== 'performance' && body.sharedMeasureId) {
    throw new ValidationError(
      'sharedMeasureId: only a program measure reports a shared measure',
      issue('body.sharedMeasureId', 'measure_rule', { rule: 'shared_measure_needs_program' }),
    );
  }
  const owned = owner.organizationId
    ? { organizationId: owner.organizationId }
    : { tableId: owner.tableId as string };
  if (await codeTaken(trx, body.code, owned)) {
    throw new CodeTakenError(`A measure with code ${body.code} already exists here`);
  }
  const baselineStart = body.baselinePeriod
    ? resolvePeriod(body.baselinePeriod, settings.fiscalYearStartMonth, body.periodType).start
    : null;
  const dimCodes = [...new Set(body.dimensions ?? [])];
  const dims = await listDimensions(trx, dimCodes);
  const unknown = dimCodes.filter((c) => !dims.some((d) => d.code === c));
  if (unknown.length > 0)
    throw new ValidationError(
      `dimensions: unknown dimension ${unknown.join(', ')}`,
      issue('body.dimensions', 'unknown_code', { values: unknown }),
    );

  if (body.sharedMeasureId) {
    const shared = await findMeasure(trx, body.sharedMeasureId);
    if (
      shared?.kind !== 'shared' ||
      !(await isPartner(trx, shared.table_id as string, owner.organizationId as string))
    ) {
      throw new SharedMeasureNotAvailableError(
        'sharedMeasureId must name a shared measure of a planning table this organization is a partner at',
      );
    }
    const mismatched = (
      [
        ['unit', shared.unit, body.unit],
        ['direction', shared.direction, body.direction],
        ['periodType', shared.period_type, body.periodType],
        ['aggregation', shared.aggregation, aggregation],
      ] as const
    ).filter(([, a, b]) => a !== b);
    if (mismatched.length > 0) {
      throw new SharedMeasureMismatchError(
        `A measure reporting a shared measure must match its ${mismatched.map(([f]) => f).join(', ')}`,
        { fields: mismatched.map(([field, expected, got]) => ({ field, expected, got })) },
      );
    }
  }

  const orderColumn = owner.resultId ? 'result_id' : owner.programId ? 'program_id' : 'table_id';
  const row = await insertMeasure(trx, {
    kind: owner.kind,
    code: body.code,
    name: body.name,
    name_fr: body.nameFr ?? null,
    table_id: owner.tableId,
    result_id: owner.resultId,
    program_id: owner.programId,
    organization_id: owner.organizationId,
    category: body.category ?? null,
    unit: body.unit,
    rate_per: body.ratePer ?? null,
    direction: body.direction,
    period_type: body.periodType,
    aggregation,
    period_aggregation: periodAggregation,
    decimals: body.decimals ?? (body.unit === 'percent' || body.unit === 'rate' ? 1 : 0),
    headline: body.headline ?? false,
    on_data_development_agenda: body.onDataDevelopmentAgenda ?? false,
    baseline_period: baselineStart,
    data_source: body.dataSource ?? null,
    definition: body.definition ?? null,
    definition_fr: body.definitionFr ?? null,
    shared_measure_id: body.sharedMeasureId ?? null,
    sort_order: await nextMeasureOrder(
      trx,
      orderColumn,
      (owner.resultId ?? owner.programId ?? owner.tableId) as string,
    ),
    archived_at: null,
  });
  await setMeasureDimensions(
    trx,
    row.id,
    dims.map((d) => d.id),
  );
  const measure = toMeasure(row, dimCodes.sort(), settings.fiscalYearStartMonth);
  await insertAuditEvent(trx, {
    actorId: actor.userId,
    action: 'measure.create',
    entity: 'measure',
    entityId: row.id,
    after: measure,
    requestId: actor.requestId,
  });
  return measure;
}

export async function createIndicator(
  db: Db,
  actor: Actor,
  resultId: string,
  body: CreateMeasureBody,
) {
  const result = await visibleResult(db, actor, resultId);
  if (!canEditTable(actor, result.table_id)) deny(true, 'Result');
  return inTransaction(db, (trx) =>
    createMeasure(
      trx,
      actor,
      {
        kind: 'indicator',
        tableId: result.table_id,
        resultId,
        programId: null,
        organizationId: null,
      },
      body,
    ),
  );
}

export async function createSharedMeasure(
  db: Db,
  actor: Actor,
  tableId: string,
  body: CreateMeasureBody,
) {
  await visibleTable(db, actor, tableId);
  if (!canEditTable(actor, tableId)) deny(true, 'Planning table');
  return inTransaction(db, (trx) =>
    createMeasure(
      trx,
      actor,
      { kind: 'shared', tableId, resultId: null, programId: null, organizationId: null },
      body,
    ),
  );
}

export async function createProgramMeasure(
  db: Db,
  actor: Actor,
  programId: string,
  body: CreateMeasureBody,
) {
  const { row: program } = await visibleProgram(db, actor, programId);
  if (!canEditOrganization(actor, program.organization_id)) deny(true, 'Program');
  return inTransaction(db, (trx) =>
    createMeasure(
      trx,
      actor,
      {
        kind: 'performance',
        tableId: null,
        resultId: null,
        programId,
        organizationId: program.organization_id,
      },
      body,
    ),
  );
}

export async function listResultIndicators(
  db: Db,
  actor: Actor,
  resultId: string,
  limit: number,
  offset: number,
) {
  await visibleResult(db, actor, resultId);
  return present(db, await listMeasuresWhere(db, { resultId }, limit, offset));
}

export async function listSharedMeasures(
  db: Db,
  actor: Actor,
  tableId: string,
  limit: number,
  offset: number,
) {
  await visibleTable(db, actor, tableId);
  return present(db, await listMeasuresWhere(db, { sharedOfTable: tableId }, limit, offset));
}

export async function listProgramMeasures(
  db: Db,
  actor: Actor,
  programId: string,
  limit: number,
  offset: number,
) {
  await visibleProgram(db, actor, programId);
  return present(db, await listMeasuresWhere(db, { programId }, limit, offset));
}

export async function getMeasure(db: Db, actor: Actor, id: string) {
  const { row } = await visibleMeasure(db, actor, id);
  return (await present(db, [row]))[0] as Measure;
}

export async function patchMeasure(db: Db, actor: Actor, id: string, body: UpdateMeasureBody) {
  const { row } = await visibleMeasure(db, actor, id);
  if (!canWriteMeasure(actor, row)) deny(true, 'Measure');
  if (row.kind === 'indicator' && body.category) {
    throw new ValidationError(
      'category: indicators have no performance category',
      issue('body.category', 'measure_rule', { rule: 'indicator_has_no_category' }),
    );
  }
  return inTransaction(db, async (trx) => {
    const settings = await getSettings(trx);
    const before = (await present(trx, [row]))[0];
    const updated = await updateMeasure(trx, id, {
      name: body.name,
      name_fr: body.nameFr,
      direction: body.direction,
      category: body.category,
      rate_per: body.ratePer,
      decimals: body.decimals,
      headline: body.headline,
      on_data_development_agenda: body.onDataDevelopmentAgenda,
      baseline_period:
        body.baselinePeriod === undefined
          ? undefined
          : body.baselinePeriod === null
            ? null
            : resolvePeriod(body.baselinePeriod, settings.fiscalYearStartMonth, row.period_type)
                .start,
      data_source: body.dataSource,
      definition: body.definition,
      definition_fr: body.definitionFr,
      archived_at: archiveStamp(body.archived, row.archived_at),
    });
    const after = (await present(trx, [updated]))[0] as Measure;
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'measure.update',
      entity: 'measure',
      entityId: id,
      before,
      after,
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function removeMeasure(db: Db, actor: Actor, id: string) {
  const { row } = await visibleMeasure(db, actor, id);
  if (!canWriteMeasure(actor, row)) deny(true, 'Measure');
  await inTransaction(db, async (trx) => {
    if (await measureHasData(trx, id)) {
      throw new HasDataError(
        'This measure has figures, targets or partner measures reporting it; archive it instead',
      );
    }
    const before = (await present(trx, [row]))[0];
    await deleteMeasure(trx, id);
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'measure.delete',
      entity: 'measure',
      entityId: id,
      before,
      requestId: actor.requestId,
    });
  });
}
