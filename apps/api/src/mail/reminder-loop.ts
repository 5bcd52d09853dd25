// Each API process runs the reminders by itself every REMINDERS_INTERVAL_SECONDS: the outbox's
// key and its claims make running them in several processes at once safe.
import type { FastifyBaseLogger } from 'fastify';
import type { MailContext } from './delivery.service.js';
import { runReminders } from './reminders.service.js';

export interface ReminderLoop {
  /** Stops scheduling runs and waits for the one in progress, if any. */
  stop(): Promise<void>;
}

/** The first run comes soon after start-up (a restarted process catches up), then one per interval. */
const FIRST_RUN_MAX_SECONDS = 10;

export function startReminderLoop(
  ctx: MailContext,
  intervalSeconds: number,
  log: FastifyBaseLogger,
): ReminderLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const schedule = (seconds: number) => {
    if (stopped) return;
    timer = setTimeout(tick, seconds * 1000);
    timer.unref();
  };
  const tick = () => {
    running = runReminders(ctx, new Date()).then(
      (r) => {
        if (r.queued + r.sent + r.failed > 0) log.info({ reminders: r }, 'reminder run');
      },
      (err: unknown) => log.error({ err }, 'reminder run failed'),
    );
    void running.finally(() => {
      running = undefined;
      schedule(intervalSeconds);
    });
  };
  schedule(Math.min(intervalSeconds, FIRST_RUN_MAX_SECONDS));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
