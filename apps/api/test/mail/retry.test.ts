// A delivery the SMTP server refuses (451) is not lost: a later run tries again once 30 s have
// passed, the wait doubling after each refusal, and the message arrives exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryDelaySeconds } from '../../src/mail/delivery.service.js';
import { afterDue, buildMailWorld, type MailWorld, PERIODS } from './mail-world.js';

let m: MailWorld;
const sink = () => m.smtp ?? expect.unreachable('no SMTP server');

beforeAll(async () => {
  m = await buildMailWorld();
});
afterAll(async () => m?.close());

const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

async function outboxOf(email: string) {
  return m.t.db
    .selectFrom('outbox as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .select(['o.state', 'o.attempts', 'o.last_error', 'o.next_attempt_at', 'o.sent_at'])
    .where('u.email', '=', email)
    .where('o.kind', '=', 'reminder')
    .execute();
}

describe('a refused delivery', () => {
  it('waits 30 s, then 60 s, 120 s … and at most an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelaySeconds)).toEqual([
      30, 60, 120, 240, 1920, 3600, 3600,
    ]);
  });

  it('is retried by a later run once 30 s have passed, and arrives exactly once', async () => {
    const t0 = afterDue(PERIODS.Q1.due, -7, 1);
    // Four reminders are due (A's two editors, B's and X's): the server refuses the first one.
    sink().refuseNext(1);
    const first = await m.run(t0);
    expect(first).toEqual({ queued: 4, sent: 3, failed: 1, skipped: 0 });
    expect(sink().refused).toBe(1);
    const refusedTo = (
      await m.t.db
        .selectFrom('outbox as o')
        .innerJoin('users as u', 'u.id', 'o.user_id')
        .select('u.email')
        .where('o.state', '=', 'failed')
        .execute()
    ).map((r) => r.email);
    expect(refusedTo).toHaveLength(1);
    const email = refusedTo[0] as string;
    expect(sink().to(email)).toEqual([]);
    const [failed] = await outboxOf(email);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, sent_at: null });
    expect(failed?.last_error).toMatch(/^451 /);
    expect(failed?.next_attempt_at?.toISOString()).toBe(later(t0, 30).toISOString());

    // Not before its time, however many runs come.
    expect(await m.run(later(t0, 10))).toMatchObject({ queued: 0, sent: 0, failed: 0 });
    expect(await m.run(later(t0, 29))).toMatchObject({ sent: 0, failed: 0 });

    // Refused again at 30 s: the wait doubles to 60 s.
    sink().refuseNext(1);
    expect(await m.run(later(t0, 30))).toMatchObject({ sent: 0, failed: 1 });
    const [again] = await outboxOf(email);
    expect(again).toMatchObject({ state: 'failed', attempts: 2 });
    expect(again?.next_attempt_at?.toISOString()).toBe(later(t0, 90).toISOString());
    expect(await m.run(later(t0, 89))).toMatchObject({ sent: 0, failed: 0 });

    expect(await m.run(later(t0, 91))).toMatchObject({ queued: 0, sent: 1, failed: 0 });
    expect(sink().to(email)).toHaveLength(1);
    const [sent] = await outboxOf(email);
    expect(sent).toMatchObject({ state: 'sent', attempts: 3, last_error: null });
    expect(sent?.sent_at).toBeInstanceOf(Date);

    // Every recipient has exactly one copy, and nothing is left to send.
    expect(await m.run(later(t0, 3600))).toMatchObject({ queued: 0, sent: 0, failed: 0 });
    const counts = new Map<string, number>();
    for (const x of sink().accepted) counts.set(x.to, (counts.get(x.to) ?? 0) + 1);
    expect([...counts.values()]).toEqual([1, 1, 1, 1]);
  });

  it('is taken over when a process stopped in the middle of sending it (its lease ran out)', async () => {
    sink().clear();
    const at = afterDue(PERIODS.Q2.due, -1, 1);
    expect(await m.run(at)).toMatchObject({ queued: 4, sent: 4 });
    // A message claimed by a process that died: still `sending`, its lease over.
    const row = await m.t.db
      .selectFrom('outbox')
      .select('id')
      .where('state', '=', 'sent')
      .where('period_start', '=', '2026-07-01')
      .executeTakeFirst();
    await m.t.db
      .updateTable('outbox')
      .set({
        state: 'sending',
        lease_until: new Date(Date.now() - 1000),
        claim_token: '00000000-0000-4000-8000-000000000001',
      })
      .where('id', '=', row?.id ?? '')
      .execute();
    expect(row).toBeDefined();
    sink().clear();
    expect(await m.run(at)).toMatchObject({ sent: 1 });
    // One whose lease still runs is left to its process.
    await m.t.db
      .updateTable('outbox')
      .set({ state: 'sending', lease_until: new Date(Date.now() + 60_000) })
      .where('id', '=', row?.id ?? '')
      .execute();
    expect(await m.run(at)).toMatchObject({ sent: 0 });
  });
});
