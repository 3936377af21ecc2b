/**
 * Working-day calendars: a weekly pattern, the Vietnamese holidays (or none), and the user's own days off
 * and make-up working days. Everything runs on day numbers (days.ts), never on local-time dates.
 */
import { DayNumber, dayFromYMD, weekdayOf } from './days';
import { SpecialDay, SpecialKind } from './special-days';
import { vnSpecialDays } from './vn-holidays';

export type WeekSpec = string; // 'all' | 'mon-fri' | 'mon-sat' | a WORKDAY.INTL mask: 7 chars of 0/1, Monday first, 1 = NON-working day (e.g. '0000011' = Mon–Fri)

const NAMED_WEEKS: Readonly<Record<string, string>> = { all: '0000000', 'mon-fri': '0000011', 'mon-sat': '0000001' };

/** The 7 flags Monday..Sunday, true = working day; null when the text is not a valid spec (also reject '1111111': no working day at all). */
export function parseWeekSpec(spec: string): boolean[] | null {
  const text = spec.trim().toLowerCase();
  const mask = NAMED_WEEKS[text] ?? text;
  if (!/^[01]{7}$/.test(mask) || mask === '1111111') return null;
  return [...mask].map((c) => c === '0');
}

export type { SpecialDay, SpecialKind } from './special-days';

export interface CalendarSettings {
  week: WeekSpec;
  holidays: 'vn' | 'none';
  daysOff: DayNumber[];       // the user's own days off (win over everything)
  extraWorkdays: DayNumber[]; // the user's make-up working days (working even on a weekend or holiday)
}


export interface WorkCalendar {
  readonly settings: CalendarSettings;
  isWorkingDay(day: DayNumber): boolean;     // must be O(1) amortised: it is called ~millions of times; cache per year
  /** Every special day in [from, to] inclusive, sorted by day: the Lịch sheet lists them and the pane shows them. */
  specialDays(from: DayNumber, to: DayNumber): SpecialDay[];
}

const DAY_OFF = { vi: 'Ngày nghỉ riêng', en: 'Own day off' };
const EXTRA_WORKDAY = { vi: 'Ngày làm việc bổ sung', en: 'Extra working day' };

/** The Gregorian year a day number falls in, without building a Date. */
function yearOf(day: DayNumber): number {
  let year = 1970 + Math.floor(day / 365.2425);
  while (dayFromYMD(year, 1, 1) > day) year--;
  while (dayFromYMD(year + 1, 1, 1) <= day) year++;
  return year;
}

/** One Gregorian year of the calendar, worked out once. */
interface Year {
  start: DayNumber;
  end: DayNumber; // exclusive
  flags: Uint8Array;
  special: SpecialDay[];
}

class YearCachedCalendar implements WorkCalendar {
  private readonly years = new Map<number, Year>();
  /** The year answered last (none yet): consecutive days hit it without a map lookup. */
  private recent: Year = { start: 0, end: 0, flags: new Uint8Array(0), special: [] };
  private readonly daysOff: Set<DayNumber>;
  private readonly extraWorkdays: Set<DayNumber>;

  constructor(readonly settings: CalendarSettings, private readonly week: boolean[]) {
    this.daysOff = new Set(settings.daysOff);
    this.extraWorkdays = new Set(settings.extraWorkdays.filter((d) => !this.daysOff.has(d)));
  }

  isWorkingDay(day: DayNumber): boolean {
    let y = this.recent;
    if (day < y.start || day >= y.end) y = this.recent = this.year(yearOf(day));
    return y.flags[day - y.start] === 1;
  }

  specialDays(from: DayNumber, to: DayNumber): SpecialDay[] {
    const out: SpecialDay[] = [];
    if (from > to) return out;
    for (let year = yearOf(from); year <= yearOf(to); year++) {
      for (const s of this.year(year).special) if (s.day >= from && s.day <= to) out.push(s);
    }
    return out;
  }

  private year(year: number): Year {
    let y = this.years.get(year);
    if (!y) this.years.set(year, (y = this.build(year)));
    return y;
  }

  private build(year: number): Year {
    const start = dayFromYMD(year, 1, 1);
    const end = dayFromYMD(year + 1, 1, 1);
    const flags = new Uint8Array(end - start);
    for (let day = start; day < end; day++) flags[day - start] = this.week[weekdayOf(day)] ? 1 : 0;
    const special = this.settings.holidays === 'vn' ? vnSpecialDays(year, this.week) : [];
    for (const s of special) flags[s.day - start] = s.kind === 'make-up' ? 1 : 0;
    // The user's days come last so that they win; a day in both lists is off.
    const own = (days: Set<DayNumber>, kind: SpecialKind, names: { vi: string; en: string }, flag: number): void => {
      for (const day of days) {
        if (day < start || day >= end) continue;
        flags[day - start] = flag;
        special.push({ day, kind, ...names });
      }
    };
    own(this.extraWorkdays, 'extra-workday', EXTRA_WORKDAY, 1);
    own(this.daysOff, 'day-off', DAY_OFF, 0);
    special.sort((a, b) => a.day - b.day); // stable: on a shared day the holiday is listed before the user's entry
    return { start, end, flags, special };
  }
}

/** Throws an Error with a clear bilingual message ("vi / en") when settings.week is invalid. */
export function makeCalendar(settings: CalendarSettings): WorkCalendar {
  const week = parseWeekSpec(settings.week);
  if (!week) {
    throw new Error(
      `Lịch làm việc trong tuần "${settings.week}" không hợp lệ: dùng all, mon-fri, mon-sat hoặc 7 chữ số 0/1 từ thứ Hai, 1 = ngày nghỉ, phải có ít nhất một ngày làm việc`
      + ` / Invalid work week "${settings.week}": use all, mon-fri, mon-sat or 7 digits of 0/1 from Monday, 1 = day off, with at least one working day`,
    );
  }
  return new YearCachedCalendar(settings, week);
}

/** Working-day flags for [from, to]: result[i] = 1 when from+i is a working day. Fast (typed array). */
export function workingDayFlags(cal: WorkCalendar, from: DayNumber, to: DayNumber): Uint8Array {
  const flags = new Uint8Array(Math.max(0, to - from + 1));
  for (let i = 0; i < flags.length; i++) flags[i] = cal.isWorkingDay(from + i) ? 1 : 0;
  return flags;
}
