import { parseBox } from '../../../src/hosts/office/address';
import { columnLetters, columnNumber } from '../../../src/sheets/grid';

describe('column letters', () => {
  it('reads letters as the column number, in either case: the inverse of columnLetters', () => {
    expect(['A', 'z', 'AA', 'az', 'XFD'].map(columnNumber)).toEqual([1, 26, 27, 52, 16384]);
    for (let n = 1; n <= 16384; n++) if (columnNumber(columnLetters(n)) !== n) throw new Error(`column ${n}`);
    expect(parseBox('$c$7:h40')).toEqual({ row: 7, col: 3, rows: 34, cols: 6 });
  });
});
