import { REMINDER_OFFSET_LIMIT, reminderSettingsSchema } from '@rba/schema';
import { describe, expect, it } from 'vitest';
import { maxReminders, offsetLimit, parseOffsets } from './reminder-offsets';

describe('reminder days as typed', () => {
  it('reads a list of whole days, sorted', () => {
    expect(parseOffsets(' 3, -7 ,−1,', true)).toEqual({ offsets: [-7, -1, 3] });
    expect(parseOffsets('+2; 0', true)).toEqual({ offsets: [0, 2] });
  });

  it('names the first problem', () => {
    expect(parseOffsets('-7, 1.5', true)).toEqual({
      problem: { key: 'status.reminders.error.notWhole', params: { value: '1.5' } },
    });
    expect(parseOffsets('61', true)).toMatchObject({
      problem: { key: 'status.reminders.error.range' },
    });
    expect(parseOffsets('1, 1', true)).toMatchObject({
      problem: { key: 'status.reminders.error.repeated' },
    });
    expect(parseOffsets('1,2,3,4,5,6,7,8,9,10,11', true)).toMatchObject({
      problem: { key: 'status.reminders.error.tooMany' },
    });
    expect(parseOffsets('', true)).toMatchObject({
      problem: { key: 'status.reminders.error.none' },
    });
    expect(parseOffsets('', false)).toEqual({ offsets: [] });
  });

  it('keeps the same limits as @rba/schema', () => {
    expect(offsetLimit).toBe(REMINDER_OFFSET_LIMIT);
    const days = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(
      reminderSettingsSchema.safeParse({ enabled: true, offsets: days(maxReminders) }).success,
    ).toBe(true);
    expect(
      reminderSettingsSchema.safeParse({ enabled: true, offsets: days(maxReminders + 1) }).success,
    ).toBe(false);
  });
});
