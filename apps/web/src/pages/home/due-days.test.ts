import { describe, expect, it } from 'vitest';
import { daysUntilDue, dueWords, utcDay } from './due-days';

describe('days to a due date', () => {
  it('counts calendar days, on the UTC calendar', () => {
    expect(daysUntilDue('2027-01-31', '2027-01-19')).toBe(12);
    expect(daysUntilDue('2027-01-31', '2027-01-31')).toBe(0);
    expect(daysUntilDue('2027-01-31', '2027-02-03')).toBe(-3);
    // Across the change to summer time, still whole days.
    expect(daysUntilDue('2027-03-20', '2027-03-10')).toBe(10);
    expect(utcDay('2027-01-31T23:30:00-05:00')).toBe('2027-02-01');
  });

  it('says it in words', () => {
    expect(dueWords(12)).toEqual({ key: 'home.due.inDays', count: 12 });
    expect(dueWords(1).key).toBe('home.due.tomorrow');
    expect(dueWords(0).key).toBe('home.due.today');
    expect(dueWords(-1).key).toBe('home.due.overdueOne');
    expect(dueWords(-3)).toEqual({ key: 'home.due.overdueMany', count: 3 });
  });
});
