// "The same SQL the endpoint needs": the statements a request sends to the database are
// recorded where they leave for it (each pg client's, or PGlite's, `query`), grouped into the
// waves the service sends together (Promise.all), and replayed through the driver with no API
// around them: the baseline an endpoint is compared with.

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  start: number;
  end: number;
}

interface Queryable {
  query: (...args: never[]) => unknown;
}

interface Submitted {
  text: string;
  values?: unknown[];
  once: (event: string, listener: () => void) => unknown;
}

/** A pg Query object handed to `client.query` (its rows emitted as they come). */
function isSubmitted(x: unknown): x is Submitted {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Submitted).text === 'string' &&
    typeof (x as Submitted).once === 'function'
  );
}

/** Wraps a client's `query` so that, while `sink.on` is set, each call is recorded. */
export function recordQueries(client: Queryable, sink: { on: boolean; queries: CapturedQuery[] }) {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, params] = args;
    const out = original(...args);
    if (!sink.on) return out;
    const record = (sql: string, values: unknown) => {
      const q: CapturedQuery = {
        sql,
        params: Array.isArray(values) ? [...values] : [],
        start: performance.now(),
        end: Number.NaN,
      };
      sink.queries.push(q);
      return () => {
        q.end = performance.now();
      };
    };
    if (typeof text === 'string' && out instanceof Promise) {
      const done = record(text, params);
      out.then(done, done);
    } else if (isSubmitted(text)) {
      // A statement whose rows are taken as they come (apps/api/src/db/row-stream.ts).
      const done = record(text.text, text.values);
      text.once('end', done);
      text.once('error', done);
    }
    return out;
  };
}

/** Queries sent together (before any of them answered) form one wave. */
export function toWaves(queries: CapturedQuery[]): CapturedQuery[][] {
  const sorted = [...queries].sort((a, b) => a.start - b.start);
  const waves: CapturedQuery[][] = [];
  let current: CapturedQuery[] = [];
  let firstEnd = Number.POSITIVE_INFINITY;
  for (const q of sorted) {
    if (current.length > 0 && q.start >= firstEnd) {
      waves.push(current);
      current = [];
      firstEnd = Number.POSITIVE_INFINITY;
    }
    current.push(q);
    firstEnd = Math.min(firstEnd, q.end);
  }
  if (current.length > 0) waves.push(current);
  return waves;
}

interface PgLike {
  query: (text: string, params: unknown[]) => Promise<unknown>;
}

/** Replays the waves: each wave's statements at once (on a pool), the waves one after another. */
export async function replayWaves(db: PgLike, waves: CapturedQuery[][]): Promise<void> {
  for (const wave of waves) await Promise.all(wave.map((q) => db.query(q.sql, q.params)));
}

/** Replays every statement one after another (PGlite has one connection). */
export async function replaySequential(db: PgLike, waves: CapturedQuery[][]): Promise<void> {
  for (const wave of waves) for (const q of wave) await db.query(q.sql, q.params);
}

/** A one-line name for a statement: its first table and a hint of its purpose. */
export function describeQuery(sql: string): string {
  const from = /\bfrom\s+"?([a-z_]+)"?/i.exec(sql)?.[1] ?? '?';
  const compact = sql.replace(/\s+/g, ' ');
  return `${from}: ${compact.length > 140 ? `${compact.slice(0, 137)}...` : compact}`;
}

/** Parameters inlined for a readable EXPLAIN in the docs (long lists shortened). */
export function inlineForDocs(sql: string, params: unknown[]): string {
  let out = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    if (v === null || v === undefined) return 'null';
    if (Array.isArray(v)) {
      const shown = v.slice(0, 2).map(String).join(',');
      return v.length > 2 ? `'{${shown},…}' /* ${v.length} values in all */` : `'{${shown}}'`;
    }
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v instanceof Date) return `'${v.toISOString()}'`;
    return `'${String(v).replaceAll("'", "''")}'`;
  });
  // in ('a', 'b', … 600 ids) → in ('a', 'b', … /* 598 more */)
  out = out.replace(/in \(((?:'[^']*', ){3})(?:'[^']*', )+('[^']*')\)/g, (_m, first: string) => {
    const count = (_m.match(/'[^']*'/g) ?? []).length;
    return `in (${first}… /* ${count} values in all */)`;
  });
  return out;
}
