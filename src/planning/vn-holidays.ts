/**
 * Vietnamese public holidays (Labour Code 2019, art. 112) and the government's yearly schedules for them.
 *
 * Default rule, for years with no schedule below:
 * - 1/1; Tết: the last day of the old lunar year and lunar 1/1–1/4; Giỗ Tổ Hùng Vương (lunar 10/3);
 *   30/4; 1/5; 2/9 and one adjacent day (see `nationalDayNeighbour`).
 * - A holiday on a weekly rest day of the week in force gives a substitute day off on the next working
 *   day that is not itself a holiday, substitute or make-up day (art. 111/112 practice).
 * The same law is applied to every year; the rules before 2021 (one day for National Day) are not modelled.
 * Ngày Văn hóa Việt Nam (24/11) is not included: in early 2026 it was only slated for a future amendment
 * of art. 112, not yet law.
 */
import type { SpecialDay } from './special-days';
import { DayNumber, dayFromYMD, weekdayOf } from './days';
import { lunarNewYear, lunarYearEnd, solarFromLunar } from './lunar';

interface Names { vi: string; en: string }

const NEW_YEAR: Names = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const TET: Names = { vi: 'Tết Nguyên Đán', en: 'Lunar New Year' };
const HUNG_KINGS: Names = { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" };
const VICTORY: Names = { vi: 'Ngày Chiến thắng', en: 'Reunification Day' };
const LABOUR: Names = { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' };
const NATIONAL: Names = { vi: 'Quốc khánh', en: 'National Day' };
const APRIL_MAY: Names = { vi: 'Ngày Chiến thắng và Quốc tế Lao động', en: 'Reunification Day and Labour Day' };

/**
 * A schedule the government announced for civil servants, who work Monday to Friday. Its weekdays are
 * off whatever week the user works; its Saturdays and Sundays are only that week's rest days, so they
 * follow the user's own week (the notices leave offices without a Sat–Sun weekend to arrange their own).
 */
interface Decree {
  names: Names;
  /** The break as announced, inclusive. */
  from: DayNumber;
  to: DayNumber;
  /** The law's holiday days when the schedule places them otherwise than the default rule. */
  holidays?: [DayNumber, DayNumber];
  /** Saturdays worked in exchange for a weekday off. */
  makeUp?: DayNumber[];
}

const ymd = dayFromYMD;

/** Notices of the Ministry of Labour (to 2024) and of Home Affairs (2025–2026). */
const DECREES: ReadonlyMap<number, readonly Decree[]> = new Map([
  [2024, [
    { names: TET, from: ymd(2024, 2, 8), to: ymd(2024, 2, 14) },
    { names: APRIL_MAY, from: ymd(2024, 4, 27), to: ymd(2024, 5, 1), makeUp: [ymd(2024, 5, 4)] }, // Mon 29/4 swapped
    { names: NATIONAL, from: ymd(2024, 8, 31), to: ymd(2024, 9, 3) },
  ]],
  [2025, [
    // 28 tháng Chạp to mùng 3: five days between two weekends, no make-up day.
    { names: TET, from: ymd(2025, 1, 25), to: ymd(2025, 2, 2), holidays: [ymd(2025, 1, 27), ymd(2025, 1, 31)] },
    { names: APRIL_MAY, from: ymd(2025, 4, 30), to: ymd(2025, 5, 4), makeUp: [ymd(2025, 4, 26)] }, // Fri 2/5 swapped
    { names: NATIONAL, from: ymd(2025, 8, 30), to: ymd(2025, 9, 2) },
  ]],
  [2026, [
    { names: NEW_YEAR, from: ymd(2026, 1, 1), to: ymd(2026, 1, 4), makeUp: [ymd(2026, 1, 10)] }, // Fri 2/1 swapped
    { names: TET, from: ymd(2026, 2, 14), to: ymd(2026, 2, 22) },
    { names: NATIONAL, from: ymd(2026, 8, 29), to: ymd(2026, 9, 2), makeUp: [ymd(2026, 8, 22)] }, // Mon 31/8 swapped
  ]],
]);

/**
 * The second National Day holiday: the neighbour of 2/9 that joins it to the weekend — 3/9 when 2/9 is a
 * Sunday, Monday or Thursday, 1/9 otherwise (Wednesday has no such neighbour: 1/9, as decreed in 2026).
 * This reproduces the schedules of 2021–2026.
 */
function nationalDayNeighbour(year: number): DayNumber {
  const day = ymd(year, 9, 2);
  return [0, 3, 6].includes(weekdayOf(day)) ? day + 1 : day - 1;
}

/** The law's holiday days of `year` under the default rule. */
function lawHolidays(year: number): Map<DayNumber, Names> {
  const days = new Map<DayNumber, Names>();
  const add = (day: DayNumber, names: Names): void => {
    if (!days.has(day)) days.set(day, names); // in the rare year Giỗ Tổ meets 30/4 it stays one day off
  };
  add(ymd(year, 1, 1), NEW_YEAR);
  add(lunarYearEnd(year), TET);
  const tet = lunarNewYear(year);
  for (let i = 0; i < 4; i++) add(tet + i, TET);
  add(solarFromLunar(year, 3, 10), HUNG_KINGS);
  add(ymd(year, 4, 30), VICTORY);
  add(ymd(year, 5, 1), LABOUR);
  add(ymd(year, 9, 2), NATIONAL);
  add(nationalDayNeighbour(year), NATIONAL);
  return days;
}

const special = (day: DayNumber, kind: SpecialDay['kind'], vi: string, en: string): SpecialDay => ({ day, kind, vi, en });

/**
 * Every holiday, substitute day, decreed day off and make-up working day of Gregorian `year`, sorted by
 * day, for a week whose working days are `week` (Monday first). Make-up days are working days; all the
 * others are days off.
 */
export function vnSpecialDays(year: number, week: readonly boolean[]): SpecialDay[] {
  const isRest = (day: DayNumber): boolean => !week[weekdayOf(day)];
  const holidays = lawHolidays(year);
  const decrees = DECREES.get(year) ?? [];
  const out = new Map<DayNumber, SpecialDay>();

  for (const d of decrees) {
    if (d.holidays) {
      for (const day of [...holidays.keys()]) if (day >= d.from && day <= d.to) holidays.delete(day);
      for (let day = d.holidays[0]; day <= d.holidays[1]; day++) holidays.set(day, d.names);
    }
  }
  for (const [day, n] of holidays) out.set(day, special(day, 'holiday', n.vi, n.en));
  for (const d of decrees) {
    for (let day = d.from; day <= d.to; day++) {
      if (!out.has(day) && weekdayOf(day) < 5) out.set(day, special(day, 'decreed-off', `Nghỉ ${d.names.vi} (theo lịch nghỉ của Chính phủ)`, `${d.names.en} break (government schedule)`));
    }
    for (const day of d.makeUp ?? []) out.set(day, special(day, 'make-up', `Làm bù (dịp nghỉ ${d.names.vi})`, `Make-up working day (${d.names.en} break)`));
  }

  // Holidays a decree has placed need no substitute; the others on a rest day get the next free working day.
  const decreed = (day: DayNumber): boolean => decrees.some((d) => day >= d.from && day <= d.to);
  const restHolidays = week.includes(true) // a week with no working day has nowhere to put a substitute
    ? [...holidays.keys()].filter((day) => isRest(day) && !decreed(day)).sort((a, b) => a - b)
    : [];
  for (const day of restHolidays) {
    let sub = day + 1;
    while (isRest(sub) || out.has(sub)) sub++;
    const n = holidays.get(day) as Names;
    out.set(sub, special(sub, 'substitute', `Nghỉ bù ${n.vi}`, `Substitute day off for ${n.en}`));
  }
  return [...out.values()].sort((a, b) => a.day - b.day);
}
