// The demo's figures: every measure's value for every quarter, drawn from its shape by a seeded
// generator, saved by the agency's editor and taken through the quarter's reporting state.
import type { Actor } from '../access/actor.js';
import type { Trx } from '../db/schema.js';
import { type SaveItem, saveObservations } from '../observations/observations.service.js';
import { approvePeriod, returnPeriod, submitPeriod } from '../reporting/reporting.service.js';
import { AGENCIES, CURRENT_QUARTER, RETURN_NOTE } from './demo-content.js';
import type { DemoMeasure, Shape } from './demo-programs.js';
import { apportion, seededRandom } from './prng.js';

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** The value of a shape at quarter i, with seeded noise. */
function at(shape: Shape, i: number, rand: () => number): number {
  const turn = shape.turnAt ?? Number.POSITIVE_INFINITY;
  const before = Math.min(i, turn);
  const after = Math.max(0, i - turn);
  return (
    shape.start +
    shape.slope * before +
    (shape.after ?? shape.slope) * after +
    shape.noise * gaussian(rand)
  );
}

const BREAKDOWN_WEIGHTS = {
  age_group: { codes: ['0_5', '6_11', '12_17', '18_24'], weights: [0.12, 0.33, 0.47, 0.08] },
  gender: { codes: ['girls_women', 'boys_men', 'gender_diverse'], weights: [0.56, 0.415, 0.025] },
} as const;

/** A program measure as created: its id, its description and its agency's code. */
export type Planned = { id: string; spec: DemoMeasure; org: string };

/** Every figure of every quarter, each agency's quarter left in its CURRENT_QUARTER state. */
export async function seedFigures(
  db: Trx,
  s: {
    quarters: string[];
    measures: Planned[];
    orgs: Map<string, string>;
    coordinator: Actor;
    editorOf: (org: string) => string;
    as: (key: string) => Actor;
  },
): Promise<void> {
  const { quarters, measures, orgs, coordinator, editorOf, as } = s;
  const draws = new Map(measures.map((m) => [m.id, seededRandom(hash(m.spec.code))]));
  for (const [i, quarter] of quarters.entries()) {
    const isCurrent = i === quarters.length - 1;
    for (const agency of AGENCIES) {
      const state = isCurrent ? CURRENT_QUARTER[agency.code] : 'approved';
      if (state === 'not_started') continue;
      const items: (SaveItem & { measureId: string })[] = [];
      const own = measures.filter((x) => x.org === agency.code);
      // Partly entered: the first measure's figures saved, the others still empty.
      for (const m of state === 'in_progress' ? own.slice(0, 1) : own) {
        const rand = draws.get(m.id) as () => number;
        const size = Math.max(0, Math.round(at(m.spec.shape, i, rand)));
        if (m.spec.unit === 'percent') {
          const rate = Math.min(1, Math.max(0, at(m.spec.rate as Shape, i, rand)));
          const denominator = Math.max(1, size);
          items.push({
            measureId: m.id,
            period: quarter,
            numerator: Math.round(denominator * rate),
            denominator,
          });
        } else if (m.spec.unit === 'days') {
          let days = Math.round(at(m.spec.shape, i, rand) * 10) / 10;
          if (agency.code === 'NGH' && isCurrent) days = 71; // the figure the coordinator questions
          items.push({ measureId: m.id, period: quarter, value: Math.max(1, days) });
        } else {
          items.push({ measureId: m.id, period: quarter, value: size });
          if (m.spec.breakdown) {
            const { codes, weights } = BREAKDOWN_WEIGHTS[m.spec.breakdown];
            const jitter = weights.map((w) => w * (0.85 + 0.3 * rand()));
            apportion(size, jitter).forEach((part, k) => {
              items.push({
                measureId: m.id,
                period: quarter,
                value: part,
                breakdown: { [m.spec.breakdown as string]: codes[k] as string },
              });
            });
          }
        }
      }
      const orgId = orgs.get(agency.code) as string;
      await saveObservations(db, as(editorOf(agency.code)), orgId, items);
      if (state === 'in_progress') continue;
      await submitPeriod(db, as(editorOf(agency.code)), orgId, quarter);
      if (state === 'approved') await approvePeriod(db, coordinator, orgId, quarter);
      if (state === 'returned') await returnPeriod(db, coordinator, orgId, quarter, RETURN_NOTE);
    }
  }
}
