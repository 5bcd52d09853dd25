// Breakdown lines in their dimensions' defined order, never as text (issue #18).

import { describe, expect, it } from 'vitest';
import type { Dimension } from '../../api/scorecards-api';
import { breakdownLines, compareBreakdowns } from './breakdown-rows';

const dimensions: Dimension[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    code: 'age_group',
    name: 'Age group',
    nameFr: null,
    values: ['0_5', '6_11', '12_17', '18_24'].map((code) => ({
      code,
      label: code.replace('_', '–'),
      labelFr: null,
    })),
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    code: 'gender',
    name: 'Gender',
    nameFr: null,
    values: [
      { code: 'girls', label: 'Girls', labelFr: null },
      { code: 'boys', label: 'Boys', labelFr: null },
    ],
  },
];

function line(breakdown: Record<string, string>) {
  const key = Object.keys(breakdown)
    .sort()
    .map((d) => `${d}=${breakdown[d]}`)
    .join(';');
  return { breakdown, key, points: [] };
}

describe('breakdown lines', () => {
  it('come in the order the dimension defines, not as text', () => {
    const breakdowns = ['0_5', '12_17', '18_24', '6_11'].map((a) => line({ age_group: a }));
    expect(breakdownLines({ breakdowns }, dimensions).map((l) => l.label)).toEqual([
      '0–5',
      '6–11',
      '12–17',
      '18–24',
    ]);
  });

  it('put one-dimension lines first, then cross-classifications value by value', () => {
    const breakdowns = [
      line({ age_group: '12_17', gender: 'boys' }),
      line({ gender: 'boys' }),
      line({ age_group: '6_11', gender: 'girls' }),
      line({ age_group: '12_17' }),
      line({ gender: 'girls' }),
      line({ age_group: '6_11', gender: 'boys' }),
    ];
    expect(breakdownLines({ breakdowns }, dimensions).map((l) => l.key)).toEqual([
      'age_group=12_17',
      'gender=girls',
      'gender=boys',
      'age_group=6_11;gender=girls',
      'age_group=6_11;gender=boys',
      'age_group=12_17;gender=boys',
    ]);
  });

  it('puts a value the dimension no longer lists after the ones it does', () => {
    const order = compareBreakdowns(dimensions);
    expect(order({ age_group: '25_29' }, { age_group: '18_24' })).toBeGreaterThan(0);
    expect(order({ age_group: '0_5' }, { age_group: '0_5' })).toBe(0);
  });
});
