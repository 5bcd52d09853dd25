// The collective scorecard written a piece at a time as its figures come
// (src/scorecards/table-scorecard-stream.ts) is the service's answer (tableScorecard) field for
// field: for each kind of reader (restricted for the funder), with and without a period and a
// window of points, in English and in French, on the demo collaborative. The route sends the
// stream on PostgreSQL, where the figures come measure by measure from their own statement; on
// PGlite it sends the answer built whole, and the stream is read here in process (its figures
// then come from the service's own statement).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFromClaims } from '../src/auth/auth.service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-content.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { localize } from '../src/i18n/localize.js';
import { tableScorecard } from '../src/scorecards/scorecards.service.js';
import { tableScorecardStream } from '../src/scorecards/table-scorecard-stream.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const DAY = '2026-11-26';
let t: TestApp;
let tableId: string;
let quarters: string[];

beforeAll(async () => {
  t = await createTestApp({ DEMO: 'true' });
  quarters = (await seedDemo(t.db, { today: DAY })).quarters;
  const { rows } = await sql<{ id: string }>`select id from planning_tables limit 1`.execute(t.db);
  tableId = rows[0]?.id as string;
}, 180_000);
afterAll(async () => t?.closeAll());

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8'));

describe('the collective scorecard, written as it is built', () => {
  const readers = ['admin', 'coordinator', 'member', 'editorLead', 'funder'];
  it.each(readers)('is the service’s answer, for the %s', async (key) => {
    const account = DEMO_ACCOUNTS.find((a) => a.key === key);
    expect(account, key).toBeDefined();
    const auth = await t.login(account?.email as string, DEMO_PASSWORD);
    const actor = await actorFromClaims(t.db, claimsOf(auth.slice('Bearer '.length)), null);
    const period = quarters.at(-2) as string;
    const queries: { period?: string; points?: number; lang?: 'fr' }[] = [
      {},
      { points: 4 },
      { period },
      { period, points: 2 },
      { lang: 'fr' },
    ];
    for (const { lang, ...q } of queries) {
      const search = new URLSearchParams(
        Object.entries({ ...q, ...(lang ? { lang } : {}) }).map(([k, v]): [string, string] => [
          k,
          String(v),
        ]),
      ).toString();
      const res = await t
        .http()
        .get(`/api/v1/tables/${tableId}/scorecard${search ? `?${search}` : ''}`)
        .set('authorization', auth);
      expect(res.status, res.text).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const sent = JSON.parse(res.text);
      // As the language plugin gives the service's answer (English: as it is).
      const built = localize(await tableScorecard(t.db, actor, tableId, q), lang ?? 'en');
      // Byte for byte: a restored database must serve the same bytes on either engine.
      expect(res.text, `${key} ${search}`).toBe(JSON.stringify(built));
      let streamed = '';
      for await (const piece of await tableScorecardStream(t.db, actor, tableId, q, lang ?? 'en')) {
        streamed += (piece as Buffer).toString('utf8');
      }
      expect(streamed, `${key} ${search}, in process`).toBe(res.text);
      expect(sent.sharedMeasures.length + sent.results.length).toBeGreaterThan(0);
    }
  });

  it('answers 404, not a broken 200, for a table the caller may not see', async () => {
    const auth = await t.login(DEMO_ACCOUNTS[0]?.email as string, DEMO_PASSWORD);
    const res = await t
      .http()
      .get('/api/v1/tables/00000000-0000-4000-8000-000000000000/scorecard')
      .set('authorization', auth);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
