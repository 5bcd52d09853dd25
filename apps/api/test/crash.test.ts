// Crashes: the real server (apps/api/src/server.ts through tsx) as a child process, killed with
// SIGKILL, restarted on the same data, and checked both through its API and by opening the
// database directly. On the engine of the run (PGlite, or PostgreSQL with TEST_DATABASE_URL):
//   - SIGKILL in the middle of a 100,000-row import commit: nothing of it is left (on
//     PostgreSQL nothing was written; on PGlite, which commits it in short transactions, the
//     chunks written are undone from the import's journal at the restart), the restart is clean
//     (on PGlite the dead process's data-directory lock is taken over), and the job is closed as
//     interrupted (heartbeat recovery) instead of showing "running" forever; on PostgreSQL, a
//     second live process starting and reading a running job leaves it alone.
//   - PGlite only: SIGKILL at random moments of continuous saves and imports, several rounds:
//     every acknowledged write survives, no unacknowledged one is half there, and the reopened
//     database answers a scorecard and an export.
// In process, a running job whose heartbeat is old closed when read: crash-recovery.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_MESSAGE } from '../src/imports/import-jobs.js';
import {
  type Body,
  call,
  cleanups,
  counts,
  DURABILITY_ROUNDS,
  engine,
  freshStore,
  IMPORT_SIZE,
  importForm,
  kill,
  login,
  MEASURES,
  MONTHS,
  months,
  must,
  openDirect,
  pause,
  type Server,
  setUp,
  startServer,
} from './crash-support.js';

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

describe(`crashes on ${engine}`, () => {
  it('SIGKILL in the middle of a 100,000-row import: nothing of it left, clean restart, the job closed', async () => {
    const store = await freshStore();
    const s1 = await startServer(store.env);
    const token = await login(s1);
    const { org, measures } = await setUp(s1, token, MEASURES, 'CR');
    // A few figures before the import, outside the file's months.
    for (const [k, m] of measures.slice(0, 5).entries()) {
      await must(s1, 'PUT', `/measures/${m.id}/observations/1900-01`, {
        token,
        body: { value: k + 1 },
      });
    }
    const labels = months(MONTHS);
    const lines = ['measure,month,value'];
    for (const m of measures)
      for (const [i, l] of labels.entries()) lines.push(`${m.code},${l},${i}`);
    const csv = `${lines.join('\n')}\n`;
    const mapping = {
      mode: 'long',
      measure: { column: 'measure', by: 'code' },
      period: { column: 'month', format: 'month' },
      value: { column: 'value' },
    };
    const accepted = await must(s1, 'POST', '/imports?commit=true&async=true', {
      token,
      form: importForm(csv, mapping),
    });
    const jobId = accepted.jobId as string;
    // Wait until the commit's transaction is open, then kill the server inside it.
    const started = Date.now();
    let job: Body = null;
    let inTransaction = false;
    const until = Date.now() + 300_000;
    if (store.env.DATABASE_URL) {
      // PostgreSQL: the job reads "writing", and the import's transaction is seen at work.
      while (Date.now() < until) {
        job = await must(s1, 'GET', `/imports/${jobId}`, { token });
        if (job.status !== 'running' || job.phase === 'writing') break;
        await pause(10);
      }
      const watcher = new pg.Client({ connectionString: store.env.DATABASE_URL });
      await watcher.connect();
      while (Date.now() < until && !inTransaction) {
        const { rows } = await watcher.query(
          `select count(*)::int as n from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid()
             and xact_start is not null and query ilike '%observations%'`,
        );
        inTransaction = rows[0].n > 0;
        if (!inTransaction) await pause(5);
      }
      await watcher.end();
      await pause(100);
    } else {
      // PGlite applies a large import in short transactions, answering other requests between
      // them (imports/import-chunks.ts): once the file's first measure shows figures of the
      // file, chunks have committed and the import's journal holds them; the kill comes while
      // the rest is still being written.
      const first = measures[0] as { id: string };
      while (Date.now() < until && !inTransaction) {
        job = await must(s1, 'GET', `/imports/${jobId}`, { token });
        if (job.status !== 'running') break;
        const listed = await must(s1, 'GET', `/measures/${first.id}/observations`, { token });
        inTransaction = listed.items.length > 1;
        if (!inTransaction) await pause(20);
      }
    }
    // Never seen finished; and the job row, read directly below, says "writing".
    expect(job?.status ?? 'running', JSON.stringify(job)).toBe('running');
    expect(inTransaction).toBe(true);
    const killedAfter = Date.now() - started;
    await kill(s1, 'SIGKILL');
    expect(s1.child.signalCode).toBe('SIGKILL');

    // Opened directly before any restart: all or nothing, and the job still says running.
    const direct = await openDirect(store);
    const after = await counts(direct.db);
    const stale = await sql<{ status: string; phase: string }>`
      select status, phase from import_jobs where id = ${jobId}`.execute(direct.db);
    expect(stale.rows[0]).toMatchObject({ status: 'running', phase: 'writing' });
    let written = 0;
    if (store.env.DATABASE_URL) {
      // Nothing of the import: the five figures from before and their five audit events only.
      expect(after).toEqual({ observations: 5, events: 5, commits: 0 });
    } else {
      // Part of the import is in, each figure with its event, and the journal to undo it.
      written = after.observations - 5;
      expect(written).toBeGreaterThan(0);
      expect(after).toEqual({ observations: 5 + written, events: 5 + written, commits: 0 });
      const journal = await sql<{ n: number }>`
        select count(*)::int as n from import_undo where import_id = ${jobId}`.execute(direct.db);
      expect(journal.rows[0]?.n).toBe(written);
    }
    if (store.env.DATABASE_URL) {
      // The dead process's heartbeat is recent: another process cannot tell it from a live one
      // yet. Time passes (the job has not beaten since the kill); the next start closes it.
      await sql`update import_jobs set heartbeat_at = now() - interval '5 minutes'
                where id = ${jobId}`.execute(direct.db);
    }
    await direct.close();

    const s2 = await startServer(store.env);
    if (!store.env.DATABASE_URL) {
      // The killed process's lock was taken over by the new one.
      expect(readFileSync(path.join(store.dataDir, 'rba.lock'), 'utf8')).toBe(String(s2.child.pid));
    }
    expect((await call(s2, 'GET', '/readyz')).status).toBe(200);
    const token2 = await login(s2);
    const closed = await must(s2, 'GET', `/imports/${jobId}`, { token: token2 });
    expect(closed).toMatchObject({
      status: 'failed',
      phase: 'abandoned',
      error: { code: 'ABANDONED', message: INTERRUPTED_MESSAGE },
    });
    expect(closed.finishedAt).not.toBeNull();
    const trail = await must(s2, 'GET', `/audit?entity=import&entityId=${jobId}`, {
      token: token2,
    });
    expect(trail.items.map((e: Body) => e.action)).toEqual(['import.interrupted']);
    expect(trail.items[0].actorId).toBeNull();
    expect(trail.items[0].before).toMatchObject({ status: 'running', phase: 'writing' });
    // The export answers and holds exactly the five figures from before.
    const exported = await call(
      s2,
      'GET',
      `/api/v1/exports/observations.csv?organizationId=${org.id}`,
      {
        token: token2,
      },
    );
    expect(exported.status).toBe(200);
    expect(exported.text.trim().split('\n')).toHaveLength(1 + 5);

    // The same import, run again, commits in full. On PostgreSQL a second process starts while
    // it runs and reads the job: a live process's job is never taken for an interrupted one.
    const again = await must(s2, 'POST', '/imports?commit=true&async=true', {
      token: token2,
      form: importForm(csv, mapping),
    });
    let s3: Server | undefined;
    let final: Body = null;
    const reads: string[] = [];
    if (store.env.DATABASE_URL) {
      s3 = await startServer(store.env);
      const token3 = await login(s3);
      const end = Date.now() + 180_000;
      while (Date.now() < end) {
        final = await must(s3, 'GET', `/imports/${again.jobId}`, { token: token3 });
        reads.push(final.status);
        if (final.status !== 'running') break;
        await pause(50);
      }
      expect(reads).toContain('running');
    } else {
      const end = Date.now() + 180_000;
      while (Date.now() < end) {
        final = await must(s2, 'GET', `/imports/${again.jobId}`, { token: token2 });
        if (final.status !== 'running') break;
        await pause(200);
      }
    }
    expect(final, JSON.stringify(final)).toMatchObject({
      status: 'done',
      report: { committed: true, inserted: MEASURES * MONTHS },
    });
    if (s3) await kill(s3, 'SIGTERM');
    await kill(s2, 'SIGTERM');
    const reopened = await openDirect(store);
    // On PGlite the killed import's figures were written, then undone at the restart: an event
    // each way for every one of them.
    expect(await counts(reopened.db)).toEqual({
      observations: 5 + MEASURES * MONTHS,
      events: 5 + MEASURES * MONTHS + 2 * written,
      commits: 1,
    });
    const undone = await sql<{ n: number }>`
      select count(*)::int as n from audit_events where action = 'observation.delete'`.execute(
      reopened.db,
    );
    expect(undone.rows[0]?.n).toBe(written);
    const journals = await sql<{ n: number }>`
      select count(*)::int as n from import_undo`.execute(reopened.db);
    expect(journals.rows[0]?.n).toBe(0);
    const jobs = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from import_jobs group by status order by status`.execute(
      reopened.db,
    );
    expect(jobs.rows).toEqual([
      { status: 'done', n: 1 },
      { status: 'failed', n: 1 },
    ]);
    await reopened.close();
    console.log(
      `crash on ${engine}: SIGKILL ${killedAfter} ms after the upload, during the commit of ${MEASURES * MONTHS} rows; ${written} of the import's figures written before it and undone at the restart, 5 figures left (none of the import), the job closed as interrupted; the re-run committed ${final.report.inserted}`,
    );
  }, 600_000);

  it.runIf(engine === 'pglite')(
    'PGlite: SIGKILL at random moments of saves and imports loses no acknowledged write',
    async () => {
      const store = await freshStore();
      let server = await startServer(store.env);
      let token = await login(server);
      const { org, table, measures } = await setUp(server, token, 9, 'DU');
      const saveMeasures = measures.slice(0, 8);
      const importMeasure = measures[8] as { id: string; code: string };
      /** Acknowledged saves, per cell: value and version; sent but unanswered, per cell. */
      const acked = new Map<string, { value: number; version: number }[]>();
      const pending = new Map<string, number[]>();
      /** Imports: acknowledged, and sent but unanswered (their month block's first value). */
      const importsAcked: number[] = [];
      const importsPending: number[] = [];
      const cellKey = (measureId: string, month: string) => `${measureId}|${month}`;
      const figures = { acked: 0, unacknowledged: 0, unacknowledgedPresent: 0, kills: 0 };
      let next = 1;

      for (let round = 0; round < DURABILITY_ROUNDS; round++) {
        let stop = false;
        const saver = async (k: number) => {
          const m = saveMeasures[k] as { id: string };
          const cells = months(6, 2000 + k);
          let i = 0;
          while (!stop) {
            const month = cells[i++ % cells.length] as string;
            const key = cellKey(m.id, month);
            const value = next++;
            pending.set(key, [...(pending.get(key) ?? []), value]);
            try {
              const r = await call(
                server,
                'PUT',
                `/api/v1/measures/${m.id}/observations/${month}`,
                {
                  token,
                  body: { value },
                },
              );
              if (r.status !== 200) throw new Error(`save → ${r.status} ${r.text}`);
              acked.set(key, [...(acked.get(key) ?? []), { value, version: r.body.version }]);
              pending.set(
                key,
                (pending.get(key) ?? []).filter((v) => v !== value),
              );
              figures.acked++;
            } catch (err) {
              if (!stop) throw err;
              return; // the server died with this save in flight: it stays pending
            }
          }
        };
        const importer = async () => {
          let n = 0;
          while (!stop) {
            const first = 1_000_000 + round * 10_000 + n++ * 100;
            const labels = months(IMPORT_SIZE, 1900 + round * 20 + (n % 4) * 5);
            const csv = `month,value\n${labels.map((l, j) => `${l},${first + j}`).join('\n')}\n`;
            importsPending.push(first);
            try {
              const r = await call(server, 'POST', '/api/v1/imports?commit=true', {
                token,
                form: importForm(csv, {
                  mode: 'long',
                  measureId: importMeasure.id,
                  period: { column: 'month', format: 'month' },
                  value: { column: 'value' },
                }),
              });
              if (r.status !== 200) throw new Error(`import → ${r.status} ${r.text}`);
              importsPending.splice(importsPending.indexOf(first), 1);
              importsAcked.push(first);
            } catch (err) {
              if (!stop) throw err;
              return;
            }
          }
        };
        const loops = [...saveMeasures.map((_, k) => saver(k)), importer()];
        await pause(1500 + Math.random() * 2500);
        stop = true;
        await kill(server, 'SIGKILL');
        figures.kills++;
        await Promise.all(loops);

        // Reopened directly: every acknowledged write is there; an unacknowledged one is there
        // whole (row and audit event) or not at all.
        const direct = await openDirect(store);
        for (const m of saveMeasures) {
          const rows = await direct.db
            .selectFrom('observations')
            .select(['id', 'period_start', 'value', 'version'])
            .where('measure_id', '=', m.id)
            .execute();
          for (const row of rows) {
            const month = row.period_start.slice(0, 7);
            const key = cellKey(m.id, month);
            const last = acked.get(key)?.at(-1);
            const inFlight = pending.get(key) ?? [];
            const events = await direct.db
              .selectFrom('audit_events')
              .select(['after'])
              .where('entity', '=', 'observation')
              .where('entity_id', '=', row.id)
              .orderBy('id')
              .execute();
            // One audit event per version, the last describing what is stored.
            expect(events).toHaveLength(row.version);
            expect((events.at(-1)?.after as Body)?.value).toBe(row.value);
            if (last && row.version === last.version) {
              expect(row.value).toBe(last.value);
            } else {
              // Newer than any acknowledgement: a save in flight at the kill that committed.
              expect(row.version).toBe((last?.version ?? 0) + 1);
              expect(inFlight).toContain(row.value);
              figures.unacknowledgedPresent++;
            }
          }
          // No acknowledged cell is missing.
          const present = new Set(rows.map((r) => cellKey(m.id, r.period_start.slice(0, 7))));
          for (const key of acked.keys())
            if (key.startsWith(`${m.id}|`)) expect(present.has(key), key).toBe(true);
        }
        // Imports: each acknowledged one is there in full; an unacknowledged one in full or not.
        const imported = await direct.db
          .selectFrom('observations')
          .select(['value'])
          .where('measure_id', '=', importMeasure.id)
          .execute();
        // Every figure of the import measure came from one import or another.
        for (const r of imported) expect(r.value).toBeGreaterThanOrEqual(1_000_000);
        for (const first of importsAcked) {
          // A later import of the same months may have replaced it: look in the audit trail.
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from audit_events
            where entity = 'observation' and (after->>'value')::numeric between ${first} and ${first + IMPORT_SIZE - 1}`.execute(
            direct.db,
          );
          expect(rows[0]?.n, `import ${first}`).toBe(IMPORT_SIZE);
        }
        for (const first of importsPending) {
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from audit_events
            where entity = 'observation' and (after->>'value')::numeric between ${first} and ${first + IMPORT_SIZE - 1}`.execute(
            direct.db,
          );
          expect([0, IMPORT_SIZE], `import ${first} in flight`).toContain(rows[0]?.n);
          if (rows[0]?.n === IMPORT_SIZE) figures.unacknowledgedPresent++;
        }
        await direct.close();
        figures.unacknowledged += [...pending.values()].reduce((n, v) => n + v.length, 0);
        figures.unacknowledged += importsPending.length;
        // In-flight writes are settled now: forget them for the next round.
        for (const [key, inFlight] of pending) {
          if (inFlight.length === 0) continue;
          pending.set(key, []);
          // What the database kept becomes the last known state of the cell.
        }
        importsPending.length = 0;

        // Restarted: ready, and it answers a full scorecard and an export.
        server = await startServer(store.env);
        token = await login(server);
        const card = await call(server, 'GET', `/api/v1/tables/${table.id}/scorecard`, { token });
        expect(card.status).toBe(200);
        const orgCard = await call(server, 'GET', `/api/v1/organizations/${org.id}/scorecard`, {
          token,
        });
        expect(orgCard.status).toBe(200);
        const exported = await call(
          server,
          'GET',
          `/api/v1/exports/observations.csv?organizationId=${org.id}`,
          { token },
        );
        expect(exported.status).toBe(200);
        // Resynchronise what the client knows with what the database kept.
        for (const m of saveMeasures) {
          const listed = await must(server, 'GET', `/measures/${m.id}/observations`, { token });
          for (const o of listed.items as Body[]) {
            const key = cellKey(m.id, o.period as string);
            const known = acked.get(key) ?? [];
            if (known.at(-1)?.version !== o.version)
              acked.set(key, [...known, { value: o.value, version: o.version }]);
          }
        }
      }
      await kill(server, 'SIGTERM');
      console.log(
        `PGlite SIGKILL durability: ${figures.kills} kills, ${figures.acked} acknowledged saves and ${importsAcked.length} acknowledged imports all present; ${figures.unacknowledged} writes in flight at the kills, ${figures.unacknowledgedPresent} of them committed whole, none half`,
      );
    },
    600_000,
  );
});
