// Imports a CSV of figures: read through a mapping, checked by the same rules as a PUT of one
// figure, reported row by row (dry run), and written all or nothing: in one transaction on
// PostgreSQL, in short transactions undone together on failure on PGlite (import-chunks.ts).

import type { ImportMapping, ImportReport } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import type { Engine } from '../db/database.js';
import { whileWriting } from '../db/embedded-upkeep.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { issue, ValidationError } from '../errors.js';
import { getSettings } from '../settings/settings.service.js';
import { readCsv } from './csv-reader.js';
import { commitInChunks } from './import-chunks.js';
import { plan, withChanges } from './import-plan.js';
import { prepareAll } from './import-rows.js';
import { lockAgencies, write } from './import-write.js';
import { type Extracted, extract, MappingError } from './mapping.js';
import { shareReporter } from './pacing.js';

/** The largest file an import takes; larger uploads answer 413. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ImportInput {
  file: Buffer;
  mapping: ImportMapping;
  filename?: string | undefined;
}

export type ProgressFn = (phase: string, done: number) => Promise<void>;

const noProgress: ProgressFn = async () => {};

class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rejected');
  }
}

export async function readFile(input: ImportInput) {
  const file = await readCsv(input.file, input.mapping.delimiter);
  let extracted: Extracted;
  try {
    extracted = await extract(file, input.mapping);
  } catch (err) {
    if (err instanceof MappingError) {
      throw new ValidationError(
        `mapping: ${err.message}`,
        issue('mapping', 'invalid', { rule: err.message }),
      );
    }
    throw err;
  }
  return { rowsRead: file.records.length, extracted };
}

export interface RunOptions {
  progress?: ProgressFn;
  /** The job running the import, if it runs as one. */
  jobId?: string | null;
  /** The file already read (a job reads it before it starts, to refuse a bad one at once). */
  read?: Awaited<ReturnType<typeof readFile>>;
  /** PGlite commits in short chunks (import-chunks.ts); PostgreSQL in one transaction. */
  engine?: Engine;
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
  opts: RunOptions = {},
): Promise<ImportReport> {
  // On PGlite the server's own upkeep (a VACUUM between two of the import's statements, which
  // would hold everyone back) waits until the import is done (db/embedded-upkeep.ts).
  if (opts.engine === 'pglite') {
    return whileWriting(() => importRows(db, actor, input, commit, opts));
  }
  return importRows(db, actor, input, commit, opts);
}

async function importRows(
  db: Db,
  actor: Actor,
  input: ImportInput,
  commit: boolean,
  opts: RunOptions,
): Promise<ImportReport> {
  const progress = opts.progress ?? noProgress;
  const jobId = opts.jobId ?? null;
  const read = opts.read ?? (await readFile(input));
  const { rowsRead, extracted } = read;
  // Each phase counts the file's rows from 0 (docs/csv.md, "Large files and jobs").
  await progress('checking', 0);
  const checked = shareReporter((done) => progress('checking', done), rowsRead);
  const { prepared, rejected } = await prepareAll(db, actor, input.mapping, extracted, (share) =>
    // The comparison with the database (plan) comes after: the last fifth.
    checked(share * 0.8),
  );
  extracted.candidates = []; // prepared from here on; let the raw rows go
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  if (!commit) {
    return withChanges(await plan(db, actor, extracted, rowsRead, prepared, rejected), fys);
  }
  if (rejected.length > 0) {
    // Nothing will be written: report what the file holds without opening a transaction.
    return (await plan(db, actor, extracted, rowsRead, prepared, rejected)).report;
  }
  await progress('writing', 0);
  if (opts.engine === 'pglite' && !db.isTransaction) {
    // The embedded database: short transactions, the other requests running between them.
    const planned = await plan(db, actor, extracted, rowsRead, prepared, rejected);
    if (planned.report.rejected.length > 0) return planned.report;
    return commitInChunks({
      db,
      actor,
      input,
      fys,
      extracted,
      rowsRead,
      prepared,
      planned,
      jobId,
      // A chunk at a time: one write to the job's row per transaction.
      onShare: shareReporter((done) => progress('writing', done), rowsRead, 0),
    });
  }
  try {
    return await inTransaction(db, async (trx) => {
      // The agencies' locks first (lockAgencies); then compared again inside the transaction,
      // so the report matches what is written.
      await lockAgencies(trx, prepared);
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
