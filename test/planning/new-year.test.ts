import { CalendarSettings, makeCalendar } from '../../src/planning/calendar';
import { dayFromYMD, formatISO, parseDate, weekdayOf } from '../../src/planning/days';
import { planUnits } from '../../src/planning/plan';
import { defaultSettings } from '../../src/planning/settings';
import { unit } from '../helpers/units';

/*
 * 1 January, where the calendar starts a new year: a daily plan over New Year 2025 (Monday 30/12/2024 to
 * Friday 3/1/2025), and the days the Lịch sheet lists.
 */

const d = (text: string): number => parseDate(text)!;
const calendar = (over: Partial<CalendarSettings>): CalendarSettings => ({ week: 'mon-fri', holidays: 'vn', daysOff: [], extraWorkdays: [], ...over });
/** The days of a daily plan over New Year that get a target. */
const daysWithTargets = (cal: CalendarSettings): string[] => {
  const plan = planUnits([unit('Xã A', { KS: 1000 })], ['KS'], { ...defaultSettings(d('2024-12-30'), d('2025-01-03')), granularity: 'day', calendar: cal });
  return plan.periods.filter((_, k) => plan.targets[k] > 0).map((p) => formatISO(p.start));
};

describe('a daily plan over New Year', () => {
  it('gives 1 January no target under the Vietnamese holidays', () => {
    expect(daysWithTargets(calendar({}))).toEqual(['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03']);
  });

  it('gives 1 January a target when the office keeps no public holidays', () => {
    expect(daysWithTargets(calendar({ holidays: 'none' }))).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03']);
  });

  it('gives 1 January a target when the user made it an extra working day', () => {
    expect(daysWithTargets(calendar({ extraWorkdays: [d('2025-01-01')] })))
      .toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03']);
  });

  it('gives 1 January no target when the user took it off, holidays or not', () => {
    expect(daysWithTargets(calendar({ holidays: 'none', daysOff: [d('2025-01-01')] }))).toEqual(['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03']);
  });
});

describe('every year, from its first day to its last', () => {
  it('with no holidays, Monday to Friday work and weekends do not, every day from 1990 to 2100, asked in any order', () => {
    const cal = makeCalendar(calendar({ holidays: 'none' }));
    const from = dayFromYMD(1990, 1, 1);
    const to = dayFromYMD(2100, 12, 31);
    const wrong: string[] = [];
    const check = (day: number): void => {
      if (cal.isWorkingDay(day) !== weekdayOf(day) < 5) wrong.push(formatISO(day));
    };
    for (let day = from; day <= to; day++) check(day); // day after day: each 1 January after a 31 December
    for (let day = to; day >= from; day -= 367) check(day); // jumping back a year and a day at a time
    for (let year = 1990; year <= 2100; year++) [dayFromYMD(year, 12, 31), dayFromYMD(year, 1, 1)].forEach(check); // each year's ends first
    expect(wrong).toEqual([]);
  });
});

describe("the days the Lịch sheet lists", () => {
  it("lists a user's days on 31 December and 1 January once each, after the holiday they fall on", () => {
    const cal = makeCalendar(calendar({ extraWorkdays: [d('2025-01-01')], daysOff: [d('2024-12-31')] }));
    expect(cal.specialDays(d('2024-12-30'), d('2025-01-03')).map((s) => [formatISO(s.day), s.kind, s.vi, s.en])).toEqual([
      ['2024-12-31', 'day-off', 'Ngày nghỉ riêng', 'Own day off'],
      ['2025-01-01', 'holiday', 'Tết Dương lịch', "New Year's Day"], ['2025-01-01', 'extra-workday', 'Ngày làm việc bổ sung', 'Extra working day'],
    ]);
    expect(cal.isWorkingDay(d('2025-01-01'))).toBe(true);
  });

  it("lists the user's days in date order among the holidays, whatever order they were typed in", () => {
    const cal = makeCalendar(calendar({ daysOff: [d('2024-06-14'), d('2024-06-10')], extraWorkdays: [d('2024-06-15'), d('2024-05-25')] }));
    expect(cal.specialDays(d('2024-04-27'), d('2024-06-30')).map((s) => [formatISO(s.day), s.kind])).toEqual([
      ['2024-04-29', 'decreed-off'], ['2024-04-30', 'holiday'], ['2024-05-01', 'holiday'], ['2024-05-04', 'make-up'],
      ['2024-05-25', 'extra-workday'], ['2024-06-10', 'day-off'], ['2024-06-14', 'day-off'], ['2024-06-15', 'extra-workday'],
    ]);
  });

  it("names the user's days off, and lists them in date order without the public holidays", () => {
    const cal = makeCalendar(calendar({ holidays: 'none', daysOff: [d('2024-06-14'), d('2024-06-10'), d('2024-01-01')] }));
    expect(cal.specialDays(d('2024-01-01'), d('2024-12-31')).map((s) => [formatISO(s.day), s.vi, s.en])).toEqual([
      ['2024-01-01', 'Ngày nghỉ riêng', 'Own day off'], ['2024-06-10', 'Ngày nghỉ riêng', 'Own day off'], ['2024-06-14', 'Ngày nghỉ riêng', 'Own day off'],
    ]);
  });
});
