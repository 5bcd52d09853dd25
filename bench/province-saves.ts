// Saving figures: sixteen agencies' editors each saving their own latest-quarter cells, against
// the floor any save with audit pays.

import { actorFromClaims } from '../apps/api/src/auth/auth.service.js';
import { putObservation } from '../apps/api/src/observations/observations.service.js';
import { call, login } from './harness.js';
import { compareConcurrent, compareOneClient, httpTask, type LatencyStats } from './load.js';
import { DIMENSIONS, type MeasureM, type Province } from './province-data.js';
import { claimsOf, type Recorder } from './province-scorecard.js';
import { API_PORT, ratio } from './province-settings.js';
import { toWaves } from './sql-replay.js';

export interface SaveCell {
  measureId: string;
  period: string;
  start: string;
  end: string;
  breakdown?: Record<string, string>;
}

/** Count cells (totals and parts) of an agency's latest quarter. */
export function saveCellsOf(p: Province, org: number): SaveCell[] {
  const q = p.quarters.at(-1) as Province['quarters'][number];
  const cells: SaveCell[] = [];
  for (const m of p.measures.filter((x: MeasureM) => x.org === org && x.unit === 'count')) {
    cells.push({ measureId: m.id, period: q.label, start: q.start, end: q.end });
    for (const dim of m.dims) {
      for (const v of DIMENSIONS[dim])
        cells.push({
          measureId: m.id,
          period: q.label,
          start: q.start,
          end: q.end,
          breakdown: { [dim]: v },
        });
    }
  }
  return cells;
}

export function cellFor(editors: { token: string; cells: SaveCell[] }[], i: number) {
  const n = Math.abs(i);
  const e = editors[n % editors.length] as { token: string; cells: SaveCell[] };
  return {
    token: e.token,
    cell: e.cells[Math.floor(n / editors.length) % e.cells.length] as SaveCell,
  };
}

/**
 * Saving figures: PUT of one figure by sixteen agencies' editors, each on its own latest-quarter
 * cells, against the floor any save with audit pays — one transaction that updates the figure
 * and appends its audit event, straight through pg — measured interleaved.
 */
export async function measureSaves(
  ctx: { rec: Recorder; raw: import('pg').Pool; port: number },
  editors: { token: string; cells: SaveCell[] }[],
  reps: { one: number; many: number },
) {
  // Every save changes its figure (an unchanged figure is not written or audited), and a part
  // never exceeds its total (that is refused): totals climb from a million, parts cycle 1–997
  // from 0 — the parts these editors save are set to 0 first, since a stored part could hold
  // the first value sent (the restricted-view measure plants 2s) and that save changes nothing.
  let value = 1_000_000;
  const saves = new Map<string, number>();
  const nextValue = (c: SaveCell) => {
    const key = `${c.measureId}|${JSON.stringify(c.breakdown ?? {})}`;
    const n = (saves.get(key) ?? 0) + 1;
    saves.set(key, n);
    return c.breakdown ? 1 + (n % 997) : value++;
  };
  const parts = editors.flatMap((e) => e.cells.filter((c) => c.breakdown));
  await ctx.raw.query(
    `update observations o set value = 0
       from unnest($1::uuid[], $2::date[]) as c(measure_id, period_start)
      where o.measure_id = c.measure_id and o.period_start = c.period_start
        and o.breakdown <> ''`,
    [parts.map((c) => c.measureId), parts.map((c) => c.start)],
  );
  const bodyOf = (c: SaveCell) => ({
    value: nextValue(c),
    ...(c.breakdown ? { breakdown: c.breakdown } : {}),
  });

  // The statements one save sends, recorded in process: the request's session lookup (what the
  // route's authentication reads) and the service the route calls, once the process has read
  // the configuration it caches (observations/save-config.ts) — a first save, unrecorded, reads it.
  const first = cellFor(editors, 0);
  const warmActor = await actorFromClaims(ctx.rec.db, claimsOf(first.token), null);
  await putObservation(
    ctx.rec.db,
    warmActor,
    first.cell.measureId,
    first.cell.period,
    bodyOf(first.cell),
  );
  ctx.rec.sink.queries = [];
  ctx.rec.sink.on = true;
  const actor = await actorFromClaims(ctx.rec.db, claimsOf(first.token), null);
  await putObservation(
    ctx.rec.db,
    actor,
    first.cell.measureId,
    first.cell.period,
    bodyOf(first.cell),
  );
  ctx.rec.sink.on = false;
  const recorded = ctx.rec.sink.queries;
  // A save is one statement in autocommit: no BEGIN … COMMIT (0 when there is none).
  const begin = recorded.findIndex((q) => /^begin/i.test(q.sql));
  const inTransaction =
    begin < 0 ? 0 : recorded.findIndex((q) => /^commit/i.test(q.sql)) - begin + 1;

  const endpoint = httpTask(
    {
      port: ctx.port,
      method: 'PUT',
      headers: (i) => ({ authorization: `Bearer ${cellFor(editors, i).token}` }),
      path: (i) => {
        const { cell } = cellFor(editors, i);
        return `/api/v1/measures/${cell.measureId}/observations/${cell.period}`;
      },
      body: (i) => bodyOf(cellFor(editors, i).cell),
    },
    { connections: 16 },
  );
  const floor = async (i: number) => {
    const { cell } = cellFor(editors, i);
    const breakdown = cell.breakdown
      ? Object.entries(cell.breakdown)
          .map(([k, v]) => `${k}=${v}`)
          .join(';')
      : '';
    const client = await ctx.raw.connect();
    try {
      await client.query('begin');
      const row = await client.query(
        `update observations set value = $1, version = version + 1, updated_at = now()
         where measure_id = $2 and period_start = $3 and breakdown = $4 returning id, value, version`,
        [nextValue(cell), cell.measureId, cell.start, breakdown],
      );
      await client.query(
        `insert into audit_events (actor_id, action, entity, entity_id, before, after)
         values ($1, 'bench.floor', 'bench_floor', $2, $3, $4)`,
        [
          actor.userId,
          row.rows[0]?.id ?? null,
          JSON.stringify({ value: 1 }),
          JSON.stringify(row.rows[0] ?? {}),
        ],
      );
      await client.query('commit');
      return true;
    } finally {
      client.release();
    }
  };
  // The same writes as one statement, one round trip: what a save could cost at best.
  const oneStatement = async (i: number) => {
    const { cell } = cellFor(editors, i);
    const breakdown = cell.breakdown
      ? Object.entries(cell.breakdown)
          .map(([k, v]) => `${k}=${v}`)
          .join(';')
      : '';
    await ctx.raw.query(
      `with u as (
         update observations set value = $1, version = version + 1, updated_at = now()
         where measure_id = $2 and period_start = $3 and breakdown = $4
         returning id, value, version)
       insert into audit_events (actor_id, action, entity, entity_id, before, after)
       select $5, 'bench.floor', 'bench_floor', u.id::text, null, to_jsonb(u) from u`,
      [nextValue(cell), cell.measureId, cell.start, breakdown, actor.userId],
    );
    return true;
  };
  // The save's own statement, save_figure, straight through pg with none of the API: what a
  // save costs the database alone (the session lookup aside), with the arguments the service
  // passes (observations.repository.ts saveFigure; the locking and correcting statuses of
  // reporting/period-locks.ts).
  const orgOf = new Map<string, string>();
  for (const r of (
    await ctx.raw.query(
      'select id, organization_id as org from measures where id = any($1::uuid[])',
      [editors.flatMap((e) => e.cells.map((c) => c.measureId))],
    )
  ).rows as { id: string; org: string }[]) {
    orgOf.set(r.id, r.org);
  }
  const readConfigVersion = async () =>
    Number((await ctx.raw.query('select version from config_version')).rows[0].version);
  let configVersion = await readConfigVersion();
  // What save_figure answered when it did not save (or the error it raised), by kind.
  const aloneOutcomes: Record<string, number> = {};
  const editorIds = new Map(editors.map((e) => [e.token, claimsOf(e.token).sub]));
  const saveFigureAlone = async (i: number): Promise<boolean> => {
    const { token, cell } = cellFor(editors, i);
    const org = orgOf.get(cell.measureId);
    if (!org) throw new Error(`no agency for ${cell.measureId}`);
    const entries = Object.entries(cell.breakdown ?? {});
    const value = nextValue(cell);
    const call = () =>
      ctx.raw.query(
        `select * from save_figure($1::bigint, $2::uuid, $3::uuid, string_to_array($4, ','),
         string_to_array($5, ','), $6::boolean, $7::date, $8::date, $9::text, $10::boolean,
         $11::numeric, $12::numeric, $13::numeric, $14::boolean, $15::text, $16::integer,
         $17::uuid, $18::boolean, $19::text, $20::jsonb, $21::text, string_to_array($22, ','))`,
        [
          configVersion,
          cell.measureId,
          org,
          'submitted,approved',
          'returned,reopened',
          false,
          cell.start,
          cell.end,
          entries.map(([k, v]) => `${k}=${v}`).join(';'),
          true,
          value,
          null,
          null,
          false,
          null,
          null,
          editorIds.get(token),
          true,
          cell.period,
          JSON.stringify(cell.breakdown ?? {}),
          `bench-${i}`,
          'value',
        ],
      );
    try {
      let { rows } = await call();
      // As the service does: a stale configuration version is read again and the save retried.
      if (rows[0]?.o_kind === 'stale') {
        configVersion = await readConfigVersion();
        ({ rows } = await call());
      }
      const kind = String(rows[0]?.o_kind ?? 'nothing');
      if (kind !== 'saved' && i >= 0) aloneOutcomes[kind] = (aloneOutcomes[kind] ?? 0) + 1;
      return kind === 'saved';
    } catch (err) {
      const kind = `error: ${(err as { code?: string }).code ?? (err as Error).message}`;
      if (i >= 0) aloneOutcomes[kind] = (aloneOutcomes[kind] ?? 0) + 1;
      throw err;
    }
  };
  const auditCount = async () =>
    Number(
      (
        await ctx.raw.query(
          // The API's saves only: save_figure called straight through pg marks its own.
          "select count(*)::int as n from audit_events where entity = 'observation' and request_id not like 'bench-%'",
        )
      ).rows[0].n,
    );
  try {
    let warm = 0;
    for (let i = 1; i <= 10; i++) {
      if (await endpoint.task(-i)) warm++;
      await floor(-i);
      await oneStatement(-i);
      await saveFigureAlone(-i);
    }
    const before = await auditCount();
    const one = (await compareOneClient(
      { endpoint: endpoint.task, floor, floorOneStatement: oneStatement, saveFigureAlone },
      { rounds: reps.one },
    )) as Record<'endpoint' | 'floor' | 'floorOneStatement' | 'saveFigureAlone', LatencyStats>;
    const many = (await compareConcurrent(
      { endpoint: endpoint.task, floor, floorOneStatement: oneStatement, saveFigureAlone },
      { requests: reps.many, connections: 16, blocks: 4 },
    )) as Record<'endpoint' | 'floor' | 'floorOneStatement' | 'saveFigureAlone', LatencyStats>;
    const written = (await auditCount()) - before;
    const accepted =
      one.endpoint.requests - one.endpoint.errors + (many.endpoint.requests - many.endpoint.errors);
    return {
      editors: editors.length,
      cells: editors.reduce((s, e) => s + e.cells.length, 0),
      statementsPerSave: recorded.length,
      statementsInTransaction: inTransaction,
      roundTripsPerSave: toWaves(recorded).length,
      oneClient: {
        ...one,
        endpointOverFloorP50: ratio(one.endpoint.p50, one.floor.p50),
        endpointOverFloorP95: ratio(one.endpoint.p95, one.floor.p95),
      },
      sixteenClients: {
        ...many,
        floorOverEndpointThroughput: ratio(many.floor.throughput, many.endpoint.throughput),
      },
      warmupAccepted: warm,
      rejected: endpoint.tally().statuses,
      accepted,
      auditEventsWritten: written,
      everyAcceptedSaveAudited: written === accepted,
      saveFigureAloneRefused: aloneOutcomes,
    };
  } finally {
    endpoint.close();
  }
}

/** Sixteen agencies' editors (the first is also the partner whose scorecard is read). */
export async function sixteenEditors(province: Province, adminToken: string) {
  const editors: { token: string; cells: SaveCell[] }[] = [];
  for (let k = 0; k < 16; k++) {
    const o = province.orgs[k] as Province['orgs'][number];
    const email = `editor-${o.code.toLowerCase()}@example.org`;
    const password = 'bench-editor-password';
    const user = await call<{ id: string }>(API_PORT, adminToken, 'POST', '/users', {
      email,
      name: `Editor ${o.code}`,
      password,
    });
    await call(API_PORT, adminToken, 'POST', `/users/${user.id}/roles`, {
      role: 'partner_editor',
      scopeType: 'organization',
      scopeId: o.id,
    });
    editors.push({
      token: await login(API_PORT, email, password),
      cells: saveCellsOf(province, k),
    });
  }
  return editors;
}
