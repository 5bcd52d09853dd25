import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
});
afterAll(async () => t.closeAll());

describe('the test world', () => {
  it('builds, and every user can sign in', async () => {
    for (const u of Object.values(w.users)) {
      expect(await t.login(u.email, u.password)).toMatch(/^Bearer /);
    }
    expect(w.countA.dimensions).toEqual([w.dimension.code]);
  });
});
