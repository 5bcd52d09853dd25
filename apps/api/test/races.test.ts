// Races over real HTTP (the app listening on a port, many sockets at once), on the engine of the
// run (PGlite, or PostgreSQL with TEST_DATABASE_URL):
//   - 50 editors, each a distinct user, saving the same cells with the versions they read, in
//     rounds, retrying a 409 with the version it returns as a person would: no accepted write is
//     lost, versions advance one by one, the stored figure is the last accepted write;
//   - saves racing the submission of their period: every accepted save is in what was
//     submitted, every other one is refused with PERIOD_LOCKED;
//   - an import commit racing single-cell edits of the same cells: all or none, and every
//     figure's audit trail is an unbroken chain ending at what is stored.
// Prints the number of races run and of writes lost (which must be 0).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/access/actor.js';
import { createProgramMeasure } from '../src/measures/measures.service.js';
import { makeUser } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const EDITORS = 50;
const CELL_ROUNDS = 4;
const CELLS = 3;
/** A person retries a refused save a few times, then gives up. */
const MAX_ATTEMPTS = 5;
const SUBMIT_ROUNDS = 30;
const SAVERS_PER_SUBMIT = 8;
const IMPORT_ROUNDS = 12;
const IMPORT_ROWS = 120;
const EDITS_PER_IMPORT = 24;
const IMPORT_SUBMIT_ROUNDS = 20;
const IMPORTS_PER_SUBMIT = 4;

let t: TestApp;
let w: World;
let base: string;
let admin: string;
let editors: { id: string; auth: string }[] = [];
const tally = {
  races: 0,
  saves: 0,
  accepted: 0,
  conflicts: 0,
  gaveUp: 0,
  lost: 0,
  submitRaces: 0,
  savedBeforeSubmit: 0,
  refusedLocked: 0,
  importRaces: 0,
  importSubmitRaces: 0,
  importedBeforeSubmit: 0,
  importsRefusedLocked: 0,
  importsCommitted: 0,
  importsConflicted: 0,
  editsAccepted: 0,
  editsConflicted: 0,
};

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely
type Body = any;
interface Answer {
  status: number;
  body: Body;
}

async function call(method: string, url: string, auth: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: {
      authorization: auth,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fiscal quarters of one fiscal year onwards: a distinct block per scenario. */
function quarters(firstYear: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const y = firstYear + Math.floor(i / 4);
    return `FY${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${(i % 4) + 1}`;
  });
}

const system = (): Actor => ({
  userId: w.users.admin.id,
  grants: [{ role: 'admin', scopeType: null, scopeId: null }],
  requestId: 'races',
});

async function newMeasure(code: string) {
  return createProgramMeasure(t.db, system(), w.programA.id, {
    code,
    name: `Race ${code}`,
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'how_much',
  });
}

/** A total cell as stored, straight from the database. */
async function storedCell(measureId: string, periodStart: string) {
  return t.db
    .selectFrom('observations')
    .select(['id', 'value', 'version', 'status'])
    .where('measure_id', '=', measureId)
    .where('period_start', '=', periodStart)
    .where('breakdown', '=', '')
    .executeTakeFirst();
}

/** Every audit event of an observation, oldest first. */
async function trailOf(observationId: string) {
  const rows = await t.db
    .selectFrom('audit_events')
    .select(['id', 'actor_id', 'action', 'before', 'after', 'request_id'])
    .where('entity', '=', 'observation')
    .where('entity_id', '=', observationId)
    .orderBy('id')
    .execute();
  return rows as { id: number; actor_id: string; action: string; before: Body; after: Body }[];
}

/**
 * The audit trail of a cell is one unbroken chain: it starts with its creation, each event
 * starts from where the one before ended, and the last ends at the stored figure. So no figure
 * changed without an audit event, and no audit event describes a change that did not happen.
 */
function chainBreaks(
  trail: { action: string; before: Body; after: Body }[],
  row: { value: number | null; version: number },
): string[] {
  const breaks: string[] = [];
  if (trail[0]?.action !== 'observation.create' || trail[0]?.before !== null)
    breaks.push(`starts with ${trail[0]?.action}`);
  for (let k = 1; k < trail.length; k++) {
    const prev = trail[k - 1]?.after;
    const cur = trail[k];
    if (cur?.before?.version !== prev?.version || cur?.before?.value !== prev?.value)
      breaks.push(`event ${k} starts at ${cur?.before?.value}@${cur?.before?.version}`);
    if (cur?.after?.version !== (prev?.version ?? 0) + 1)
      breaks.push(`event ${k} jumps to version ${cur?.after?.version}`);
  }
  const last = trail.at(-1)?.after;
  if (last?.value !== row.value || last?.version !== row.version)
    breaks.push(`ends at ${last?.value}@${last?.version}, stored ${row.value}@${row.version}`);
  return breaks;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  admin = await t.login(w.users.admin.email, w.users.admin.password);
  const people = await Promise.all(
    Array.from({ length: EDITORS }, () =>
      makeUser(t.db, [{ role: 'partner_editor', scopeType: 'organization', scopeId: w.orgA.id }]),
    ),
  );
  editors = await Promise.all(
    people.map(async (p) => ({ id: p.id, auth: await t.login(p.email, p.password) })),
  );
}, 120_000);

afterAll(async () => {
  console.log(`races on ${t?.engine}: ${JSON.stringify(tally)}`);
  console.log(
    `races run: ${tally.races + tally.submitRaces + tally.importRaces + tally.importSubmitRaces}, writes lost: ${tally.lost}`,
  );
  await t?.closeAll();
});

describe('races over HTTP', () => {
  it(`${EDITORS} editors saving the same cells with the versions they read: no accepted write is lost`, async () => {
    const m = await newMeasure('RACE-CELLS');
    const periods = quarters(1770, CELLS);
    const answers: { cell: string; editor: number; value: number; version: number }[] = [];
    const other: Answer[] = [];
    for (let round = 0; round < CELL_ROUNDS; round++) {
      // Each editor goes over the cells in its own order, reading each before saving it.
      await Promise.all(
        editors.map(async (e, k) => {
          const order = periods.map((_, i) => (i + k + round) % CELLS);
          for (const i of order) {
            const period = periods[i] as string;
            const read = await call(
              'GET',
              `/measures/${m.id}/observations?from=${period}&to=${period}&breakdowns=false`,
              e.auth,
            );
            expect(read.status).toBe(200);
            let version = (read.body.items[0]?.version as number | undefined) ?? 0;
            // Unique per save, so that every accepted save changes the figure.
            const value = round * 1_000_000 + k * 1_000 + i;
            tally.saves++;
            let saved = false;
            for (let attempt = 0; attempt < MAX_ATTEMPTS && !saved; attempt++) {
              const r = await call('PUT', `/measures/${m.id}/observations/${period}`, e.auth, {
                value,
                version,
              });
              if (r.status === 200) {
                saved = true;
                answers.push({ cell: period, editor: k, value, version: r.body.version });
              } else if (r.status === 409 && r.body.error.code === 'VERSION_CONFLICT') {
                tally.conflicts++;
                version = r.body.error.details.current?.version ?? 0;
                await pause(Math.random() * 10); // a person looks at the other value first
              } else {
                other.push(r);
                break;
              }
            }
            if (!saved) tally.gaveUp++;
          }
        }),
      );
      tally.races += CELLS;
    }
    expect(other, JSON.stringify(other.slice(0, 3))).toEqual([]);
    tally.accepted += answers.length;
    expect(answers.length).toBeGreaterThan(CELLS * CELL_ROUNDS);

    let lost = 0;
    for (const period of periods) {
      const accepted = answers
        .filter((a) => a.cell === period)
        .sort((a, b) => a.version - b.version);
      const start = (
        await call('GET', `/measures/${m.id}/observations?from=${period}&to=${period}`, admin)
      ).body.items[0];
      const row = await storedCell(m.id, start.periodStart);
      expect(row).toBeDefined();
      if (!row) continue;
      const trail = await trailOf(row.id);
      // Every 200 is in the trail exactly once, with its value and version.
      for (const a of accepted) {
        const found = trail.filter(
          (e) => e.after?.value === a.value && e.after?.version === a.version,
        );
        if (found.length !== 1) lost++;
        else expect(found[0]?.actor_id).toBe(editors[a.editor]?.id);
      }
      // Versions advance one by one among accepted writes: no gap, no version given twice.
      expect(accepted.map((a) => a.version)).toEqual(accepted.map((_, k) => k + 1));
      expect(trail).toHaveLength(accepted.length);
      expect(chainBreaks(trail, row)).toEqual([]);
      // The stored figure is the last accepted write.
      const last = accepted.at(-1);
      expect(row).toMatchObject({ value: last?.value, version: last?.version });
    }
    tally.lost += lost;
    expect(lost).toBe(0);
  });

  it('saves racing the submission of their period: in what was submitted, or refused', async () => {
    const measures = await Promise.all(
      Array.from({ length: SAVERS_PER_SUBMIT }, (_, k) => newMeasure(`RACE-SUB-${k}`)),
    );
    const periods = quarters(1780, SUBMIT_ROUNDS);
    for (const [round, period] of periods.entries()) {
      // Half the cells exist as drafts before the race; the others are created by it.
      const before = new Map<string, number>();
      for (const [k, m] of measures.entries()) {
        if ((k + round) % 2 === 0) continue;
        const r = await call('PUT', `/measures/${m.id}/observations/${period}`, admin, {
          value: k,
        });
        expect(r.status).toBe(200);
        before.set(m.id, k);
      }
      const saves = measures.map(async (m, k) => {
        await pause(Math.random() * 15);
        const e = editors[(round * SAVERS_PER_SUBMIT + k) % EDITORS] as { auth: string };
        const value = 10_000 + round * 100 + k;
        const r = await call('PUT', `/measures/${m.id}/observations/${period}`, e.auth, { value });
        return { m, value, r };
      });
      const submit = (async () => {
        await pause(Math.random() * 15);
        return call('POST', `/organizations/${w.orgA.id}/periods/${period}/submit`, admin);
      })();
      const [sub, ...results] = await Promise.all([submit, ...saves]);
      tally.submitRaces++;
      const detail = `round ${round}: submit ${sub?.status} ${JSON.stringify(sub?.body)}`;
      expect(sub?.status, detail).toBe(200);
      let accepted = 0;
      let acceptedNew = 0;
      for (const { m, value, r } of results as { m: { id: string }; value: number; r: Answer }[]) {
        const start = sub?.body.periodStart as string;
        const row = await storedCell(m.id, start);
        if (r.status === 200) {
          accepted++;
          if (!before.has(m.id)) acceptedNew++;
          tally.savedBeforeSubmit++;
          // Saved before the lock: it is what was submitted.
          expect(row, detail).toMatchObject({
            value,
            status: 'submitted',
            version: r.body.version,
          });
        } else {
          tally.refusedLocked++;
          expect(r.status, detail).toBe(409);
          expect(r.body.error.code, detail).toBe('PERIOD_LOCKED');
          if (before.has(m.id))
            expect(row, detail).toMatchObject({ value: before.get(m.id), status: 'submitted' });
          else expect(row, detail).toBeUndefined();
        }
      }
      // What the submission locked is exactly the drafts that existed plus the new cells saved.
      expect(sub?.body.lockedObservations, detail).toBe(before.size + acceptedNew);
      expect(accepted).toBeLessThanOrEqual(SAVERS_PER_SUBMIT);
    }
    // Both outcomes happened over the rounds: the race was real.
    expect(tally.savedBeforeSubmit).toBeGreaterThan(0);
    expect(tally.refusedLocked).toBeGreaterThan(0);
  });

  it('an import commit racing single-cell edits of the same cells: all or none, nothing unaudited', async () => {
    const importer = editors[0] as { id: string; auth: string };
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      const m = await newMeasure(`RACE-IMP-${round}`);
      const periods = quarters(1800, IMPORT_ROWS);
      // Half the file's cells exist before (the import updates them), half are new (inserts).
      const versions = new Map<string, number>();
      for (const [i, period] of periods.entries()) {
        if (i % 2 === 1) continue;
        const r = await call('PUT', `/measures/${m.id}/observations/${period}`, admin, {
          value: i,
        });
        versions.set(period, r.body.version);
      }
      const csv = `quarter,value\n${periods.map((p, i) => `${p},${500_000 + round * 1000 + i}`).join('\n')}\n`;
      const form = new FormData();
      form.append(
        'mapping',
        JSON.stringify({
          mode: 'long',
          measureId: m.id,
          period: { column: 'quarter' },
          value: { column: 'value' },
        }),
      );
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'race.csv');
      // The import starts at a random moment among the edits, so edits land before, during
      // and after it. Refused for a conflict, it is run again, as its message asks.
      const importing = (async () => {
        await pause(Math.random() * 30);
        let answer: Answer = { status: 0, body: null };
        for (let attempt = 0; attempt < 3; attempt++) {
          const res = await fetch(`${base}/api/v1/imports?commit=true`, {
            method: 'POST',
            headers: { authorization: importer.auth },
            body: form,
          });
          answer = { status: res.status, body: (await res.json()) as Body };
          if (answer.status !== 409) break;
          tally.importsConflicted++;
          expect(answer.body.error.code).toBe('IMPORT_CONFLICT');
        }
        return answer;
      })();
      // Edits of the file's cells, old and new, with and without the version read before.
      const edits = Array.from({ length: EDITS_PER_IMPORT }, async (_, k) => {
        const period = periods[(k * 7 + round) % IMPORT_ROWS] as string;
        const e = editors[1 + (k % (EDITORS - 1))] as { id: string; auth: string };
        const value = 900_000 + round * 1000 + k;
        const versioned = k % 2 === 0;
        await pause(Math.random() * 40);
        const r = await call('PUT', `/measures/${m.id}/observations/${period}`, e.auth, {
          value,
          ...(versioned ? { version: versions.get(period) ?? 0 } : {}),
        });
        return { period, value, editor: e.id, r };
      });
      const [imp, ...done] = await Promise.all([importing, ...edits]);
      tally.importRaces++;
      const detail = `round ${round}: import ${imp?.status} ${JSON.stringify(imp?.body).slice(0, 300)}`;
      expect([200, 409], detail).toContain(imp?.status);
      const committed = imp?.status === 200;
      if (committed) {
        tally.importsCommitted++;
        expect(imp?.body.committed, detail).toBe(true);
        expect(imp?.body.inserted + imp?.body.updated + imp?.body.unchanged, detail).toBe(
          IMPORT_ROWS,
        );
      } else {
        expect(imp?.body.error.code, detail).toBe('IMPORT_CONFLICT');
      }
      for (const d of done as { period: string; value: number; editor: string; r: Answer }[]) {
        if (d.r.status === 200) tally.editsAccepted++;
        else {
          tally.editsConflicted++;
          expect(d.r.status, `${detail} edit ${JSON.stringify(d.r.body)}`).toBe(409);
          expect(d.r.body.error.code).toBe('VERSION_CONFLICT');
        }
      }

      // Cell by cell: an unbroken audit chain ending at the stored figure; the import's events
      // all there or none; every accepted edit there once.
      const rows = await t.db
        .selectFrom('observations')
        .select(['id', 'period_start', 'value', 'version'])
        .where('measure_id', '=', m.id)
        .execute();
      let importEvents = 0;
      let lost = 0;
      for (const row of rows) {
        const trail = await trailOf(row.id);
        expect(chainBreaks(trail, row), `${detail} cell ${row.period_start}`).toEqual([]);
        importEvents += trail.filter((e) => e.actor_id === importer.id).length;
        const edited = (done as { period: string; value: number; editor: string; r: Answer }[])
          .filter((d) => d.r.status === 200 && d.r.body.id === row.id)
          .filter(
            (d) =>
              trail.filter(
                (e) =>
                  e.actor_id === d.editor &&
                  e.after?.value === d.value &&
                  e.after?.version === d.r.body.version,
              ).length !== 1,
          );
        lost += edited.length;
      }
      tally.lost += lost;
      expect(lost, detail).toBe(0);
      // Every accepted edit landed on one of these rows.
      const ids = new Set(rows.map((r) => r.id));
      for (const d of done as { r: Answer }[])
        if (d.r.status === 200) expect(ids.has(d.r.body.id)).toBe(true);
      const commitEvents = await t.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'import.commit')
        .where('actor_id', '=', importer.id)
        .execute();
      expect(commitEvents.length, detail).toBe(tally.importsCommitted);
      if (committed) {
        expect(importEvents, detail).toBe(imp?.body.inserted + imp?.body.updated);
        expect(rows, detail).toHaveLength(IMPORT_ROWS);
      } else {
        expect(importEvents, detail).toBe(0);
        // Nothing of the file was written: a new cell exists only where an edit created it.
        const listed = await call('GET', `/measures/${m.id}/observations`, admin);
        const labelOf = new Map<string, string>(
          (listed.body.items as Body[]).map((o) => [o.id as string, o.period as string]),
        );
        const createdByEdit = new Set(
          (done as { r: Answer }[]).filter((d) => d.r.status === 200).map((d) => d.r.body.id),
        );
        for (const row of rows) {
          if (!versions.has(labelOf.get(row.id) ?? ''))
            expect(createdByEdit.has(row.id), detail).toBe(true);
        }
      }
    }
    expect(tally.importsCommitted, JSON.stringify(tally)).toBeGreaterThan(0);
  });

  it('import commits racing the submission of their period: in what was submitted, or refused', async () => {
    const measures = await Promise.all(
      Array.from({ length: IMPORTS_PER_SUBMIT }, (_, k) => newMeasure(`RACE-IMPSUB-${k}`)),
    );
    const periods = quarters(1840, IMPORT_SUBMIT_ROUNDS);
    for (const [round, period] of periods.entries()) {
      const imports = measures.map(async (m, k) => {
        const value = 70_000 + round * 100 + k;
        const form = new FormData();
        form.append(
          'mapping',
          JSON.stringify({
            mode: 'long',
            measureId: m.id,
            period: { column: 'quarter' },
            value: { column: 'value' },
          }),
        );
        form.append(
          'file',
          new Blob([`quarter,value\n${period},${value}\n`], { type: 'text/csv' }),
          'race.csv',
        );
        await pause(Math.random() * 20);
        const e = editors[(round + k) % EDITORS] as { auth: string };
        const res = await fetch(`${base}/api/v1/imports?commit=true`, {
          method: 'POST',
          headers: { authorization: e.auth },
          body: form,
        });
        return { m, value, r: { status: res.status, body: (await res.json()) as Body } };
      });
      const submit = (async () => {
        await pause(Math.random() * 20);
        return call('POST', `/organizations/${w.orgA.id}/periods/${period}/submit`, admin);
      })();
      const [sub, ...results] = await Promise.all([submit, ...imports]);
      tally.importSubmitRaces++;
      const detail = `round ${round}: submit ${sub?.status} ${JSON.stringify(sub?.body)}`;
      expect(sub?.status, detail).toBe(200);
      let committed = 0;
      for (const { m, value, r } of results as { m: { id: string }; value: number; r: Answer }[]) {
        const row = await storedCell(m.id, sub?.body.periodStart as string);
        const what = `${detail} import ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`;
        if (r.status === 200) {
          // Committed before the lock: it is what was submitted, never a draft behind it.
          committed++;
          tally.importedBeforeSubmit++;
          expect(r.body.committed, what).toBe(true);
          expect(row, what).toMatchObject({ value, status: 'submitted' });
        } else {
          // Committed after the lock: refused as a whole, nothing written.
          tally.importsRefusedLocked++;
          expect(r.status, what).toBe(422);
          expect(JSON.stringify(r.body), what).toContain('period locked');
          expect(row, what).toBeUndefined();
        }
      }
      expect(sub?.body.lockedObservations, detail).toBe(committed);
    }
    expect(tally.importedBeforeSubmit, JSON.stringify(tally)).toBeGreaterThan(0);
    expect(tally.importsRefusedLocked, JSON.stringify(tally)).toBeGreaterThan(0);
  });
});
