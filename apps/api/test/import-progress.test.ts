// An import's progress as its job reports it (docs/csv.md, "Large files and jobs"): each phase
// counts the file's rows from 0; on PGlite the writing phase counts a chunk at a time, on
// PostgreSQL it has nothing to count until its one transaction commits.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IMPORT_CHUNK } from '../src/imports/import-chunks.js';
import { runImport } from '../src/imports/imports.service.js';
import { shareReporter } from '../src/imports/pacing.js';
import { uniqueSuffix } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
let as: Client;
const engine = inject('testDatabase').engine === 'pglite' ? 'pglite' : 'postgres';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  as = client(t, await t.login(w.users.editorA.email, w.users.editorA.password));
});
afterAll(async () => t?.closeAll());

function months(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const y = 1200 + Math.floor(i / 12);
    return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
}

describe('import progress', () => {
  it('counts each phase from 0; the writing phase a chunk at a time on PGlite', async () => {
    const m = await as.post(`/programs/${w.programA.id}/measures`, {
      code: `PR-${uniqueSuffix()}`,
      name: 'Monthly visits',
      unit: 'count',
      direction: 'up',
      periodType: 'month',
      category: 'how_much',
    });
    const rows = 2 * IMPORT_CHUNK + 500;
    const csv = `month,visits\n${months(rows)
      .map((p, i) => `${p},${i}`)
      .join('\n')}\n`;
    const calls: [string, number][] = [];
    const actor = {
      userId: w.users.editorA.id,
      grants: [{ role: 'admin' as const, scopeType: null, scopeId: null }],
      requestId: 'progress-test',
    };
    const report = await runImport(
      t.db,
      actor,
      {
        file: Buffer.from(csv),
        mapping: {
          mode: 'long',
          measureId: m.id,
          period: { column: 'month', format: 'month' },
          value: { column: 'visits' },
        } as never,
      },
      true,
      {
        engine,
        progress: async (phase, done) => {
          calls.push([phase, done]);
        },
      },
    );
    expect(report).toMatchObject({ inserted: rows, committed: true });
    // Checking first, from 0, never past the file's rows; then writing, from 0.
    expect(calls[0]).toEqual(['checking', 0]);
    const phases = calls.map(([phase]) => phase);
    expect(phases.lastIndexOf('checking')).toBeLessThan(phases.indexOf('writing'));
    const checking = calls.filter(([p]) => p === 'checking').map(([, done]) => done);
    expect(
      checking.every((done, i) => i === 0 || (done > (checking[i - 1] ?? 0) && done <= rows)),
    ).toBe(true);
    const writing = calls.filter(([p]) => p === 'writing').map(([, done]) => done);
    expect(writing).toEqual(engine === 'pglite' ? [0, IMPORT_CHUNK, 2 * IMPORT_CHUNK, rows] : [0]);
  });

  it('reports a share in rows: rising only, at most every so often, the end always', async () => {
    const seen: number[] = [];
    const every = shareReporter(async (done) => void seen.push(done), 1000, 0);
    for (const share of [0, 0.1, 0.1, 0.25, 0.2, 0.5, 1.5]) await every(share);
    expect(seen).toEqual([100, 250, 500, 1000]);
    const throttled: number[] = [];
    const rarely = shareReporter(async (done) => void throttled.push(done), 1000, 60_000);
    for (const share of [0.1, 0.5, 0.9, 1]) await rarely(share);
    expect(throttled).toEqual([1000]);
  });
});
