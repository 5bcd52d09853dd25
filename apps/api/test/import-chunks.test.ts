// Imports on the embedded database (PGlite) applied in short chunks (issue #22,
// src/imports/import-chunks.ts): every figure and its audit event written and the journal
// emptied; other requests answered while the import commits; a conflict in a later chunk
// undoing the earlier ones, audited; a journal left by a stopped process undone at start-up.
// PGlite only: PostgreSQL commits an import in one transaction and journals nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-chain.js';
import { inTransaction } from '../src/db/transaction.js';
import { chunksOf, IMPORT_CHUNK } from '../src/imports/import-chunks.js';
import { INTERRUPTED_MESSAGE, recoverImportsAtStartup } from '../src/imports/import-jobs.js';
import { plan } from '../src/imports/import-plan.js';
import { prepareAll } from '../src/imports/import-rows.js';
import { journal } from '../src/imports/import-undo.js';
import { writeFigures } from '../src/imports/import-write.js';
import { readFile } from '../src/imports/imports.service.js';
import { getSettings } from '../src/settings/settings.service.js';
import { uniqueSuffix } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
let auth: string;
let as: Client;
let admin: Client;

const mapping = (measureId: string) => ({
  mode: 'long',
  measureId,
  period: { column: 'month', format: 'month' },
  value: { column: 'visits' },
});

function months(n: number, from = 1100): string[] {
  return Array.from({ length: n }, (_, i) => {
    const y = from + Math.floor(i / 12);
    return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
}

function csvOf(labels: string[], value: (i: number) => number) {
  return `month,visits\n${labels.map((l, i) => `${l},${value(i)}`).join('\n')}\n`;
}

function upload(measureId: string, csv: string) {
  return t
    .http()
    .post('/api/v1/imports?commit=true')
    .set('authorization', auth)
    .field('mapping', JSON.stringify(mapping(measureId)))
    .attach('file', Buffer.from(csv), 'data.csv');
}

async function monthlyCount() {
  return as.post(`/programs/${w.programA.id}/measures`, {
    code: `CH-${uniqueSuffix()}`,
    name: 'Monthly visits',
    unit: 'count',
    direction: 'up',
    periodType: 'month',
    category: 'how_much',
  });
}

async function figures(measureId: string) {
  const { rows } = await sql<{ period_start: string; value: number; version: number }>`
    select period_start::text, value::float8 as value, version from observations
    where measure_id = ${measureId} order by period_start`.execute(t.db);
  return rows;
}

async function journalRows() {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from import_undo`.execute(
    t.db,
  );
  return rows[0]?.n ?? 0;
}

/** Figures of this measure: created before the import, which the import updates. */
async function seed(measureId: string, labels: string[]) {
  const csv = csvOf(labels, (i) => i);
  const res = await upload(measureId, csv);
  expect(res.status, res.text).toBe(200);
  expect(res.body).toMatchObject({ inserted: labels.length, committed: true });
}

const onPglite = inject('testDatabase').engine === 'pglite';

beforeAll(async () => {
  if (!onPglite) return;
  t = await createTestApp();
  w = await buildWorld(t.db);
  auth = await t.login(w.users.editorA.email, w.users.editorA.password);
  as = client(t, auth);
  admin = client(t, await t.login(w.users.admin.email, w.users.admin.password));
});
afterAll(async () => t?.closeAll());

describe.runIf(onPglite)('imports on PGlite, in chunks', () => {
  it('commits every figure of a multi-chunk import, one audit event each, the journal empty', async () => {
    const m = await monthlyCount();
    const labels = months(2 * IMPORT_CHUNK + 500);
    await seed(m.id, labels.slice(0, 700)); // 700 updates, the rest inserts
    const before = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(
      t.db,
    );
    const res = await upload(
      m.id,
      csvOf(labels, (i) => i + 1),
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      inserted: labels.length - 700,
      updated: 700,
      unchanged: 0,
      committed: true,
    });
    const stored = await figures(m.id);
    expect(stored.map((f) => f.value)).toEqual(labels.map((_, i) => i + 1));
    expect(stored.filter((f) => f.version === 2)).toHaveLength(700);
    // Written by three transactions, one per chunk of 1,000 (one transaction: one xmin).
    const writers = await sql<{ n: number }>`
      select count(distinct xmin::text)::int as n from observations
      where measure_id = ${m.id}`.execute(t.db);
    expect(writers.rows[0]?.n).toBe(3);
    const events = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from audit_events
      where seq > ${before.rows[0]?.n ?? 0} group by action order by action`.execute(t.db);
    expect(events.rows).toEqual([
      { action: 'import.commit', n: 1 },
      { action: 'observation.create', n: labels.length - 700 },
      { action: 'observation.update', n: 700 },
    ]);
    // Each figure's event holds what is stored.
    const one = await as.get(`/measures/${m.id}/observations`);
    const last = one.items.at(-1);
    const trail = await admin.get(`/audit?entity=observation&entityId=${last.id}`);
    expect(trail.items[0].after).toEqual(last);
    expect(await journalRows()).toBe(0);
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true });
  });

  it('cuts the plan into chunks without splitting a period’s total from its parts', () => {
    const x = (m: string, start: string, key = '') =>
      ({ m: { id: m }, start, key }) as unknown as Parameters<typeof chunksOf>[0]['inserts'][0];
    const a = [x('m1', '2020-01-01'), x('m1', '2020-02-01'), x('m1', '2020-01-01', 'g=b')];
    const chunks = chunksOf({ inserts: a, updates: [] } as never, 2);
    expect(chunks.map((c) => c.length)).toEqual([2, 1]);
    expect(chunks[0]?.map((p) => p.start)).toEqual(['2020-01-01', '2020-01-01']);
  });

  it('answers other requests while a multi-chunk import commits', async () => {
    const m = await monthlyCount();
    const labels = months(6 * IMPORT_CHUNK);
    let importDone = false;
    const importing = upload(
      m.id,
      csvOf(labels, (i) => i),
    ).then((res) => {
      importDone = true;
      return res;
    });
    // Wait until some of the import's figures are in: a commit in one transaction shows none
    // until it is over.
    let seen = 0;
    while (!importDone && seen === 0) {
      seen = (await figures(m.id)).length;
      if (seen === 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(importDone).toBe(false);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(labels.length);
    const me = await t.http().get('/api/v1/me').set('authorization', auth);
    expect(me.status).toBe(200);
    const ready = await t.http().get('/readyz');
    expect(ready.status).toBe(200);
    expect(importDone).toBe(false);
    const res = await importing;
    expect(res.body).toMatchObject({ inserted: labels.length, committed: true });
  });

  it('undoes the chunks already written when a later chunk conflicts, and audits the undo', async () => {
    const m = await monthlyCount();
    const labels = months(6 * IMPORT_CHUNK);
    const seeded = labels.slice(0, 1500);
    await seed(m.id, seeded);
    const beforeImport = await figures(m.id);
    const seqBefore = await sql<{ n: number }>`select max(seq)::int as n from audit_events`.execute(
      t.db,
    );
    // The last line's figure is saved by someone else after the import's first chunk is in.
    const importing = upload(
      m.id,
      csvOf(labels, (i) => 10_000 + i),
    );
    let answered = false;
    void importing.then(() => {
      answered = true;
    });
    while (!answered && (await journalRows()) === 0) await new Promise((r) => setTimeout(r, 5));
    expect(answered).toBe(false);
    const lastLabel = labels.at(-1) as string;
    await as.put(`/measures/${m.id}/observations/${lastLabel}`, { value: 7 });
    const res = await importing;
    expect(res.status, res.text).toBe(409);
    expect(res.body.error.code).toBe('IMPORT_CONFLICT');
    // Every figure as before the import; the other user's save stands.
    const after = await figures(m.id);
    const saved = after.find((f) => f.period_start.startsWith(lastLabel));
    expect(saved).toMatchObject({ value: 7, version: 1 });
    const rest = after.filter((f) => f !== saved);
    expect(rest.map((f) => [f.period_start, f.value])).toEqual(
      beforeImport.map((f) => [f.period_start, f.value]),
    );
    expect(await journalRows()).toBe(0);
    // The undo is audited: the created figures deleted, the updated ones restored.
    const undo = await sql<{ action: string; n: number }>`
      select a.action, count(*)::int as n from audit_events a
      where a.seq > ${seqBefore.rows[0]?.n ?? 0} and a.actor_id = ${w.users.editorA.id}
        and a.action in ('observation.delete') group by a.action`.execute(t.db);
    const created = await sql<{ n: number }>`
      select count(*)::int as n from audit_events
      where seq > ${seqBefore.rows[0]?.n ?? 0} and action = 'observation.create'
        and actor_id = ${w.users.editorA.id}`.execute(t.db);
    // One deletion for each figure a chunk created (the other user's save is a create too).
    expect(undo.rows).toEqual([{ action: 'observation.delete', n: (created.rows[0]?.n ?? 0) - 1 }]);
    const first = after[0] as { period_start: string };
    const firstId = (await as.get(`/measures/${m.id}/observations`)).items[0];
    expect(firstId.periodStart).toBe(first.period_start);
    const trail = await admin.get(`/audit?entity=observation&entityId=${firstId.id}`);
    expect(trail.items.slice(0, 2).map((e: { action: string }) => e.action)).toEqual([
      'observation.update',
      'observation.update',
    ]);
    // Newest first: the undo put the value from before back, at a new version.
    expect(trail.items[0].before).toMatchObject({ value: 10_000, version: 2 });
    expect(trail.items[0].after).toMatchObject({ value: 0, version: 3 });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true });
  });

  it('undoes at start-up the journal of an import that stopped half-way', async () => {
    const m = await monthlyCount();
    const labels = months(3 * IMPORT_CHUNK);
    await seed(m.id, labels.slice(0, 100));
    const beforeImport = await figures(m.id);
    // A job and a synchronous import (no job) whose process stopped after their first chunk.
    const { rows } = await sql<{ id: string }>`
      insert into import_jobs (created_by, status, commit, phase, total)
      values (${w.users.editorA.id}, 'running', true, 'writing', ${labels.length})
      returning id`.execute(t.db);
    const jobId = rows[0]?.id as string;
    const actor = {
      userId: w.users.editorA.id,
      grants: [{ role: 'admin' as const, scopeType: null, scopeId: null }],
      requestId: 'chunks-test',
    };
    const applyFirstChunk = async (importId: string, file: string) => {
      const input = {
        file: Buffer.from(file),
        mapping: mapping(m.id) as never,
      };
      const { rowsRead, extracted } = await readFile(input);
      const { prepared } = await prepareAll(t.db, actor, input.mapping, extracted);
      const planned = await plan(t.db, actor, extracted, rowsRead, prepared, []);
      const chunk = chunksOf(planned, IMPORT_CHUNK)[0] as typeof prepared;
      await inTransaction(t.db, async (trx) => {
        const p = await plan(trx, actor, extracted, rowsRead, chunk, []);
        const { fiscalYearStartMonth } = await getSettings(trx);
        await journal(trx, importId, await writeFigures(trx, actor, p, fiscalYearStartMonth));
      });
    };
    // 100 updates and 900 creations: one chunk (the updates come first in the file).
    await applyFirstChunk(
      jobId,
      csvOf(labels.slice(0, IMPORT_CHUNK), (i) => 500 + i),
    );
    const orphan = '00000000-0000-4000-8000-000000000123';
    await applyFirstChunk(
      orphan,
      csvOf(labels.slice(2 * IMPORT_CHUNK), (i) => 900 + i),
    );
    // The seeded 100 (updated), 900 created by the job's chunk, 1,000 by the other's.
    expect((await figures(m.id)).length).toBe(100 + 900 + 1000);
    expect(await journalRows()).toBe(2 * IMPORT_CHUNK);

    const recovered = await recoverImportsAtStartup(t.db, 'pglite');
    expect(recovered.failed).toContain(jobId);
    expect(await journalRows()).toBe(0);
    expect((await figures(m.id)).map((f) => [f.period_start, f.value])).toEqual(
      beforeImport.map((f) => [f.period_start, f.value]),
    );
    const job = await as.get(`/imports/${jobId}`);
    expect(job).toMatchObject({
      status: 'failed',
      error: { code: 'ABANDONED', message: INTERRUPTED_MESSAGE },
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true });
  });
});
