import fc from 'fast-check';
import {
  CalendarSettings, SpecialKind, WorkCalendar, makeCalendar, parseWeekSpec, workingDayFlags,
} from '../../src/planning/calendar';
import { DayNumber, dayFromYMD, formatISO, parseDate } from '../../src/planning/days';
import * as holidays from '../../src/planning/vn-holidays';
import { seeded } from '../helpers/property';

const d = (iso: string): DayNumber => parseDate(iso) as DayNumber;
const cal = (over: Partial<CalendarSettings> = {}): WorkCalendar =>
  makeCalendar({ week: 'mon-fri', holidays: 'vn', daysOff: [], extraWorkdays: [], ...over });
/** The days of [from, to] that are off, as ISO dates. */
const offDays = (c: WorkCalendar, from: string, to: string): string[] => {
  const out: string[] = [];
  for (let day = d(from); day <= d(to); day++) if (!c.isWorkingDay(day)) out.push(formatISO(day));
  return out;
};
const kindsOn = (c: WorkCalendar, iso: string): SpecialKind[] => c.specialDays(d(iso), d(iso)).map((s) => s.kind);

describe('week specs', () => {
  it('reads the named weeks and WORKDAY.INTL masks (Monday first, 1 = day off)', () => {
    const T = true, F = false;
    expect(parseWeekSpec('mon-fri')).toEqual([T, T, T, T, T, F, F]);
    expect(parseWeekSpec('mon-sat')).toEqual([T, T, T, T, T, T, F]);
    expect(parseWeekSpec('all')).toEqual([T, T, T, T, T, T, T]);
    expect(parseWeekSpec('0000011')).toEqual(parseWeekSpec('mon-fri'));
    expect(parseWeekSpec('1111100')).toEqual([F, F, F, F, F, T, T]);
    expect(parseWeekSpec(' Mon-Fri ')).toEqual(parseWeekSpec('mon-fri'));
  });
  it('refuses anything else, including a week with no working day', () => {
    for (const bad of ['', '1111111', '000001', '00000110', '0000012', 'mon-sun', 'weekdays', 'o000011']) {
      expect(parseWeekSpec(bad)).toBeNull();
    }
  });
  it('makeCalendar explains a bad week in both languages', () => {
    expect(() => cal({ week: '1111111' })).toThrow(/không hợp lệ.* \/ Invalid work week "1111111"/);
    expect(() => cal({ week: 'mon-sun' })).toThrow(/mon-fri/);
  });
  it('a mask decides the weekly rest days on its own (Wed, Sat, Sun off)', () => {
    const c = cal({ week: '0010011', holidays: 'none' });
    expect(offDays(c, '2024-06-03', '2024-06-09')).toEqual(['2024-06-05', '2024-06-08', '2024-06-09']);
  });
});

describe('Vietnamese holidays, decreed schedules 2024–2026 (Mon–Fri)', () => {
  // A calendar per test: it caches years, and mutation testing must see each test build the years it reads.
  let c: WorkCalendar;
  beforeEach(() => (c = cal()));
  it('National Day 2024: 2/9 and 3/9 off, the break runs 31/8–3/9, work resumes 4/9', () => {
    expect(offDays(c, '2024-08-30', '2024-09-04')).toEqual(['2024-08-31', '2024-09-01', '2024-09-02', '2024-09-03']);
    expect(kindsOn(c, '2024-09-02')).toEqual(['holiday']);
    expect(c.specialDays(d('2024-09-02'), d('2024-09-02'))[0]).toMatchObject({ vi: 'Quốc khánh', en: 'National Day' });
  });
  it('Tết 2024: 8–14/2 off', () => {
    expect(offDays(c, '2024-02-07', '2024-02-15')).toEqual(
      ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14']);
  });
  it('30/4–1/5 2024: 27/4–1/5 off, Monday 29/4 swapped for the make-up Saturday 4/5', () => {
    expect(offDays(c, '2024-04-26', '2024-05-05')).toEqual(
      ['2024-04-27', '2024-04-28', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-05']);
    expect(kindsOn(c, '2024-04-29')).toEqual(['decreed-off']);
    expect(kindsOn(c, '2024-05-04')).toEqual(['make-up']);
  });
  it('Tết 2025: 25/1–2/2 off; 8/2/2025 is an ordinary Saturday (the schedule has no make-up day)', () => {
    expect(offDays(c, '2025-01-24', '2025-02-03')).toEqual(
      ['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02']);
    expect(c.isWorkingDay(d('2025-02-08'))).toBe(false);
    expect(c.specialDays(d('2025-01-25'), d('2025-02-09')).map((s) => formatISO(s.day)))
      .toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']); // 28 tháng Chạp to mùng 3
  });
  it('30/4–1/5 2025: 30/4–4/5 off, Friday 2/5 swapped for Saturday 26/4', () => {
    expect(c.isWorkingDay(d('2025-04-26'))).toBe(true);
    expect(offDays(c, '2025-04-28', '2025-05-05')).toEqual(['2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04']);
  });
  it('National Day 2025: 30/8–2/9 off (holidays Monday 1/9 and Tuesday 2/9)', () => {
    expect(offDays(c, '2025-08-29', '2025-09-03')).toEqual(['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02']);
    expect(kindsOn(c, '2025-09-01')).toEqual(['holiday']);
  });
  it('2026: New Year 1–4/1 with make-up 10/1, Tết 14–22/2, Giỗ Tổ on Sunday 26/4 made up on Monday 27/4', () => {
    expect(offDays(c, '2026-01-01', '2026-01-05')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(c.isWorkingDay(d('2026-01-10'))).toBe(true);
    expect(offDays(c, '2026-02-13', '2026-02-23')).toEqual(
      ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']);
    expect(kindsOn(c, '2026-04-26')).toEqual(['holiday']);
    expect(kindsOn(c, '2026-04-27')).toEqual(['substitute']);
    expect(offDays(c, '2026-04-27', '2026-05-04')).toEqual(['2026-04-27', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
  });
  it('National Day 2026: 29/8–2/9 off, Monday 31/8 swapped for Saturday 22/8', () => {
    expect(c.isWorkingDay(d('2026-08-22'))).toBe(true);
    expect(offDays(c, '2026-08-28', '2026-09-03')).toEqual(['2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02']);
  });
  it('a decreed weekday off stays off on any week, but the break’s weekend follows the user’s week', () => {
    const every = cal({ week: 'all' });
    expect(offDays(every, '2025-01-25', '2025-02-02')).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(every.isWorkingDay(d('2025-05-02'))).toBe(false); // swapped Friday
    expect(cal({ week: 'mon-sat' }).isWorkingDay(d('2024-05-04'))).toBe(true);
  });
});

describe('Vietnamese holidays, default rule', () => {
  it('gives every year 1990–2060 the 11 holiday days of art. 112', () => {
    const c = cal();
    for (let year = 1990; year <= 2060; year++) {
      const holidays = c.specialDays(dayFromYMD(year, 1, 1), dayFromYMD(year, 12, 31)).filter((s) => s.kind === 'holiday');
      expect(holidays).toHaveLength(11);
      expect(holidays.filter((s) => s.en === 'Lunar New Year')).toHaveLength(5);
    }
  });
  it('a holiday on a weekend gives the next free working day off: 1/1/2023 (Sun) → 2/1, 1/5/2027 (Sat) → 3/5', () => {
    const c = cal();
    expect(kindsOn(c, '2023-01-02')).toEqual(['substitute']);
    expect(offDays(c, '2027-04-30', '2027-05-04')).toEqual(['2027-04-30', '2027-05-01', '2027-05-02', '2027-05-03']);
    expect(c.specialDays(d('2027-05-03'), d('2027-05-03'))[0].vi).toBe('Nghỉ bù Ngày Quốc tế Lao động');
  });
  it('substitutes skip other holidays: Tết 2027 (Fri 5/2–Tue 9/2, two on the weekend) ends on Thu 11/2', () => {
    expect(offDays(cal(), '2027-02-04', '2027-02-12')).toEqual(
      ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
  });
  it('the substitute follows the week in force: a Mon–Sat office works the Saturday holiday off on Monday, none on Sunday', () => {
    const c = cal({ week: 'mon-sat' });
    expect(c.isWorkingDay(d('2027-05-01'))).toBe(false);
    expect(c.isWorkingDay(d('2027-05-03'))).toBe(true);
    expect(cal({ week: 'all' }).isWorkingDay(d('2023-01-02'))).toBe(true);
  });
  it('takes 2/9 with the neighbour that joins the weekend (2027: Thu 2/9 + Fri 3/9; 2022: Thu 1/9 + Fri 2/9)', () => {
    expect(offDays(cal(), '2027-08-30', '2027-09-05').slice(0, 2)).toEqual(['2027-09-02', '2027-09-03']);
    expect(offDays(cal(), '2022-08-29', '2022-09-04').slice(0, 2)).toEqual(['2022-09-01', '2022-09-02']);
  });
});

describe("the user's own days", () => {
  it('a day off is off even on a make-up Saturday, and an extra workday works even on a holiday', () => {
    const c = cal({ daysOff: [d('2024-05-04'), d('2024-06-12')], extraWorkdays: [d('2024-09-02'), d('2024-06-15')] });
    expect(c.isWorkingDay(d('2024-05-04'))).toBe(false);
    expect(c.isWorkingDay(d('2024-06-12'))).toBe(false);
    expect(c.isWorkingDay(d('2024-09-02'))).toBe(true);
    expect(c.isWorkingDay(d('2024-06-15'))).toBe(true);
    expect(kindsOn(c, '2024-09-02')).toEqual(['holiday', 'extra-workday']);
    expect(kindsOn(c, '2024-06-12')).toEqual(['day-off']);
  });
  it('a day in both lists is off', () => {
    const c = cal({ daysOff: [d('2024-06-15')], extraWorkdays: [d('2024-06-15')] });
    expect(c.isWorkingDay(d('2024-06-15'))).toBe(false);
    expect(kindsOn(c, '2024-06-15')).toEqual(['day-off']);
  });
  it("holidays 'none' keeps only the week and the user's days", () => {
    const c = cal({ holidays: 'none', daysOff: [d('2024-09-04')] });
    expect(offDays(c, '2024-08-30', '2024-09-05')).toEqual(['2024-08-31', '2024-09-01', '2024-09-04']);
    expect(c.isWorkingDay(d('2024-05-04'))).toBe(false); // no make-up Saturday either
    expect(c.specialDays(d('2024-01-01'), d('2024-12-31')).map((s) => s.kind)).toEqual(['day-off']);
  });
});

describe('special days', () => {
  it('lists [from, to] inclusive, sorted, across years', () => {
    const list = cal().specialDays(d('2024-09-03'), d('2025-01-27'));
    expect(list.map((s) => formatISO(s.day))).toEqual(['2024-09-03', '2025-01-01', '2025-01-27']);
    expect(cal().specialDays(d('2025-01-27'), d('2025-01-26'))).toEqual([]);
  });
});

// ---------- properties ----------
const arbSettings = fc.record({
  week: fc.constantFrom('all', 'mon-fri', 'mon-sat', '0010011', '1111100', '0000001'),
  holidays: fc.constantFrom('vn' as const, 'none' as const),
  daysOff: fc.array(fc.integer({ min: dayFromYMD(2023, 1, 1), max: dayFromYMD(2027, 12, 31) }), { maxLength: 20 }),
  extraWorkdays: fc.array(fc.integer({ min: dayFromYMD(2023, 1, 1), max: dayFromYMD(2027, 12, 31) }), { maxLength: 20 }),
});
const arbWindow = fc.tuple(fc.integer({ min: dayFromYMD(1990, 1, 1), max: dayFromYMD(2060, 12, 31) }), fc.integer({ min: 0, max: 800 }));
const OFF_KINDS: SpecialKind[] = ['holiday', 'substitute', 'decreed-off', 'day-off'];

describe('calendar properties', () => {
  it('isWorkingDay agrees with workingDayFlags, whatever order days are asked in', () => {
    fc.assert(fc.property(arbSettings, arbWindow, fc.array(fc.nat(), { maxLength: 30 }), (s, [from, len], picks) => {
      const flags = workingDayFlags(makeCalendar(s), from, from + len);
      expect(flags).toHaveLength(len + 1);
      const c = makeCalendar(s);
      for (const p of picks) expect(c.isWorkingDay(from + (p % (len + 1)))).toBe(flags[p % (len + 1)] === 1);
      for (let i = 0; i <= len; i++) expect(c.isWorkingDay(from + i)).toBe(flags[i] === 1);
    }), seeded(60));
  });
  it('no day is both off-listed and working unless it is a user extra workday; make-up days work unless the user is off', () => {
    fc.assert(fc.property(arbSettings, arbWindow, (s, [from, len]) => {
      const c = makeCalendar(s);
      const byDay = new Map<DayNumber, SpecialKind[]>();
      for (const x of c.specialDays(from, from + len)) byDay.set(x.day, [...(byDay.get(x.day) ?? []), x.kind]);
      for (const [day, kinds] of byDay) {
        if (kinds.some((k) => OFF_KINDS.includes(k)) && !kinds.includes('extra-workday')) expect(c.isWorkingDay(day)).toBe(false);
        if (kinds.includes('make-up') && !kinds.includes('day-off')) expect(c.isWorkingDay(day)).toBe(true);
        if (kinds.includes('day-off')) expect(c.isWorkingDay(day)).toBe(false);
      }
    }), seeded(60));
  });
  it('specialDays is sorted and stays inside the window', () => {
    fc.assert(fc.property(arbSettings, arbWindow, (s, [from, len]) => {
      const days = makeCalendar(s).specialDays(from, from + len).map((x) => x.day);
      expect(days.every((x, i) => x >= from && x <= from + len && (i === 0 || days[i - 1] <= x))).toBe(true);
    }), seeded(60));
  });
});

describe('time zones and work done once', () => {
  const originalTZ = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTZ;
    jest.restoreAllMocks();
  });
  it('never reads local time: the same answers west and east of UTC, and no local Date getter is called', () => {
    const local = (['getDate', 'getDay', 'getMonth', 'getFullYear', 'getHours', 'getTimezoneOffset'] as const)
      .map((m) => jest.spyOn(Date.prototype, m));
    const window = (tz: string): Uint8Array => {
      process.env.TZ = tz;
      return workingDayFlags(cal(), d('2023-12-25'), d('2026-12-31'));
    };
    const west = window('America/Los_Angeles');
    expect(window('Asia/Ho_Chi_Minh')).toEqual(west);
    expect(window('Pacific/Kiritimati')).toEqual(west);
    for (const spy of local) expect(spy).not.toHaveBeenCalled();
    expect(west[d('2024-09-02') - d('2023-12-25')]).toBe(0);
  });
  it('answers millions of lookups over a decade working each year out once', () => {
    const built = jest.spyOn(holidays, 'vnSpecialDays');
    const c = cal();
    const from = d('2024-01-01');
    let working = 0;
    for (let round = 0; round < 500; round++) for (let i = 0; i < 3653; i++) working += c.isWorkingDay(from + i) ? 1 : 0;
    // 1,826,500 lookups, ten years (2024–2033) worked out, once each: what keeps a national plan fast.
    expect(built.mock.calls.map(([year]) => year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033]);
    expect(working % 500).toBe(0);
  });
});
