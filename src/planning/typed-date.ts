import { isValid, parse } from 'date-fns';
import { DayNumber, dayFromYMD } from './days';

/**
 * Dates as people type them, the one place that says which forms are read: the pane's date fields and the
 * CLI's --start, --end and --as-of. Vietnamese offices write day, month, year, with a slash, a dash or a dot,
 * the year in four digits or two (27/05/23 is 2023), and ISO dates come from other tools. date-fns reads the
 * text (it knows which days each month has); the date leaves here at once as a day number, since all
 * calendar arithmetic runs on those. Dates written by quota-planner itself (settings, forms) are read by
 * `parseDate` in days.ts, which needs no library.
 */
export const TYPED_DATE_FORMATS = ['d/M/yy', 'd-M-yy', 'd.M.yy', 'd/M/yyyy', 'd-M-yyyy', 'd.M.yyyy', 'yyyy-M-d'] as const;

/** Years typed in two digits are 2000–2099: date-fns reads them within 50 years of this date's year. */
const TWO_DIGIT_CENTURY = new Date(2050, 0, 1);

/** Years before this are a typing slip (as in `parseDate`). */
const FIRST_YEAR = 1900;

/** The day typed as `text` in one of TYPED_DATE_FORMATS, or null when it is not a real date in one of them. */
export function parseTypedDate(text: string): DayNumber | null {
  const s = text.trim();
  if (s === '') return null;
  for (const format of TYPED_DATE_FORMATS) {
    // Two-digit formats are tried first: 'yyyy' would read "23" as the year 23.
    const date = parse(s, format, TWO_DIGIT_CENTURY);
    if (!isValid(date)) continue;
    // The parsed Date is local midnight: its calendar fields are the day typed, whatever the time zone.
    const year = date.getFullYear();
    if (year < FIRST_YEAR) return null;
    return dayFromYMD(year, date.getMonth() + 1, date.getDate());
  }
  return null;
}
