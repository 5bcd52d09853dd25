// Reads of the audit trail for a figure's history and for what an agency changed since its
// period was last returned. No table of its own: every figure write (a save, a bulk save, an
// import) and every step of a submission writes an audit event in its own transaction.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';

/** The audit actions of a figure's changes: saves, bulk saves and imports write both. */
export const FIGURE_ACTIONS = ['observation.create', 'observation.update'] as const;

export interface TrailEvent {
  seq: number;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  after: unknown;
}

/** Every change of one figure, oldest first, with who made it. */
export async function figureEvents(db: DbOrTrx, observationId: string): Promise<TrailEvent[]> {
  return db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.seq',
      'a.at',
      'a.action',
      'a.actor_id as actorId',
      'u.name as actorName',
      'a.after',
    ])
    .where('a.entity', '=', 'observation')
    .where('a.entity_id', '=', observationId)
    .where('a.action', 'in', [...FIGURE_ACTIONS])
    .orderBy('a.seq')
    .execute();
}

/**
 * The steps (the given audit actions) of an agency's submissions covering a stretch of time:
 * the submission of the figure's own period, and of any longer period holding it — the same
 * submissions that lock it and that firstSubmissionSeqOfObservation reads. Oldest first.
 */
export async function submissionEvents(
  db: DbOrTrx,
  organizationId: string,
  periodStart: string,
  periodEnd: string,
  actions: readonly string[],
): Promise<TrailEvent[]> {
  if (actions.length === 0) return [];
  return db
    .selectFrom('submissions as s')
    .innerJoin('audit_events as a', (join) =>
      join.on('a.entity', '=', 'submission').on(sql<boolean>`a.entity_id = s.id::text`),
    )
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.seq',
      'a.at',
      'a.action',
      'a.actor_id as actorId',
      'u.name as actorName',
      'a.after',
    ])
    .where('s.organization_id', '=', organizationId)
    .where('s.period_start', '<=', periodStart)
    .where('s.period_end', '>=', periodEnd)
    .where('a.action', 'in', [...actions])
    .orderBy('a.seq')
    .execute();
}

/** The newest of the given steps of one submission, or undefined. */
export async function lastSubmissionEvent(
  db: DbOrTrx,
  submissionId: string,
  actions: readonly string[],
): Promise<{ seq: number; at: Date; action: string } | undefined> {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'action'])
    .where('entity', '=', 'submission')
    .where('entity_id', '=', submissionId)
    .where('action', 'in', [...actions])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Every figure of an agency's program measures lying within a period, as it is now, with the
 * state its last audited change before chain position `seq` left it in (`before`: that event's
 * `after`, null when the figure had no change before then).
 */
export async function figuresWithStateAt(
  db: DbOrTrx,
  organizationId: string,
  periodStart: string,
  periodEnd: string,
  seq: number,
) {
  return db
    .selectFrom('observations as o')
    .innerJoin('measures as m', 'm.id', 'o.measure_id')
    .select((eb) => [
      'o.id',
      'o.measure_id as measureId',
      'm.code',
      'm.period_type as periodType',
      'o.period_start as periodStart',
      'o.breakdown',
      'o.value',
      'o.numerator',
      'o.denominator',
      eb
        .selectFrom('audit_events as a')
        .select('a.after')
        .where('a.entity', '=', 'observation')
        .where(sql<boolean>`a.entity_id = o.id::text`)
        .where('a.action', 'in', [...FIGURE_ACTIONS])
        .where('a.seq', '<', seq)
        .orderBy('a.seq', 'desc')
        .limit(1)
        .as('before'),
    ])
    .where('m.organization_id', '=', organizationId)
    .where('m.kind', '=', 'performance')
    .where('o.period_start', '>=', periodStart)
    .where('o.period_end', '<=', periodEnd)
    .orderBy('m.sort_order')
    .orderBy('m.code')
    .orderBy('o.period_start')
    .orderBy('o.breakdown')
    .execute();
}
