import fc from 'fast-check';
import { dayFromYMD, formatISO, ymdFromDay } from '../../src/planning/days';
import { lunarNewYear, lunarYearEnd, solarFromLunar } from '../../src/planning/lunar';
import { seeded } from '../helpers/property';

/**
 * Mùng 1 Tết in Việt Nam, 1990–2060. They equal the Chinese New Year except where the new moon falls
 * between 23:00 and midnight Hà Nội time (UTC+7), which is already the next day in Beijing (UTC+8):
 * 2007, 2030 and 2053 are a day earlier here.
 */
const TET: Record<number, string> = {
  1990: '01-27', 1991: '02-15', 1992: '02-04', 1993: '01-23', 1994: '02-10', 1995: '01-31', 1996: '02-19',
  1997: '02-07', 1998: '01-28', 1999: '02-16', 2000: '02-05', 2001: '01-24', 2002: '02-12', 2003: '02-01',
  2004: '01-22', 2005: '02-09', 2006: '01-29', 2007: '02-17', 2008: '02-07', 2009: '01-26', 2010: '02-14',
  2011: '02-03', 2012: '01-23', 2013: '02-10', 2014: '01-31', 2015: '02-19', 2016: '02-08', 2017: '01-28',
  2018: '02-16', 2019: '02-05', 2020: '01-25', 2021: '02-12', 2022: '02-01', 2023: '01-22', 2024: '02-10',
  2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-02', 2031: '01-23',
  2032: '02-11', 2033: '01-31', 2034: '02-19', 2035: '02-08', 2036: '01-28', 2037: '02-15', 2038: '02-04',
  2039: '01-24', 2040: '02-12', 2041: '02-01', 2042: '01-22', 2043: '02-10', 2044: '01-30', 2045: '02-17',
  2046: '02-06', 2047: '01-26', 2048: '02-14', 2049: '02-02', 2050: '01-23', 2051: '02-11', 2052: '02-01',
  2053: '02-18', 2054: '02-08', 2055: '01-28', 2056: '02-15', 2057: '02-04', 2058: '01-24', 2059: '02-12',
  2060: '02-02',
};

describe('lunar new year (Tết Nguyên Đán)', () => {
  it.each(Object.entries(TET))('falls where Vietnamese calendars put it in %s', (year, date) => {
    expect(formatISO(lunarNewYear(Number(year)))).toBe(`${year}-${date}`);
  });

  it('is reckoned at UTC+7, not at Beijing time (Việt Nam and China differ in 1985, 2007 and 2030)', () => {
    expect(formatISO(lunarNewYear(1985))).toBe('1985-01-21'); // China: 20/2, a whole month later
    expect(formatISO(lunarNewYear(2007))).toBe('2007-02-17'); // China: 18/2
    expect(formatISO(lunarNewYear(2030))).toBe('2030-02-02'); // China: 3/2
  });

  it('has its eve (the last day of the old year) the day before: 30 Tết in 2024, 29 Tết in 2025 and 2026', () => {
    expect(formatISO(lunarYearEnd(2024))).toBe('2024-02-09');
    expect(formatISO(lunarYearEnd(2025))).toBe('2025-01-28');
    expect(formatISO(lunarYearEnd(2026))).toBe('2026-02-16');
    expect(lunarYearEnd(2024) - solarFromLunar(2023, 12, 1)).toBe(29); // Quý Mão's last month had 30 days
  });

  it('always lands between 21/1 and 20/2, 353–385 days after the previous one', () => {
    for (let year = 1990; year <= 2060; year++) {
      const { month, day } = ymdFromDay(lunarNewYear(year));
      expect(month * 100 + day).toBeGreaterThanOrEqual(121);
      expect(month * 100 + day).toBeLessThanOrEqual(220);
      const length = lunarNewYear(year + 1) - lunarNewYear(year);
      expect([353, 354, 355, 383, 384, 385]).toContain(length);
    }
  });
});

describe('solar dates of lunar days', () => {
  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('puts Giỗ Tổ Hùng Vương (10/3) of %i on %s', (year, date) => {
    expect(formatISO(solarFromLunar(year, 3, 10))).toBe(date);
  });

  it('counts past a leap month: Mid-Autumn (15/8) 2025 comes after the leap 6th month, on 6/10', () => {
    expect(formatISO(solarFromLunar(2024, 8, 15))).toBe('2024-09-17');
    expect(formatISO(solarFromLunar(2025, 8, 15))).toBe('2025-10-06');
  });

  it('puts months 11 and 12 of a lunar year in the next Gregorian year when they fall there (ông Táo 23/12 Ất Tỵ = 10/2/2026)', () => {
    expect(formatISO(solarFromLunar(2025, 12, 23))).toBe('2026-02-10');
    expect(solarFromLunar(2025, 12, 29)).toBe(lunarYearEnd(2026));
  });

  it('refuses days that do not exist instead of spilling into the next month', () => {
    expect(() => solarFromLunar(2025, 12, 30)).toThrow(RangeError); // tháng Chạp Ất Tỵ has 29 days
    expect(() => solarFromLunar(2025, 13, 1)).toThrow(RangeError);
    expect(() => solarFromLunar(2025, 1, 0)).toThrow(RangeError);
  });

  it('numbers the days of every month 1990–2060 consecutively from its first day', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 }),
      (year, month, day) => solarFromLunar(year, month, day) === solarFromLunar(year, month, 1) + day - 1,
    ), seeded());
    expect(solarFromLunar(2024, 1, 1)).toBe(dayFromYMD(2024, 2, 10));
  });
});
