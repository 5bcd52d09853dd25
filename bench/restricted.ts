// The cost of a restricted view: the collective scorecard of one table read by its coordinator
// (every figure shown) and by a funder (approved figures, small counts and the cells that would
// reveal them hidden, decided over every figure a funder can reach), turn by turn on one client.
import { createRequire } from 'node:module';
import path from 'node:path';
import { apiDir, call, login } from './harness.js';
import { compareOneClient, httpTask, type LatencyStats } from './load.js';

interface Body {
  results?: { indicators: Summary[]; programs: { measures: Summary[] }[] }[];
  sharedMeasures?: (Summary & { contributions: Summary[] })[];
}
interface Summary {
  points: { suppressed: boolean }[];
}

/** Points in a table scorecard, and how many of them are hidden. */
function countPoints(body: Body): { points: number; hidden: number } {
  const all: Summary[] = [];
  for (const r of body.results ?? []) {
    all.push(...r.indicators);
    for (const p of r.programs) all.push(...p.measures);
  }
  for (const s of body.sharedMeasures ?? []) all.push(s, ...s.contributions);
  let points = 0;
  let hidden = 0;
  for (const s of all) {
    for (const p of s.points) {
      points++;
      if (p.suppressed) hidden++;
    }
  }
  return { points, hidden };
}

async function userWithRole(port: number, adminToken: string, tableId: string, role: string) {
  const email = `${role.replace('_', '-')}-${tableId.slice(0, 8)}@example.org`;
  const password = 'bench-reader-password';
  const user = await call<{ id: string }>(port, adminToken, 'POST', '/users', {
    email,
    name: role,
    password,
  });
  await call(port, adminToken, 'POST', `/users/${user.id}/roles`, {
    role,
    scopeType: 'table',
    scopeId: tableId,
  });
  return login(port, email, password);
}

// pg is the API's dependency, not the workspace root's.
const pg = createRequire(path.join(apiDir, 'package.json'))('pg') as typeof import('pg');

/**
 * Gives one (measure, quarter) in twenty of the table's agencies' count measures a small 0–5
 * age group (2), moving the difference to its 6–11 group so that every total still adds up:
 * without small figures a funder's view would hide nothing and cost only the look for them.
 */
async function plantSmallFigures(url: string, tableId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `create temp table picked on commit drop as
         select o.measure_id, o.period_start, o.value as old
           from observations o
           join measures m on m.id = o.measure_id
           join table_partners tp on tp.organization_id = m.organization_id and tp.table_id = $1
          where m.unit = 'count' and o.breakdown = 'age_group=0_5' and o.value >= 10
            and abs(hashtext(o.measure_id::text || o.period_start::text)) % 20 = 0`,
      [tableId],
    );
    await client.query(
      `update observations o set value = 2 from picked p
        where o.measure_id = p.measure_id and o.period_start = p.period_start
          and o.breakdown = 'age_group=0_5'`,
    );
    const moved = await client.query(
      `update observations o set value = o.value + p.old - 2 from picked p
        where o.measure_id = p.measure_id and o.period_start = p.period_start
          and o.breakdown = 'age_group=6_11'`,
    );
    await client.query('commit');
    return moved.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

export async function measureRestricted(
  port: number,
  adminToken: string,
  tableId: string,
  url: string,
  reps: { one: number },
) {
  const planted = await plantSmallFigures(url, tableId);
  const path = `/api/v1/tables/${tableId}/scorecard`;
  const tokens = {
    coordinator: await userWithRole(port, adminToken, tableId, 'table_coordinator'),
    funder: await userWithRole(port, adminToken, tableId, 'funder_viewer'),
  };
  const bodies: Record<string, string> = {};
  const tasks = Object.fromEntries(
    Object.entries(tokens).map(([name, token]) => [
      name,
      httpTask(
        { port, path, headers: { authorization: `Bearer ${token}` } },
        {
          connections: 1,
          onBody: (_i, _status, body) => {
            bodies[name] = body;
          },
        },
      ),
    ]),
  );
  try {
    const one = (await compareOneClient(
      Object.fromEntries(Object.entries(tasks).map(([n, t]) => [n, t.task])),
      { rounds: reps.one, warmup: 3 },
    )) as Record<'coordinator' | 'funder', LatencyStats>;
    const funderPoints = countPoints(JSON.parse(bodies.funder ?? '{}') as Body);
    return {
      plantedSmallFigures: planted,
      oneClient: one,
      funderOverCoordinatorP50: Number((one.funder.p50 / one.coordinator.p50).toFixed(2)),
      funderOverCoordinatorP95: Number((one.funder.p95 / one.coordinator.p95).toFixed(2)),
      funderPoints,
    };
  } finally {
    for (const t of Object.values(tasks)) t.close();
  }
}
