// Partnership surveys (issue #23): the survey's rules (one response per agency, no self-rating,
// ranges, closing), the network figures against hand-computed ones for four agencies, the
// privacy rules per role, and the indicator figures closing records on the collective scorecard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/access/actor.js';
import { addPartner } from '../src/planning-tables/planning-tables.service.js';
import { makeOrganization, makeUser, PASSWORD, uniqueSuffix } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
const as: Record<string, Client> = {};
let orgC: { id: string; code: string };
let orgD: { id: string; code: string };

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const all = (n: number) => [n, n, n];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const system: Actor = {
    userId: w.users.admin.id,
    grants: [{ role: 'admin', scopeType: null, scopeId: null }],
    requestId: 'partnerships-test',
  };
  const s = uniqueSuffix();
  orgC = await makeOrganization(t.db, { code: `C-${s}` });
  orgD = await makeOrganization(t.db, { code: `D-${s}` });
  await addPartner(t.db, system, w.table.id, orgC.id);
  await addPartner(t.db, system, w.table.id, orgD.id);
  const extra = {
    editorB: await makeUser(t.db, [
      { role: 'partner_editor', scopeType: 'organization', scopeId: w.orgB.id },
    ]),
    editorC: await makeUser(t.db, [
      { role: 'partner_editor', scopeType: 'organization', scopeId: orgC.id },
    ]),
    editorD: await makeUser(t.db, [
      { role: 'partner_editor', scopeType: 'organization', scopeId: orgD.id },
    ]),
    editorA2: await makeUser(t.db, [
      { role: 'partner_editor', scopeType: 'organization', scopeId: w.orgA.id },
    ]),
  };
  for (const [name, u] of Object.entries({ ...w.users, ...extra }))
    as[name] = client(t, await t.login(u.email, PASSWORD));
});
afterAll(async () => t.closeAll());

const c = (name: string) => as[name] as Client;

async function openSurvey(body: Record<string, unknown> = {}) {
  return c('coordinator').post(`/tables/${w.table.id}/partnership-surveys`, {
    title: 'How we work together',
    period: '2026',
    opens: day(-1),
    closes: day(1),
    ...body,
  });
}

describe('a partnership survey', () => {
  it("is opened by the table's coordinator for the table's partner agencies", async () => {
    const s = await openSurvey({ minRespondents: 2 });
    expect(s).toMatchObject({
      tableId: w.table.id,
      period: '2026',
      opens: day(-1),
      closes: day(1),
      minRespondents: 2,
      resultId: null,
      state: 'open',
      closedAt: null,
      partners: 4,
      responses: 0,
    });
    expect(await openSurvey({ period: 'FY2025-26', minRespondents: undefined })).toMatchObject({
      minRespondents: 3,
    });
    const list = await c('member').get(`/tables/${w.table.id}/partnership-surveys`);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect(await c('funder').get(`/partnership-surveys/${s.id}`)).toMatchObject({ id: s.id });
  });

  it('refuses closes before opens, a period that is not a year, and anyone but coordinators', async () => {
    const url = `/tables/${w.table.id}/partnership-surveys`;
    const base = { title: 'x', period: '2026', opens: day(0), closes: day(0) };
    expect(
      (await c('coordinator').fail('post', url, { ...base, opens: day(2), closes: day(1) })).status,
    ).toBe(400);
    expect((await c('coordinator').fail('post', url, { ...base, period: '2026-Q1' })).status).toBe(
      400,
    );
    expect(
      (await c('coordinator').fail('post', url, { ...base, opens: '2026-02-30' })).status,
    ).toBe(400);
    expect(
      (await c('coordinator').fail('post', url, { ...base, resultId: w.otherResult.id })).status,
    ).toBe(400);
    expect((await c('member').fail('post', url, base)).status).toBe(403);
    expect((await c('editorA').fail('post', url, base)).status).toBe(403);
    expect((await c('otherCoordinator').fail('post', url, base)).status).toBe(404);
  });
});

describe('answering', () => {
  let id: string;
  beforeAll(async () => {
    id = (await openSurvey()).id;
  });

  it("shows an editor their agency's partners, unanswered", async () => {
    const r = await c('editorA').get(`/partnership-surveys/${id}/my-response`);
    expect(r.organization).toMatchObject({ id: w.orgA.id, code: w.orgA.code });
    expect(r.submittedAt).toBeNull();
    expect(
      r.partners.map((p: { organization: { id: string } }) => p.organization.id).sort(),
    ).toEqual([w.orgB.id, orgC.id, orgD.id].sort());
    expect(r.partners.every((p: { answer: unknown }) => p.answer === null)).toBe(true);
    const mine = await c('editorA').get('/me/partnership-surveys');
    expect(mine.items.find((s: { id: string }) => s.id === id)).toMatchObject({
      organization: { id: w.orgA.id },
      answered: false,
      state: 'open',
    });
  });

  it('keeps one response per agency: saving again replaces it, whoever of its editors saves', async () => {
    const url = `/partnership-surveys/${id}/my-response`;
    const first = await c('editorA').put(url, {
      answers: [
        {
          organizationId: w.orgB.id,
          level: 3,
          trust: [4, 3, 4],
          value: all(2),
          contributions: ['referrals', 'data'],
          comment: 'Shared intake',
        },
        { organizationId: orgC.id, level: 0, trust: null, value: null },
      ],
    });
    const b = first.partners.find(
      (p: { organization: { id: string } }) => p.organization.id === w.orgB.id,
    );
    expect(b.answer).toEqual({
      level: 3,
      trust: [4, 3, 4],
      value: [2, 2, 2],
      contributions: ['referrals', 'data'],
      comment: 'Shared intake',
    });
    expect(first.submittedAt).not.toBeNull();
    const again = await c('editorA2').put(url, {
      answers: [{ organizationId: orgD.id, level: 1, trust: all(2), value: all(3) }],
    });
    const answered = again.partners.filter((p: { answer: unknown }) => p.answer !== null);
    expect(answered).toHaveLength(1);
    expect(answered[0].organization.id).toBe(orgD.id);
    expect((await c('coordinator').get(`/partnership-surveys/${id}`)).responses).toBe(1);
    const mine = await c('editorA').get('/me/partnership-surveys');
    expect(mine.items.find((s: { id: string }) => s.id === id).answered).toBe(true);
    // Leaving every partner out is an answer too (nobody rated).
    await c('editorA').put(url, { answers: [] });
    expect(
      (await c('editorA').get(url)).partners.every((p: { answer: unknown }) => !p.answer),
    ).toBe(true);
  });

  it('refuses self-rating, agencies not in the survey, ratings out of range and trust with level 0', async () => {
    const url = `/partnership-surveys/${id}/my-response`;
    const ok = { organizationId: w.orgB.id, level: 2, trust: all(3), value: all(3) };
    const bad = async (answer: Record<string, unknown>) =>
      c('editorA').fail('put', url, { answers: [{ ...ok, ...answer }] });
    expect((await bad({ organizationId: w.orgA.id })).status).toBe(400);
    expect((await bad({ organizationId: w.outside.id })).status).toBe(400);
    expect((await bad({ level: 6 })).status).toBe(400);
    expect((await bad({ level: -1 })).status).toBe(400);
    expect((await bad({ level: 2.5 })).status).toBe(400);
    expect((await bad({ trust: [5, 3, 3] })).status).toBe(400);
    expect((await bad({ value: [0, 3, 3] })).status).toBe(400);
    expect((await bad({ trust: [3, 3] })).status).toBe(400);
    expect((await bad({ value: [2.5, 3, 3] })).status).toBe(400);
    expect((await bad({ level: 0 })).status).toBe(400);
    expect((await bad({ level: 0, trust: null })).status).toBe(400);
    expect((await bad({ trust: null })).status).toBe(400);
    expect((await bad({ contributions: ['gossip'] })).status).toBe(400);
    const twice = await c('editorA').fail('put', url, { answers: [ok, ok] });
    expect(twice.status).toBe(400);
  });

  it('is answered by partner editors only', async () => {
    const url = `/partnership-surveys/${id}/my-response`;
    const body = { answers: [] };
    for (const who of ['coordinator', 'member', 'viewerA', 'funder']) {
      expect((await c(who).fail('get', url)).status, who).toBe(403);
      expect((await c(who).fail('put', url, body)).status, who).toBe(403);
    }
    for (const who of ['otherCoordinator', 'editorX', 'nobody']) {
      expect((await c(who).fail('put', url, body)).status, who).toBe(404);
    }
    // An admin answers for any agency, saying which one.
    expect((await c('admin').fail('get', url)).status).toBe(400);
    const r = await c('admin').get(`${url}?organizationId=${orgC.id}`);
    expect(r.organization.id).toBe(orgC.id);
  });

  it('takes no answer before it opens, after it closes, or once closed', async () => {
    const scheduled = await openSurvey({ opens: day(2), closes: day(9) });
    expect(scheduled.state).toBe('scheduled');
    const body = { answers: [] };
    const early = await c('editorA').fail(
      'put',
      `/partnership-surveys/${scheduled.id}/my-response`,
      body,
    );
    expect(early).toMatchObject({ status: 409, error: { code: 'SURVEY_NOT_OPEN' } });
    const past = await openSurvey({ opens: day(-9), closes: day(-1) });
    expect(past.state).toBe('closed');
    const late = await c('editorA').fail(
      'put',
      `/partnership-surveys/${past.id}/my-response`,
      body,
    );
    expect(late).toMatchObject({ status: 409, error: { code: 'SURVEY_CLOSED' } });
    const open = await openSurvey({ period: '2024' });
    await c('coordinator').post(`/partnership-surveys/${open.id}/close`);
    const closed = await c('editorA').fail(
      'put',
      `/partnership-surveys/${open.id}/my-response`,
      body,
    );
    expect(closed).toMatchObject({ status: 409, error: { code: 'SURVEY_CLOSED' } });
    const again = await c('coordinator').fail('post', `/partnership-surveys/${open.id}/close`);
    expect(again).toMatchObject({ status: 409, error: { code: 'SURVEY_CLOSED' } });
    expect(
      (await c('editorA').get('/me/partnership-surveys')).items.map((s: { id: string }) => s.id),
    ).not.toContain(open.id);
  });

  it('is closed by coordinators and admins only', async () => {
    const url = `/partnership-surveys/${id}/close`;
    for (const who of ['member', 'editorA', 'viewerA', 'funder'])
      expect((await c(who).fail('post', url)).status, who).toBe(403);
    for (const who of ['otherCoordinator', 'editorX', 'nobody'])
      expect((await c(who).fail('post', url)).status, who).toBe(404);
  });
});

describe('the network of four agencies', () => {
  let id: string;
  // A → B 3, B → A 2, B → C 1, D → C 2, C → A 0 (no contact): ties A–B, B–C, C–D of six pairs.
  beforeAll(async () => {
    id = (await openSurvey({ period: '2025', minRespondents: 2 })).id;
    const url = `/partnership-surveys/${id}/my-response`;
    await c('editorA').put(url, {
      answers: [{ organizationId: w.orgB.id, level: 3, trust: all(4), value: [3, 3, 4] }],
    });
    await c('editorB').put(url, {
      answers: [
        { organizationId: w.orgA.id, level: 2, trust: all(3), value: all(3) },
        { organizationId: orgC.id, level: 1, trust: all(2), value: all(2) },
      ],
    });
    await c('editorC').put(url, {
      answers: [{ organizationId: w.orgA.id, level: 0, trust: null, value: null }],
    });
    await c('editorD').put(url, {
      answers: [{ organizationId: orgC.id, level: 2, trust: all(3), value: all(4) }],
    });
  });

  it('has the figures computed by hand', async () => {
    const n = await c('coordinator').get(`/partnership-surveys/${id}/network`);
    expect(n.responseRate).toBe(1);
    expect(n.density).toBeCloseTo(0.5, 12); // 3 ties of 6 pairs
    expect(n.reciprocity).toBeCloseTo(0.5, 12); // A→B and B→A of 4 directed ties
    expect(n.degreeCentralization).toBeCloseTo(1 / 3, 12); // (1 + 0 + 0 + 1) / (3 × 2)
    expect(n.meanTrust).toBeCloseTo(3, 12); // (4 + 3 + 2 + 3) / 4
    expect(n.meanValue).toBeCloseTo(37 / 12, 12); // (10/3 + 3 + 2 + 4) / 4
    expect(n.isolates).toBe(0);
    const node = (orgId: string) =>
      n.nodes.find((x: { organization: { id: string } }) => x.organization.id === orgId);
    expect(node(w.orgA.id)).toMatchObject({
      degree: 1,
      betweenness: 0,
      suppressed: true,
      trust: null,
      value: null,
    });
    expect(node(w.orgB.id).degree).toBe(2);
    expect(node(w.orgB.id).betweenness).toBeCloseTo(2 / 3, 12); // A–C and A–D pass through B
    expect(node(w.orgB.id)).toMatchObject({ suppressed: true, trust: null, value: null });
    expect(node(orgC.id).betweenness).toBeCloseTo(2 / 3, 12);
    // C was rated by B and D (2 = minRespondents): its trust and value are shown.
    expect(node(orgC.id)).toMatchObject({ degree: 2, suppressed: false });
    expect(node(orgC.id).trust).toBeCloseTo(2.5, 12);
    expect(node(orgC.id).value).toBeCloseTo(3, 12);
    expect(node(orgD.id)).toMatchObject({ degree: 1, betweenness: 0, suppressed: true });
    const tie = (a: string, b: string) =>
      n.ties.find(
        (x: { a: string; b: string }) => (x.a === a && x.b === b) || (x.a === b && x.b === a),
      );
    expect(n.ties).toHaveLength(3);
    expect(tie(w.orgA.id, w.orgB.id).level).toBe(3); // the higher of 3 and 2
    expect(tie(w.orgB.id, orgC.id).level).toBe(1);
    expect(tie(orgC.id, orgD.id).level).toBe(2);
    expect(tie(orgC.id, w.orgA.id)).toBeUndefined(); // level 0 is no tie
    for (const x of n.ties) expect(Object.keys(x).sort()).toEqual(['a', 'b', 'level']);
  });

  it('shows each role what it may: nodes and ties to the table, network figures to funders, raw ratings to admins', async () => {
    const url = `/partnership-surveys/${id}/network`;
    for (const who of ['coordinator', 'member', 'editorA', 'viewerA', 'admin']) {
      const n = await c(who).get(url);
      expect(n.nodes, who).toHaveLength(4);
      expect(n.ties, who).toHaveLength(3);
      // Suppressed agencies' trust is never sent; C's is a mean of two agencies' ratings.
      for (const node of n.nodes) if (node.suppressed) expect(node.trust).toBeNull();
    }
    const funder = await c('funder').get(url);
    expect(funder).toMatchObject({ nodes: [], ties: [], isolates: 0 });
    expect(funder.density).toBeCloseTo(0.5, 12);
    expect(funder.meanTrust).toBeCloseTo(3, 12);
    for (const who of ['otherCoordinator', 'editorX', 'nobody']) {
      expect((await c(who).fail('get', url)).status, who).toBe(404);
      expect((await c(who).fail('get', `/partnership-surveys/${id}`)).status, who).toBe(404);
    }
    // An agency reads its own answers, never another's.
    const mine = await c('editorA').get(`/partnership-surveys/${id}/my-response`);
    expect(mine.organization.id).toBe(w.orgA.id);
    expect(JSON.stringify(mine)).not.toContain('"level":2');

    const csvUrl = `/partnership-surveys/${id}/responses.csv`;
    for (const who of ['coordinator', 'member', 'editorA', 'funder'])
      expect((await c(who).fail('get', csvUrl)).status, who).toBe(403);
    expect((await c('otherCoordinator').fail('get', csvUrl)).status).toBe(404);
    const csv = await c('admin').call('get', csvUrl);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'respondent_code,rated_code,level,trust_openness,trust_reliability,trust_shared_purpose,value_resources,value_influence,value_involvement,contributions,comment',
    );
    expect(lines).toHaveLength(6);
    expect(lines).toContain(`${w.orgA.code},${w.orgB.code},3,4,4,4,3,3,4,,`);
    expect(lines).toContain(`${orgC.code},${w.orgA.code},0,,,,,,,,`);
  });

  it('records density, reciprocity, trust and value as approved indicator figures on closing', async () => {
    const closed = await c('coordinator').post(`/partnership-surveys/${id}/close`);
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const byCode = Object.fromEntries(
      closed.figures.map((f: { code: string; value: number }) => [f.code, f.value]),
    );
    expect(byCode).toEqual({ NET_DENSITY: 50, NET_RECIPROCITY: 50, NET_TRUST: 3, NET_VALUE: 3.08 });

    for (const who of ['coordinator', 'member', 'funder', 'editorA']) {
      const card = await c(who).get(`/tables/${w.table.id}/scorecard`);
      const result = card.results.find(
        (r: { title: string }) => r.title === 'Partners work together in trust',
      );
      expect(result, who).toBeDefined();
      const ind = Object.fromEntries(result.indicators.map((i: { code: string }) => [i.code, i]));
      expect(ind.NET_DENSITY, who).toMatchObject({
        unit: 'percent',
        direction: 'up',
        periodType: 'year',
        latest: { period: '2025', value: 50 },
      });
      expect(ind.NET_RECIPROCITY.latest).toMatchObject({ period: '2025', value: 50 });
      expect(ind.NET_TRUST).toMatchObject({ unit: 'number', decimals: 2, latest: { value: 3 } });
      expect(ind.NET_VALUE.latest).toMatchObject({ value: 3.08 });
    }
    const figures = await c('coordinator').get(
      `/measures/${closed.figures[0].measureId}/observations`,
    );
    expect(figures.items ?? figures).toEqual(
      expect.arrayContaining([expect.objectContaining({ period: '2025', status: 'approved' })]),
    );
  });

  it('adds the next period to the same indicators, so the scorecard has a trend', async () => {
    const next = await openSurvey({ period: '2026', minRespondents: 2 });
    const url = `/partnership-surveys/${next.id}/my-response`;
    await c('editorA').put(url, {
      answers: [
        { organizationId: w.orgB.id, level: 4, trust: all(4), value: all(4) },
        { organizationId: orgC.id, level: 2, trust: all(3), value: all(3) },
      ],
    });
    await c('editorB').put(url, {
      answers: [{ organizationId: w.orgA.id, level: 4, trust: all(4), value: all(4) }],
    });
    const closed = await c('admin').post(`/partnership-surveys/${next.id}/close`);
    // ties A–B, A–C of 6; directed A→B, A→C, B→A: 2 of 3 reciprocated.
    const byCode = Object.fromEntries(
      closed.figures.map((f: { code: string; value: number; measureId: string }) => [f.code, f]),
    );
    expect(byCode.NET_DENSITY.value).toBe(33.3);
    expect(byCode.NET_RECIPROCITY.value).toBe(66.7);
    const card = await c('member').get(`/tables/${w.table.id}/scorecard`);
    const results = card.results.filter(
      (r: { title: string }) => r.title === 'Partners work together in trust',
    );
    expect(results).toHaveLength(1);
    const density = results[0].indicators.find((i: { code: string }) => i.code === 'NET_DENSITY');
    expect(density.measureId).toBe(byCode.NET_DENSITY.measureId);
    expect(density.latest).toMatchObject({ period: '2026', value: 33.3 });
    // A fiscal-year survey cannot feed yearly indicators.
    const fy = await c('coordinator').fail('post', `/tables/${w.table.id}/partnership-surveys`, {
      title: 'x',
      period: 'FY2026-27',
      opens: day(0),
      closes: day(0),
    });
    expect(fy.status).toBe(400);
  });
});
