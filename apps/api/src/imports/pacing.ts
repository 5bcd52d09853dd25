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
