// Issue 15: what coordinators, members and funders may not read or write, and backups.
// 1. A coordinator sees an agency's figures, and their audit entries, only from the agency's first
//    submission of the period on: a draft never submitted stays the agency's own.
// 2. Return notes are for the agency and the table's coordinators (and admins), not for table
//    members or funders.
// 3. Funders write nothing: not even a comment on a plan.
// 4. Ids inside a plan's body get the access checks of ids in a path: another table's
//    organization or measure is answered exactly like an id that exists nowhere.
// 5. Backups (they hold password hashes) are created readable by their owner only.
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { kyselyOverPglite, openPglite } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { makeUser } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.js';
import { shellEnv } from './helpers/test-env.js';

let t: TestApp;
let w: World;
const as: Record<string, Client> = {};
const auth: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const extra = {
    // A funder of agency A alone, and a coordinator of both tables (who may see agency X).
    funderA: await makeUser(t.db, [
      { role: 'funder_viewer', scopeType: 'organization', scopeId: w.orgA.id },
    ]),
    bothCoordinator: await makeUser(t.db, [
      { role: 'table_coordinator', scopeType: 'table', scopeId: w.table.id },
      { role: 'table_coordinator', scopeType: 'table', scopeId: w.otherTable.id },
    ]),
  };
  for (const [name, u] of Object.entries({ ...w.users, ...extra })) {
    auth[name] = await t.login(u.email, u.password);
    as[name] = client(t, auth[name] as string);
  }
});
afterAll(async () => t.closeAll());

const user = (name: string) => as[name] as Client;

/** GET with the status and raw text kept (a refusal is an answer here, not a failure). */
async function raw(name: string, url: string) {
  return t
    .http()
    .get(`/api/v1${url}`)
    .set('authorization', auth[name] as string);
}

/** The stored figure (the total) of a measure in a period, as an admin reads it. */
async function observationOf(measureId: string, period: string) {
  const { items } = await user('admin').get(`/measures/${measureId}/observations`);
  const found = items.find(
    (o: { period: string; breakdown: object }) =>
      o.period === period && Object.keys(o.breakdown).length === 0,
  );
  if (!found) throw new Error(`no figure of ${measureId} in ${period}`);
  return found as { id: string; value: number; status: string };
}

/** A figure's value as it appears in JSON (not merely four digits inside some id). */
const figure = (value: number) => new RegExp(`"value":${value}(?![0-9])`);

describe('1. drafts stay the agency’s own until its first submission of the period', () => {
  it('a coordinator reads no audit entry of a figure whose period was never submitted', async () => {
    const editor = user('editorA');
    const draft = 'FY2024-25-Q1';
    await editor.put(`/measures/${w.countA.id}/observations/${draft}`, {
      value: 4101,
      note: 'draft-note-4101',
    });
    // Another period of the same agency submitted does not open this one.
    await editor.put(`/measures/${w.countA.id}/observations/FY2024-25-Q2`, { value: 4201 });
    await editor.post(`/organizations/${w.orgA.id}/periods/FY2024-25-Q2/submit`);

    const { id } = await observationOf(w.countA.id, draft);
    const url = `/audit?entity=observation&entityId=${id}`;
    // The admin sees the draft's entry: the trail is there, so the coordinator's check can fail.
    const admin = await user('admin').get(url);
    expect(admin.items.map((e: { action: string }) => e.action)).toEqual(['observation.create']);
    expect(JSON.stringify(admin.items)).toMatch(figure(4101));
    expect(JSON.stringify(admin.items)).toContain('draft-note-4101');

    const res = await raw('coordinator', url);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.text).not.toMatch(figure(4101));
    expect(res.text).not.toContain('draft-note-4101');

    // Nor anywhere else a coordinator reads the agency's figures.
    for (const read of [
      `/measures/${w.countA.id}/observations`,
      `/organizations/${w.orgA.id}/entry-sheet?period=${draft}`,
      `/measures/${w.countA.id}/series`,
      `/organizations/${w.orgA.id}/scorecard`,
      `/tables/${w.table.id}/scorecard`,
    ]) {
      const r = await raw('coordinator', read);
      expect(r.status, read).toBe(200);
      expect(r.text, read).not.toMatch(figure(4101));
      expect(r.text, read).not.toContain('draft-note-4101');
    }
  });

  it('entries from before the first submission stay hidden after it; later ones show', async () => {
    const editor = user('editorA');
    const period = 'FY2024-25-Q3';
    const put = (value: number, note?: string) =>
      editor.put(`/measures/${w.countA.id}/observations/${period}`, {
        value,
        ...(note ? { note } : {}),
      });
    await put(4301, 'first-draft-note-4301');
    await put(4302, 'submitted-note-4302');
    const { id } = await observationOf(w.countA.id, period);
    const url = `/audit?entity=observation&entityId=${id}`;

    await editor.post(`/organizations/${w.orgA.id}/periods/${period}/submit`);
    // Submitted: the coordinator sees the figure itself, but not how the draft got there.
    expect((await observationOf(w.countA.id, period)).status).toBe('submitted');
    const afterSubmit = await raw('coordinator', url);
    expect(afterSubmit.status).toBe(200);
    expect(afterSubmit.body.items).toEqual([]);

    await user('coordinator').post(`/organizations/${w.orgA.id}/periods/${period}/return`, {
      note: 'Check the count',
    });
    await put(4303);
    const afterReturn = await raw('coordinator', url);
    expect(afterReturn.status).toBe(200);
    expect(afterReturn.body.items).toHaveLength(1);
    expect(afterReturn.body.items[0]).toMatchObject({
      action: 'observation.update',
      before: { value: 4302, status: 'returned' },
      after: { value: 4303, status: 'returned' },
    });
    expect(afterReturn.text).not.toMatch(figure(4301));
    expect(afterReturn.text).not.toContain('first-draft-note-4301');

    // Admins see everything.
    const admin = await user('admin').get(url);
    expect(admin.items.map((e: { after: { value: number } }) => e.after.value)).toEqual([
      4303, 4302, 4301,
    ]);
  });
});

describe('2. return notes are for the agency and the table’s coordinators', () => {
  const period = 'FY2023-24-Q4';
  const note = 'return-note-sentinel-2023Q4';

  beforeAll(async () => {
    await user('editorA').put(`/measures/${w.countA.id}/observations/${period}`, { value: 8 });
    await user('editorA').post(`/organizations/${w.orgA.id}/periods/${period}/submit`);
    await user('coordinator').post(`/organizations/${w.orgA.id}/periods/${period}/return`, {
      note,
    });
  });

  const submissionsOf = async (who: string) => {
    const res = await raw(who, `/organizations/${w.orgA.id}/submissions`);
    expect(res.status, who).toBe(200);
    const item = res.body.items.find((s: { period: string }) => s.period === period);
    expect(item, who).toBeDefined();
    return { item, text: res.text };
  };

  it('the agency, the coordinator and admins read the note', async () => {
    for (const who of ['admin', 'coordinator', 'editorA', 'viewerA']) {
      const { item } = await submissionsOf(who);
      expect(item.status, who).toBe('returned');
      expect(item.reviewNote, who).toBe(note);
      const sheet = await raw(who, `/organizations/${w.orgA.id}/entry-sheet?period=${period}`);
      expect(sheet.status, who).toBe(200);
      expect(sheet.body.submission.reviewNote, who).toBe(note);
    }
  });

  it('table members and funders get null, in the submissions and in the entry sheet', async () => {
    for (const who of ['member', 'funder', 'funderA']) {
      const { item, text } = await submissionsOf(who);
      expect(item.status, who).toBe('returned');
      expect(item.reviewNote, who).toBeNull();
      expect(text, who).not.toContain(note);
    }
    const sheet = await raw('member', `/organizations/${w.orgA.id}/entry-sheet?period=${period}`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.submission).toMatchObject({ status: 'returned', reviewNote: null });
    expect(sheet.text).not.toContain(note);
    // Funders never read the entry sheet at all.
    for (const who of ['funder', 'funderA']) {
      const r = await raw(who, `/organizations/${w.orgA.id}/entry-sheet?period=${period}`);
      expect(r.status, who).toBe(403);
      expect(r.text, who).not.toContain(note);
    }
  });
});

describe('3. funders write nothing', () => {
  it('a funder may read a plan’s comments but not post one (403, nothing written)', async () => {
    const indicatorPlan = await user('coordinator').put(`/measures/${w.indicator.id}/curve-plan`, {
      revision: (await user('coordinator').get(`/measures/${w.indicator.id}/curve-plan`)).revision,
      story: { forcesUp: [], forcesDown: [], narrative: 'Funders read this' },
    });
    const programPlan = await user('editorA').put(`/measures/${w.countA.id}/curve-plan`, {
      revision: (await user('editorA').get(`/measures/${w.countA.id}/curve-plan`)).revision,
      story: { forcesUp: [], forcesDown: [], narrative: 'Agency A plan' },
    });
    const count = async (table: 'comments' | 'audit_events') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (const [who, plan] of [
      ['funder', indicatorPlan],
      ['funder', programPlan],
      ['funderA', programPlan],
    ] as const) {
      const url = `/curve-plans/${plan.id}/comments`;
      expect((await raw(who, url)).status, `${who} reads`).toBe(200);
      const [comments, events] = [await count('comments'), await count('audit_events')];
      const refused = await user(who).fail('post', url, { body: 'A funder’s opinion' });
      expect(refused.status, who).toBe(403);
      expect(refused.error.code, who).toBe('FORBIDDEN');
      expect([await count('comments'), await count('audit_events')], who).toEqual([
        comments,
        events,
      ]);
    }
    // Members and the agency's viewers still comment (the table's and the agency's people).
    await user('member').post(`/curve-plans/${indicatorPlan.id}/comments`, { body: 'Member' });
    await user('viewerA').post(`/curve-plans/${programPlan.id}/comments`, { body: 'Viewer' });
  });
});

describe('4. ids in a plan’s body answer like ids from nowhere unless they are of the plan’s table', () => {
  /** Saves a plan section naming `id`, then the same naming an id from nowhere; both answers. */
  async function both(who: string, measureId: string, section: (id: string) => object, id: string) {
    const url = `/api/v1/measures/${measureId}/curve-plan`;
    const send = async (someId: string) => {
      const { revision } = await user(who).get(`/measures/${measureId}/curve-plan`);
      const res = await t
        .http()
        .put(url)
        .set('authorization', auth[who] as string)
        .send({ revision, ...section(someId) });
      return { status: res.status, revision, text: res.text };
    };
    const ghost = randomUUID();
    const real = await send(id);
    const made = await send(ghost);
    return {
      real: { ...real, text: real.text.split(id).join('<id>') },
      made: { ...made, text: made.text.split(ghost).join('<id>') },
      after: (await user(who).get(`/measures/${measureId}/curve-plan`)).revision,
    };
  }

  const partner = (id: string) => ({ partners: [{ organizationId: id, role: 'helps' }] });
  const owner = (id: string) => ({ actions: [{ title: 'Act', ownerOrganizationId: id }] });
  const actionMeasure = (id: string) => ({
    actions: [{ title: 'Track', ownerName: 'Sam', measureId: id }],
  });

  const cases: [string, string, () => string, (id: string) => object, () => string, string][] = [
    // [who, what, plan's measure, section, id, expected code]
    [
      'bothCoordinator',
      'an organization of another table they coordinate, as a partner',
      () => w.indicator.id,
      partner,
      () => w.outside.id,
      'UNKNOWN_ORGANIZATION',
    ],
    [
      'bothCoordinator',
      'an organization of another table, as an action owner',
      () => w.indicator.id,
      owner,
      () => w.outside.id,
      'UNKNOWN_ORGANIZATION',
    ],
    [
      'bothCoordinator',
      "a measure of another table's agency",
      () => w.indicator.id,
      actionMeasure,
      () => w.countX.id,
      'UNKNOWN_MEASURE',
    ],
    [
      'coordinator',
      'an organization they may not see',
      () => w.indicator.id,
      partner,
      () => w.outside.id,
      'UNKNOWN_ORGANIZATION',
    ],
    [
      'admin',
      'an organization not at the table',
      () => w.shared.id,
      partner,
      () => w.outside.id,
      'UNKNOWN_ORGANIZATION',
    ],
    [
      'editorA',
      'a sibling agency it may not see',
      () => w.countA.id,
      partner,
      () => w.orgB.id,
      'UNKNOWN_ORGANIZATION',
    ],
    [
      'editorA',
      "a sibling agency's measure",
      () => w.countA.id,
      actionMeasure,
      () => w.countB.id,
      'UNKNOWN_MEASURE',
    ],
  ];

  for (const [who, what, measure, section, id, code] of cases) {
    it(`${who}: ${what} is refused exactly like a made-up id, and nothing is saved`, async () => {
      const { real, made, after } = await both(who, measure(), section, id());
      expect(real.status).toBe(422);
      expect(JSON.parse(real.text).error.code).toBe(code);
      expect(real).toEqual(made);
      expect(after).toBe(real.revision);
    });
  }

  it('ids of the plan’s own table (or agency) are still accepted', async () => {
    const coordinator = user('coordinator');
    const url = `/measures/${w.indicator.id}/curve-plan`;
    const saved = await coordinator.put(url, {
      revision: (await coordinator.get(url)).revision,
      partners: [
        { organizationId: w.orgA.id, role: 'Counselling' },
        { organizationId: w.orgB.id, role: 'Outreach' },
      ],
      actions: [
        { title: 'Track it', ownerOrganizationId: w.orgB.id, measureId: w.indicator.id },
        { title: 'Count it', ownerName: 'Sam', measureId: w.countA.id },
        { title: 'Share it', ownerName: 'Sam', measureId: w.shared.id },
      ],
    });
    expect(saved.partners).toHaveLength(2);
    const editor = user('editorA');
    const own = `/measures/${w.countA.id}/curve-plan`;
    const mine = await editor.put(own, {
      revision: (await editor.get(own)).revision,
      partners: [{ organizationId: w.orgA.id, role: 'Us' }],
      actions: [{ title: 'Improve', ownerOrganizationId: w.orgA.id, measureId: w.ratioA.id }],
    });
    expect(mine.actions[0].measureId).toBe(w.ratioA.id);
    // A stored id the editor may not name is kept when they edit another section.
    const adminView = await user('admin').put(own, {
      revision: mine.revision,
      partners: [...mine.partners, { organizationId: w.orgB.id, role: 'Named by an admin' }],
    });
    const edited = await editor.put(own, {
      revision: adminView.revision,
      story: { forcesUp: [], forcesDown: [], narrative: 'Still editable' },
      partners: adminView.partners,
    });
    expect(edited.partners.map((p: { organizationId: string }) => p.organizationId)).toEqual([
      w.orgA.id,
      w.orgB.id,
    ]);
  });
});

describe('5. backups are created readable by their owner only', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const work = mkdtempSync(path.join(os.tmpdir(), 'rba-restricted-backup-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** `pnpm db:backup --out FILE` under umask 000, so that only the code can restrict the mode. */
  function backupCli(out: string, env: Record<string, string>) {
    return promisify(execFile)(
      'sh',
      [
        '-c',
        'umask 000 && exec "$@"',
        'sh',
        process.execPath,
        '--import',
        'tsx',
        '--conditions=development',
        'apps/api/src/cli/backup.ts',
        '--out',
        out,
      ],
      { cwd: root, env: { PATH: shellEnv.PATH, ...env } },
    );
  }

  const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

  it('the embedded database’s backup is 0600', async () => {
    const dataDir = path.join(work, 'data');
    const pgdata = path.join(dataDir, 'pgdata');
    mkdirSync(dataDir, { recursive: true });
    const template = inject('testDatabase');
    const client = await openPglite(
      template.engine === 'pglite'
        ? { dataDir: pgdata, loadDataDir: new Blob([readFileSync(template.templateFile)]) }
        : { dataDir: pgdata },
    );
    const db = kyselyOverPglite(client);
    if (template.engine !== 'pglite') await migrateToLatest(db);
    await db.destroy();
    if (!client.closed) await client.close();

    const out = path.join(work, 'embedded.sql');
    const res = await backupCli(out, { DATA_DIR: dataDir });
    expect(res.stdout).toContain(`backup written: ${out}`);
    expect(modeOf(out)).toBe('600');
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(inject('testDatabase').engine === 'postgres')(
    'a PostgreSQL backup: pg_dump writes into a temporary file already 0600, renamed into place',
    async () => {
      // A pg_dump in front of the real one that notes the mode of the file it is told to write.
      const real = execFileSync('sh', ['-c', 'command -v pg_dump'], { encoding: 'utf8' }).trim();
      const bin = path.join(work, 'bin');
      const log = path.join(work, 'pg_dump.log');
      mkdirSync(bin, { recursive: true });
      writeFileSync(
        path.join(bin, 'pg_dump'),
        [
          '#!/bin/sh',
          'for a in "$@"; do case "$a" in --file=*) f=$(printf %s "$a" | sed "s/^--file=//");; esac; done',
          `if [ -n "$f" ]; then if [ -e "$f" ]; then stat -c %a "$f" >> '${log}'; else echo absent >> '${log}'; fi; fi`,
          `exec '${real}' "$@"`,
          '',
        ].join('\n'),
      );
      chmodSync(path.join(bin, 'pg_dump'), 0o755);
      const out = path.join(work, 'server.dump');
      const res = await backupCli(out, {
        PATH: `${bin}:${shellEnv.PATH}`,
        DATABASE_URL: t.url as string,
        JWT_SECRET: TEST_JWT_SECRET,
      });
      expect(res.stdout).toContain(`backup written: ${out}`);
      expect(readFileSync(log, 'utf8').trim()).toBe('600');
      expect(modeOf(out)).toBe('600');
      expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );
});
