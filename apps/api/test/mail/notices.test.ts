// Notices of the review cycle: a submission tells the table's coordinators; a return or a
// reopening tells the agency's editors, with the note or reason. Each is also an in-app
// notification, and a second return of the same period is a new message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/api.js';
import { buildMailWorld, type MailWorld, PUBLIC_URL } from './mail-world.js';

const PERIOD = '2025-08'; // a month: agency A's figures are quarterly, any period can be submitted
const NOTE = 'Served <b>twice</b> & the "girls" row is empty';
let m: MailWorld;
let editor: Client;
let coordinator: Client;
const sink = () => m.smtp ?? expect.unreachable('no SMTP server');
// A moment when no reminder is due: the runs only deliver the notices.
const QUIET = '2026-06-01T00:00:00Z';
const deliver = () => m.run(new Date(QUIET));
const base = (id: string) => `/organizations/${id}/periods/${PERIOD}`;

beforeAll(async () => {
  m = await buildMailWorld();
  editor = await m.as(m.w.users.editorA);
  coordinator = await m.as(m.w.users.coordinator);
});
afterAll(async () => m?.close());

describe('notices of the review cycle', () => {
  it('tells the table’s coordinators when an agency submits, naming the agency and the period', async () => {
    await editor.post(`${base(m.w.orgA.id)}/submit`);
    expect(await deliver()).toMatchObject({ sent: 1, failed: 0 });
    const [mail] = sink().to(m.w.users.coordinator.email);
    expect(mail?.subject).toBe(`Submitted for review: ${m.w.orgA.name}, ${PERIOD}`);
    expect(mail?.text).toContain(`${m.w.orgA.name} submitted its figures for ${PERIOD}`);
    expect(mail?.text).toContain(`${PUBLIC_URL}/review/${m.w.orgA.id}/${PERIOD}`);
    expect(mail?.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Not the other table's coordinator, the member, the agency's own staff.
    expect(sink().accepted).toHaveLength(1);
  });

  it('tells the agency’s editors when it is returned, with the note, each in their language', async () => {
    sink().clear();
    await coordinator.post(`${base(m.w.orgA.id)}/return`, { note: NOTE });
    expect(await deliver()).toMatchObject({ sent: 2 });
    const [en] = sink().to(m.w.users.editorA.email);
    expect(en?.subject).toBe(`Returned for correction: ${m.w.orgA.name}, ${PERIOD}`);
    expect(en?.text).toContain(NOTE);
    expect(en?.html).toContain('Served &lt;b&gt;twice&lt;/b&gt; &amp; the &quot;girls&quot; row');
    expect(en?.html).not.toContain('<b>twice</b>');
    expect(en?.text).toContain(
      `${PUBLIC_URL}/data-entry?organization=${m.w.orgA.id}&period=${PERIOD}`,
    );
    const [fr] = sink().to(m.editorFr.email);
    // The month as French writes it.
    expect(fr?.subject).toBe(`Renvoyée pour correction\u00a0: ${m.w.orgA.name}, août 2025`);
    expect(fr?.text).toContain(NOTE);
    expect(sink().to(m.w.users.viewerA.email)).toEqual([]);
  });

  it('makes a second return of the same period a new message, and never repeats one', async () => {
    await editor.post(`${base(m.w.orgA.id)}/submit`);
    await coordinator.post(`${base(m.w.orgA.id)}/return`, { note: 'Still wrong' });
    sink().clear();
    expect(await deliver()).toMatchObject({ sent: 3 }); // the coordinator's and the two editors'
    expect(sink().to(m.w.users.editorA.email)[0]?.text).toContain('Still wrong');
    expect(await deliver()).toMatchObject({ queued: 0, sent: 0 });
  });

  it('tells the agency’s editors when an approved period is reopened, with the reason', async () => {
    await editor.post(`${base(m.w.orgA.id)}/submit`);
    await coordinator.post(`${base(m.w.orgA.id)}/approve`);
    await coordinator.post(`${base(m.w.orgA.id)}/reopen`, { reason: 'The funder found a typo' });
    sink().clear();
    await deliver();
    const [en] = sink().to(m.w.users.editorA.email);
    expect(en?.subject).toBe(`Reopened for correction: ${m.w.orgA.name}, ${PERIOD}`);
    expect(en?.text).toContain('The funder found a typo');
    expect(sink().to(m.editorFr.email)[0]?.subject).toMatch(/^Rouverte pour correction/);
  });

  it('keeps each message as an in-app notification, newest first, with an unread count', async () => {
    const inbox = await editor.get('/me/notifications');
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual([
      'reopened',
      'returned',
      'returned',
    ]);
    expect(inbox.unread).toBe(3);
    const [reopened, second, first] = inbox.items;
    expect(reopened).toMatchObject({ read: false, link: expect.stringContaining('/data-entry') });
    expect(reopened.body).toContain('The funder found a typo');
    expect(second.body).toContain('Still wrong');
    expect(first.body).toContain(NOTE);
    expect(Date.parse(reopened.at)).toBeGreaterThanOrEqual(Date.parse(first.at));
    const fr = await (await m.as(m.editorFr)).get('/me/notifications?limit=1');
    expect(fr.items).toHaveLength(1);
    expect(fr.items[0].subject).toMatch(/^Rouverte/);
    expect(fr.unread).toBe(3);

    await editor.call('post', `/me/notifications/${first.id}/read`);
    const after = await editor.get('/me/notifications');
    expect(after.unread).toBe(2);
    expect(after.items[2].read).toBe(true);
    // Someone else's notification is not there for you, admins included.
    for (const other of [coordinator, await m.as(m.w.users.admin)]) {
      const refused = await other.fail('post', `/me/notifications/${first.id}/read`);
      expect(refused.status).toBe(404);
      expect(refused.error.code).toBe('NOT_FOUND');
    }
    await editor.call('post', '/me/notifications/read-all');
    expect((await editor.get('/me/notifications')).unread).toBe(0);
  });

  it('lets each user choose which kinds come by e-mail', async () => {
    const off = { email: { reminders: true, submissions: false, returns: true } };
    expect(await coordinator.put('/me/notification-settings', off)).toEqual(off);
    expect(await coordinator.get('/me/notification-settings')).toEqual(off);
    sink().clear();
    await (await m.as(m.editorB)).post(`${base(m.w.orgB.id)}/submit`);
    expect(await deliver()).toMatchObject({ sent: 0, skipped: 1 });
    expect(sink().accepted).toEqual([]);
    const inbox = await coordinator.get('/me/notifications');
    expect(inbox.items[0].subject).toBe(`Submitted for review: ${m.w.orgB.name}, ${PERIOD}`);
  });
});

describe('without SMTP_URL', () => {
  let bare: MailWorld;
  beforeAll(async () => {
    bare = await buildMailWorld({ smtp: false });
  });
  afterAll(async () => bare?.close());

  it('sends nothing by e-mail and still keeps every message as an in-app notification', async () => {
    await (await bare.as(bare.w.users.editorA)).post(
      `/organizations/${bare.w.orgA.id}/periods/${PERIOD}/submit`,
    );
    const admin = await bare.as(bare.w.users.admin);
    expect(await admin.post('/admin/reminders/run', { at: QUIET })).toEqual({
      queued: 0,
      sent: 0,
      failed: 0,
      skipped: 1,
    });
    const outbox = await admin.get('/admin/outbox');
    expect(outbox.items).toMatchObject([
      {
        state: 'skipped_no_smtp',
        kind: 'submitted',
        recipient: { email: bare.w.users.coordinator.email },
        organization: { id: bare.w.orgA.id },
        period: PERIOD,
        offset: null,
        attempts: 1,
        sentAt: null,
      },
    ]);
    const inbox = await (await bare.as(bare.w.users.coordinator)).get('/me/notifications');
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0].kind).toBe('submitted');
  });
});
