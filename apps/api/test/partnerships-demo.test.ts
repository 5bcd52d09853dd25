// The demo's two partnership surveys: both closed, the later one with stronger ties around the
// lead agency and one isolated agency, and their figures on the collective scorecard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-content.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const DAY = '2026-11-26';
let t: TestApp;
let coordinator: Client;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { today: DAY });
  coordinator = client(t, await t.login('coordinator@northshire.example', DEMO_PASSWORD));
});
afterAll(async () => t.closeAll());

describe("the demo's partnership surveys", () => {
  it('are two closed yearly surveys, the later one tighter around the lead agency, with one isolate', async () => {
    const table = (await coordinator.get('/tables')).items[0];
    const surveys = (await coordinator.get(`/tables/${table.id}/partnership-surveys`)).items;
    expect(surveys.map((s: { period: string }) => s.period)).toEqual(['2025', '2024']);
    expect(surveys.every((s: { state: string }) => s.state === 'closed')).toBe(true);
    const [later, earlier] = await Promise.all(
      surveys.map((s: { id: string }) => coordinator.get(`/partnership-surveys/${s.id}/network`)),
    );
    expect(later.density).toBeGreaterThan(earlier.density);
    expect(later.meanTrust).toBeGreaterThan(earlier.meanTrust);
    expect(later.responseRate).toBe(1);
    expect(later.isolates).toBe(1);
    const isolate = later.nodes.find((n: { degree: number }) => n.degree === 0);
    expect(isolate.organization.code).toBe('PCMH');
    const lead = later.nodes.find(
      (n: { organization: { code: string } }) => n.organization.code === 'NCMHC',
    );
    expect(lead.degree).toBe(6);
    expect(lead.suppressed).toBe(false);
    expect(Math.max(...later.nodes.map((n: { betweenness: number }) => n.betweenness))).toBe(
      lead.betweenness,
    );

    const card = await coordinator.get(`/tables/${table.id}/scorecard`);
    const indicators = card.results.flatMap((r: { indicators: unknown[] }) => r.indicators);
    const density = indicators.find((i: { code: string }) => i.code === 'NET_DENSITY');
    expect(density.latest).toMatchObject({ period: '2025' });
    expect(density.latest.value).toBeCloseTo(later.density * 100, 1);
    for (const code of ['NET_RECIPROCITY', 'NET_TRUST', 'NET_VALUE'])
      expect(indicators.find((i: { code: string }) => i.code === code)?.latest).not.toBeNull();
  });
});
