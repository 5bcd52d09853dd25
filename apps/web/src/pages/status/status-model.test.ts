import { describe, expect, it } from 'vitest';
import { byUrgency, shown, sortItems, summarize } from './status-model';
import { reportingStatus } from './test-fixtures';

const names = (items: { organization: { name: string } }[]) =>
  items.map((i) => i.organization.name);

describe('the status board’s rows', () => {
  const { items } = reportingStatus();

  it('puts the overdue first, then the furthest from done', () => {
    expect(names([...items].sort(byUrgency))).toEqual([
      'Community Centre',
      'Alpha Clinic',
      'Bay Services',
      'Youth Wellness Hub',
    ]);
  });

  it('keeps empty values last whichever way a column is sorted', () => {
    for (const descending of [false, true]) {
      const sorted = sortItems(items, { key: 'submitted', descending });
      expect(names(sorted).slice(2).sort()).toEqual(['Alpha Clinic', 'Community Centre']);
    }
    expect(names(sortItems(items, { key: 'median', descending: false })).at(-1)).toBe(
      'Community Centre',
    );
  });

  it('sorts figures by the share entered', () => {
    expect(names(sortItems(items, { key: 'figures', descending: false }))).toEqual([
      'Community Centre',
      'Alpha Clinic',
      'Bay Services',
      'Youth Wellness Hub',
    ]);
  });

  it('filters and counts', () => {
    expect(names(items.filter((i) => shown(i, 'waiting')))).toEqual([
      'Community Centre',
      'Alpha Clinic',
    ]);
    expect(summarize(items)).toEqual({ total: 4, submitted: 2, overdue: 2 });
  });
});
