// The audit chain's lock (one row, taken by the trigger of every audit insert, held until commit)
// must be the last lock a writing transaction takes. If a transaction held it and then waited
// for a figure's row lock, while the holder of that row waited for the chain, PostgreSQL would
// find a deadlock and abort one of them (seen once in CI: an import racing single-cell edits
// answered 500). So audit events are written at the end of their transaction: after the first
// audit insert of a use case, nothing but audit inserts may follow. Checked statement by
// statement for a single save, a bulk save, a submit and an import commit.
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { createTestApp, type TestApp } from './helpers/app.js';

/** Logs a short description of every statement: the table an insert writes, or its SQL. */
class StatementLog implements KyselyPlugin {
  lines: string[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as RootOperationNode & {
      into?: { table?: { identifier?: { name?: string } } };
      sqlFragments?: readonly string[];
    };
    if (node.kind === 'InsertQueryNode') {
      this.lines.push(`insert ${node.into?.table?.identifier?.name ?? '?'}`);
    } else if (node.kind === 'RawNode') {
      const text = (node.sqlFragments ?? []).join('$').replace(/\s+/g, ' ').trim();
      const into = /^insert into (\w+)/i.exec(text);
      this.lines.push(into ? `insert ${into[1]}` : text.slice(0, 60));
    } else {
      this.lines.push(node.kind);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  async during(work: () => Promise<unknown>): Promise<string[]> {
    const from = this.lines.length;
    await work();
    return this.lines.slice(from);
  }
}

/** The statements after the first audit insert that are not audit inserts. */
function afterAudit(lines: string[]): string[] {
  const first = lines.indexOf('insert audit_events');
  expect(first, lines.join('\n')).toBeGreaterThanOrEqual(0);
  return lines.slice(first).filter((l) => l !== 'insert audit_events');
}

const log = new StatementLog();
let t: TestApp;
let w: World;
let admin: string;
let editor: string;

beforeAll(async () => {
  t = await createTestApp({}, undefined, { plugins: [log] });
  w = await buildWorld(t.db);
  admin = await t.login(w.users.admin.email, w.users.admin.password);
  editor = await t.login(w.users.editorA.email, w.users.editorA.password);
});
afterAll(async () => t?.closeAll());

describe('audit events come last in their transaction', () => {
  it('in a single save', async () => {
    const lines = await log.during(async () => {
      const res = await t
        .http()
        .put(`/api/v1/measures/${w.countB.id}/observations/FY2010-11-Q1`)
        .set('authorization', admin)
        .send({ value: 12 });
      expect(res.status).toBe(200);
    });
    // One statement writes the figure and, as its last write, the event (save_figure, run in
    // autocommit; save-round-trips.test.ts checks the order inside it): nothing comes after.
    expect(lines.at(-1), lines.join('\n')).toMatch(/^select \* from save_figure/);
    expect(lines).not.toContain('insert audit_events');
  });

  it('in a bulk save of several agencies’ figures', async () => {
    const lines = await log.during(async () => {
      const res = await t
        .http()
        .put(`/api/v1/organizations/${w.orgA.id}/observations`)
        .set('authorization', editor)
        .send({
          items: ['FY2010-11-Q1', 'FY2010-11-Q2', 'FY2010-11-Q3'].map((period, i) => ({
            measureId: w.countA.id,
            period,
            value: 10 + i,
          })),
        });
      expect(res.status, res.text).toBe(200);
    });
    expect(lines.filter((l) => l === 'insert audit_events').length).toBeGreaterThanOrEqual(1);
    expect(afterAudit(lines)).toEqual([]);
  });

  it('in a submit', async () => {
    const lines = await log.during(async () => {
      const res = await t
        .http()
        .post(`/api/v1/organizations/${w.orgA.id}/periods/FY2010-11-Q1/submit`)
        .set('authorization', editor);
      expect(res.status, res.text).toBe(200);
    });
    expect(afterAudit(lines)).toEqual([]);
  });

  it('in an import commit that inserts and updates figures', async () => {
    const periods = ['FY2011-12-Q1', 'FY2011-12-Q2', 'FY2011-12-Q3', 'FY2011-12-Q4'];
    await t
      .http()
      .put(`/api/v1/measures/${w.countB.id}/observations/${periods[0]}`)
      .set('authorization', admin)
      .send({ value: 1 })
      .expect(200);
    const csv = `quarter,value\n${periods.map((p, i) => `${p},${100 + i}`).join('\n')}\n`;
    const lines = await log.during(async () => {
      const res = await t
        .http()
        .post('/api/v1/imports?commit=true')
        .set('authorization', admin)
        .field(
          'mapping',
          JSON.stringify({
            mode: 'long',
            measureId: w.countB.id,
            period: { column: 'quarter' },
            value: { column: 'value' },
          }),
        )
        .attach('file', Buffer.from(csv), 'figures.csv');
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ committed: true, inserted: 3, updated: 1 });
    });
    expect(afterAudit(lines)).toEqual([]);
  });
});
