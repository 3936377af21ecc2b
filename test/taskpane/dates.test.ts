import { dayFromYMD } from '../../src/planning/days';
import { dateFromDay, dayFromDate } from '../../src/taskpane/dates';

describe('dates between the picker and the planner', () => {
  it("go through the local calendar fields, so a day stays that day in the user's time zone", () => {
    const day = dayFromYMD(2024, 2, 29);
    const date = dateFromDay(day);
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours()]).toEqual([2024, 2, 29, 0]);
    expect(dayFromDate(date)).toBe(day);
    // Late in the evening is still the same day.
    expect(dayFromDate(new Date(2024, 1, 29, 23, 59))).toBe(day);
  });

  it('round-trip every day of several years', () => {
    for (let day = dayFromYMD(1999, 12, 1); day <= dayFromYMD(2031, 1, 31); day++) {
      if (dayFromDate(dateFromDay(day)) !== day) throw new Error(`day ${day} did not come back`);
    }
  });
});
