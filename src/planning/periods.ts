import { DayNumber, dayFromYMD, weekdayOf, ymdFromDay } from './days';

export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

export interface Period {
  start: DayNumber;
  end: DayNumber;
  /** Working days in the period (the calendar decides). */
  workingDays: number;
}

/** The first day of the period that follows the one holding `day`. */
function nextPeriodStart(day: DayNumber, granularity: Granularity): DayNumber {
  if (granularity === 'day') return day + 1;
  if (granularity === 'week') return day + 7 - weekdayOf(day); // weeks run Monday–Sunday
  const { year, month } = ymdFromDay(day);
  return month === 12 ? dayFromYMD(year + 1, 1, 1) : dayFromYMD(year, month + 1, 1);
}

/**
 * The periods of [start, end], clipped to the window, with their working days counted from `flags`
 * (flags[i] = 1 when start + i is a working day).
 */
export function makePeriods(start: DayNumber, end: DayNumber, granularity: Granularity, flags: Uint8Array): Period[] {
  const periods: Period[] = [];
  for (let s = start; s <= end; ) {
    const e = Math.min(end, nextPeriodStart(s, granularity) - 1);
    let workingDays = 0;
    for (let d = s; d <= e; d++) workingDays += flags[d - start];
    periods.push({ start: s, end: e, workingDays });
    s = e + 1;
  }
  return periods;
}
