/**
 * The Vietnamese lunisolar calendar (âm lịch). The rules are the Chinese ones (a month starts on the day
 * of a new moon; month 11 holds the winter solstice; in a 13-month span the first month in which the sun
 * enters no new 30° sector is the leap month), but days are reckoned at UTC+7, Hà Nội time. That is why
 * Tết sometimes differs from the Chinese New Year: 2007 (17/2 here, 18/2 in China), 2030 (2/2 against
 * 3/2), 1985 (21/1 against 20/2).
 *
 * Astronomy: the truncated new-moon series and the low-precision sun longitude of Jean Meeus
 * (Astronomical Algorithms), in the form Hồ Ngọc Đức published for the Vietnamese calendar. It is
 * computed, not tabulated, so that any year a plan reaches works. Checked against Meeus' full new-moon
 * series with ΔT: every Tết, and every start of months 1–10, of 1950–2100 agrees except one month in
 * 1967 and one in 2077.
 */
import { DayNumber, dayFromYMD } from './days';

const SYNODIC_MONTH = 29.530588853;
const DEG = Math.PI / 180;
/** Julian Date of 1970-01-01 00:00 UTC, the start of day number 0. */
const JD_DAY_ZERO = 2440587.5;
/** Hà Nội is 7 hours ahead of UTC. */
const VN_OFFSET = 7 / 24;
/** Day number of 1900-01-01, the origin of the new-moon count k. */
const DAY_1900 = dayFromYMD(1900, 1, 1);

/** Julian Date (terrestrial time corrected to UT) of new moon number k, counted from January 1900. */
function newMoonJd(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-00.5
  const T2 = T * T;
  const T3 = T2 * T;
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
    + 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = (359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3) * DEG; // sun's mean anomaly
  const Mm = (306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3) * DEG; // moon's mean anomaly
  const F = (21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3) * DEG; // moon's argument of latitude
  const correction = (0.1734 - 0.000393 * T) * Math.sin(M) + 0.0021 * Math.sin(2 * M)
    - 0.4068 * Math.sin(Mm) + 0.0161 * Math.sin(2 * Mm) - 0.0004 * Math.sin(3 * Mm)
    + 0.0104 * Math.sin(2 * F) - 0.0051 * Math.sin(M + Mm) - 0.0074 * Math.sin(M - Mm)
    + 0.0004 * Math.sin(2 * F + M) - 0.0004 * Math.sin(2 * F - M) - 0.0006 * Math.sin(2 * F + Mm)
    + 0.001 * Math.sin(2 * F - Mm) + 0.0005 * Math.sin(2 * Mm + M);
  const deltaT = T < -11
    ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
    : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return mean + correction - deltaT;
}

/** The day (in Hà Nội) of new moon number k. */
function newMoonDay(k: number): DayNumber {
  return Math.floor(newMoonJd(k) + VN_OFFSET - JD_DAY_ZERO);
}

/** Which 30° sector (0 = 0°–30° … 11) the sun's apparent longitude is in at midnight starting `day` in Hà Nội. */
function sunSector(day: DayNumber): number {
  const T = (day + JD_DAY_ZERO - VN_OFFSET - 2451545.0) / 36525; // Julian centuries since J2000.0
  const T2 = T * T;
  const M = (357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2) * DEG; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  const C = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M)
    + (0.019993 - 0.000101 * T) * Math.sin(2 * M) + 0.00029 * Math.sin(3 * M);
  const longitude = (((L0 + C) % 360) + 360) % 360;
  return Math.floor(longitude / 30);
}

/** First day of lunar month 11 of `year`: the month in which the December solstice (270°) falls. */
function month11Start(year: number): DayNumber {
  const k = Math.floor((dayFromYMD(year, 12, 31) - DAY_1900) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // Sectors 9–11 lie past 270°: the solstice came before this month began, so it is the month before.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

interface LunarMonth {
  start: DayNumber;
  /** First day of the next month. */
  end: DayNumber;
  month: number;
  leap: boolean;
}

const suiCache = new Map<number, LunarMonth[]>();

/**
 * The months from month 11 of `year - 1` up to (not including) month 11 of `year`: months 11 and 12 of
 * the lunar year before, then months 1–10 of the lunar year that starts in `year`, with a leap month
 * wherever it falls among them.
 */
function suiMonths(year: number): LunarMonth[] {
  const cached = suiCache.get(year);
  if (cached) return cached;
  const first = month11Start(year - 1);
  const next11 = month11Start(year);
  const k = Math.round((first - DAY_1900) / SYNODIC_MONTH);
  const count = Math.round((next11 - first) / SYNODIC_MONTH); // 12, or 13 when a month is leap
  const starts: DayNumber[] = [];
  for (let i = 0; i <= count; i++) starts.push(i === 0 ? first : i === count ? next11 : newMoonDay(k + i));
  // In a 13-month span the leap month is the first one in which the sun enters no new 30° sector.
  let leapAt = -1;
  if (count === 13) {
    for (let i = 1; i < count && leapAt < 0; i++) if (sunSector(starts[i]) === sunSector(starts[i + 1])) leapAt = i;
  }
  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const ordinal = leapAt > 0 && i >= leapAt ? i - 1 : i; // months counted from month 11, the leap one repeating
    months.push({ start: starts[i], end: starts[i + 1], month: ((ordinal + 10) % 12) + 1, leap: i === leapAt });
  }
  suiCache.set(year, months);
  return months;
}

/** Tết: the solar day of lunar 1/1 for the lunar year that begins in Gregorian `year`. */
export function lunarNewYear(year: number): DayNumber {
  return solarFromLunar(year, 1, 1);
}

/** The last day of the lunar year that ends in Gregorian `year` (29 or 30 tháng Chạp), the eve of Tết. */
export function lunarYearEnd(year: number): DayNumber {
  return lunarNewYear(year) - 1;
}

/**
 * The solar day of lunar `day`/`month` (a non-leap month) of the lunar year that begins in Gregorian
 * `lunarYear`. Throws a RangeError for a month or day that does not exist (e.g. the 30th of a 29-day month).
 */
export function solarFromLunar(lunarYear: number, month: number, day: number): DayNumber {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`Ngày âm lịch không hợp lệ / invalid lunar date: ${day}/${month}/${lunarYear}`);
  }
  // Months 11 and 12 of a lunar year lie in the span that ends with month 11 of the next Gregorian year.
  const span = suiMonths(month >= 11 ? lunarYear + 1 : lunarYear);
  const m = span.find((x) => x.month === month && !x.leap) as LunarMonth;
  const solar = m.start + day - 1;
  if (solar >= m.end) {
    throw new RangeError(`Tháng ${month} âm lịch năm ${lunarYear} không có ngày ${day} / lunar month ${month} of ${lunarYear} has no day ${day}`);
  }
  return solar;
}
