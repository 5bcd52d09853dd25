// Funders and public links see approved figures only, with small cells suppressed, in every
// response they can reach: JSON (scorecards, series, curve reports, the public scorecard, the
// system map), CSV (long and wide exports, scorecard exports) and the printable report. The world
// has figures in every status with sentinel values no other figure takes, and counts under the
// threshold; the same requests by the coordinator and the agency's editor show them, so that
// every "not shown" below could fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../src/mail/unsubscribe-token.js';
import { makeUser } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.js';
import { servedRoutes } from './permissions/support.js';

let t: TestApp;
let w: World;
const as = {} as Record<'admin' | 'editorA' | 'coordinator' | 'funder' | 'funderA', Client>;
let token: string;
let planId: string;
let surveyId: string;
let jobId: string;

const P1 = 'FY2024-25-Q1'; // approved: girls 3 (small), boys 48608 (hidden with it), total 48611
const P2 = 'FY2024-25-Q2'; // approved: total 48613; agency B's count 2 (small)
const P3 = 'FY2024-25-Q3'; // returned
const P4 = 'FY2024-25-Q4'; // submitted
const P5 = 'FY2025-26-Q2'; // draft
const PERIODS = [P1, P2, P3, P4, P5];

const pct = (n: number, d: number) => [n / d, (100 * n) / d];
/** Figures that are not approved: nobody restricted may see them, in any form. */
const UNAPPROVED = {
  returned: [51727, 5113, 9931, ...pct(5113, 9931)],
  submitted: [52939, 5233, 9941, ...pct(5233, 9941)],
  draft: [53147, 5347, 9949, ...pct(5347, 9949)],
};
/** Approved but suppressed (the small numerator's denominator and ratio, the complement). */
const SUPPRESSED = [48608, 9973, ...pct(3, 9973)];
/** Approved, shown: they must reach the funder, or the test proves nothing. */
const APPROVED = [48613, 48611, 24301, 24312];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const funderA = await makeUser(t.db, [
    { role: 'funder_viewer', scopeType: 'organization', scopeId: w.orgA.id },
  ]);
  const login = async (u: { email: string; password: string }) =>
    client(t, await t.login(u.email, u.password));
  as.admin = await login(w.users.admin);
  as.editorA = await login(w.users.editorA);
  as.coordinator = await login(w.users.coordinator);
  as.funder = await login(w.users.funder);
  as.funderA = await login(funderA);
  const dim = w.dimension.code;
  const put = (c: Client, m: string, p: string, body: object) =>
    c.put(`/measures/${m}/observations/${p}`, body);
  const figures: [string, number, number, number, number, number][] = [
    // period, total, girls, boys, numerator, denominator
    [P1, 48611, 3, 48608, 3, 9973],
    [P2, 48613, 24301, 24312, 6011, 9967],
    [P3, 51727, 0, 0, 5113, 9931],
    [P4, 52939, 0, 0, 5233, 9941],
    [P5, 53147, 0, 0, 5347, 9949],
  ];
  for (const [p, total, girls, boys, n, d] of figures) {
    await put(as.editorA, w.countA.id, p, { value: total });
    if (girls)
      await put(as.editorA, w.countA.id, p, { value: girls, breakdown: { [dim]: 'girls' } });
    if (boys) await put(as.editorA, w.countA.id, p, { value: boys, breakdown: { [dim]: 'boys' } });
    await put(as.editorA, w.ratioA.id, p, { numerator: n, denominator: d });
    await put(as.editorA, w.countA.id, p, { value: total, note: `SENTINEL-NOTE-${p}` });
  }
  const org = (id: string, p: string, step: string) => `/organizations/${id}/periods/${p}/${step}`;
  for (const p of [P1, P2]) {
    await as.editorA.post(org(w.orgA.id, p, 'submit'));
    await as.coordinator.post(org(w.orgA.id, p, 'approve'));
  }
  await as.editorA.post(org(w.orgA.id, P3, 'submit'));
  await as.coordinator.post(org(w.orgA.id, P3, 'return'), { note: 'Please check' });
  await as.editorA.post(org(w.orgA.id, P4, 'submit'));
  // Agency B: an approved count under the threshold.
  await put(as.admin, w.countB.id, P2, { value: 2 });
  await as.admin.post(org(w.orgB.id, P2, 'submit'));
  await as.coordinator.post(org(w.orgB.id, P2, 'approve'));
  await put(as.coordinator, w.indicator.id, '2023', { value: 64.25 });
  await as.editorA.put(`/measures/${w.countA.id}/targets/${P2}`, { value: 50000 });
  const plan = await as.editorA.put(`/measures/${w.countA.id}/curve-plan`, {
    revision: 0,
    story: { narrative: 'Why the curve moved' },
  });
  planId = plan.id;
  await as.editorA.post(`/curve-plans/${planId}/comments`, { body: 'A comment' });
  // A partnership survey, answered by agency A: individual ratings nobody restricted may read.
  const survey = await as.coordinator.post(`/tables/${w.table.id}/partnership-surveys`, {
    title: 'How we work together',
    period: '2026',
    opens: '2026-01-01',
    closes: '2099-12-31',
  });
  surveyId = survey.id;
  await as.editorA.put(`/partnership-surveys/${surveyId}/my-response`, {
    answers: [{ organizationId: w.orgB.id, level: 3, trust: [4, 3, 4], value: [2, 3, 2] }],
  });
  const link = await as.coordinator.post(`/tables/${w.table.id}/public-links`, { label: 'Web' });
  token = link.token;
  // An import job of the agency's editor (a dry run): its report holds figures.
  const job = await t
    .http()
    .post('/api/v1/imports?async=true')
    .set('authorization', await t.login(w.users.editorA.email, w.users.editorA.password))
    .field(
      'mapping',
      JSON.stringify({
        mode: 'long',
        measureId: w.countA.id,
        period: { column: 'period' },
        value: { column: 'value' },
      }),
    )
    .attach('file', Buffer.from(`period,value\n${P5},53147\n`), 'upload.csv');
  expect(job.status).toBe(202);
  jobId = job.body.jobId;
  for (let i = 0; i < 200; i++) {
    if ((await as.editorA.get(`/imports/${jobId}`)).status !== 'running') break;
    await new Promise((r) => setTimeout(r, 25));
  }
});
afterAll(async () => t.closeAll());

// ---------------------------------------------------------------------------------------------
// Every GET route, with the world's ids: what a signed-in user can reach.

const MEASURES = () => [w.countA.id, w.ratioA.id, w.countB.id, w.shared.id, w.indicator.id];
const Q = (p?: string) => (p ? `?period=${p}` : '');

/** The URLs to try per route template; every GET route the app serves must be here. */
function urls(): Record<string, string[]> {
  const orgs = [w.orgA.id, w.orgB.id];
  const programs = [w.programA.id, w.programB.id];
  const periodsToo = (base: string) => [base, ...PERIODS.map((p) => `${base}${Q(p)}`)];
  const exportsOf = (filter: string) =>
    ['long', 'wide'].flatMap((layout) => [
      `/exports/observations.csv?${filter}&layout=${layout}`,
      `/exports/observations.csv?${filter}&layout=${layout}&status=draft,submitted,approved,returned`,
      `/exports/observations.csv?${filter}&layout=${layout}&breakdowns=false`,
    ]);
  return {
    '/me': ['/me'],
    '/users': ['/users'],
    '/users/:id': [`/users/${w.users.editorA.id}`],
    '/organizations': ['/organizations'],
    '/organizations/:id': orgs.map((o) => `/organizations/${o}`),
    '/audit': ['/audit', `/audit?entity=measure&entityId=${w.countA.id}`],
    '/settings': ['/settings'],
    '/tables': ['/tables'],
    '/tables/:id': [`/tables/${w.table.id}`],
    '/tables/:id/partners': [`/tables/${w.table.id}/partners`],
    '/tables/:id/results': [`/tables/${w.table.id}/results`],
    '/results/:id': [`/results/${w.result.id}`],
    '/organizations/:id/programs': orgs.map((o) => `/organizations/${o}/programs`),
    '/programs/:id': programs.map((p) => `/programs/${p}`),
    '/dimensions': ['/dimensions'],
    '/dimensions/:code': [`/dimensions/${w.dimension.code}`],
    '/results/:id/indicators': [`/results/${w.result.id}/indicators`],
    '/tables/:id/shared-measures': [`/tables/${w.table.id}/shared-measures`],
    '/programs/:id/measures': programs.map((p) => `/programs/${p}/measures`),
    '/measures/:id': MEASURES().map((m) => `/measures/${m}`),
    '/measures/:id/observations': MEASURES().flatMap((m) => [
      `/measures/${m}/observations`,
      `/measures/${m}/observations?breakdowns=true`,
    ]),
    '/organizations/:id/submissions': orgs.map((o) => `/organizations/${o}/submissions`),
    '/tables/:id/submissions': [`/tables/${w.table.id}/submissions`],
    '/tables/:id/reporting-status': PERIODS.map(
      (p) => `/tables/${w.table.id}/reporting-status${Q(p)}`,
    ),
    '/reporting-periods': ['/reporting-periods'],
    '/organizations/:id/periods/:period/checks': orgs.flatMap((o) =>
      PERIODS.map((p) => `/organizations/${o}/periods/${p}/checks`),
    ),
    '/organizations/:id/periods/:period/changes': orgs.flatMap((o) =>
      PERIODS.map((p) => `/organizations/${o}/periods/${p}/changes`),
    ),
    '/measures/:id/observations/:period/history': MEASURES().flatMap((m) =>
      PERIODS.map((p) => `/measures/${m}/observations/${p}/history`),
    ),
    '/organizations/:id/entry-sheet': orgs.flatMap((o) =>
      periodsToo(`/organizations/${o}/entry-sheet`),
    ),
    '/tables/:id/scorecard': periodsToo(`/tables/${w.table.id}/scorecard`),
    '/organizations/:id/scorecard': orgs.flatMap((o) =>
      periodsToo(`/organizations/${o}/scorecard`),
    ),
    '/measures/:id/series': MEASURES().flatMap((m) => periodsToo(`/measures/${m}/series`)),
    '/exports/observations.csv': [
      ...exportsOf(`tableId=${w.table.id}`),
      ...exportsOf(`organizationId=${w.orgA.id}`),
      ...exportsOf(`organizationId=${w.orgB.id}`),
      ...exportsOf(`measureId=${w.countA.id}`),
      ...exportsOf(`programId=${w.programA.id}`),
    ],
    '/exports/scorecard.csv': [
      ...periodsToo(`/exports/scorecard.csv?tableId=${w.table.id}`).map((u) =>
        u.replace('?period', '&period'),
      ),
      ...periodsToo(`/exports/scorecard.csv?organizationId=${w.orgA.id}`).map((u) =>
        u.replace('?period', '&period'),
      ),
    ],
    '/imports/:id': [`/imports/${jobId}`],
    '/measures/:id/curve-plan': MEASURES().map((m) => `/measures/${m}/curve-plan`),
    '/curve-plans/:id/revisions': [`/curve-plans/${planId}/revisions`],
    '/curve-plans/:id/revisions/:revision': [`/curve-plans/${planId}/revisions/1`],
    '/curve-plans/:id/compare': [`/curve-plans/${planId}/compare?from=1&to=1`],
    '/curve-plans/:id/comments': [`/curve-plans/${planId}/comments`],
    '/measures/:id/curve-report': MEASURES().map((m) => `/measures/${m}/curve-report`),
    '/tables/:id/public-links': [`/tables/${w.table.id}/public-links`],
    '/tables/:id/partnership-surveys': [`/tables/${w.table.id}/partnership-surveys`],
    '/partnership-surveys/:id': [`/partnership-surveys/${surveyId}`],
    '/partnership-surveys/:id/my-response': [`/partnership-surveys/${surveyId}/my-response`],
    '/partnership-surveys/:id/network': [`/partnership-surveys/${surveyId}/network`],
    '/partnership-surveys/:id/responses.csv': [`/partnership-surveys/${surveyId}/responses.csv`],
    '/me/partnership-surveys': ['/me/partnership-surveys'],
    '/public/scorecards/:token': periodsToo(`/public/scorecards/${token}`),
    // Names and a password on the demo database only; an empty list here.
    '/demo/accounts': ['/demo/accounts'],
    '/service-types': ['/service-types'],
    '/programs/:id/profile': programs.map((p) => `/programs/${p}/profile`),
    '/tables/:id/system-map': [
      `/tables/${w.table.id}/system-map`,
      `/tables/${w.table.id}/system-map?by=age_group`,
    ],
    '/tables/:id/system-map.csv': [`/tables/${w.table.id}/system-map.csv`],
    '/me/notifications': ['/me/notifications'],
    '/me/notification-settings': ['/me/notification-settings'],
    '/tables/:id/reminder-settings': [`/tables/${w.table.id}/reminder-settings`],
    '/admin/outbox': ['/admin/outbox'],
    '/unsubscribe': [
      `/unsubscribe?token=${encodeURIComponent(unsubscribeToken(TEST_JWT_SECRET, w.users.funder.id, 'reminders'))}`,
    ],
  };
}

interface Reply {
  url: string;
  status: number;
  text: string;
  type: string;
}

async function reachAll(who: Client | null): Promise<Reply[]> {
  const out: Reply[] = [];
  for (const list of Object.values(urls())) {
    for (const url of list) {
      const res = who
        ? await who.call('get', url, undefined, [200, 201, 204, 400, 401, 403, 404, 409, 422])
        : await t.http().get(`/api/v1${url}`);
      out.push({
        url,
        status: res.status,
        text: res.text,
        type: String(res.headers['content-type'] ?? ''),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Finding figures in JSON and CSV.

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Every number in a reply: JSON numbers, and CSV cells that are numbers. */
function numbersIn(r: Reply): number[] {
  const out: number[] = [];
  if (r.type.includes('json')) {
    const walk = (v: unknown) => {
      if (typeof v === 'number') out.push(v);
      else if (typeof v === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v)) out.push(Number(v));
      else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
    };
    walk(JSON.parse(r.text));
  } else {
    for (const cell of r.text.split(/[\r\n,;]+/)) {
      const c = cell.replace(/^"|"$/g, '');
      if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(c)) out.push(Number(c));
    }
  }
  return out;
}

function found(replies: Reply[], sentinels: number[]): string[] {
  const hits: string[] = [];
  for (const r of replies) {
    if (r.status !== 200) continue;
    const nums = numbersIn(r);
    for (const s of sentinels) if (nums.some((n) => same(n, s))) hits.push(`${s} in ${r.url}`);
  }
  return hits;
}

/** Rows of a long CSV export, as objects. */
function csvRows(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

// ---------------------------------------------------------------------------------------------

const ALL_UNAPPROVED = [...UNAPPROVED.returned, ...UNAPPROVED.submitted, ...UNAPPROVED.draft];

describe('what funders and public links can reach', () => {
  it('covers every GET route the app serves', () => {
    const templates = Object.keys(urls()).map((p) => `GET /api/v1${p}`);
    const served = [...servedRoutes(t.app)].filter(
      (k) => k.startsWith('GET /api/v1/') && k !== 'GET /api/v1/openapi.json',
    );
    expect(
      served.filter((k) => !templates.includes(k)),
      'GET routes not reached',
    ).toEqual([]);
  });

  it('the figures are there: the agency editor sees every status, the coordinator submitted ones and small counts', async () => {
    const editor = await reachAll(as.editorA);
    const coordinator = await reachAll(as.coordinator);
    // (A ratio is shown as a percentage: its fraction form is looked for only where it must not be.)
    const shownForm = (x: number) => x >= 1;
    for (const s of [...ALL_UNAPPROVED, ...SUPPRESSED, ...APPROVED].filter(shownForm)) {
      expect(found(editor, [s]), `the editor does not see ${s}`).not.toEqual([]);
    }
    expect(
      editor.some((r) => r.text.includes(`SENTINEL-NOTE-${P5}`)),
      'the draft note',
    ).toBe(true);
    for (const s of [...UNAPPROVED.submitted, ...SUPPRESSED, ...APPROVED].filter(shownForm)) {
      expect(found(coordinator, [s]), `the coordinator does not see ${s}`).not.toEqual([]);
    }
    // The small counts themselves, where the coordinator reads them.
    const series = await as.coordinator.get(`/measures/${w.countA.id}/series?period=${P1}`);
    const girls = series.breakdowns.find((b: { breakdown: Record<string, string> }) =>
      Object.values(b.breakdown).includes('girls'),
    );
    expect(girls.points.find((p: { period: string }) => p.period === P1)?.value).toBe(3);
    const csv = await as.coordinator.call(
      'get',
      `/exports/observations.csv?organizationId=${w.orgB.id}`,
    );
    expect(csvRows(csv.text).find((r) => r.period === P2)?.value).toBe('2');
  });

  const viewers = [
    ['a table funder', () => as.funder],
    ["an agency's funder", () => as.funderA],
  ] as const;
  for (const [name, who] of viewers) {
    it(`${name} sees approved figures only, with small cells suppressed, everywhere`, async () => {
      const replies = await reachAll(who());
      expect(found(replies, ALL_UNAPPROVED), 'unapproved figures shown').toEqual([]);
      expect(found(replies, SUPPRESSED), 'suppressed figures shown').toEqual([]);
      const notes = [P3, P4, P5].map((p) => `SENTINEL-NOTE-${p}`);
      expect(
        replies.filter((r) => notes.some((n) => r.text.includes(n))).map((r) => r.url),
        'notes of unapproved figures',
      ).toEqual([]);
      expect(found(replies, APPROVED).length, 'approved figures not shown').toBeGreaterThan(0);
      expect(replies.filter((r) => r.status >= 500).map((r) => `${r.url} ${r.status}`)).toEqual([]);
      // No raw cells, no drafts, no review queue, no audit trail (before/after hold figures).
      for (const url of [
        `/measures/${w.countA.id}/observations`,
        `/organizations/${w.orgA.id}/entry-sheet`,
        `/tables/${w.table.id}/submissions`,
        `/audit?entity=measure&entityId=${w.countA.id}`,
      ]) {
        const r = replies.find((x) => x.url === url);
        expect(r?.status, url).toBeGreaterThanOrEqual(400);
      }
      // The small cells are there, empty and marked, in JSON and CSV.
      const series = replies.find((r) => r.url === `/measures/${w.countA.id}/series`);
      const s = JSON.parse(series?.text ?? '{}');
      for (const line of s.breakdowns ?? []) {
        const p1 = line.points.find((p: { period: string }) => p.period === P1);
        expect(p1, JSON.stringify(line.breakdown)).toMatchObject({ value: null, suppressed: true });
      }
      const ratio = JSON.parse(
        replies.find((r) => r.url === `/measures/${w.ratioA.id}/series`)?.text ?? '{}',
      );
      expect(ratio.points.find((p: { period: string }) => p.period === P1)).toMatchObject({
        value: null,
        suppressed: true,
      });
      expect(ratio.points.map((p: { period: string }) => p.period)).not.toContain(P3);
      const long = replies.find(
        (r) => r.url === `/exports/observations.csv?organizationId=${w.orgA.id}&layout=long`,
      );
      expect(long?.status).toBe(200);
      const rows = csvRows(long?.text ?? '');
      const p1 = rows.filter(
        (r) => r.period === P1 && (r.breakdown !== '' || r.measure_code === 'IMPROVED'),
      );
      expect(p1.length).toBe(3);
      for (const r of p1) {
        expect(r, JSON.stringify(r)).toMatchObject({
          value: '',
          numerator: '',
          denominator: '',
          suppressed: 'true',
        });
      }
      expect(rows.map((r) => r.status).filter((x) => x !== 'approved')).toEqual([]);
      expect(rows.map((r) => r.period)).not.toContain(P4);
    });
  }

  it('agency B’s small approved count is suppressed for the table funder, in JSON and CSV', async () => {
    const series = await as.funder.get(`/measures/${w.countB.id}/series`);
    expect(series.points.find((p: { period: string }) => p.period === P2)).toMatchObject({
      value: null,
      suppressed: true,
    });
    const csv = await as.funder.call(
      'get',
      `/exports/observations.csv?organizationId=${w.orgB.id}`,
    );
    const row = csvRows(csv.text).find((r) => r.period === P2);
    expect(row).toMatchObject({ value: '', suppressed: 'true' });
  });

  it('a public link shows what a funder sees: approved, suppressed, and nothing else answers', async () => {
    const replies = await reachAll(null);
    // An e-mail's unsubscribe link needs no session either, nor the sign-in page's list of demo
    // accounts (empty off the demo database); neither holds a figure.
    const noFigure = (url: string) => url.startsWith('/unsubscribe?') || url === '/demo/accounts';
    const served = replies.filter((r) => r.status === 200 && !noFigure(r.url));
    expect(
      served.every((r) => r.url.startsWith('/public/scorecards/')),
      served.map((r) => r.url).join(', '),
    ).toBe(true);
    expect(served.length).toBe(PERIODS.length + 1);
    expect(found(served, ALL_UNAPPROVED)).toEqual([]);
    expect(found(served, SUPPRESSED)).toEqual([]);
    expect(found(served, APPROVED).length).toBeGreaterThan(0);
  });
});
