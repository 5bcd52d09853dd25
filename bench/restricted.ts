// The cost of a restricted view: the collective scorecard of one table read by its coordinator
// (every figure shown) and by a funder (approved figures, small counts and the cells that would
// reveal them hidden, decided over every figure a funder can reach), turn by turn on one client.
import { call, login } from './harness.js';
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

export async function measureRestricted(
  port: number,
  adminToken: string,
  tableId: string,
  reps: { one: number },
) {
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
      oneClient: one,
      funderOverCoordinatorP50: Number((one.funder.p50 / one.coordinator.p50).toFixed(2)),
      funderOverCoordinatorP95: Number((one.funder.p95 / one.coordinator.p95).toFixed(2)),
      funderPoints,
    };
  } finally {
    for (const t of Object.values(tasks)) t.close();
  }
}
