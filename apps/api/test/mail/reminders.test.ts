// Reminders of due dates, e-mailed through a real SMTP server: at the right offsets, to the
// editors of agencies that have not submitted only, in each one's language, the latest due
// offset only, and each message once however often (and however concurrently) the runs go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitPeriod } from '../../src/reporting/reporting.service.js';
import { afterDue, buildMailWorld, type MailWorld, PERIODS, PUBLIC_URL } from './mail-world.js';

let m: MailWorld;
const sink = () => m.smtp ?? expect.unreachable('no SMTP server');

beforeAll(async () => {
  m = await buildMailWorld();
  // Agency B has submitted the first quarter: its editor is never reminded of it.
  await submitPeriod(m.t.db, m.admin, m.w.orgB.id, PERIODS.Q1.period);
  await m.run(new Date('2026-06-01T00:00:00Z')); // delivers the coordinator's notice of it
  sink().clear();
});
afterAll(async () => m?.close());

async function reminderOffsets(period: string) {
  const rows = await m.t.db
    .selectFrom('outbox')
    .select(['user_id', 'offset_days'])
    .where('kind', '=', 'reminder')
    .where('period_start', '=', periodStart(period))
    .orderBy('offset_days')
    .execute();
  return rows;
}
const periodStart = (label: string) =>
  ({ Q1: '2026-04-01', Q2: '2026-07-01', Q3: '2026-10-01', Q4: '2027-01-01' })[
    label.slice(-2) as 'Q1'
  ];

describe('reminders of a due date', () => {
  it('reminds the editors of agencies that have not submitted, 7 days before, in their language', async () => {
    const result = await m.run(afterDue(PERIODS.Q1.due, -7, 1));
    expect(result).toEqual({ queued: 3, sent: 3, failed: 0, skipped: 0 });
    const { users } = m.w;
    const to = sink()
      .accepted.map((x) => x.to)
      .sort();
    expect(to).toEqual([users.editorA.email, m.editorFr.email, users.editorX.email].sort());
    // Not the viewer, the coordinators, the member, the funder, the admin, nor agency B.
    for (const u of [users.viewerA, users.coordinator, users.member, users.funder, m.editorB])
      expect(sink().to(u.email)).toEqual([]);

    const [en] = sink().to(users.editorA.email);
    expect(en?.subject).toBe(`Reminder: ${m.w.orgA.name}, FY2026-27 Q1 is due on July 15, 2026`);
    expect(en?.text).toContain(`The figures of ${m.w.orgA.name} for FY2026-27 Q1 are due on`);
    expect(en?.text).toContain(
      `${PUBLIC_URL}/data-entry?organization=${m.w.orgA.id}&period=FY2026-27-Q1`,
    );
    const [fr] = sink().to(m.editorFr.email);
    expect(fr?.subject).toBe(
      `Rappel\u00a0: ${m.w.orgA.name}, T1 2026-2027 attendue le 15 juillet 2026`,
    );
    expect(fr?.text).toContain('Bonjour Élise,');
    expect(fr?.text).toContain('n’ont pas encore été soumises');
    expect(fr?.html).toContain('15 juillet 2026');
    const [x] = sink().to(users.editorX.email);
    expect(x?.subject).toContain(m.w.outside.name);
  });

  it('carries the List-Unsubscribe headers of RFC 8058', () => {
    for (const mail of sink().accepted) {
      expect(mail.header('List-Unsubscribe')).toMatch(
        new RegExp(`^<${PUBLIC_URL}/api/v1/unsubscribe\\?token=[^>]+>$`),
      );
      expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    }
  });

  it('sends nothing twice when run again, at the same moment or later the same day', async () => {
    sink().clear();
    expect(await m.run(afterDue(PERIODS.Q1.due, -7, 1))).toMatchObject({ queued: 0, sent: 0 });
    expect(await m.run(afterDue(PERIODS.Q1.due, -7, 20))).toMatchObject({ queued: 0, sent: 0 });
    expect(await m.run(afterDue(PERIODS.Q1.due, -2))).toMatchObject({ queued: 0, sent: 0 });
    expect(sink().accepted).toEqual([]);
  });

  it('reminds again 1 day before, and 3 days after only those who still have not submitted', async () => {
    expect(await m.run(afterDue(PERIODS.Q1.due, -1))).toMatchObject({ queued: 3, sent: 3 });
    await submitPeriod(m.t.db, m.admin, m.w.orgA.id, PERIODS.Q1.period);
    sink().clear();
    const after = await m.run(afterDue(PERIODS.Q1.due, 3, 2));
    expect(after).toMatchObject({ queued: 1, failed: 0 });
    const reminders = sink().accepted.filter((x) => !x.subject.startsWith('Submitted'));
    expect(reminders.map((x) => x.to)).toEqual([m.w.users.editorX.email]);
    expect(reminders[0]?.subject).toBe(
      `Overdue: ${m.w.outside.name}, FY2026-27 Q1 (due July 15, 2026)`,
    );
    const offsets = await reminderOffsets(PERIODS.Q1.period);
    expect(
      offsets.filter((r) => r.user_id === m.w.users.editorX.id).map((r) => r.offset_days),
    ).toEqual([-7, -1, 3]);
    expect(
      offsets.filter((r) => r.user_id === m.w.users.editorA.id).map((r) => r.offset_days),
    ).toEqual([-7, -1]);
  });

  it('sends only the latest offset that has fallen due when the earlier ones were not sent', async () => {
    sink().clear();
    // Agency B has not submitted this quarter: its editor is reminded too.
    expect(await m.run(afterDue(PERIODS.Q2.due, 4))).toEqual({
      queued: 4,
      sent: 4,
      failed: 0,
      skipped: 0,
    });
    const offsets = await reminderOffsets(PERIODS.Q2.period);
    expect(offsets.map((r) => r.offset_days)).toEqual([3, 3, 3, 3]);
    expect(sink().accepted.every((x) => /^(Overdue|En retard)/.test(x.subject))).toBe(true);
    expect(await m.run(afterDue(PERIODS.Q2.due, 5))).toMatchObject({ queued: 0, sent: 0 });
  });

  it('sends each reminder once when several runs race', async () => {
    sink().clear();
    const at = afterDue(PERIODS.Q3.due, -7, 3);
    const results = await Promise.all([m.run(at), m.run(at), m.run(at), m.run(at)]);
    const total = (k: 'queued' | 'sent' | 'failed') => results.reduce((n, r) => n + r[k], 0);
    expect([total('queued'), total('sent'), total('failed')]).toEqual([4, 4, 0]);
    expect(sink().accepted).toHaveLength(4);
    expect(new Set(sink().accepted.map((x) => x.to)).size).toBe(4);
    expect(new Set(sink().accepted.map((x) => x.messageId)).size).toBe(4);
  });

  it('sends no reminder about a moment long past (more than 7 days)', async () => {
    sink().clear();
    expect(await m.run(afterDue(PERIODS.Q4.due, 3 + 8))).toMatchObject({ queued: 0, sent: 0 });
    expect(await reminderOffsets(PERIODS.Q4.period)).toEqual([]);
  });
});
