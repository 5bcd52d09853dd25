// Delivers the outbox: claims one message at a time (any number of processes may do this at
// once), sends it with nodemailer outside any transaction, then records the outcome. A refused
// or failed delivery is tried again by a later run, 30 s after, the wait doubling up to an hour.
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import { renderEmail } from './email.js';
import { type ClaimedMessage, claimNext, settle } from './outbox.repository.js';

export interface MailContext {
  db: Db;
  config: Pick<Config, 'mail'>;
  /** Signs the unsubscribe links. */
  jwtSecret: string;
}

export interface DeliveryCounts {
  sent: number;
  failed: number;
  skipped: number;
}

const FIRST_WAIT_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 60 * 60;
/** At most this many messages per run, so a run always ends; the next run takes the rest. */
const RUN_LIMIT = 1000;

/** The wait before the next try after `attempts` failed tries: 30 s, 60 s, 120 s … 1 h. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_WAIT_SECONDS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_SECONDS);
}

/** What went wrong, for the admin's outbox listing: the server's reply when there is one. */
function describeFailure(err: unknown): string {
  const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = e.response ?? e.message ?? String(err);
  return (e.responseCode ? `${e.responseCode} ${text}` : `${e.code ?? 'ERROR'}: ${text}`).slice(
    0,
    1000,
  );
}

type Transport = ReturnType<typeof createTransport>;

async function deliverOne(
  ctx: MailContext,
  transport: Transport,
  m: ClaimedMessage,
  token: string,
  at: Date,
): Promise<'sent' | 'failed'> {
  const email = renderEmail(m, ctx.config.mail, ctx.jwtSecret);
  try {
    await transport.sendMail({
      from: ctx.config.mail.from,
      to: { name: m.name, address: m.email },
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: email.headers,
    });
  } catch (err) {
    const nextAttemptAt = new Date(at.getTime() + retryDelaySeconds(m.attempts) * 1000);
    await settle(ctx.db, m.id, token, {
      state: 'failed',
      text: email.text,
      html: email.html,
      error: describeFailure(err),
      nextAttemptAt,
    });
    return 'failed';
  }
  await settle(ctx.db, m.id, token, { state: 'sent', text: email.text, html: email.html });
  return 'sent';
}

/**
 * Delivers what is deliverable at `at`: queued messages, failed ones whose wait is over, and any
 * left `sending` by a process that stopped mid-delivery (its lease ran out).
 */
export async function deliverOutbox(ctx: MailContext, at: Date): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, failed: 0, skipped: 0 };
  const { smtpUrl } = ctx.config.mail;
  const transport = smtpUrl
    ? createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : undefined;
  try {
    for (let i = 0; i < RUN_LIMIT; i++) {
      const token = randomUUID();
      const m = await claimNext(ctx.db, at, token);
      if (!m) break;
      if (!transport) {
        await settle(ctx.db, m.id, token, { state: 'skipped_no_smtp' });
        counts.skipped++;
      } else if (m.disabled || !m.wanted) {
        await settle(ctx.db, m.id, token, { state: 'opted_out' });
        counts.skipped++;
      } else {
        counts[await deliverOne(ctx, transport, m, token, at)]++;
      }
    }
  } finally {
    transport?.close();
  }
  return counts;
}
