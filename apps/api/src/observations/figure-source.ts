// Where a reader's figures come from. Readers of approved figures only (table members, other
// partners, funders, the public) read published_observations, where a period under revision
// keeps its last approved figures (migration 20261206020000-reopen, docs/decisions.md); the
// agency and the table's coordinators read the working figures in observations.
import { type RawBuilder, sql } from 'kysely';
import type { ObservationStatus } from '../db/tables/observations.table.js';

/** True when these statuses are those of an approved or restricted view. */
export function readsPublished(statuses: readonly ObservationStatus[]): boolean {
  return statuses.length === 1 && statuses[0] === 'approved';
}

/**
 * The relation holding the figures these statuses show. Both have the observations' columns
 * (the view adds `under_revision`), so queries are written once against `observations`.
 */
export function figuresOf(statuses: readonly ObservationStatus[]): 'observations' {
  return (readsPublished(statuses) ? 'published_observations' : 'observations') as 'observations';
}

/** The same, aliased `o`. */
export function figuresAs(statuses: readonly ObservationStatus[]): 'observations as o' {
  return `${figuresOf(statuses)} as o` as 'observations as o';
}

/** Whether a row read from figuresOf(statuses) is a last approved copy (false for working ones). */
export function underRevision(
  statuses: readonly ObservationStatus[],
  alias?: string,
): RawBuilder<boolean> {
  if (!readsPublished(statuses)) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(alias ? `${alias}.under_revision` : 'under_revision')}`;
}
