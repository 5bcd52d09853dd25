// Conditional GETs of the scorecards and series (plugins/conditional-get.ts) over the data
// version the database keeps (migration 20261207020000-data-version): 304 with no body while
// nothing the answer shows has changed, a new tag as soon as a change commits, never a tag shared
// between callers or languages; the version itself never goes back and counts only commits.
import {
  organizationScorecardSchema,
  seriesResponseSchema,
  tableScorecardSchema,
} from '@rba/schema';
import { sql } from 'kysely';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compactDataVersion,
  currentDataVersion,
} from '../src/data-version/data-version.service.js';
import { noneMatch } from '../src/plugins/conditional-get.js';
import { buildWorld, WORLD_PERIOD, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
let tokens: Record<'admin' | 'coordinator' | 'funder' | 'editorA' | 'member', string>;
let editorA: Client;
let coordinator: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: { email: string; password: string }) => t.login(u.email, u.password);
  tokens = {
    admin: await login(w.users.admin),
    coordinator: await login(w.users.coordinator),
    funder: await login(w.users.funder),
    editorA: await login(w.users.editorA),
    member: await login(w.users.member),
  };
  editorA = client(t, tokens.editorA);
  coordinator = client(t, tokens.coordinator);
  admin = client(t, tokens.admin);
});
afterAll(async () => t?.closeAll());

function get(url: string, auth?: string, headers: Record<string, string> = {}): supertest.Test {
  let req = t.http().get(`/api/v1${url}`);
  if (auth) req = req.set('authorization', auth);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req;
}

/** A first GET (200 with a tag), then the same with If-None-Match: the tag, and the second status. */
async function revisit(url: string, auth?: string, headers: Record<string, string> = {}) {
  const first = await get(url, auth, headers);
  expect(first.status).toBe(200);
  const etag = first.headers.etag as string;
  expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
  const again = await get(url, auth, { ...headers, 'if-none-match': etag });
  return { first, etag, again };
}

const tableUrl = () => `/tables/${w.table.id}/scorecard`;

describe('a repeated GET', () => {
  it('answers 304 with no body and the same tag, for each conditional route', async () => {
    const routes = [
      tableUrl(),
      `/organizations/${w.orgA.id}/scorecard`,
      `/measures/${w.countA.id}/series`,
      `${tableUrl()}?points=4`,
    ];
    for (const url of routes) {
      const { first, etag, again } = await revisit(url, tokens.admin);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      expect(String(first.headers.vary)).toMatch(/accept-language/i);
      expect(again.status, url).toBe(304);
      expect(again.text ?? '').toBe('');
      expect(again.headers['content-length'] ?? '0').toBe('0');
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe('private, no-cache');
    }
  });

  it('takes the tag in a list, weak or strong; another tag gets the whole answer', async () => {
    const { etag } = await revisit(tableUrl(), tokens.coordinator);
    const strong = etag.replace(/^W\//, '');
    const listed = await get(tableUrl(), tokens.coordinator, {
      'if-none-match': `W/"nope", ${strong}`,
    });
    expect(listed.status).toBe(304);
    const other = await get(tableUrl(), tokens.coordinator, { 'if-none-match': 'W/"nope"' });
    expect(other.status).toBe(200);
    expect(other.body.table.id).toBe(w.table.id);
    expect(noneMatch(undefined, etag)).toBe(false);
  });

  it('still checks the session first: a 304 is never given without one', async () => {
    const { etag } = await revisit(tableUrl(), tokens.coordinator);
    const anonymous = await get(tableUrl(), undefined, { 'if-none-match': etag });
    expect(anonymous.status).toBe(401);
  });

  it('answers HEAD alike', async () => {
    const { etag } = await revisit(tableUrl(), tokens.coordinator);
    const head = await t
      .http()
      .head(`/api/v1${tableUrl()}`)
      .set('authorization', tokens.coordinator)
      .set('if-none-match', etag);
    expect(head.status).toBe(304);
  });

  it('does not tag errors', async () => {
    const res = await get(`/tables/${w.otherTable.id}/scorecard`, tokens.coordinator);
    expect(res.status).toBe(404);
    expect(res.headers.etag).toBeUndefined();
  });
});

describe('a change that commits gives a new tag', () => {
  const changes: [string, () => Promise<unknown>][] = [
    [
      'a figure saved',
      () => editorA.put(`/measures/${w.countA.id}/observations/${WORLD_PERIOD}`, { value: 13 }),
    ],
    [
      'a target set',
      () => editorA.put(`/measures/${w.countA.id}/targets/FY2025-26-Q2`, { value: 20 }),
    ],
    [
      'a measure renamed',
      () => admin.call('patch', `/measures/${w.countA.id}`, { name: 'Served' }),
    ],
    [
      'a period submitted and approved',
      async () => {
        await editorA.post(`/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/submit`);
        await coordinator.post(`/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/approve`);
      },
    ],
  ];
  for (const [what, change] of changes) {
    it(`after ${what}: 200 with a new tag, then 304 on that one`, async () => {
      const { etag: before, again } = await revisit(tableUrl(), tokens.coordinator);
      expect(again.status).toBe(304);
      await change();
      const after = await get(tableUrl(), tokens.coordinator, { 'if-none-match': before });
      expect(after.status).toBe(200);
      expect(after.headers.etag).not.toBe(before);
      const settled = await get(tableUrl(), tokens.coordinator, {
        'if-none-match': after.headers.etag as string,
      });
      expect(settled.status).toBe(304);
    });
  }

  it('the approved figure shows in the answer that carries the new tag', async () => {
    const card = await get(tableUrl(), tokens.coordinator);
    const program = card.body.results[0].programs.find(
      (p: { id: string }) => p.id === w.programA.id,
    );
    const served = program.measures.find((m: { measureId: string }) => m.measureId === w.countA.id);
    expect(served.name).toBe('Served');
    expect(served.points.at(-1).value).toBe(13);
  });
});

describe('tags are never shared', () => {
  it('between two callers of the same table (a funder and a coordinator)', async () => {
    const asCoordinator = await get(tableUrl(), tokens.coordinator);
    const asFunder = await get(tableUrl(), tokens.funder);
    expect(asCoordinator.status).toBe(200);
    expect(asFunder.status).toBe(200);
    expect(asFunder.body.view).toBe('restricted');
    expect(asFunder.headers.etag).not.toBe(asCoordinator.headers.etag);
    // The funder's tag does not open the coordinator's answer, nor the other way round.
    const crossed = await get(tableUrl(), tokens.funder, {
      'if-none-match': asCoordinator.headers.etag as string,
    });
    expect(crossed.status).toBe(200);
    expect(crossed.body.view).toBe('restricted');
  });

  it('between ?lang=fr and ?lang=en, nor saved languages', async () => {
    const en = await get(`${tableUrl()}?lang=en`, tokens.coordinator);
    const fr = await get(`${tableUrl()}?lang=fr`, tokens.coordinator, {
      'if-none-match': en.headers.etag as string,
    });
    expect(fr.status).toBe(200);
    expect(fr.headers.etag).not.toBe(en.headers.etag);
    // The saved language comes before Accept-Language; a change of it is a new tag.
    const { etag, again } = await revisit(tableUrl(), tokens.coordinator);
    expect(again.status).toBe(304);
    await sql`update users set locale = 'fr' where id = ${w.users.coordinator.id}`.execute(t.db);
    try {
      const french = await get(tableUrl(), tokens.coordinator, { 'if-none-match': etag });
      expect(french.status).toBe(200);
    } finally {
      await sql`update users set locale = 'en' where id = ${w.users.coordinator.id}`.execute(t.db);
    }
  });

  it('between Accept-Language fr and en, where no saved language comes first', async () => {
    const link = await coordinator.post(`/tables/${w.table.id}/public-links`, { label: 'lang' });
    const url = `/public/scorecards/${link.token}`;
    const en = await get(url, undefined, { 'accept-language': 'en' });
    const fr = await get(url, undefined, {
      'accept-language': 'fr-CA',
      'if-none-match': en.headers.etag as string,
    });
    expect(fr.status).toBe(200);
    expect(fr.headers.etag).not.toBe(en.headers.etag);
  });

  it('between queries of the same path', async () => {
    const all = await get(tableUrl(), tokens.coordinator);
    const four = await get(`${tableUrl()}?points=4`, tokens.coordinator, {
      'if-none-match': all.headers.etag as string,
    });
    expect(four.status).toBe(200);
  });

  it('when a grant changes, even with the same data', async () => {
    const { etag, again } = await revisit(tableUrl(), tokens.member);
    expect(again.status).toBe(304);
    await sql`insert into role_grants (user_id, role, scope_type, scope_id)
      values (${w.users.member.id}, 'table_coordinator', 'table', ${w.table.id})`.execute(t.db);
    const after = await get(tableUrl(), tokens.member, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.body.view).toBe('review');
  });
});

describe('a public link', () => {
  it('is tagged without a user, no-cache; a revoked link answers 404, never 304', async () => {
    const link = await coordinator.post(`/tables/${w.table.id}/public-links`, { label: 'web' });
    const url = `/public/scorecards/${link.token}`;
    const { first, etag, again } = await revisit(url);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(again.status).toBe(304);
    await coordinator.post(`/tables/${w.table.id}/public-links/${link.id}/revoke`);
    const gone = await get(url, undefined, { 'if-none-match': etag });
    expect(gone.status).toBe(404);
  });
});

describe('the answers are the documented ones, serialized without re-validation', () => {
  it('hold no field the schema would have dropped', async () => {
    const checks: [string, { parse: (v: unknown) => unknown }][] = [
      [tableUrl(), tableScorecardSchema],
      [`/organizations/${w.orgA.id}/scorecard`, organizationScorecardSchema],
      [`/measures/${w.shared.id}/series`, seriesResponseSchema],
      [`/measures/${w.countA.id}/series`, seriesResponseSchema],
    ];
    for (const [url, schema] of checks) {
      for (const token of [tokens.admin, tokens.funder]) {
        const res = await get(url, token);
        if (res.status !== 200) continue;
        const body = JSON.parse(res.text);
        expect(JSON.parse(JSON.stringify(schema.parse(body))), url).toEqual(body);
      }
    }
  });
});

describe('the data version', () => {
  it('does not move for an uncommitted write, and moves when it commits', async () => {
    if (!t.url) {
      // PGlite runs one transaction at a time: a reader cannot look while a writer is open.
      // The same check runs on PostgreSQL; here, a rolled-back write leaves the version alone.
      const before = await currentDataVersion(t.db);
      await expect(
        t.db.transaction().execute(async (trx) => {
          await sql`update measures set name = name where id = ${w.countB.id}`.execute(trx);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await currentDataVersion(t.db)).toBe(before);
      await sql`update measures set name = name where id = ${w.countB.id}`.execute(t.db);
      expect(await currentDataVersion(t.db)).toBeGreaterThan(before);
      return;
    }
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: t.url, max: 1 });
    const writer = await pool.connect();
    try {
      const before = await currentDataVersion(t.db);
      await writer.query('begin');
      await writer.query('update measures set name = name where id = $1', [w.countB.id]);
      expect(await currentDataVersion(t.db)).toBe(before);
      const { etag, again } = await revisit(tableUrl(), tokens.coordinator);
      expect(again.status).toBe(304);
      await writer.query('commit');
      expect(await currentDataVersion(t.db)).toBeGreaterThan(before);
      const after = await get(tableUrl(), tokens.coordinator, { 'if-none-match': etag });
      expect(after.status).toBe(200);
    } finally {
      writer.release();
      await pool.end();
    }
  });

  it('a statement that changes no row leaves it alone', async () => {
    const before = await currentDataVersion(t.db);
    await sql`update measures set name = 'x' where false`.execute(t.db);
    expect(await currentDataVersion(t.db)).toBe(before);
  });

  it('never goes back: compaction keeps it, and the tags with it', async () => {
    const { etag } = await revisit(tableUrl(), tokens.coordinator);
    const before = await currentDataVersion(t.db);
    const rowsBefore = await sql<{
      n: number;
    }>`select count(*)::int8 as n from data_changes`.execute(t.db);
    expect(rowsBefore.rows[0]?.n).toBeGreaterThan(1);
    const folded = await compactDataVersion(t.db);
    expect(folded).toBe(rowsBefore.rows[0]?.n);
    const rowsAfter = await sql<{
      n: number;
    }>`select count(*)::int8 as n from data_changes`.execute(t.db);
    expect(rowsAfter.rows[0]?.n).toBe(1);
    expect(await currentDataVersion(t.db)).toBe(before);
    const same = await get(tableUrl(), tokens.coordinator, { 'if-none-match': etag });
    expect(same.status).toBe(304);
    await editorA.put(`/measures/${w.countA.id}/observations/FY2025-26-Q2`, { value: 14 });
    expect(await currentDataVersion(t.db)).toBeGreaterThan(before);
  });
});
