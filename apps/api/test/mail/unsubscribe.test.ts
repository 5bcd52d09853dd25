// The unsubscribe link of every e-mail works without a session: GET shows a page (and changes
// nothing), POST (RFC 8058 one-click, or the page's button) turns that kind of e-mail off. A
// tampered link is refused. In-app notifications go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../src/mail/unsubscribe-token.js';
import { TEST_JWT_SECRET } from '../helpers/app.js';
import { afterDue, buildMailWorld, type MailWorld, PERIODS, PUBLIC_URL } from './mail-world.js';

let m: MailWorld;
let link: string;
const sink = () => m.smtp ?? expect.unreachable('no SMTP server');

beforeAll(async () => {
  m = await buildMailWorld();
  await m.run(afterDue(PERIODS.Q1.due, -7, 1));
  const [mail] = sink().to(m.editorFr.email);
  const header = mail?.header('List-Unsubscribe') ?? '';
  link = header.slice(1 + PUBLIC_URL.length, -1); // <https://…/api/v1/unsubscribe?token=…>
});
afterAll(async () => m?.close());

const settingsOf = async (u: { email: string; password: string }) =>
  (await m.as(u)).get('/me/notification-settings');

describe('unsubscribing from a link', () => {
  it('puts the same link in the footer of the text and HTML parts', () => {
    const [mail] = sink().to(m.editorFr.email);
    expect(link).toMatch(/^\/api\/v1\/unsubscribe\?token=/);
    expect(mail?.text).toContain(`${PUBLIC_URL}${link}`);
    expect(mail?.html).toContain(`${PUBLIC_URL}${link.replace(/&/g, '&amp;')}`);
  });

  it('shows a page in the recipient’s language with a button, and changes nothing', async () => {
    const res = await m.t.http().get(link);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain('Ne plus recevoir les rappels d’échéance par courriel');
    expect(res.text).toMatch(/<form method="post" action="\/api\/v1\/unsubscribe\?token=[^"]+">/);
    expect(await settingsOf(m.editorFr)).toEqual({
      email: { reminders: true, submissions: true, returns: true },
    });
  });

  it('turns that kind off by a one-click POST, without signing in', async () => {
    const res = await m.t
      .http()
      .post(link)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Vous ne recevrez plus les rappels d’échéance par courriel');
    expect(await settingsOf(m.editorFr)).toEqual({
      email: { reminders: false, submissions: true, returns: true },
    });
    // Again: the same answer, nothing else changes.
    expect((await m.t.http().post(link)).status).toBe(200);
    const audit = await m.t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'action'])
      .where('action', '=', 'user.notification_settings')
      .where('entity_id', '=', m.editorFr.id)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.actor_id).toBe(m.editorFr.id);
  });

  it('e-mails that kind no more, while the in-app notification is still kept', async () => {
    sink().clear();
    const result = await m.run(afterDue(PERIODS.Q1.due, -1));
    expect(result).toMatchObject({ queued: 4, sent: 3, skipped: 1 });
    expect(sink().to(m.editorFr.email)).toEqual([]);
    const inbox = await (await m.as(m.editorFr)).get('/me/notifications');
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(['reminder', 'reminder']);
    const [row] = await m.t.db
      .selectFrom('outbox')
      .select('state')
      .where('user_id', '=', m.editorFr.id)
      .where('offset_days', '=', -1)
      .execute();
    expect(row?.state).toBe('opted_out');
  });

  it('refuses a tampered link: another user, another kind, or a changed signature', async () => {
    const token = decodeURIComponent(link.split('token=')[1] ?? '');
    const [userId, , signature] = token.split('.');
    const forged = [
      `${m.w.users.editorA.id}.reminders.${signature}`,
      `${userId}.returns.${signature}`,
      `${userId}.reminders.${signature?.slice(0, -1)}${signature?.endsWith('A') ? 'B' : 'A'}`,
      unsubscribeToken(
        'another-secret-that-is-long-enough-to-sign',
        m.w.users.editorA.id,
        'reminders',
      ),
      'not-a-token',
    ];
    for (const bad of forged) {
      const url = `/api/v1/unsubscribe?token=${encodeURIComponent(bad)}`;
      const page = await m.t.http().get(url);
      expect(page.status, bad).toBe(400);
      expect(page.text).toContain('This link is not valid');
      const post = await m.t.http().post(url);
      expect(post.status, bad).toBe(400);
      expect(post.body.error.code).toBe('INVALID_TOKEN');
    }
    expect(await settingsOf(m.w.users.editorA)).toEqual({
      email: { reminders: true, submissions: true, returns: true },
    });
    const missing = await m.t.http().post('/api/v1/unsubscribe');
    expect(missing.status).toBe(400);
  });

  it('turns off only the kind the link names (a token made here for returns)', async () => {
    const token = unsubscribeToken(TEST_JWT_SECRET, m.w.users.editorA.id, 'returns');
    const res = await m.t
      .http()
      .post(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`)
      .send({ 'List-Unsubscribe': 'One-Click' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('notices of returned and reopened periods');
    expect(await settingsOf(m.w.users.editorA)).toEqual({
      email: { reminders: true, submissions: true, returns: false },
    });
  });
});
