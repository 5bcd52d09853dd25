// Another party's ids in bodies and queries (cross-id.test.ts covers the routes of the permission
// table): each request with an id of an organization or table the caller may not see answers
// exactly as the same request with an id from nowhere, shows none of the other party's data,
// and changes nothing; a control request with the caller's own id is accepted.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../support/fingerprint.js';
import {
  c,
  compare,
  describeRes,
  hiddenFrom,
  jobOfX,
  normalize,
  otherLinkToken,
  otherShared,
  send,
  setUpCrossId,
  t,
  tables,
} from './cross-id-setup.js';
import type { Ctx, Req, Who } from './permissions/table.js';

setUpCrossId();

// Ids in bodies and queries that the permission table's requests leave out.

interface Extra {
  name: string;
  who: Who;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The request with the other party's id; `id` is that id. */
  request(c: Ctx): Req;
  id(c: Ctx): string;
  /**
   * A filter or a dry run may answer (an empty export, a report of unknown rows), as long as
   * the answer is the one an id from nowhere gets.
   */
  mayAnswer?: boolean;
  /** A request an allowed user may make in the same shape, with their own id. */
  control?: { who: Who; request(c: Ctx): Req; expect?: number };
}

function importReq(mapping: Record<string, unknown>, file = 'period,value\nFY2011-12-Q1,5\n'): Req {
  return {
    url: '/api/v1/imports',
    multipart: { fields: { mapping: JSON.stringify(mapping) }, file },
  };
}

const EXTRAS: Extra[] = [
  ...(['countB', 'countX'] as const).map(
    (m): Extra => ({
      name: `an agency's figures naming ${m === 'countB' ? 'a sibling' : 'an outside'} agency's measure`,
      who: 'editorA',
      method: 'PUT',
      request: (c) => ({
        url: `/api/v1/organizations/${c.w.orgA.id}/observations`,
        body: { items: [{ measureId: c.w[m].id, period: 'FY2013-14-Q1', value: 3 }] },
      }),
      id: (c) => c.w[m].id,
      control: {
        who: 'editorA',
        request: (c) => ({
          url: `/api/v1/organizations/${c.w.orgA.id}/observations`,
          body: { items: [{ measureId: c.w.countA.id, period: 'FY2013-14-Q1', value: 3 }] },
        }),
      },
    }),
  ),
  ...(['countB', 'countX'] as const).map(
    (m): Extra => ({
      name: `an import into ${m === 'countB' ? 'a sibling' : 'an outside'} agency's measure`,
      who: 'editorA',
      method: 'POST',
      request: (c) =>
        importReq({
          mode: 'long',
          measureId: c.w[m].id,
          period: { column: 'period' },
          value: { column: 'value' },
        }),
      id: (c) => c.w[m].id,
      control: {
        who: 'editorA',
        request: (c) =>
          importReq({
            mode: 'long',
            measureId: c.w.countA.id,
            period: { column: 'period' },
            value: { column: 'value' },
          }),
      },
    }),
  ),
  {
    name: "an import by code narrowed to an outside agency's measures",
    mayAnswer: true,
    who: 'editorA',
    method: 'POST',
    request: (c) =>
      importReq(
        {
          mode: 'long',
          measure: { column: 'code' },
          organizationId: c.w.outside.id,
          period: { column: 'period' },
          value: { column: 'value' },
        },
        'code,period,value\nSERVED,FY2011-12-Q1,5\n',
      ),
    id: (c) => c.w.outside.id,
    control: {
      who: 'editorA',
      request: (c) =>
        importReq(
          {
            mode: 'long',
            measure: { column: 'code' },
            organizationId: c.w.orgA.id,
            period: { column: 'period' },
            value: { column: 'value' },
          },
          'code,period,value\nSERVED,FY2011-12-Q1,5\n',
        ),
    },
  },
  {
    name: "an import by code narrowed to the other table's measures",
    mayAnswer: true,
    who: 'coordinator',
    method: 'POST',
    request: (c) =>
      importReq(
        {
          mode: 'long',
          measure: { column: 'code' },
          tableId: c.w.otherTable.id,
          period: { column: 'period' },
          value: { column: 'value' },
        },
        'code,period,value\nADULTS-WELL,2011,5\n',
      ),
    id: (c) => c.w.otherTable.id,
  },
  {
    name: "a program contributing to the other table's result",
    who: 'editorA',
    method: 'POST',
    request: (c) => ({
      url: `/api/v1/organizations/${c.w.orgA.id}/programs`,
      body: { name: 'Cross program', resultIds: [c.w.otherResult.id] },
    }),
    id: (c) => c.w.otherResult.id,
    control: {
      who: 'editorA',
      request: (c) => ({
        url: `/api/v1/organizations/${c.w.orgA.id}/programs`,
        body: { name: 'Own program', resultIds: [c.w.result.id] },
      }),
    },
  },
  {
    name: "a program measure reporting the other table's shared measure",
    who: 'editorA',
    method: 'POST',
    request: (c) => ({
      url: `/api/v1/programs/${c.w.programA.id}/measures`,
      body: {
        code: 'CROSS-SHARED',
        name: 'Cross',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'how_much',
        sharedMeasureId: otherShared,
      },
    }),
    id: () => otherShared,
  },
  {
    name: "a program re-linked to the other table's result",
    who: 'editorA',
    method: 'PATCH',
    request: (c) => ({
      url: `/api/v1/programs/${c.w.programA.id}`,
      body: { resultIds: [c.w.otherResult.id] },
    }),
    id: (c) => c.w.otherResult.id,
  },
  ...(['outside', 'orgB'] as const).map(
    (o): Extra => ({
      name: `a plan naming ${o === 'orgB' ? 'a sibling' : 'an outside'} agency as a partner`,
      who: 'editorA',
      method: 'PUT',
      request: (c) => ({
        url: `/api/v1/measures/${c.w.countA.id}/curve-plan`,
        body: { revision: 0, partners: [{ organizationId: c.w[o].id, role: 'help' }] },
      }),
      id: (c) => c.w[o].id,
    }),
  ),
  ...(['measureId', 'programId'] as const).map(
    (param): Extra => ({
      name: `an export filtered by an outside agency's ${param === 'measureId' ? 'measure' : 'program'}`,
      who: 'coordinator',
      method: 'GET',
      request: (c) => ({
        url: '/api/v1/exports/observations.csv',
        query: { [param]: param === 'measureId' ? c.w.countX.id : c.w.programX.id },
      }),
      id: (c) => (param === 'measureId' ? c.w.countX.id : c.w.programX.id),
      control: {
        who: 'coordinator',
        request: (c) => ({
          url: '/api/v1/exports/observations.csv',
          query: { [param]: param === 'measureId' ? c.w.countA.id : c.w.programA.id },
        }),
      },
    }),
  ),
  {
    name: "an export filtered by a sibling agency's measure (for its partner's staff)",
    who: 'editorA',
    method: 'GET',
    request: (c) => ({
      url: '/api/v1/exports/observations.csv',
      query: { measureId: c.w.countB.id },
    }),
    id: (c) => c.w.countB.id,
  },
  {
    name: 'an export of table T narrowed to an outside agency',
    mayAnswer: true,
    who: 'coordinator',
    method: 'GET',
    request: (c) => ({
      url: '/api/v1/exports/observations.csv',
      query: { tableId: c.w.table.id, organizationId: c.w.outside.id },
    }),
    id: (c) => c.w.outside.id,
  },
  ...(['system-map', 'system-map.csv'] as const).map(
    (path): Extra => ({
      name: `table T's ${path} narrowed to the other table's result`,
      mayAnswer: true,
      who: 'coordinator',
      method: 'GET',
      request: (c) => ({
        url: `/api/v1/tables/${c.w.table.id}/${path}`,
        query: { resultId: c.w.otherResult.id },
      }),
      id: (c) => c.w.otherResult.id,
      control: {
        who: 'coordinator',
        request: (c) => ({
          url: `/api/v1/tables/${c.w.table.id}/${path}`,
          query: { resultId: c.w.result.id },
        }),
      },
    }),
  ),
  {
    name: 'the audit trail of an outside agency',
    who: 'coordinator',
    method: 'GET',
    request: (c) => ({
      url: '/api/v1/audit',
      query: { entity: 'organization', entityId: c.w.outside.id },
    }),
    id: (c) => c.w.outside.id,
  },
  {
    name: "an import job of another agency's editor",
    who: 'editorA',
    method: 'GET',
    request: () => ({ url: `/api/v1/imports/${jobOfX}` }),
    id: () => jobOfX,
  },
];

describe('ids in bodies and queries', () => {
  for (const x of EXTRAS) {
    it(`${x.who}: ${x.name} answers as an id from nowhere`, async () => {
      const req = x.request(c);
      const id = x.id(c);
      const ghostId = randomUUID();
      const swapIn = (v: unknown): unknown =>
        JSON.parse(
          JSON.stringify(v ?? null)
            .split(id)
            .join(ghostId),
        );
      const problems: string[] = [];
      // The body's id is swapped here; compare() swaps those of the path and query.
      const foreign = req;
      const { req: base } = { req: { ...req } };
      const ghost: Req = {
        ...base,
        ...(req.body !== undefined ? { body: swapIn(req.body) } : {}),
        ...(req.multipart
          ? {
              multipart: {
                ...req.multipart,
                fields: { mapping: (req.multipart.fields.mapping ?? '').split(id).join(ghostId) },
              },
            }
          : {}),
      };
      const inBody =
        JSON.stringify(req.body ?? '').includes(id) ||
        (req.multipart?.fields.mapping ?? '').includes(id);
      if (inBody) {
        // Two sends, compared by hand: the same path and query, the body's id differs.
        const before = await fingerprint(t.db, tables);
        const a = await send(x.method, foreign, x.who);
        const mid = await fingerprint(t.db, tables);
        const b = await send(x.method, ghost, x.who);
        const after = await fingerprint(t.db, tables);
        if (a.status < 400 && !x.mayAnswer) {
          problems.push(`the other party's id was accepted: ${describeRes(a)}`);
        }
        if (a.status !== b.status)
          problems.push(
            `status ${a.status} for the other party's id, ${b.status} for one from nowhere`,
          );
        const ta = normalize(a.text, [id]);
        const tb = normalize(b.text, [ghostId]);
        if (ta !== tb)
          problems.push(
            `bodies differ:\n    other party: ${ta.slice(0, 300)}\n    nowhere:     ${tb.slice(0, 300)}`,
          );
        const given = JSON.stringify(req);
        const leaked = hiddenFrom(x.who).filter(
          (s) => s !== id && !given.includes(s) && a.text.includes(s),
        );
        if (leaked.length) problems.push(`the reply shows the other party's ${leaked.join(', ')}`);
        const ca = Object.keys(before).filter((k) => before[k] !== mid[k]);
        const cb = Object.keys(mid).filter((k) => mid[k] !== after[k]);
        if (ca.length) problems.push(`the refused call changed ${ca.join(', ')}`);
        if (cb.length) problems.push(`the call with an id from nowhere changed ${cb.join(', ')}`);
      } else {
        problems.push(
          ...(await compare(x.method, foreign, x.who, {
            only: id,
            ...(x.mayAnswer ? { mayAnswer: true } : {}),
          })),
        );
      }
      if (x.control) {
        const res = await send(x.method, x.control.request(c), x.control.who);
        const ok = x.control.expect
          ? res.status === x.control.expect
          : res.status >= 200 && res.status < 300;
        if (!ok) problems.push(`control with the caller's own id: ${describeRes(res)}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('a revoked public link of the other table answers as a token never issued', async () => {
    const a = await t.http().get(`/api/v1/public/scorecards/${otherLinkToken}`);
    const b = await t
      .http()
      .get(
        `/api/v1/public/scorecards/${otherLinkToken.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))}`,
      );
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.text).toBe(b.text);
  });
});
