// The world of the issue #18 tests: the shared test world, a second agency's editor, clients for
// the roles the tests read as, and CSV downloads parsed by header.
import { parse } from 'csv-parse/sync';
import { makeUser } from '../../support/factories.js';
import { buildWorld, type World } from '../../support/world.js';
import { type Client, client } from './api.js';
import { createTestApp, type TestApp } from './app.js';

export type CurvesRole = 'admin' | 'coordinator' | 'editorA' | 'editorB' | 'funder';

export interface CurvesWorld {
  t: TestApp;
  w: World;
  as: Record<CurvesRole, Client>;
}

export async function buildCurvesWorld(): Promise<CurvesWorld> {
  const t = await createTestApp();
  const w = await buildWorld(t.db);
  const editorB = await makeUser(t.db, [
    { role: 'partner_editor', scopeType: 'organization', scopeId: w.orgB.id },
  ]);
  const { admin, coordinator, editorA, funder } = w.users;
  const as = {} as Record<CurvesRole, Client>;
  for (const [who, u] of Object.entries({ admin, coordinator, editorA, editorB, funder })) {
    as[who as CurvesRole] = client(t, await t.login(u.email, u.password));
  }
  return { t, w, as };
}

/** A CSV export as text and as records by header. */
export async function csv(who: Client, url: string, query = '') {
  const res = await who.call('get', `/exports/${url}${query}`);
  return { text: res.text, rows: parse(res.text, { columns: true }) as Record<string, string>[] };
}
