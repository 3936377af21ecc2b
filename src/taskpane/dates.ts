import { DayNumber, dayFromYMD, ymdFromDay } from '../planning/days';

/**
 * The calendar works with local `Date`s at midnight; the planner with day numbers. Conversions go
 * through the calendar fields (year, month, day), never through milliseconds, so no time zone shifts a day.
 */
export function dayFromDate(date: Date): DayNumber {
  return dayFromYMD(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export function dateFromDay(day: DayNumber): Date {
  const { year, month, day: d } = ymdFromDay(day);
  const date = new Date(year, month - 1, d);
  date.setFullYear(year); // new Date() reads years 0–99 as 1900–1999
  return date;
}
