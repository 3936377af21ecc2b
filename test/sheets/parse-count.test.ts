import { CellValue } from '../../src/sheets/grid';
import { formatCount } from '../../src/planning/text';
import { isBlank, parseCount } from '../../src/sheets/parse-count';

const value = (v: CellValue): number | string => {
  const p = parseCount(v);
  return p.kind === 'count' ? p.value : p.kind;
};
const code = (v: CellValue): string | null => {
  const p = parseCount(v);
  return p.kind === 'refused' ? p.code : null;
};

describe('parseCount', () => {
  it.each<[CellValue, number]>([
    [1972, 1972], [0, 0], [-0, 0], [10_000_000, 10_000_000],
    ['1972', 1972], ['1.972', 1972], ['12 400', 12400], ['12\u00a0400', 12400], ['12\u202f400', 12400],
    ['1,972,000', 1972000], ['1.972.000', 1972000], ['  493 ', 493], ['2.500', 2500], ['1.000,00', 1000], ['-', 0], ['–', 0], ['—', 0],
    ['12  400', 12400], ['12 \u00a0400', 12400], ['\t1.972\n', 1972], ['0', 0], ['007', 7],
  ])('reads %p as %p', (cell, n) => {
    expect(value(cell)).toBe(n);
  });

  it.each<CellValue>([null, '', '   ', '\u00a0'])('reads %p as blank', (cell) => {
    expect(value(cell)).toBe('blank');
  });

  it('reads a cell past the end of a ragged row (grids may be ragged) as blank', () => {
    expect(parseCount(undefined)).toEqual({ kind: 'blank' });
    expect(isBlank(undefined)).toBe(true);
    expect([isBlank(null), isBlank(' \u00a0 '), isBlank(0), isBlank('0'), isBlank({ error: '#N/A' })]).toEqual([true, true, false, false, false]);
  });

  it('refuses a typed fraction however small: only a formula\'s binary rounding noise is taken for a whole count', () => {
    expect(code('3,0000000001')).toBe('fractional-count');
    expect(code('3.0000000001')).toBe('fractional-count');
  });

  it.each<[CellValue, string]>([
    ['abc', 'not-a-count'], ['khoảng 200', 'not-a-count'], ['200 trường hợp', 'not-a-count'], ['1.972.5', 'not-a-count'],
    ['1 2', 'not-a-count'], [NaN, 'not-a-count'], [Infinity, 'not-a-count'], [true, 'not-a-count'], [false, 'not-a-count'],
    ['120-', 'not-a-count'], ['-120-', 'not-a-count'], ['--', 'not-a-count'], ['12 400 500 7', 'not-a-count'], ['1.972,000.5', 'not-a-count'],
    ['1 972,5', 'fractional-count'], ['12.40', 'fractional-count'], ['1972.', 'not-a-count'], ['.5', 'not-a-count'],
    [-5, 'negative-count'], ['-5', 'negative-count'], ['-1.972', 'negative-count'], ['−5', 'negative-count'], ['- 5', 'negative-count'],
    [2.5, 'fractional-count'], ['1,5', 'fractional-count'], ['2.50', 'fractional-count'], ['1.972,5', 'fractional-count'],
    [10_000_001, 'count-too-large'], ['12.000.000', 'count-too-large'], [1e300, 'count-too-large'],
    [{ error: '#REF!' }, 'error-value'], [{ error: '#N/A' }, 'error-value'], [{ date: 19723 }, 'date-in-count'],
  ])('refuses %p as %s', (cell, expected) => {
    expect(code(cell)).toBe(expected);
  });

  it('explains a refusal in both languages, quoting the cell', () => {
    const p = parseCount('abc');
    expect(p).toEqual({
      kind: 'refused',
      code: 'not-a-count',
      vi: 'Ô này phải là số trường hợp (số nguyên không âm), nhưng đang có «abc».',
      en: 'This cell must hold a count of records (a whole number ≥ 0) but holds "abc".',
    });
  });

  it('shows a fraction the way each reader writes it, and a date as dd/mm/yyyy', () => {
    const fraction = parseCount(2.5);
    expect(fraction.kind === 'refused' && [fraction.vi.includes('«2,5»'), fraction.en.includes('"2.5"')]).toEqual([true, true]);
    const date = parseCount({ date: 19723 }); // 2024-01-01
    expect(date.kind === 'refused' && date.vi).toContain('01/01/2024');
  });

  it('does not throw on dates outside the calendar', () => {
    expect(code({ date: NaN })).toBe('date-in-count');
    expect(code({ date: 1e12 })).toBe('date-in-count');
  });
});

describe('what a clerk reads when a count is refused', () => {
  const refusal = (v: CellValue): [string, string] => {
    const p = parseCount(v);
    return p.kind === 'refused' ? [p.vi, p.en] : ['not refused', JSON.stringify(p)];
  };

  it('a negative count, as typed or as a number', () => {
    expect(refusal('-1.972')).toEqual([
      'Số trường hợp không thể âm, nhưng ô này có «-1.972».',
      'A count of records cannot be negative, but this cell holds "-1.972".',
    ]);
    expect(refusal(-2.5)[0]).toBe('Số trường hợp không thể âm, nhưng ô này có «-2,5».');
  });

  it('a fraction', () => {
    expect(refusal('1,5')).toEqual([
      'Số trường hợp phải là số nguyên, nhưng ô này có «1,5».',
      'A count of records must be a whole number, but this cell holds "1,5".',
    ]);
  });

  it('a count too large for one cell, with the limit written the reader\'s way', () => {
    expect(refusal(12_000_000)).toEqual([
      'Số «12000000» quá lớn cho một ô (tối đa 10.000.000 trường hợp); hãy kiểm tra lại.',
      '"12000000" is too large for one cell (at most 10,000,000 records); please check it.',
    ]);
  });

  it('TRUE or FALSE, as Excel shows them', () => {
    expect(refusal(true)[1]).toBe('This cell must hold a count of records (a whole number ≥ 0) but holds "TRUE".');
    expect(refusal(false)[0]).toBe('Ô này phải là số trường hợp (số nguyên không âm), nhưng đang có «FALSE».');
  });

  it('a text refused is quoted with its spaces tidied', () => {
    expect(refusal('  200   trường hợp ')[0]).toBe('Ô này phải là số trường hợp (số nguyên không âm), nhưng đang có «200 trường hợp».');
  });

  it('a formula never calculated: open and save the file in Excel', () => {
    expect(parseCount({ error: '#NO-RESULT' })).toEqual({
      kind: 'refused', code: 'no-formula-result',
      vi: 'Công thức trong ô này chưa được tính (tệp chưa được lưu bằng Excel); hãy mở tệp bằng Excel, lưu lại rồi thử lại.',
      en: 'The formula in this cell has never been calculated (the file was not saved by Excel); open it in Excel, save it, and try again.',
    });
  });

  it('an error value, named', () => {
    expect(refusal({ error: '#DIV/0!' })).toEqual([
      'Ô này đang báo lỗi «#DIV/0!» (công thức hỏng?); hãy sửa công thức hoặc nhập số trường hợp.',
      'This cell shows the error "#DIV/0!" (a broken formula?); fix the formula or type the count.',
    ]);
  });

  it('a date, as dd/mm/yyyy', () => {
    expect(refusal({ date: 19723 })).toEqual([
      'Ô này chứa ngày 01/01/2024, không phải số trường hợp; hãy định dạng ô là số (Number) và nhập lại.',
      'This cell holds a date (01/01/2024), not a count; format the cell as a number and type the count again.',
    ]);
  });

  it('a value no reader gives is refused, not thrown on', () => {
    expect(code({ formula: '=A1' } as unknown as CellValue)).toBe('not-a-count');
  });
});

describe('formatCount', () => {
  it('groups thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatCount(3140, 'vi')).toBe('3.140');
    expect(formatCount(1972000, 'en')).toBe('1,972,000');
    expect(formatCount(726, 'vi')).toBe('726');
  });
});

describe('formula results', () => {
  it('reads binary rounding noise of a whole count as that count, but a real fraction as a fraction', () => {
    expect(parseCount(3.0000000000000004)).toEqual({ kind: 'count', value: 3 });
    expect(parseCount(2.5)).toMatchObject({ kind: 'refused', code: 'fractional-count' });
  });
});
