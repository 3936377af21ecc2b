import { dayFromExcelSerial, dayFromYMD, excelSerialFromDay, formatISO, formatVN, parseDate, weekdayOf } from '../../src/planning/days';

describe('day numbers', () => {
  it('reads both date styles people type and refuses impossible dates', () => {
    expect(formatISO(parseDate('2024-06-01')!)).toBe('2024-06-01');
    expect(formatISO(parseDate('14/07/2023')!)).toBe('2023-07-14');
    expect(formatISO(parseDate('2/9/2024')!)).toBe('2024-09-02');
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('29/02/2023')).toBeNull();
    expect(formatVN(parseDate('29/02/2024')!)).toBe('29/02/2024');
    expect(parseDate('2024/06/01')).toBeNull();
    expect(parseDate('tomorrow')).toBeNull();
  });
  it('knows the weekday, Monday = 0 (2/9/2024 was a Monday, 1/6/2024 a Saturday)', () => {
    expect(weekdayOf(dayFromYMD(2024, 9, 2))).toBe(0);
    expect(weekdayOf(dayFromYMD(2024, 6, 1))).toBe(5);
    expect(weekdayOf(dayFromYMD(1969, 12, 31))).toBe(2);
  });
  it('converts Excel serials both ways (45444 is 01/06/2024)', () => {
    expect(formatVN(dayFromExcelSerial(45444))).toBe('01/06/2024');
    expect(excelSerialFromDay(dayFromYMD(2024, 6, 1))).toBe(45444);
    expect(formatVN(dayFromExcelSerial(45444.75))).toBe('01/06/2024');
  });
});
