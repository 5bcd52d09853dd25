// What the cross-id tests share: the permission matrix's world with a few more ids of the other
// table (a shared measure, a revoked public link, an import job of agency X's editor), and the
// comparison of a call with another party's id against the same call with an id from nowhere.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type supertest from 'supertest';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Actor } from '../src/access/actor.js';
import { savePlan } from '../src/curve-plans/curve-plans.service.js';
import { startImportJob } from '../src/imports/import-jobs.js';
import { createSharedMeasure } from '../src/measures/measures.service.js';
import { publishLink, revokePublicLink } from '../src/public-links/public-links.service.js';
import { fingerprint, fingerprintedTables } from '../support/fingerprint.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { buildMatrixContext } from './permissions/context.js';
import { type Ctx, listedEntities, type Req, type Who } from './permissions/table.js';

export let t: TestApp;
export let c: Ctx;
export let tables: string[];
export let auth: Record<Who, string>;
/** Ids of the other table that the world lacks: a shared measure and a public link. */
export let otherShared: string;
export let otherLinkToken: string;
export let jobOfX: string;
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The world and the other party's ids, built once per file; the app closed after it. */
export function setUpCrossId() {
  beforeAll(async () => {
    t = await createTestApp();
    ({ c, auth } = await buildMatrixContext(t, 'cross-id-setup'));
    const { w, system } = c;
    otherShared = (
      await createSharedMeasure(t.db, system, w.otherTable.id, {
        code: 'OTHER-SHARED',
        name: 'Adults helped',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
      })
    ).id;
    // Plans on other parties' measures, a link of the other table (revoked: a dead token and a
    // never-issued one must look the same), and an import job of agency X's editor.
    for (const m of [w.countX.id, w.countB.id]) {
      await savePlan(t.db, system, m, {
        revision: 0,
        story: { forcesUp: [], forcesDown: [], narrative: 'Secret plan' },
      });
    }
    const link = await publishLink(t.db, system, w.otherTable.id, 'other');
    otherLinkToken = link.token;
    await revokePublicLink(t.db, system, w.otherTable.id, link.id);
    const editorX: Actor = {
      userId: w.users.editorX.id,
      grants: [{ role: 'partner_editor', scopeType: 'organization', scopeId: w.outside.id }],
      requestId: 'cross-id-setup',
    };
    jobOfX = (
      await startImportJob(
        t.db,
        editorX,
        {
          file: Buffer.from('period,value\nFY2011-12-Q1,5\n'),
          mapping: {
            mode: 'long',
            measureId: w.countX.id,
            period: { column: 'period', format: 'auto' },
            value: { column: 'value', scale: 1 },
          },
        } as Parameters<typeof startImportJob>[2],
        false,
      )
    ).jobId;
    // Let the import job finish, so that it changes nothing while the checks run.
    for (let i = 0; i < 200; i++) {
      const { rows } = await sql<{
        status: string;
      }>`select status from import_jobs where id = ${jobOfX}`.execute(t.db);
      if (rows[0]?.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    tables = await fingerprintedTables(t.db);
  });
  afterAll(async () => t.closeAll());
}

// ---------------------------------------------------------------------------------------------
// What "the other party" is for each user: what they may not see, by name, code and id.

/** Text that must not appear in a reply to `who`: names, codes and ids of what they cannot see. */
export function hiddenFrom(who: Who): string[] {
  const w = c.w;
  const listed = listedEntities(c);
  const out: string[] = [];
  const tableNames: Record<string, string[]> = {
    [w.table.id]: [w.table.name, w.result.title],
    [w.otherTable.id]: [
      w.otherTable.name,
      w.otherResult.title,
      'ADULTS-WELL',
      'Adults helped',
      'OTHER-SHARED',
    ],
  };
  for (const e of listed.tables) {
    if (!(e.see as readonly Who[]).includes(who)) out.push(e.id, ...(tableNames[e.id] ?? []));
  }
  const orgExtras: Record<string, string[]> = {
    [w.orgB.id]: [w.orgB.code, w.orgB.name, w.programB.name, w.programB.id, w.countB.id],
    [w.outside.id]: [w.outside.code, w.outside.name, w.programX.name, w.programX.id, w.countX.id],
    [w.funderOrg.id]: [w.funderOrg.code, w.funderOrg.name],
  };
  for (const e of listed.organizations) {
    if (!(e.see as readonly Who[]).includes(who)) out.push(e.id, ...(orgExtras[e.id] ?? []));
  }
  if (out.includes(w.otherTable.id)) out.push(c.otherIndicatorId, w.otherResult.id, otherShared);
  return out.filter((s) => s.length >= 4);
}

// ---------------------------------------------------------------------------------------------
// Sending, and comparing two replies.

export function send(method: string, req: Req, who: Who | null): supertest.Test {
  const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let r = t.http()[m](req.url);
  if (req.query) r = r.query(req.query);
  if (who) r = r.set('authorization', auth[who]);
  if (req.multipart) {
    for (const [k, v] of Object.entries(req.multipart.fields)) r = r.field(k, v);
    r = r.attach('file', Buffer.from(req.multipart.file), 'upload.csv');
  } else if (req.body !== undefined) {
    r = r.send(req.body as object);
  }
  return r;
}

/** The same request with every id in its path and query replaced by one that exists nowhere. */
export function nowhere(req: Req, only?: string): { req: Req; swaps: [string, string][] } {
  const swaps = new Map<string, string>();
  const swap = (s: string) =>
    s.replace(UUID, (id) => {
      if (only !== undefined && id !== only) return id;
      if (!swaps.has(id)) swaps.set(id, randomUUID());
      return swaps.get(id) as string;
    });
  const query = req.query
    ? Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, swap(String(v))]))
    : undefined;
  return {
    req: { ...req, url: swap(req.url), ...(query ? { query } : {}) },
    swaps: [...swaps.entries()],
  };
}

/** A reply's text with the given ids written as placeholders, and request ids dropped. */
export function normalize(text: string, ids: string[]): string {
  let out = text;
  ids.forEach((id, i) => {
    out = out.split(id).join(`<id${i}>`);
  });
  return out.replace(/"requestId":"[^"]*"/g, '"requestId":"-"');
}

export function describeRes(res: supertest.Response): string {
  return `${res.status} ${res.text.length > 240 ? `${res.text.slice(0, 240)}…` : res.text}`;
}

/**
 * Sends the request with the other party's ids and with ids from nowhere, and says what is wrong:
 * a different status or body, a success, the other party's data in the reply, a change.
 */
export async function compare(
  method: string,
  foreign: Req,
  who: Who,
  options: { alsoSwap?: [string, string][]; only?: string; mayAnswer?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  const alsoSwap = options.alsoSwap ?? [];
  const { req: ghost, swaps } = nowhere(foreign, options.only);
  const allSwaps = [...swaps, ...alsoSwap];
  expect(allSwaps.length, `no id to swap in ${foreign.url}`).toBeGreaterThan(0);
  const before = await fingerprint(t.db, tables);
  const a = await send(method, foreign, who);
  const afterA = await fingerprint(t.db, tables);
  const b = await send(method, ghost, who);
  const afterB = await fingerprint(t.db, tables);
  if (a.status < 400 && !options.mayAnswer) {
    problems.push(`the other party's id was served: ${describeRes(a)}`);
  }
  if (a.status !== b.status) {
    problems.push(
      `status ${a.status} for the other party's id, ${b.status} for an id from nowhere`,
    );
  }
  const textA = normalize(
    a.text,
    allSwaps.map(([from]) => from),
  );
  const textB = normalize(
    b.text,
    allSwaps.map(([, to]) => to),
  );
  if (textA !== textB)
    problems.push(
      `bodies differ:\n    other party: ${textA.slice(0, 300)}\n    nowhere:     ${textB.slice(0, 300)}`,
    );
  if ((a.headers['content-type'] ?? '') !== (b.headers['content-type'] ?? '')) {
    problems.push(
      `content types differ: ${a.headers['content-type']} / ${b.headers['content-type']}`,
    );
  }
  const sent = new Set(
    [
      foreign.url,
      JSON.stringify(foreign.query ?? {}),
      JSON.stringify(foreign.body ?? {}),
      foreign.multipart?.fields.mapping ?? '',
    ]
      .join(' ')
      .match(UUID) ?? [],
  );
  const given = JSON.stringify(foreign);
  const leaked = hiddenFrom(who).filter(
    (s) => !sent.has(s) && !given.includes(s) && a.text.includes(s),
  );
  if (leaked.length > 0) problems.push(`the reply shows the other party's ${leaked.join(', ')}`);
  const changedA = Object.keys(before).filter((k) => before[k] !== afterA[k]);
  const changedB = Object.keys(afterA).filter((k) => afterA[k] !== afterB[k]);
  if (changedA.length) problems.push(`the refused call changed ${changedA.join(', ')}`);
  if (changedB.length)
    problems.push(`the call with an id from nowhere changed ${changedB.join(', ')}`);
  return problems;
}
