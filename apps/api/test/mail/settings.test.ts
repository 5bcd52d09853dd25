// A table's reminder settings (on by default at -7, -1 and +3 days; coordinators and admins
// change them), their effect on runs, the admin's run and outbox, and the mail configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Client } from '../helpers/api.js';
import { afterDue, buildMailWorld, type MailWorld, PERIODS } from './mail-world.js';

let m: MailWorld;
let coordinator: Client;
let admin: Client;
const url = () => `/tables/${m.w.table.id}/reminder-settings`;

beforeAll(async () => {
  m = await buildMailWorld();
  coordinator = await m.as(m.w.users.coordinator);
  admin = await m.as(m.w.users.admin);
});
afterAll(async () => m?.close());

const remindedUsers = async (periodStart: string) =>
  (
    await m.t.db
      .selectFrom('outbox')
      .select(['user_id', 'offset_days'])
      .where('kind', '=', 'reminder')
      .where('period_start', '=', periodStart)
      .execute()
  ).map((r) => `${r.user_id}@${r.offset_days}`);

describe("a table's reminder settings", () => {
  it('are on by default, at 7 days before, 1 day before and 3 days after', async () => {
    expect(await coordinator.get(url())).toEqual({ enabled: true, offsets: [-7, -1, 3] });
    expect(await (await m.as(m.w.users.editorA)).get(url())).toEqual({
      enabled: true,
      offsets: [-7, -1, 3],
    });
  });

  it('are changed by the coordinators (offsets kept in order) and audited', async () => {
    const saved = await coordinator.put(url(), { enabled: true, offsets: [2, -14, 0] });
    expect(saved).toEqual({ enabled: true, offsets: [-14, 0, 2] });
    expect(await coordinator.get(url())).toEqual(saved);
    const audit = await admin.get(`/audit?entity=planning_table&entityId=${m.w.table.id}`);
    expect(audit.items[0]).toMatchObject({
      action: 'table.reminder_settings',
      before: { enabled: true, offsets: [-7, -1, 3] },
      after: saved,
    });
  });

  it('refuse bad offsets and callers who may not change them', async () => {
    for (const offsets of [[61], [-61], [1.5], [1, 1], Array.from({ length: 11 }, (_, i) => i)]) {
      const bad = await coordinator.fail('put', url(), { enabled: true, offsets });
      expect(bad.status, JSON.stringify(offsets)).toBe(400);
    }
    const member = await m.as(m.w.users.member);
    expect((await member.fail('put', url(), { enabled: false, offsets: [] })).status).toBe(403);
    const outsider = await m.as(m.w.users.editorX);
    expect((await outsider.fail('get', url())).status).toBe(404);
  });

  it('decide which offsets are sent to the table’s agencies', async () => {
    // Table T: -14, 0 and +2. Agency X is at the other table: the defaults.
    expect(await m.run(afterDue(PERIODS.Q1.due, -7, 1))).toMatchObject({ queued: 1 });
    expect(await remindedUsers('2026-04-01')).toEqual([`${m.w.users.editorX.id}@-7`]);
    await m.run(afterDue(PERIODS.Q1.due, 0, 1));
    expect((await remindedUsers('2026-04-01')).sort()).toEqual(
      [
        `${m.w.users.editorX.id}@-7`,
        `${m.w.users.editorX.id}@-1`,
        `${m.w.users.editorA.id}@0`,
        `${m.editorFr.id}@0`,
        `${m.editorB.id}@0`,
      ].sort(),
    );
  });

  it('turned off, send nothing to the table’s agencies', async () => {
    await coordinator.put(url(), { enabled: false, offsets: [-7, -1, 3] });
    await m.run(afterDue(PERIODS.Q2.due, -1, 1));
    expect(await remindedUsers('2026-07-01')).toEqual([`${m.w.users.editorX.id}@-1`]);
  });
});

describe("the admin's reminder run and outbox", () => {
  it('runs at a chosen moment, for admins only, and is audited', async () => {
    const at = afterDue(PERIODS.Q3.due, -1, 2).toISOString();
    expect(await admin.post('/admin/reminders/run', { at })).toEqual({
      queued: 1,
      sent: 1,
      failed: 0,
      skipped: 0,
    });
    expect((await coordinator.fail('post', '/admin/reminders/run', { at })).status).toBe(403);
    expect((await admin.fail('post', '/admin/reminders/run', { at: 'tomorrow' })).status).toBe(400);
    const audit = await admin.get('/audit?entity=outbox');
    expect(audit.items[0]).toMatchObject({ action: 'reminders.run', after: { at, queued: 1 } });
  });

  it('lists the outbox newest first, by state', async () => {
    const all = await admin.get('/admin/outbox?limit=500');
    expect(all.items.length).toBeGreaterThan(4);
    expect(all.items[0]).toMatchObject({
      kind: 'reminder',
      state: 'sent',
      recipient: { email: m.w.users.editorX.email },
      organization: { id: m.w.outside.id },
      period: PERIODS.Q3.period,
      offset: -1,
      attempts: 1,
      lastError: null,
    });
    const sent = await admin.get('/admin/outbox?state=sent');
    expect(sent.items.every((i: { state: string }) => i.state === 'sent')).toBe(true);
    expect((await admin.get('/admin/outbox?state=failed')).items).toEqual([]);
    expect((await coordinator.fail('get', '/admin/outbox')).status).toBe(403);
  });
});

describe('the mail configuration', () => {
  it('needs MAIL_FROM with SMTP_URL, and never repeats the SMTP URL in an error', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:p@localhost:25' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:hunter2@x' })).toThrow(/value not shown/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:hunter2@x' })).not.toThrow(/hunter2/);
    const c = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example.org:465',
      MAIL_FROM: 'RBA <rba@example.org>',
      PUBLIC_URL: 'https://rba.example.org/',
      REMINDERS_INTERVAL_SECONDS: '0',
    });
    expect(c.mail).toEqual({
      smtpUrl: 'smtps://u:p@mail.example.org:465',
      from: 'RBA <rba@example.org>',
      publicUrl: 'https://rba.example.org',
    });
    expect(c.remindersIntervalSeconds).toBe(0);
    expect(loadConfig({}).remindersIntervalSeconds).toBe(300);
    expect(loadConfig({ PORT: '4000' }).mail).toMatchObject({
      smtpUrl: undefined,
      publicUrl: 'http://localhost:4000',
    });
  });
});
