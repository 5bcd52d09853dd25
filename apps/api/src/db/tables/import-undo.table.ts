// The undo journal of an import applied in chunks on PGlite (migration 20261209010000).
import type { ColumnType } from 'kysely';

/** A figure's columns before the import changed it (restored by an undo). */
export interface ImportUndoPrior {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: string;
  entered_by: string | null;
}

export interface ImportUndoTable {
  import_id: string;
  observation_id: string;
  /** Null when the import created the figure: the undo deletes it. */
  prior: ColumnType<ImportUndoPrior | null, string | null, string | null>;
  /** The version the import wrote: the undo touches the figure only while it still has it. */
  written_version: number;
  created_at: ColumnType<Date, never, never>;
}
