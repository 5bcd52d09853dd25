// Saves that race: two saves of one cell at one version, two first saves of a new cell, a bulk
// save against a single one, and a save against the submission that locks its period. Each
// race is run many times over fresh cells; whatever the interleaving, exactly one writer wins
// a versioned race, the loser learns the winner's value, and nothing is lost or left unlocked.
// Real interleavings need PostgreSQL (TEST_DATABASE_URL); PGlite serialises transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const ROUNDS = 20;

let t: TestApp;
let w: World;
let editor: string;
let admin: string;
const outcomes: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  editor = await t.login(w.users.editorA.email, w.users.editorA.password);
  admin = await t.login(w.users.admin.email, w.users.admin.password);
});
afterAll(async () => {
  console.log(`concurrency outcomes on ${t?.engine}: ${JSON.stringify(outcomes)}`);
  await t?.closeAll();
});

function tally(scenario: string, outcome: string) {
  const s = outcomes[scenario] ?? {};
  s[outcome] = (s[outcome] ?? 0) + 1;
  outcomes[scenario] = s;
}

/** Fiscal quarters far from the world's figures, a distinct block per scenario. */
function quarters(firstYear: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const y = firstYear + Math.floor(i / 4);
    return `FY${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${(i % 4) + 1}`;
  });
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely
type Body = any;

function putCell(measureId: string, period: string, body: object, auth = editor) {
  return t
    .http()
    .put(`/api/v1/measures/${measureId}/observations/${period}`)
    .set('authorization', auth)
    .send(body);
}

function putBulk(items: object[], auth = editor) {
  return t
    .http()
    .put(`/api/v1/organizations/${w.orgA.id}/observations`)
    .set('authorization', auth)
    .send({ items });
}

function submit(period: string, auth = editor) {
  return t
    .http()
    .post(`/api/v1/organizations/${w.orgA.id}/periods/${period}/submit`)
    .set('authorization', auth);
}

async function ok(req: PromiseLike<{ status: number; body: Body; text: string }>): Promise<Body> {
  const res = await req;
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status} ${res.text}`);
  return res.body;
}

/** The stored total cell of a measure for a period, as its editor sees it, or undefined. */
async function stored(measureId: string, period: string): Promise<Body | undefined> {
  const res = await t
    .http()
    .get(`/api/v1/measures/${measureId}/observations`)
    .query({ from: period, to: period, breakdowns: 'false' })
    .set('authorization', editor);
  expect(res.status).toBe(200);
  return (res.body.items as Body[]).find((o) => o.period === period);
}

/** The audit trail of one observation, oldest first. */
async function audit(observationId: string): Promise<Body[]> {
  const res = await t
    .http()
    .get('/api/v1/audit')
    .query({ entity: 'observation', entityId: observationId, limit: 100 })
    .set('authorization', admin);
  expect(res.status).toBe(200);
  return (res.body.items as Body[]).slice().reverse();
}

describe('concurrent saves', () => {
  it('two saves of one cell at the same version: one wins, the other gets 409 with the winner’s value', async () => {
    for (const [i, period] of quarters(1930, ROUNDS).entries()) {
      const created = await ok(putCell(w.countA.id, period, { value: 1 }));
      const values = [100 + i, 200 + i];
      const [a, b] = await Promise.all(
        values.map((value) => putCell(w.countA.id, period, { value, version: created.version })),
      );
      const responses = [a, b] as { status: number; body: Body; text: string }[];
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses, `round ${i}: ${a?.text} | ${b?.text}`).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)?.body;
      const loser = responses.find((r) => r.status === 409)?.body;
      tally('sameVersion', winner.value === values[0] ? 'first wins' : 'second wins');
      expect(winner.version).toBe(created.version + 1);
      expect(loser.error.code).toBe('VERSION_CONFLICT');
      expect(loser.error.message.length).toBeGreaterThan(5);
      expect(loser.error.details.current.value).toBe(winner.value);
      expect(loser.error.details.current.version).toBe(winner.version);
      expect(loser.error.details.current.id).toBe(created.id);

      const row = await stored(w.countA.id, period);
      expect(row).toMatchObject({ id: created.id, value: winner.value, version: winner.version });
      const trail = await audit(created.id);
      expect(trail.map((e) => e.action)).toEqual(['observation.create', 'observation.update']);
      expect(trail[1].before.value).toBe(1);
      expect(trail[1].after.value).toBe(winner.value);
    }
  });

  it('two first saves of a new cell without a version: no value is lost without a trace', async () => {
    for (const [i, period] of quarters(1940, ROUNDS).entries()) {
      const values = [300 + i, 400 + i];
      const responses = (await Promise.all(
        values.map((value) => putCell(w.countA.id, period, { value })),
      )) as { status: number; body: Body; text: string }[];
      const statuses = responses.map((r) => r.status).sort();
      const detail = `round ${i}: ${responses.map((r) => r.text).join(' | ')}`;
      expect(
        [
          [200, 200],
          [200, 409],
        ],
        detail,
      ).toContainEqual(statuses);
      const wins = responses.filter((r) => r.status === 200).map((r) => r.body);
      const row = await stored(w.countA.id, period);
      expect(row, detail).toBeDefined();
      const trail = await audit(row.id);
      // Every value a caller was told was saved is in the audit trail.
      const audited = trail.map((e) => e.after?.value);
      for (const win of wins) expect(audited, detail).toContain(win.value);
      if (wins.length === 2) {
        tally('newCell', 'both saved (last write wins)');
        // The second save overwrote the first in the open: version 2, two audit events, and
        // the overwritten value is the update's `before`.
        expect(row.version).toBe(2);
        expect(trail.map((e) => e.action)).toEqual(['observation.create', 'observation.update']);
        expect(trail[1].before.value).toBe(trail[0].after.value);
        expect(row.value).toBe(trail[1].after.value);
        expect(values).toContain(row.value);
        expect(wins.map((x) => x.version).sort()).toEqual([1, 2]);
      } else {
        tally('newCell', 'one saved, one 409');
        const winner = wins[0];
        const loser = responses.find((r) => r.status === 409)?.body;
        expect(loser.error.code).toBe('VERSION_CONFLICT');
        expect(loser.error.details.current.value).toBe(winner.value);
        expect(loser.error.details.current.version).toBe(winner.version);
        expect(row).toMatchObject({ value: winner.value, version: 1 });
        expect(trail.map((e) => e.action)).toEqual(['observation.create']);
      }
    }
  });

  it('a bulk save racing a single save of an overlapping cell: one wins, the loser changes nothing', async () => {
    for (const [i, period] of quarters(1950, ROUNDS).entries()) {
      const count = await ok(putCell(w.countA.id, period, { value: 1 }));
      const ratio = await ok(putCell(w.ratioA.id, period, { numerator: 1, denominator: 2 }));
      const bulkValue = 500 + i;
      const singleValue = 600 + i;
      const bulkReq = putBulk([
        { measureId: w.countA.id, period, value: bulkValue, version: count.version },
        { measureId: w.ratioA.id, period, numerator: 3, denominator: 4, version: ratio.version },
      ]);
      const singleReq = putCell(w.countA.id, period, {
        value: singleValue,
        version: count.version,
      });
      // Alternate which request starts first.
      const [bulk, single] =
        i % 2 === 0
          ? await Promise.all([bulkReq, singleReq])
          : await Promise.all([singleReq, bulkReq]).then(([s, b]) => [b, s]);
      const detail = `round ${i}: bulk ${bulk?.status} ${bulk?.text} | single ${single?.status} ${single?.text}`;
      expect([bulk?.status, single?.status].sort(), detail).toEqual([200, 409]);
      const countRow = await stored(w.countA.id, period);
      const ratioRow = await stored(w.ratioA.id, period);
      const countTrail = await audit(count.id);
      const ratioTrail = await audit(ratio.id);
      expect(countTrail.filter((e) => e.action === 'observation.update')).toHaveLength(1);
      if (bulk?.status === 200) {
        tally('bulkVsSingle', 'bulk wins');
        expect(single?.body.error.code).toBe('VERSION_CONFLICT');
        expect(single?.body.error.details.current.value).toBe(bulkValue);
        expect(single?.body.error.details.current.version).toBe(count.version + 1);
        expect(countRow).toMatchObject({ value: bulkValue, version: count.version + 1 });
        expect(ratioRow).toMatchObject({ numerator: 3, denominator: 4, version: 2 });
        expect(ratioTrail.map((e) => e.action)).toEqual([
          'observation.create',
          'observation.update',
        ]);
      } else {
        tally('bulkVsSingle', 'single wins');
        expect(bulk?.body.error.code).toBe('VERSION_CONFLICT');
        expect(bulk?.body.error.details.current.value).toBe(singleValue);
        expect(bulk?.body.error.details.current.version).toBe(count.version + 1);
        expect(countRow).toMatchObject({ value: singleValue, version: count.version + 1 });
        // All or nothing: the bulk's other cell is untouched.
        expect(ratioRow).toMatchObject({ numerator: 1, denominator: 2, version: 1 });
        expect(ratioTrail.map((e) => e.action)).toEqual(['observation.create']);
      }
    }
  });

  it('a save racing the submission of its period: saved before the lock, or refused; never a draft in a submitted period', async () => {
    for (const [i, period] of quarters(1960, ROUNDS * 2).entries()) {
      // Alternate: an existing cell or a new one; a single save or a bulk one.
      const existing = i % 2 === 0 ? await ok(putCell(w.countA.id, period, { value: 1 })) : null;
      const value = 700 + i;
      const bulkSave = i % 4 >= 2;
      const saveReq = bulkSave
        ? putBulk([{ measureId: w.countA.id, period, value }])
        : putCell(w.countA.id, period, { value });
      const [save, sub] =
        i % 3 === 0
          ? await Promise.all([saveReq, submit(period)])
          : await Promise.all([submit(period), saveReq]).then(([s, v]) => [v, s]);
      const detail = `round ${i} (${existing ? 'existing' : 'new'} cell, ${bulkSave ? 'bulk' : 'single'} save): save ${save?.status} ${save?.text} | submit ${sub?.status} ${sub?.text}`;
      expect(sub?.status, detail).toBe(200);
      expect([200, 409], detail).toContain(save?.status);
      const row = await stored(w.countA.id, period);
      const kind = `${existing ? 'existing' : 'new'} cell, ${bulkSave ? 'bulk' : 'single'} save`;
      if (row?.status === 'draft')
        tally('saveVsSubmit', `VIOLATION draft in submitted period (${kind})`);
      // Soft: every round runs, so the log shows how often and in which variants it goes wrong.
      if (save?.status === 200) {
        tally('saveVsSubmit', 'saved, then locked');
        expect.soft(row, detail).toMatchObject({ value, status: 'submitted' });
      } else {
        tally('saveVsSubmit', 'refused: PERIOD_LOCKED');
        expect.soft(save?.body.error.code, detail).toBe('PERIOD_LOCKED');
        if (existing) expect.soft(row, detail).toMatchObject({ value: 1, status: 'submitted' });
        else expect.soft(row, detail).toBeUndefined();
      }
    }
  });
});
