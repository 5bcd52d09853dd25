// Import job recovery, in process: a running job whose heartbeat is old is closed when read,
// once, and audited (the crashes that leave such jobs behind are in crash.test.ts).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { INTERRUPTED_MESSAGE } from '../src/imports/import-jobs.js';
import { buildWorld } from '../support/world.js';
import { createTestApp } from './helpers/app.js';

describe('import job recovery (in-process)', () => {
  it('a running job with an old heartbeat is closed when read, once, and audited', async () => {
    const t = await createTestApp();
    try {
      const w = await buildWorld(t.db);
      const admin = await t.login(w.users.admin.email, w.users.admin.password);
      const { rows } = await sql<{ id: string }>`
        insert into import_jobs (created_by, status, commit, phase, total, heartbeat_at)
        values (${w.users.admin.id}, 'running', true, 'writing', 10, now() - interval '10 minutes'),
               (${w.users.admin.id}, 'running', true, 'writing', 10, now())
        returning id`.execute(t.db);
      const [old, fresh] = rows.map((r) => r.id);
      const read = async (id: string | undefined) =>
        (await t.http().get(`/api/v1/imports/${id}`).set('authorization', admin)).body;
      expect(await read(old)).toMatchObject({
        status: 'failed',
        phase: 'abandoned',
        error: { code: 'ABANDONED', message: INTERRUPTED_MESSAGE },
      });
      // A recent heartbeat: the process running it may be alive (another API process).
      expect(await read(fresh)).toMatchObject({ status: 'running', phase: 'writing' });
      await read(old);
      const events = await t.db
        .selectFrom('audit_events')
        .select(['entity_id', 'action'])
        .where('entity', '=', 'import')
        .execute();
      expect(events).toEqual([{ entity_id: old, action: 'import.interrupted' }]);
    } finally {
      await t.closeAll();
    }
  });
});
