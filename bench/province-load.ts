// Loading the province (bench/province-data.ts) into PostgreSQL by COPY, step by step, and the
// community into PGlite by batched INSERT … json_populate_recordset.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { openPglite } from '../apps/api/src/db/database.js';
import {
  csvChunks,
  jsonBatches,
  type Province,
  stepRows,
  type TableRows,
} from './province-data.js';
import { copyFrom, pg, r2 } from './province-settings.js';

export async function copyTable(
  client: import('pg').PoolClient | import('pg').Client,
  t: TableRows,
) {
  let count = 0;
  const counted = (function* () {
    for (const row of t.rows) {
      count++;
      yield row;
    }
  })();
  const stream = client.query(
    copyFrom(`copy ${t.table} (${t.columns.join(', ')}) from stdin with (format csv)`),
  );
  await pipeline(Readable.from(csvChunks(counted)), stream);
  return count;
}

export async function loadStepPg(url: string, p: Province, step: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  const started = performance.now();
  for (const t of stepRows(p, step)) counts[t.table] = await copyTable(client, t);
  const copySeconds = (performance.now() - started) / 1000;
  const vacuumStarted = performance.now();
  await client.query('vacuum (analyze)');
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  await client.end();
  return { counts, copySeconds: r2(copySeconds), vacuumAnalyzeSeconds: r2(vacuumSeconds) };
}

export async function loadPglite(client: Awaited<ReturnType<typeof openPglite>>, p: Province) {
  const counts: Record<string, number> = {};
  const started = performance.now();
  for (const t of stepRows(p, 0)) {
    const cols = t.columns.join(', ');
    let n = 0;
    for (const batch of jsonBatches(t)) {
      await client.query(
        `insert into ${t.table} (${cols}) select ${cols} from json_populate_recordset(null::${t.table}, $1::json)`,
        [JSON.stringify(batch)],
      );
      n += batch.length;
    }
    counts[t.table] = n;
  }
  return { counts, seconds: r2((performance.now() - started) / 1000) };
}
