/**
 * The archived_at to store for a PATCH's `archived` flag: unchanged when not given, kept when
 * already archived, now when archiving, null when restoring.
 */
export function archiveStamp(
  requested: boolean | undefined,
  current: Date | null,
): Date | null | undefined {
  if (requested === undefined) return undefined;
  return requested ? (current ?? new Date()) : null;
}
