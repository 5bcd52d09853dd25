// What the audit hash chain costs (issue #11, item 10): saves per second through the real
// save service (one observation and its audit event per transaction) with 1 and 16 concurrent
// writers, and one bulk audit insert of 20,000 events (an import's per-figure audit rows),
// each on a database with the chain and on a baseline without it, in the same run on one
// throw-away PostgreSQL. `pnpm bench:audit-chain`; writes bench/results/audit-chain.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Actor } from '../apps/api/src/access/actor.js';
import { appendAuditEvents } from '../apps/api/src/audit/audit.repository.js';
import { kyselyOverPg } from '../apps/api/src/db/database.js';
import { migrateToLatest } from '../apps/api/src/db/migrate.js';
import type { Db } from '../apps/api/src/db/schema.js';
import { inTransaction } from '../apps/api/src/db/transaction.js';
import { putObservation } from '../apps/api/src/observations/observations.service.js';
import { buildWorld } from '../apps/api/support/world.js';
import { apiDir, log, machine, pgServer, root, withDatabase } from './harness.js';

// The bench folder has no node_modules of its own: kysely and pg come from the API package.
const requireFromApi = createRequire(path.join(apiDir, 'package.json'));
const pg = requireFromApi('pg') as typeof import('pg');
const { sql } = requireFromApi('kysely') as typeof import('kysely');

const PG_DIR = '/tmp/pg-bench-audit-chain';
const PG_PORT = 55622;
const SECONDS = Number(process.env.AUDIT_BENCH_SECONDS ?? 5);
const BULK = 20_000;

async function createDatabase(url: string, name: string): Promise<Db> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const { db } = kyselyOverPg(withDatabase(url, name), 20);
  await migrateToLatest(db);
  return db;
}

/** The baseline: the same schema with the chain's trigger and constraints taken off. */
async function removeChain(db: Db) {
  await sql`drop trigger audit_events_chain on audit_events`.execute(db);
  await sql`drop trigger audit_events_chain_head on audit_events`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_seq_unique`.execute(db);
  await sql`alter table audit_events alter column seq drop not null, alter column prev_hash drop not null, alter column hash drop not null`.execute(
    db,
  );
}

/** Saves per second with `writers` concurrent loops, each on its own cells (no row conflicts). */
async function saves(db: Db, actor: Actor, measureIds: string[], writers: number) {
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const measureId = measureIds[w % measureIds.length] as string;
      for (let i = 0; Date.now() < until; i++) {
        // Writer w's own block of fiscal quarters; the value changes each round, so every
        // save writes the figure and an audit event.
        const year = 1900 + (w % 8) * 12 + (i % 12);
        const label = `FY${year}-${String((year + 1) % 100).padStart(2, '0')}-Q${(Math.floor(w / 8) % 4) + 1}`;
        try {
          await putObservation(db, actor, measureId, label, { value: i + 1 });
          done++;
        } catch (err) {
          errors++;
          if (errors < 3) log(`save failed: ${(err as Error).message}`);
        }
      }
    }),
  );
  return { perSecond: Math.round(done / SECONDS), saves: done, errors };
}

async function bulkAudit(db: Db, actorId: string) {
  const events = Array.from({ length: BULK }, (_, i) => ({
    action: 'observation.create',
    entityId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    before: null,
    after: { value: i, period: '2025-Q1', status: 'draft' },
  }));
  const started = performance.now();
  await inTransaction(db, (trx) =>
    appendAuditEvents(trx, { actorId, requestId: 'bench', entity: 'observation' }, events),
  );
  return Math.round(performance.now() - started);
}

async function main() {
  const url = pgServer('start', PG_DIR, PG_PORT);
  const results: Record<string, unknown> = { machine: machine(), seconds: SECONDS };
  try {
    const chained = await createDatabase(url, 'bench_chain');
    const baseline = await createDatabase(url, 'bench_baseline');
    await removeChain(baseline);
    const setups = new Map<string, { db: Db; actor: Actor; measures: string[] }>();
    for (const [name, db] of [
      ['baseline', baseline],
      ['chain', chained],
    ] as const) {
      const w = await buildWorld(db);
      const actor: Actor = {
        userId: w.users.admin.id,
        grants: [{ role: 'admin', scopeType: null, scopeId: null }],
        requestId: 'bench',
      };
      setups.set(name, { db, actor, measures: [w.countA.id, w.countB.id, w.countX.id] });
    }
    const table: Record<string, Record<string, number>> = {};
    // Interleaved (baseline, chain, baseline, chain) so that drift on a shared box hits both.
    for (const writers of [1, 16]) {
      for (const round of [1, 2]) {
        for (const name of ['baseline', 'chain'] as const) {
          const s = setups.get(name);
          if (!s) continue;
          const r = await saves(s.db, s.actor, s.measures, writers);
          const key = `${name} ${writers} writer${writers > 1 ? 's' : ''}`;
          table[key] = { ...(table[key] ?? {}), [`round${round}`]: r.perSecond, errors: r.errors };
          log(`${key}, round ${round}: ${r.perSecond} saves/s (${r.errors} errors)`);
        }
      }
    }
    const best = (k: string) => Math.max(table[k]?.round1 ?? 0, table[k]?.round2 ?? 0);
    const ratios = {
      '1 writer': best('chain 1 writer') / best('baseline 1 writer'),
      '16 writers': best('chain 16 writers') / best('baseline 16 writers'),
    };
    const bulk: Record<string, number> = {};
    for (const name of ['baseline', 'chain'] as const) {
      const s = setups.get(name);
      if (!s) continue;
      bulk[`${name} ms`] = await bulkAudit(s.db, s.actor.userId);
      log(`${name}: one INSERT … SELECT of ${BULK} audit events in ${bulk[`${name} ms`]} ms`);
    }
    results.saves = table;
    results.ratios = ratios;
    results.bulk = {
      events: BULK,
      ...bulk,
      ratio: (bulk['chain ms'] ?? 0) / (bulk['baseline ms'] ?? 1),
    };
    log(
      `\nsaves/s, chain ÷ baseline (best of two rounds): 1 writer ${ratios['1 writer'].toFixed(2)}, 16 writers ${ratios['16 writers'].toFixed(2)}`,
    );
    log(
      `bulk audit insert of ${BULK}: chain ÷ baseline ${(results.bulk as { ratio: number }).ratio.toFixed(2)}`,
    );
    const chainCheck = await sql<{ n: number; gaps: number }>`
      select count(*)::int as n, (max(seq) - min(seq) + 1 - count(*))::int as gaps from audit_events`.execute(
      chained,
    );
    results.chainAfterRun = chainCheck.rows[0];
    log(`chain after the run: ${JSON.stringify(chainCheck.rows[0])}`);
    await chained.destroy();
    await baseline.destroy();
  } finally {
    pgServer('stop', PG_DIR, PG_PORT);
  }
  const out = path.join(root, 'bench/results/audit-chain.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(root, out)}`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
