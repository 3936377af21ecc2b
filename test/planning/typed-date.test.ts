import { formatISO } from '../../src/planning/days';
import { parseTypedDate } from '../../src/planning/typed-date';

const iso = (text: string): string | null => {
  const day = parseTypedDate(text);
  return day === null ? null : formatISO(day);
};

describe('dates as people type them', () => {
  it('reads day, month, year with a slash, a dash or a dot, with or without leading zeros', () => {
    expect(iso('26/05/2023')).toBe('2023-05-26');
    expect(iso('26-05-2023')).toBe('2023-05-26');
    expect(iso('26.05.2023')).toBe('2023-05-26');
    expect(iso('2/9/2024')).toBe('2024-09-02');
    expect(iso(' 2.9.2024 ')).toBe('2024-09-02');
  });

  it('reads a two-digit year as 20yy, and ISO dates', () => {
    expect(iso('27/05/23')).toBe('2023-05-27');
    expect(iso('1-1-00')).toBe('2000-01-01');
    expect(iso('31.12.99')).toBe('2099-12-31');
    expect(iso('2023-05-26')).toBe('2023-05-26');
  });

  it('refuses days a month does not have, and what is not a date', () => {
    expect(iso('31/02/2023')).toBeNull();
    expect(iso('29/02/2023')).toBeNull();
    expect(iso('29/02/2024')).toBe('2024-02-29');
    expect(iso('13/13/2023')).toBeNull();
    expect(iso('26/05')).toBeNull();
    expect(iso('26/05/123')).toBeNull();
    expect(iso('26/05/2023x')).toBeNull();
    expect(iso('hôm nay')).toBeNull();
    expect(iso('')).toBeNull();
  });

  it('refuses a year before 1900 (a slip, like 26/05/0023)', () => {
    expect(iso('26/05/0023')).toBeNull();
    expect(iso('26/05/1899')).toBeNull();
  });
});
