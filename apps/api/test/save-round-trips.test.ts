// Saving a figure costs at most three round trips to the database once the process has read
// what rarely changes (issue #22) — today two: the session lookup of the request's
// authentication, and one save statement (save_figure) that checks the cached configuration's
// version (the measure, the settings, the vocabulary), takes the locks, checks the period,
// writes the figure and its audit event, in autocommit. Counted at the driver, so BEGIN and COMMIT count too. Also: the audit event the
// statement writes says what the API answers, and a process's cache follows the configuration
// another process changes (two Kysely instances over one database, each with its own cache).

import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type DatabaseConnection, type Dialect, type Driver, sql } from 'kysely';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Engine } from '../src/db/database.js';
import type { Db } from '../src/db/schema.js';
import { buildWorld, type World } from '../support/world.js';
import { TEST_JWT_SECRET, testConfig } from './helpers/app.js';
import { createTestDatabase } from './helpers/database.js';

/** Every statement the driver sends, BEGIN and COMMIT included, while `on`. */
interface Sink {
  on: boolean;
  sql: string[];
}

function counting(inner: Dialect, sink: Sink): Dialect {
  const patched = new WeakSet<DatabaseConnection>();
  return {
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createDriver: (): Driver => {
      const d = inner.createDriver();
      const acquire = d.acquireConnection.bind(d);
      d.acquireConnection = async () => {
        const c = await acquire();
        if (!patched.has(c)) {
          patched.add(c);
          const execute = c.executeQuery.bind(c);
          c.executeQuery = (q) => {
            if (sink.on) sink.sql.push(q.sql.replace(/\s+/g, ' ').trim());
            return execute(q);
          };
        }
        return c;
      };
      return d;
    },
  };
}

interface Handle {
  db: Db;
  engine: Engine;
  /** A second Kysely over the same database: another process's connection, with its own cache. */
  other: Db;
  close(): Promise<void>;
}

async function openCounted(sink: Sink): Promise<Handle> {
  const t = await createTestDatabase({ wrap: (d) => counting(d, sink) });
  return { db: t.db, engine: t.engine, other: t.another(), close: () => t.close() };
}

async function appOver(db: Db, engine: Engine): Promise<FastifyInstance> {
  const config = testConfig();
  const app = await buildApp({ config, db, engine, jwtSecret: TEST_JWT_SECRET });
  await app.ready();
  return app;
}

const sink: Sink = { on: false, sql: [] };
let h: Handle;
let app: FastifyInstance;
let w: World;
let editor: string;

async function login(a: FastifyInstance, email: string, password: string) {
  const res = await supertest(a.server).post('/api/v1/auth/login').send({ email, password });
  expect(res.status, res.text).toBe(200);
  return `Bearer ${res.body.token as string}`;
}

function put(a: FastifyInstance, token: string, measureId: string, period: string, body: object) {
  return supertest(a.server)
    .put(`/api/v1/measures/${measureId}/observations/${period}`)
    .set('authorization', token)
    .send(body);
}

/** The statements one request sends. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  sink.sql = [];
  sink.on = true;
  try {
    await work();
  } finally {
    sink.on = false;
  }
  return sink.sql;
}

beforeAll(async () => {
  h = await openCounted(sink);
  w = await buildWorld(h.db);
  app = await appOver(h.db, h.engine);
  editor = await login(app, w.users.editorA.email, w.users.editorA.password);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('saving a figure (PUT)', () => {
  it('sends at most three statements once the process has read the configuration', async () => {
    const period = 'FY2010-11-Q1';
    // The first save over HTTP (building the world already saved figures through the service).
    const cold = await statementsOf(async () => {
      const res = await put(app, editor, w.countA.id, period, { value: 10 });
      expect(res.status, res.text).toBe(200);
    });
    // Warm, an update of that figure and the insert of a part.
    const update = await statementsOf(async () => {
      const res = await put(app, editor, w.countA.id, period, { value: 11 });
      expect(res.status, res.text).toBe(200);
    });
    const insert = await statementsOf(async () => {
      const res = await put(app, editor, w.countA.id, period, {
        value: 4,
        breakdown: { [w.dimension.code]: 'girls' },
      });
      expect(res.status, res.text).toBe(200);
    });
    console.log(
      `save statements: first ${cold.length}, warm update ${update.length}, warm insert ${insert.length}\n  ${update.join('\n  ')}`,
    );
    expect(update.length, update.join('\n')).toBeLessThanOrEqual(3);
    expect(insert.length, insert.join('\n')).toBeLessThanOrEqual(3);
    // No transaction of its own: the one save statement commits by itself.
    expect(update.filter((s) => /^(begin|commit|start transaction)/i.test(s))).toEqual([]);
  });

  it('refusals cost no more: a version conflict answers with the current figure', async () => {
    const period = 'FY2010-11-Q2';
    const first = await put(app, editor, w.countA.id, period, { value: 3 });
    expect(first.status, first.text).toBe(200);
    const refused = await statementsOf(async () => {
      const res = await put(app, editor, w.countA.id, period, { value: 5, version: 7 });
      expect(res.status, res.text).toBe(409);
      expect(res.body.error.details.current).toEqual({ ...first.body, warnings: undefined });
    });
    expect(refused.length, refused.join('\n')).toBeLessThanOrEqual(3);
  });

  it('writes the audit event the API would have: the figure before and after, as answered', async () => {
    const period = 'FY2010-11-Q3';
    const created = await put(app, editor, w.countA.id, period, { value: 20, note: 'first' });
    expect(created.status, created.text).toBe(200);
    const updated = await put(app, editor, w.countA.id, period, {
      value: 21,
      version: created.body.version,
    });
    expect(updated.status, updated.text).toBe(200);
    const events = await h.other
      .selectFrom('audit_events')
      .select(['action', 'entity', 'entity_id', 'before', 'after', 'actor_id', 'request_id'])
      .where('entity', '=', 'observation')
      .where('entity_id', '=', created.body.id)
      .orderBy('id')
      .execute();
    const { warnings: _w1, ...createdFigure } = created.body;
    const { warnings: _w2, ...updatedFigure } = updated.body;
    expect(events.map((e) => e.action)).toEqual(['observation.create', 'observation.update']);
    expect(events[0]?.before).toBeNull();
    expect(events[0]?.after).toEqual(createdFigure);
    expect(events[1]?.before).toEqual(createdFigure);
    expect(events[1]?.after).toEqual(updatedFigure);
    expect(Object.keys(events[1]?.after as object).sort()).toEqual(
      Object.keys(updatedFigure).sort(),
    );
    expect(updatedFigure.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(events[1]?.actor_id).toBe(w.users.editorA.id);
    expect(typeof events[1]?.request_id).toBe('string');
    // An unchanged figure is neither written nor audited.
    const same = await put(app, editor, w.countA.id, period, { value: 21 });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(updated.body.version);
    const after = await h.other
      .selectFrom('audit_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('entity_id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(2);
  });
});

describe('the audit chain lock comes last (see audit-last.test.ts)', () => {
  it("save_figure's audit insert follows every lock and write it takes", async () => {
    const { rows } = await sql<{ def: string }>`
      select pg_get_functiondef(p.oid) as def from pg_proc p where p.proname = 'save_figure'`.execute(
      h.other,
    );
    const def = (rows[0]?.def ?? '').toLowerCase();
    const audit = def.indexOf('insert into audit_events');
    expect(audit).toBeGreaterThan(0);
    expect(def.indexOf('insert into audit_events', audit + 1)).toBe(-1);
    for (const before of ['for share', 'update observations', 'insert into observations']) {
      const at = def.lastIndexOf(before);
      expect(at, before).toBeGreaterThan(0);
      expect(at, before).toBeLessThan(audit);
    }
    // After the insert (its quoted words aside), only the end of the function.
    const rest = def.slice(audit).replace(/'[^']*'/g, "''");
    expect(rest.match(/\b(insert|update|delete|share|perform|select)\b/g)).toEqual(['insert']);
  });
});

describe('the cached configuration follows changes made elsewhere', () => {
  const period = 'FY2010-11-Q4';
  const dimensionId = async () =>
    (
      await h.other
        .selectFrom('dimensions')
        .select('id')
        .where('code', '=', w.dimension.code)
        .executeTakeFirstOrThrow()
    ).id;

  it('a dimension value added by another process is accepted at once', async () => {
    const warm = await put(app, editor, w.countA.id, period, {
      value: 1,
      breakdown: { [w.dimension.code]: 'girls' },
    });
    expect(warm.status, warm.text).toBe(200);
    await h.other
      .insertInto('dimension_values')
      .values({ dimension_id: await dimensionId(), code: 'other', label: 'Other' })
      .execute();
    const res = await put(app, editor, w.countA.id, period, {
      value: 1,
      breakdown: { [w.dimension.code]: 'other' },
    });
    expect(res.status, res.text).toBe(200);
  });

  it('a dimension value removed by another process is refused at once', async () => {
    const warm = await put(app, editor, w.countA.id, period, {
      value: 2,
      breakdown: { [w.dimension.code]: 'girls' },
    });
    expect(warm.status, warm.text).toBe(200);
    await h.other
      .deleteFrom('dimension_values')
      .where('dimension_id', '=', await dimensionId())
      .where('code', '=', 'boys')
      .execute();
    const res = await put(app, editor, w.countA.id, period, {
      value: 1,
      breakdown: { [w.dimension.code]: 'boys' },
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    const stored = await h.other
      .selectFrom('observations')
      .select('id')
      .where('measure_id', '=', w.countA.id)
      .where('breakdown', '=', `${w.dimension.code}=boys`)
      .execute();
    expect(stored).toEqual([]);
  });

  it("a measure's new dimension, added by another process, is accepted at once", async () => {
    const code = `region_${randomBytes(3).toString('hex')}`;
    const dim = await h.other
      .insertInto('dimensions')
      .values({ code, name: 'Region' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.other
      .insertInto('dimension_values')
      .values({ dimension_id: dim.id, code: 'north', label: 'North' })
      .execute();
    await h.other
      .insertInto('measure_dimensions')
      .values({ measure_id: w.countA.id, dimension_id: dim.id })
      .execute();
    const res = await put(app, editor, w.countA.id, period, {
      value: 1,
      breakdown: { [code]: 'north' },
    });
    expect(res.status, res.text).toBe(200);
  });

  it('a measure archived by another process is refused at once', async () => {
    const warm = await put(app, editor, w.countB.id, period, { value: 1 });
    // countB is orgB's: editorA may neither write nor see it.
    expect(warm.status, warm.text).toBe(404);
    const own = await put(app, editor, w.countA.id, period, { value: 3 });
    expect(own.status, own.text).toBe(200);
    await h.other
      .updateTable('measures')
      .set({ archived_at: new Date() })
      .where('id', '=', w.countA.id)
      .execute();
    const res = await put(app, editor, w.countA.id, period, { value: 4 });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('MEASURE_ARCHIVED');
    await h.other
      .updateTable('measures')
      .set({ archived_at: null })
      .where('id', '=', w.countA.id)
      .execute();
    const again = await put(app, editor, w.countA.id, period, { value: 4 });
    expect(again.status, again.text).toBe(200);
  });
});
