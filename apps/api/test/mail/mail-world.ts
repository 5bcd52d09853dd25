// The world of the mail tests: the test world, an app that mails through an in-process SMTP
// server, a French-speaking editor beside agency A's English one, an editor at agency B, and
// reporting periods with due dates.
import type { Actor } from '../../src/access/actor.js';
import { runReminders } from '../../src/mail/reminders.service.js';
import { defineReportingPeriod } from '../../src/reporting/reporting.service.js';
import { createUser, grantRole } from '../../src/users/users.service.js';
import { PASSWORD, uniqueSuffix } from '../../support/factories.js';
import { buildWorld } from '../../support/world.js';
import { client } from '../helpers/api.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

export const PUBLIC_URL = 'https://rba.example.org';

/** Fiscal quarters (the year starts in April) and their due dates. */
export const PERIODS = {
  Q1: { period: 'FY2026-27-Q1', opens: '2026-04-01', due: '2026-07-15', closes: '2026-09-30' },
  Q2: { period: 'FY2026-27-Q2', opens: '2026-07-01', due: '2026-10-15', closes: '2026-12-31' },
  Q3: { period: 'FY2026-27-Q3', opens: '2026-10-01', due: '2027-01-15', closes: '2027-03-31' },
  Q4: { period: 'FY2026-27-Q4', opens: '2027-01-01', due: '2027-04-15', closes: '2027-06-30' },
} as const;

/** The moment `days` (and `hours`) after 00:00 UTC of a due date. */
export function afterDue(due: string, days: number, hours = 0): Date {
  return new Date(Date.parse(`${due}T00:00:00Z`) + (days * 24 + hours) * 3600_000);
}

export async function buildMailWorld(options: { smtp?: boolean } = {}) {
  const smtp: SmtpSink | undefined = options.smtp === false ? undefined : await startSmtpSink();
  const t: TestApp = await createTestApp({
    ...(smtp ? { SMTP_URL: smtp.url } : {}),
    MAIL_FROM: 'RBA Scorecard <rba@example.org>',
    PUBLIC_URL,
    REMINDERS_INTERVAL_SECONDS: '0',
  });
  const w = await buildWorld(t.db);
  const admin: Actor = {
    userId: w.users.admin.id,
    grants: [{ role: 'admin', scopeType: null, scopeId: null }],
    requestId: 'mail-test',
  };
  const person = async (
    name: string,
    slug: string,
    locale: 'en' | 'fr',
    organizationId: string,
  ) => {
    const u = await createUser(t.db, null, {
      email: `${slug}-${uniqueSuffix()}@example.org`,
      name,
      password: PASSWORD,
      locale,
    });
    await grantRole(t.db, null, u.id, {
      role: 'partner_editor',
      scopeType: 'organization',
      scopeId: organizationId,
    });
    return { id: u.id, email: u.email, password: PASSWORD };
  };
  const editorFr = await person('Élise', 'elise', 'fr', w.orgA.id);
  const editorB = await person('Bob', 'bob', 'en', w.orgB.id);
  for (const p of Object.values(PERIODS)) await defineReportingPeriod(t.db, admin, p);
  const ctx = { db: t.db, config: t.config, jwtSecret: TEST_JWT_SECRET };
  const as = async (u: { email: string; password: string }) =>
    client(t, await t.login(u.email, u.password));
  return {
    t,
    w,
    smtp,
    admin,
    editorFr,
    editorB,
    ctx,
    as,
    /** One reminder run, as the loop does it, at a chosen moment. */
    run: (at: Date) => runReminders(ctx, at),
    async close() {
      await t.closeAll();
      await smtp?.close();
    },
  };
}

export type MailWorld = Awaited<ReturnType<typeof buildMailWorld>>;
