/**
 * Calendar dates as day numbers: whole days since 1970-01-01 (UTC). All date arithmetic in the product
 * runs on these integers so that no local time zone can shift a date (a user west of UTC would otherwise
 * get the day before).
 */
export type DayNumber = number;

/** Excel's 1900 date system counts from 1899-12-30 for serials >= 61; 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

export function dayFromYMD(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

export function ymdFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday (the order of WORKDAY.INTL masks). */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return dayFromYMD(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromYMD(year, month, 1);
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** `YYYY-MM-DD` */
export function formatISO(day: DayNumber): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${year}-${pad2(month)}-${pad2(d)}`;
}

/** `dd/mm/yyyy`, as Vietnamese documents write dates. */
export function formatVN(day: DayNumber): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${pad2(d)}/${pad2(month)}/${year}`;
}

/** Parses `YYYY-MM-DD` or `dd/mm/yyyy` (also `d/m/yyyy`); null when the text is not a real date. */
export function parseDate(text: string): DayNumber | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) {
    y = +m[1]; mo = +m[2]; d = +m[3];
  } else {
    m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
    if (!m) return null;
    d = +m[1]; mo = +m[2]; y = +m[3];
  }
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayFromYMD(y, mo, d);
}

export function dayFromExcelSerial(serial: number): DayNumber {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

export function excelSerialFromDay(day: DayNumber): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** Today's date in Viet Nam (UTC+7, no daylight saving), whatever the machine's time zone. */
export function todayInVietnam(nowMs: number = Date.now()): DayNumber {
  return Math.floor((nowMs + 7 * 3600_000) / 86400000);
}
