// The world of the permission matrix and of the cross-id checks: buildWorld's parties plus a
// funder scoped to agency A, a user with no role at all and an indicator of the other table,
// with every user of the matrix signed in.
import type { Actor } from '../../src/access/actor.js';
import { createIndicator } from '../../src/measures/measures.service.js';
import { makeUser } from '../../support/factories.js';
import { buildWorld } from '../../support/world.js';
import type { TestApp } from '../helpers/app.js';
import { type Ctx, WHO, type Who } from './table.js';

export async function buildMatrixContext(
  t: TestApp,
  requestId: string,
): Promise<{ c: Ctx; auth: Record<Who, string> }> {
  const w = await buildWorld(t.db);
  const funderA = await makeUser(t.db, [
    { role: 'funder_viewer', scopeType: 'organization', scopeId: w.orgA.id },
  ]);
  const stranger = await makeUser(t.db);
  const system: Actor = {
    userId: w.users.admin.id,
    grants: [{ role: 'admin', scopeType: null, scopeId: null }],
    requestId,
  };
  const otherIndicator = await createIndicator(t.db, system, w.otherResult.id, {
    code: 'ADULTS-WELL',
    name: 'Adults reporting good health',
    unit: 'percent',
    aggregation: 'mean',
    direction: 'up',
    periodType: 'year',
  });
  const people = { ...w.users, funderA };
  const c: Ctx = {
    db: t.db,
    w,
    system,
    userIds: Object.fromEntries(WHO.map((who) => [who, people[who].id])) as Ctx['userIds'],
    credentials: Object.fromEntries(
      WHO.map((who) => [who, { email: people[who].email, password: people[who].password }]),
    ) as Ctx['credentials'],
    strangerId: stranger.id,
    otherIndicatorId: otherIndicator.id,
  };
  const auth = {} as Record<Who, string>;
  for (const who of WHO)
    auth[who] = await t.login(c.credentials[who].email, c.credentials[who].password);
  return { c, auth };
}
