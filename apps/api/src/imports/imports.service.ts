// Imports a CSV of figures: read through a mapping, checked by the same rules as a PUT of one
// figure, reported row by row (dry run), and written all or nothing in one transaction.

import { randomUUID } from 'node:crypto';
import { DomainError, normalizePeriod, type PeriodType } from '@rba/domain';
import type { ImportJob, ImportMapping, ImportReport } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import { deny, type View } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db, DbOrTrx, Trx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { listDimensions, measureDimensionCodes } from '../dimensions/dimensions.repository.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { canWriteMeasure, measureView, visibleMeasure } from '../measures/measures.service.js';
import { checkBreakdown } from '../observations/breakdown.js';
import { checkFigure, isRatio } from '../observations/figure.js';
import type { ObservationRow } from '../observations/observations.repository.js';
import { toObservation } from '../observations/observations.service.js';
import { checkPartsAgainstTotal } from '../observations/parts.js';
import { resolvePeriod } from '../periods/periods.js';
import { getSettings } from '../settings/settings.service.js';
import { readCsv } from './csv-reader.js';
import {
  type AuditRow,
  type CellUpdate,
  cellsOfPeriods,
  closedReportingPeriods,
  findJob,
  insertCells,
  insertJob,
  insertObservationAuditEvents,
  lockingSubmissionsOf,
  measuresForImport,
  type NewCell,
  transactionTime,
  updateCells,
  updateJob,
} from './imports.repository.js';
import {
  type Candidate,
  type Extracted,
  extract,
  type LineReason,
  MappingError,
  type MeasureRef,
} from './mapping.js';

/** Figures written per statement. */
const WRITE_CHUNK = 5000;

/** The largest file an import takes; larger uploads answer 413. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A job whose process has not written for this long is reported as abandoned. */
const STALE_JOB_MS = 15 * 60 * 1000;

export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super(
      413,
      'FILE_TOO_LARGE',
      `The file is larger than ${Math.round(limit / (1024 * 1024))} MB; split it into smaller files`,
      { limitBytes: limit },
    );
  }
}

type Measure = MeasureRow & { organization_code: string | null };

interface Prepared {
  /** The line of the file the figure came from. */
  line: number;
  m: Measure;
  start: string;
  end: string;
  key: string;
  figure: { value: number | null; numerator: number | null; denominator: number | null };
  note: string | null | undefined;
}

export interface ImportInput {
  file: Buffer;
  mapping: ImportMapping;
  filename?: string | undefined;
}

export type ProgressFn = (phase: string, done: number) => Promise<void>;

const noProgress: ProgressFn = async () => {};

/** The limits a PUT's body puts on a note. */
function checkNote(note: string | null | undefined): void {
  if (note === undefined || note === null) return;
  if (note.length > 4000) throw new ValidationError('note: at most 4000 characters');
  if (note.includes('\u0000')) throw new ValidationError('note: may not contain a NUL character');
}

/** Why a row's measure cannot be used, or the measure. */
type Resolution = { m: Measure } | { reason: string };

async function resolveMeasures(
  db: Db,
  actor: Actor,
  mapping: ImportMapping,
  candidates: Candidate[],
): Promise<(ref: MeasureRef) => Resolution> {
  if (mapping.measureId) {
    const { row } = await visibleMeasure(db, actor, mapping.measureId);
    if (!canWriteMeasure(actor, row)) deny(true, 'Measure');
    const [m] = await measuresForImport(db, { ids: [row.id] });
    const found = { m: m as Measure };
    return () => found;
  }
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const c of candidates) {
    if (c.measure.by === 'code') codes.add(c.measure.code);
    else if (c.measure.by === 'name') names.add(c.measure.name);
  }
  let all = (await measuresForImport(db, { codes: [...codes], names: [...names] })) as Measure[];
  if (mapping.organizationId) all = all.filter((m) => m.organization_id === mapping.organizationId);
  // A table narrows its own indicators; program measures are told apart by their agency.
  if (mapping.tableId) {
    all = all.filter((m) => m.organization_id !== null || m.table_id === mapping.tableId);
  }
  const views = new Map<string, View | null>();
  for (const m of all) {
    const owner = m.organization_id ?? m.table_id ?? '';
    if (!views.has(owner)) views.set(owner, await measureView(db, actor, m));
  }
  const visible = (m: Measure) => views.get(m.organization_id ?? m.table_id ?? '') != null;
  const cache = new Map<string, Resolution>();
  return (ref) => {
    const cacheKey = JSON.stringify(ref);
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    let matches: Measure[];
    let label: string;
    if (ref.by === 'code') {
      label = ref.organizationCode ? `${ref.code} of ${ref.organizationCode}` : ref.code;
      matches = all.filter(
        (m) =>
          m.code === ref.code &&
          (mapping.mode !== 'native' || m.organization_code === ref.organizationCode),
      );
    } else if (ref.by === 'name') {
      label = `"${ref.name}"`;
      matches = all.filter((m) => m.name === ref.name);
    } else {
      label = ref.id;
      matches = all.filter((m) => m.id === ref.id);
    }
    const writable = matches.filter((m) => canWriteMeasure(actor, m));
    let r: Resolution;
    if (writable.length === 1) r = { m: writable[0] as Measure };
    else if (writable.length > 1) {
      r = {
        reason: `measure ${label} names measures of ${writable.length} owners; set the mapping's organizationId or tableId`,
      };
    } else if (matches.some(visible)) {
      r = { reason: `no permission: you may not enter figures for measure ${label}` };
    } else r = { reason: `unknown measure ${label}` };
    cache.set(cacheKey, r);
    return r;
  };
}

const FORMAT_TYPE: Record<string, PeriodType> = {
  year: 'year',
  month: 'month',
  quarter: 'quarter',
  quarter_start_month: 'month',
  fiscal_year: 'fiscal_year',
  fiscal_quarter: 'fiscal_quarter',
};

/** Canonical labels, which need no loose reading (golden/FORMAT.md). */
const LABEL: Record<PeriodType, RegExp> = {
  year: /^\d{4}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  fiscal_year: /^FY\d{4}(-\d{2})?$/,
  fiscal_quarter: /^FY\d{4}(-\d{2})?-Q[1-4]$/,
};

function periodReader(fys: number) {
  const cache = new Map<string, { start: string; end: string } | { error: string }>();
  return (text: string, format: Candidate['format'], type: PeriodType) => {
    const key = `${format}|${type}|${text}`;
    let hit = cache.get(key);
    if (!hit) {
      try {
        let label: string;
        if (
          (format === 'label' || format === 'auto' || FORMAT_TYPE[format] === type) &&
          LABEL[type].test(text)
        ) {
          label = text; // already the canonical label: resolvePeriod below checks it
        } else if (format === 'label' || format === 'auto') {
          label = normalizePeriod(text, { type, fiscalYearStart: fys });
        } else {
          // Read the text as the format says, then fit it to the measure's period type.
          const read = normalizePeriod(text, {
            type: FORMAT_TYPE[format] as PeriodType,
            fiscalYearStart: fys,
          });
          label = normalizePeriod(read, { type, fiscalYearStart: fys });
        }
        const p = resolvePeriod(label, fys, type);
        hit = { start: p.start, end: p.end };
      } catch (err) {
        if (!(err instanceof DomainError) && !(err instanceof AppError)) throw err;
        hit = { error: `period: ${err.message}` };
      }
      cache.set(key, hit);
    }
    return hit;
  };
}

interface Plan {
  report: ImportReport;
  inserts: Prepared[];
  updates: { p: Prepared; existing: ObservationRow }[];
}

function reasonOf(err: unknown): string {
  if (err instanceof AppError) return err.message;
  throw err;
}

/** Checks every row that needs no database, in file order. */
async function prepareAll(
  db: Db,
  actor: Actor,
  mapping: ImportMapping,
  extracted: Extracted,
): Promise<{ prepared: Prepared[]; rejected: LineReason[] }> {
  const rejected = [...extracted.rejected];
  const resolve = await resolveMeasures(db, actor, mapping, extracted.candidates);
  const settings = await getSettings(db);
  const fys = settings.fiscalYearStartMonth;
  const periodOf = periodReader(fys);
  const vocabulary = await listDimensions(db);
  const measureIds = new Set<string>();
  const resolved = extracted.candidates.map((c) => {
    const r = resolve(c.measure);
    if ('m' in r) measureIds.add(r.m.id);
    return r;
  });
  const dimensionsOf = new Map<string, string[]>();
  for (const d of await measureDimensionCodes(db, [...measureIds])) {
    dimensionsOf.set(d.measure_id, [...(dimensionsOf.get(d.measure_id) ?? []), d.code]);
  }
  const prepared: Prepared[] = [];
  const firstLine = new Map<string, number>();
  for (const [i, c] of extracted.candidates.entries()) {
    const r = resolved[i] as Resolution;
    const where = c.column ? `${c.column}: ` : '';
    const reject = (reason: string): void => {
      rejected.push({ line: c.line, reason: `${where}${reason}` });
    };
    if ('reason' in r) {
      reject(r.reason);
      continue;
    }
    const m = r.m;
    if (m.kind === 'shared') {
      reject(
        `measure ${m.code} is a shared measure, computed from its partners' figures; import those`,
      );
      continue;
    }
    if (m.archived_at) {
      reject(`measure ${m.code} is archived`);
      continue;
    }
    const period = periodOf(c.periodText, c.format, m.period_type);
    if ('error' in period) {
      reject(period.error);
      continue;
    }
    let key: string;
    let figure: Prepared['figure'];
    try {
      key = checkBreakdown(
        Object.keys(c.breakdown).length > 0 ? c.breakdown : undefined,
        dimensionsOf.get(m.id) ?? [],
        vocabulary,
      );
      // The native layout carries a ratio's derived value beside its parts: the parts count,
      // and the value is read only when they are empty (to be refused, as a PUT refuses it).
      // A column the file lacks is not an empty cell: it must not clear stored figures.
      if (
        c.format === 'label' &&
        (isRatio(m)
          ? c.numerator === undefined || c.denominator === undefined
          : c.value === undefined)
      ) {
        throw new ValidationError(
          isRatio(m)
            ? `measure ${m.code} takes numerator and denominator columns`
            : `measure ${m.code} takes a value column`,
        );
      }
      const partsGiven =
        (c.numerator !== undefined && c.numerator !== null) ||
        (c.denominator !== undefined && c.denominator !== null);
      const input =
        c.format === 'label' && isRatio(m) && partsGiven
          ? { numerator: c.numerator, denominator: c.denominator }
          : c;
      checkNote(c.note);
      figure = checkFigure(m, input);
    } catch (err) {
      reject(reasonOf(err));
      continue;
    }
    const cellKey = `${m.id}|${period.start}|${key}`;
    const seen = firstLine.get(cellKey);
    if (seen !== undefined) {
      reject(
        `repeats the measure, period and breakdown of line ${seen}; each figure may appear once`,
      );
      continue;
    }
    firstLine.set(cellKey, c.line);
    prepared.push({
      line: c.line,
      m,
      start: period.start,
      end: period.end,
      key,
      figure,
      note:
        c.note === undefined ? undefined : c.note === null || c.note.trim() === '' ? null : c.note,
    });
  }
  return { prepared, rejected };
}

/** Compares with what is stored: what a commit would insert, update or leave unchanged. */
async function plan(
  db: DbOrTrx,
  actor: Actor,
  extracted: Extracted,
  rowsRead: number,
  prepared: Prepared[],
  rejectedBefore: LineReason[],
): Promise<Plan> {
  const rejected = [...rejectedBefore];
  const vocabulary = await listDimensions(db);
  const pairs = new Map<string, { measureId: string; periodStart: string }>();
  for (const p of prepared)
    pairs.set(`${p.m.id}|${p.start}`, { measureId: p.m.id, periodStart: p.start });
  const stored = await cellsOfPeriods(db, [...pairs.values()]);
  // Parts are checked against their total only where a period has parts, in the file or stored.
  const withParts = new Set<string>();
  for (const s of stored)
    if (s.breakdown !== '') withParts.add(`${s.measure_id}|${s.period_start}`);
  for (const p of prepared) if (p.key !== '') withParts.add(`${p.m.id}|${p.start}`);
  const groups = new Map<string, Map<string, ObservationRow | Prepared>>();
  for (const s of stored) {
    const g = `${s.measure_id}|${s.period_start}`;
    if (!withParts.has(g)) continue;
    if (!groups.has(g)) groups.set(g, new Map());
    groups.get(g)?.set(s.breakdown, s);
  }
  const existingOf = new Map(
    stored.map((s) => [`${s.measure_id}|${s.period_start}|${s.breakdown}`, s]),
  );

  const orgs = [
    ...new Set(
      prepared.filter((p) => p.m.kind === 'performance').map((p) => p.m.organization_id as string),
    ),
  ];
  const locks = await lockingSubmissionsOf(db, orgs);
  const closed = isAdmin(actor) || orgs.length === 0 ? [] : await closedReportingPeriods(db);

  const sameAsStored = (p: Prepared) => {
    const existing = existingOf.get(`${p.m.id}|${p.start}|${p.key}`);
    if (!existing) return false;
    const nextNote = p.note === undefined ? existing.note : p.note;
    return (
      existing.value === p.figure.value &&
      existing.numerator === p.figure.numerator &&
      existing.denominator === p.figure.denominator &&
      existing.note === nextNote
    );
  };

  // A row that matches what is stored changes nothing, so a locked or closed period does not
  // refuse it: re-importing an export of approved quarters reports them unchanged.
  let unchangedInLocked = 0;
  const open: Prepared[] = [];
  for (const p of prepared) {
    if (p.m.kind === 'performance') {
      const lock = locks.find(
        (l) =>
          l.organization_id === p.m.organization_id &&
          l.period_start <= p.start &&
          l.period_end >= p.end,
      );
      const closedHere = closed.some((c) => c.period_start <= p.start && c.period_end >= p.start);
      if ((lock || closedHere) && sameAsStored(p)) {
        unchangedInLocked++;
        continue;
      }
      if (lock) {
        rejected.push({
          line: p.line,
          reason: `period locked: this period is ${lock.status}; a coordinator must return it before it can change`,
        });
        continue;
      }
      if (closedHere) {
        rejected.push({
          line: p.line,
          reason: 'period closed: the reporting period for these figures has closed',
        });
        continue;
      }
    }
    open.push(p);
  }
  // Parts against their total, with the file's figures laid over what is stored.
  for (const p of open) {
    const g = `${p.m.id}|${p.start}`;
    if (!withParts.has(g)) continue;
    if (!groups.has(g)) groups.set(g, new Map());
    groups.get(g)?.set(p.key, p);
  }
  const cellsOfGroup = new Map<
    string,
    {
      breakdown: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
    }[]
  >();
  const checked: Prepared[] = [];
  for (const p of open) {
    const g = `${p.m.id}|${p.start}`;
    if (!withParts.has(g)) {
      checked.push(p);
      continue;
    }
    let cells = cellsOfGroup.get(g);
    if (!cells) {
      cells = [...(groups.get(g)?.entries() ?? [])].map(([breakdown, x]) =>
        'figure' in x
          ? { breakdown, ...x.figure }
          : { breakdown, value: x.value, numerator: x.numerator, denominator: x.denominator },
      );
      cellsOfGroup.set(g, cells);
    }
    if (cells.length > 1) {
      try {
        checkPartsAgainstTotal(p.m, cells, p.key, vocabulary);
      } catch (err) {
        rejected.push({ line: p.line, reason: reasonOf(err) });
        continue;
      }
    }
    checked.push(p);
  }

  const inserts: Prepared[] = [];
  const updates: Plan['updates'] = [];
  let unchanged = unchangedInLocked;
  for (const p of checked) {
    const existing = existingOf.get(`${p.m.id}|${p.start}|${p.key}`);
    if (!existing) inserts.push(p);
    else if (sameAsStored(p)) unchanged++;
    else updates.push({ p, existing });
  }
  rejected.sort((a, b) => a.line - b.line);
  return {
    report: {
      rowsRead,
      inserted: inserts.length,
      updated: updates.length,
      unchanged,
      rejected,
      committed: false,
      skipped: extracted.skipped,
      filtered: extracted.filtered,
    },
    inserts,
    updates,
  };
}

class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rejected');
  }
}

async function write(
  trx: Trx,
  actor: Actor,
  p: Plan,
  fys: number,
  input: ImportInput,
  jobId: string | null,
): Promise<void> {
  // As a PUT does: population figures are approved when saved, program figures are drafts.
  const statusOf = (m: Measure): 'approved' | 'draft' =>
    m.kind === 'indicator' ? 'approved' : 'draft';
  // Ids are chosen here and the clock is the transaction's, so every audited row is known
  // without reading the written rows back. Chunk by chunk, the next chunk is prepared while
  // the database writes the last one, and no more than a chunk of audit JSON is held.
  const at = await transactionTime(trx);
  const cellOf = (x: Prepared): NewCell => ({
    id: randomUUID(),
    measure_id: x.m.id,
    period_start: x.start,
    period_end: x.end,
    breakdown: x.key,
    ...x.figure,
    note: x.note ?? null,
    status: statusOf(x.m),
    entered_by: actor.userId,
  });
  const conflict = () =>
    new ConflictError(
      'IMPORT_CONFLICT',
      'Someone saved some of these figures while the import ran; nothing was written, run it again',
    );
  let pending: Promise<void> = Promise.resolve();
  const send = async (work: () => Promise<void>) => {
    await pending;
    pending = work();
    pending.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
    await new Promise((resolve) => setImmediate(resolve)); // let the queries go out
  };
  for (let i = 0; i < p.inserts.length; i += WRITE_CHUNK) {
    const cells: NewCell[] = [];
    const events: AuditRow[] = [];
    for (const x of p.inserts.slice(i, i + WRITE_CHUNK)) {
      const cell = cellOf(x);
      cells.push(cell);
      const row: ObservationRow = { ...cell, version: 1, updated_at: at };
      events.push({
        action: 'observation.create',
        entityId: cell.id,
        before: undefined,
        after: toObservation(row, x.m, fys),
      });
    }
    await send(async () => {
      if ((await insertCells(trx, cells)) !== cells.length) throw conflict();
      await insertObservationAuditEvents(trx, actor.userId, actor.requestId, events);
    });
  }
  for (let i = 0; i < p.updates.length; i += WRITE_CHUNK) {
    const changes: CellUpdate[] = [];
    const events: AuditRow[] = [];
    for (const { p: x, existing } of p.updates.slice(i, i + WRITE_CHUNK)) {
      const change: CellUpdate = {
        id: existing.id,
        version: existing.version,
        ...x.figure,
        note: x.note === undefined ? existing.note : x.note,
        status: statusOf(x.m),
        entered_by: actor.userId,
      };
      changes.push(change);
      const row: ObservationRow = {
        ...existing,
        ...change,
        version: existing.version + 1,
        updated_at: at,
      };
      events.push({
        action: 'observation.update',
        entityId: existing.id,
        before: toObservation(existing, x.m, fys),
        after: toObservation(row, x.m, fys),
      });
    }
    await send(async () => {
      if ((await updateCells(trx, changes)) !== changes.length) throw conflict();
      await insertObservationAuditEvents(trx, actor.userId, actor.requestId, events);
    });
  }
  await pending;
  await insertAuditEvent(trx, {
    actorId: actor.userId,
    action: 'import.commit',
    entity: 'import',
    entityId: jobId,
    after: {
      filename: input.filename ?? null,
      mode: input.mapping.mode,
      rowsRead: p.report.rowsRead,
      inserted: p.report.inserted,
      updated: p.report.updated,
      unchanged: p.report.unchanged,
    },
    requestId: actor.requestId,
  });
}

function readFile(input: ImportInput) {
  const file = readCsv(input.file, input.mapping.delimiter);
  let extracted: Extracted;
  try {
    extracted = extract(file, input.mapping);
  } catch (err) {
    if (err instanceof MappingError) throw new ValidationError(`mapping: ${err.message}`);
    throw err;
  }
  return { rowsRead: file.records.length, extracted };
}

/**
 * Runs an import: a dry run unless `commit`. A commit with any rejected row writes nothing and
 * returns the report with `committed` false; the caller answers 422.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  input: ImportInput,
  commit: boolean,
  progress: ProgressFn = noProgress,
  jobId: string | null = null,
  read: ReturnType<typeof readFile> = readFile(input),
): Promise<ImportReport> {
  const { rowsRead, extracted } = read;
  await progress('checking', rowsRead);
  const { prepared, rejected } = await prepareAll(db, actor, input.mapping, extracted);
  extracted.candidates = []; // prepared from here on; let the raw rows go
  if (!commit) return (await plan(db, actor, extracted, rowsRead, prepared, rejected)).report;
  if (rejected.length > 0) {
    // Nothing will be written: report what the file holds without opening a transaction.
    return (await plan(db, actor, extracted, rowsRead, prepared, rejected)).report;
  }
  await progress('writing', rowsRead);
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  try {
    return await inTransaction(db, async (trx) => {
      // Compared again inside the transaction, so the report matches what is written.
      const p = await plan(trx, actor, extracted, rowsRead, prepared, rejected);
      if (p.report.rejected.length > 0) throw new RolledBack(p.report);
      await write(trx, actor, p, fys, input, jobId);
      return { ...p.report, committed: true };
    });
  } catch (err) {
    if (err instanceof RolledBack) return err.report;
    throw err;
  }
}

/** Starts an import in the background; its progress and report are polled from the database. */
export async function startImportJob(
  db: Db,
  actor: Actor,
  input: ImportInput,
  commit: boolean,
): Promise<{ jobId: string }> {
  const read = readFile(input);
  const job = await insertJob(db, { createdBy: actor.userId, commit, total: read.rowsRead });
  const progress: ProgressFn = (phase, done) => updateJob(db, job.id, { phase, done });
  void (async () => {
    try {
      const report = await runImport(db, actor, input, commit, progress, job.id, read);
      await updateJob(db, job.id, {
        status: 'done',
        phase: 'done',
        done: read.rowsRead,
        report,
        ...(commit && !report.committed
          ? { error: { code: 'IMPORT_REJECTED', message: 'Rejected rows: nothing was written' } }
          : {}),
      });
    } catch (err) {
      const error =
        err instanceof AppError
          ? { code: err.code, message: err.message }
          : { code: 'INTERNAL', message: 'The import failed' };
      await updateJob(db, job.id, { status: 'failed', phase: 'failed', error }).catch(() => {});
    }
  })();
  return { jobId: job.id };
}

export async function getImportJob(db: Db, actor: Actor, id: string): Promise<ImportJob> {
  const job = await findJob(db, id);
  if (!job || (job.created_by !== actor.userId && !isAdmin(actor))) {
    throw new NotFoundError('Import job');
  }
  const stale = job.status === 'running' && Date.now() - job.updated_at.getTime() > STALE_JOB_MS;
  return {
    id: job.id,
    status: stale ? 'failed' : job.status,
    commit: job.commit,
    phase: stale ? 'abandoned' : job.phase,
    done: job.done,
    total: job.total,
    report: (job.report as ImportReport | null) ?? null,
    error: stale
      ? { code: 'ABANDONED', message: 'The process running this import stopped; run it again' }
      : ((job.error as { code: string; message: string } | null) ?? null),
    createdAt: job.created_at.toISOString(),
    updatedAt: job.updated_at.toISOString(),
    finishedAt: job.finished_at ? job.finished_at.toISOString() : null,
  };
}
