// Long stretches of an import's work, cut into pieces with the event loop free between them:
// on PGlite every query of every request runs on this same thread, so a stretch of reading,
// checking or comparing 100,000 rows would hold them all (issue #22). Harmless on PostgreSQL.

/** Lets the callbacks waiting on the event loop (requests, their queries) run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Work per piece before the event loop gets a turn. */
export const SLICE_MS = 20;

/**
 * A loop's pacer: `await pace()` yields once SLICE_MS have passed since the last yield, and
 * otherwise returns at once (call it every few hundred iterations, not on each).
 */
export function pacer(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}

/** Least time between two progress writes within a phase (each is a write to the job's row). */
export const PROGRESS_MS = 250;

/**
 * A phase's progress from the share of its work done (0 to 1), in the file's rows: passed on to
 * `report` at most every `everyMs` (0: every time), and never the same count twice.
 */
export function shareReporter(
  report: (done: number) => Promise<void>,
  rows: number,
  everyMs = PROGRESS_MS,
): (share: number) => Promise<void> {
  let last = 0;
  let lastAt = performance.now();
  return async (share) => {
    const done = Math.min(rows, Math.floor(rows * share));
    const now = performance.now();
    if (done <= last || (everyMs > 0 && now - lastAt < everyMs && done < rows)) return;
    last = done;
    lastAt = now;
    await report(done);
  };
}
