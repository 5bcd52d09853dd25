// Partnership surveys through the outbox (issue #23): creating a survey invites the partner
// editors of each agency asked (in-app and by e-mail, in each one's language, not viewers, not
// other tables' agencies); the reminder run reminds the editors of agencies that have not answered,
// on the table's offsets before the closing date, each once; an agency that answered gets none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from '../support/factories.js';
import type { Client } from './helpers/api.js';
import { buildMailWorld, type MailWorld, PUBLIC_URL } from './mail/mail-world.js';

let m: MailWorld;
const as: Record<string, Client> = {};
const sink = () => m.smtp ?? expect.unreachable('no SMTP server');
const c = (name: string) => as[name] as Client;

const DAY = 86_400_000;
/** A calendar day (UTC) `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
/** The moment `days` days (and `hours` hours) after 00:00 UTC of a date. */
const after = (date: string, days: number, hours = 0) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY + hours * 3600_000);
const all = (n: number) => [n, n, n];

beforeAll(async () => {
  m = await buildMailWorld();
  const { users } = m.w;
  for (const [name, u] of Object.entries({
    ...users,
    editorFr: m.editorFr,
    editorB: m.editorB,
  }))
    as[name] = await m.as({ email: u.email, password: PASSWORD });
});
afterAll(async () => m?.close());

async function openSurvey(body: Record<string, unknown> = {}, tableId = m.w.table.id) {
  return c('coordinator').post(`/tables/${tableId}/partnership-surveys`, {
    title: 'How we work together',
    period: '2026',
    opens: day(-1),
    closes: day(10),
    ...body,
  });
}

/** The survey's messages in the outbox: who, what kind, which agency, which offset. */
async function messagesOf(surveyId: string, kind?: 'survey_invitation' | 'survey_reminder') {
  let q = m.t.db
    .selectFrom('outbox')
    .select(['user_id', 'kind', 'organization_id', 'offset_days', 'state', 'period_start', 'link'])
    .where('survey_id', '=', surveyId);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('created_at').orderBy('user_id').execute();
}

/** The mails the sink accepted about one survey (by its title), optionally to one address. */
const mailsAbout = (title: string, to?: string) =>
  sink().accepted.filter((x) => x.subject.includes(title) && (to === undefined || x.to === to));

describe('creating a survey', () => {
  let survey: { id: string; closes: string };

  beforeAll(async () => {
    await m.run(new Date()); // delivers whatever the world's set-up queued
    sink().clear();
    survey = await openSurvey();
  });

  it('queues one invitation per partner editor of each agency asked, in the same transaction', async () => {
    const { users, orgA, orgB } = m.w;
    const rows = await messagesOf(survey.id);
    expect(rows.map((r) => r.kind)).toEqual([
      'survey_invitation',
      'survey_invitation',
      'survey_invitation',
    ]);
    expect(rows.map((r) => r.user_id).sort()).toEqual(
      [users.editorA.id, m.editorFr.id, m.editorB.id].sort(),
    );
    for (const r of rows) {
      expect(r).toMatchObject({ offset_days: null, state: 'queued', period_start: '2026-01-01' });
      expect(r.link).toBe(
        `/partnerships/surveys/${survey.id}/response?organization=${r.organization_id}`,
      );
    }
    expect(rows.filter((r) => r.organization_id === orgA.id)).toHaveLength(2);
    expect(rows.filter((r) => r.organization_id === orgB.id)).toHaveLength(1);
  });

  it('shows it in the bell of each editor, in their language, with a link to the form', async () => {
    const { orgA, table } = m.w;
    const closes = survey.closes;
    const [en] = (await c('editorA').get('/me/notifications')).items.filter(
      (n: { kind: string }) => n.kind === 'survey_invitation',
    );
    expect(en.subject).toMatch(
      new RegExp(`^Partnership survey of ${table.name}: How we work together \\(answer by `),
    );
    expect(en.body).toContain(
      `${table.name} asks ${orgA.name} to answer its partnership survey “How we work together” for 2026. The survey is open until `,
    );
    expect(en.link).toBe(`/partnerships/surveys/${survey.id}/response?organization=${orgA.id}`);
    expect(en.read).toBe(false);
    const closesEn = new Intl.DateTimeFormat('en-CA', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${closes}T00:00:00Z`));
    expect(en.subject).toContain(closesEn);

    const [fr] = (await c('editorFr').get('/me/notifications')).items.filter(
      (n: { kind: string }) => n.kind === 'survey_invitation',
    );
    expect(fr.subject).toMatch(
      new RegExp(`^Sondage de partenariat de ${table.name}\u00a0: How we work together`),
    );
    expect(fr.body).toContain(`demande à ${orgA.name} de répondre à son sondage de partenariat`);
    expect(fr.body).toContain('Le sondage est ouvert jusqu’au');
  });

  it('tells no viewer, no coordinator, and no agency of another table', async () => {
    for (const name of ['viewerA', 'coordinator', 'member', 'funder', 'editorX', 'admin']) {
      const items = (await c(name).get('/me/notifications')).items as { kind: string }[];
      expect(
        items.filter((n) => n.kind.startsWith('survey_')),
        name,
      ).toEqual([]);
    }
  });

  it('e-mails the invitations at the next run, each in its language, linking to the form', async () => {
    const { users, orgA, orgB } = m.w;
    await m.run(new Date());
    const mails = mailsAbout('How we work together');
    expect(mails.map((x) => x.to).sort()).toEqual(
      [users.editorA.email, m.editorFr.email, m.editorB.email].sort(),
    );
    const [en] = mailsAbout('How we work together', users.editorA.email);
    expect(en?.text).toContain(
      `${PUBLIC_URL}/partnerships/surveys/${survey.id}/response?organization=${orgA.id}`,
    );
    expect(en?.text).toContain('How we work together');
    const [fr] = mailsAbout('How we work together', m.editorFr.email);
    expect(fr?.text).toContain('Bonjour Élise,');
    expect(fr?.subject).toContain('Sondage de partenariat');
    const [b] = mailsAbout('How we work together', m.editorB.email);
    expect(b?.text).toContain(`?organization=${orgB.id}`);
    expect((await messagesOf(survey.id)).every((r) => r.state === 'sent')).toBe(true);
  });

  it('invites nobody to a survey already over, and says when a later one opens', async () => {
    const over = await openSurvey({ period: '2025', opens: day(-30), closes: day(-20) });
    expect(over.state).toBe('closed');
    expect(await messagesOf(over.id)).toEqual([]);

    const later = await openSurvey({ opens: day(5), closes: day(20) });
    expect(later.state).toBe('scheduled');
    expect(await messagesOf(later.id)).toHaveLength(3);
    const [en] = (await c('editorB').get('/me/notifications')).items.filter(
      (n: { kind: string; link: string }) =>
        n.kind === 'survey_invitation' && n.link.includes(later.id),
    );
    expect(en.body).toContain('The survey opens on');
  });

  it('keeps the in-app invitation but does not e-mail someone who turned reminders off', async () => {
    const { email } = await c('editorB').get('/me/notification-settings');
    await c('editorB').put('/me/notification-settings', { email: { ...email, reminders: false } });
    sink().clear();
    const s = await openSurvey({ title: 'Quiet survey' });
    await m.run(new Date());
    const mine = (await messagesOf(s.id)).filter((r) => r.user_id === m.editorB.id);
    expect(mine.map((r) => r.state)).toEqual(['opted_out']);
    expect(mailsAbout('Quiet survey', m.editorB.email)).toEqual([]);
    const items = (await c('editorB').get('/me/notifications')).items as { link: string }[];
    expect(items.some((n) => n.link.includes(s.id))).toBe(true);
    await c('editorB').put('/me/notification-settings', { email });
  });
});

describe('survey reminders', () => {
  let survey: { id: string; closes: string };

  beforeAll(async () => {
    survey = await openSurvey({ title: 'Reminded survey', opens: day(-1), closes: day(12) });
    // Agency B answers at once: its editor is never reminded.
    await c('editorB').put(`/partnership-surveys/${survey.id}/my-response`, {
      answers: [{ organizationId: m.w.orgA.id, level: 2, trust: all(3), value: all(3) }],
    });
    await m.run(new Date());
    sink().clear();
  });

  it('reminds the editors of agencies that have not answered, 7 days before closing', async () => {
    const { users, orgA } = m.w;
    expect(await messagesOf(survey.id, 'survey_reminder')).toEqual([]);
    await m.run(after(survey.closes, -7, 1));
    const rows = await messagesOf(survey.id, 'survey_reminder');
    expect(rows.map((r) => [r.user_id, r.organization_id, r.offset_days]).sort()).toEqual(
      [
        [users.editorA.id, orgA.id, -7],
        [m.editorFr.id, orgA.id, -7],
      ].sort(),
    );
    const mails = mailsAbout('Reminded survey');
    expect(mails.map((x) => x.to).sort()).toEqual([users.editorA.email, m.editorFr.email].sort());
    const [en] = mailsAbout('Reminded survey', users.editorA.email);
    expect(en?.subject).toMatch(/^Reminder: Reminded survey of .+ closes on /);
    expect(en?.text).toContain(`${orgA.name} has not answered the partnership survey`);
    expect(en?.text).toContain(
      `${PUBLIC_URL}/partnerships/surveys/${survey.id}/response?organization=${orgA.id}`,
    );
    const [fr] = mailsAbout('Reminded survey', m.editorFr.email);
    expect(fr?.subject).toMatch(/^Rappel\u00a0: Reminded survey de .+ ferme le /);
    expect(fr?.text).toContain('n’a pas encore répondu au sondage de partenariat');
    expect(mailsAbout('Reminded survey', m.editorB.email)).toEqual([]);
    const bell = (await c('editorA').get('/me/notifications')).items as { kind: string }[];
    expect(bell.some((n) => n.kind === 'survey_reminder')).toBe(true);
  });

  it('sends each reminder once, however often and however concurrently the runs go', async () => {
    sink().clear();
    const at = after(survey.closes, -7, 1);
    await Promise.all([m.run(at), m.run(at), m.run(at)]);
    await m.run(after(survey.closes, -7, 20));
    await m.run(after(survey.closes, -3));
    expect(await messagesOf(survey.id, 'survey_reminder')).toHaveLength(2);
    expect(mailsAbout('Reminded survey')).toEqual([]);
  });

  it('reminds again 1 day before, then no more once the agency has answered', async () => {
    sink().clear();
    await m.run(after(survey.closes, -1, 2));
    expect(
      (await messagesOf(survey.id, 'survey_reminder'))
        .map((r) => r.offset_days as number)
        .sort((a, b) => a - b),
    ).toEqual([-7, -7, -1, -1]);
    expect(mailsAbout('Reminded survey')).toHaveLength(2);

    await c('editorA').put(`/partnership-surveys/${survey.id}/my-response`, {
      answers: [{ organizationId: m.w.orgB.id, level: 0, trust: null, value: null }],
    });
    sink().clear();
    await m.run(after(survey.closes, 0, 1));
    await m.run(after(survey.closes, 0, 23));
    expect(await messagesOf(survey.id, 'survey_reminder')).toHaveLength(4);
    expect(mailsAbout('Reminded survey')).toEqual([]);
    // Agency B, which answered first, was never reminded.
    expect(
      (await messagesOf(survey.id, 'survey_reminder')).filter(
        (r) => r.organization_id === m.w.orgB.id,
      ),
    ).toEqual([]);
  });

  it('reminds nobody of a closed survey, nor before it opens', async () => {
    const closing = await openSurvey({ title: 'Closed early', opens: day(-1), closes: day(8) });
    await c('coordinator').post(`/partnership-surveys/${closing.id}/close`);
    const scheduled = await openSurvey({ title: 'Not yet', opens: day(20), closes: day(22) });
    await m.run(after(closing.closes, -1, 1));
    await m.run(after(scheduled.closes, -7, 1)); // before it opens: that offset is never sent
    expect(await messagesOf(closing.id, 'survey_reminder')).toEqual([]);
    expect(await messagesOf(scheduled.id, 'survey_reminder')).toEqual([]);
    await m.run(after(scheduled.closes, -1, 1));
    expect((await messagesOf(scheduled.id, 'survey_reminder')).map((r) => r.offset_days)).toEqual([
      -1, -1, -1,
    ]);
  });

  it("follows the table's reminder settings: off, no survey reminders", async () => {
    const { table } = m.w;
    const before = await c('coordinator').get(`/tables/${table.id}/reminder-settings`);
    await c('coordinator').put(`/tables/${table.id}/reminder-settings`, {
      ...before,
      enabled: false,
    });
    const s = await openSurvey({ title: 'Unreminded', opens: day(-1), closes: day(9) });
    await m.run(after(s.closes, -1, 1));
    expect(await messagesOf(s.id, 'survey_reminder')).toEqual([]);
    await c('coordinator').put(`/tables/${table.id}/reminder-settings`, before);
  });

  it('reaches a new editor of an agency that has not answered, and only them, on the next offset', async () => {
    const s = await openSurvey({ title: 'Late editor', opens: day(-1), closes: day(11) });
    const late = await makeUser(m.t.db, [
      { role: 'partner_editor', scopeType: 'organization', scopeId: m.w.orgB.id },
    ]);
    await m.run(after(s.closes, -1, 1));
    const rows = await messagesOf(s.id);
    expect(rows.filter((r) => r.user_id === late.id).map((r) => r.kind)).toEqual([
      'survey_reminder',
    ]);
  });
});
