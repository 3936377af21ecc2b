import fc from 'fast-check';
import { CellValue, Grid } from '../../src/sheets/grid';
import { formatCount } from '../../src/planning/text';
import { readUnits } from '../../src/sheets/read-units';
import { seeded } from '../helpers/property';

/** Strings a sheet plausibly holds: headers, totals, group numbers, counts typed as text, junk. */
const SHEET_WORDS = [
  'STT', 'Số TT', 'Đơn vị', 'Tên đơn vị', 'Xã, phường, thị trấn', 'Huyện', 'Quận/huyện', 'Khai sinh', 'Khai tu', 'KS', 'KT', 'Births',
  'Kết hôn', 'Tổng', 'Tổng cộng', 'Cộng', 'Cộng huyện A', 'Số máy', 'Số quyển', 'Loại sổ', 'Loại sổ hộ tịch', 'Ghi chú', 'Số dữ liệu cần số hóa',
  'Tổng số dữ liệu', 'I', 'II', 'A', '(1)', '(2)', '3=1+2', '-', '1.972', '12 400', '1,972,000', '2,5', '2.50', 'abc', 'khoảng 200', '',
  '   ', 'Xã A', 'Xã B', 'xã a', 'Phường 1', '#REF!', '-5', '99999999999', 'Mã xã', 'Mã đơn vị', '00001', '16387',
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...SHEET_WORDS),
  fc.string({ maxLength: 12 }),
  fc.double(), // NaN, ±Infinity, -0, huge and tiny values, fractions
  fc.integer({ min: -1000, max: 20_000_000 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e300, 2.5, 10_000_001, Number.MAX_SAFE_INTEGER),
  fc.record({ error: fc.constantFrom('#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?') }),
  fc.record({ date: fc.oneof(fc.integer(), fc.double()) }),
  fc.boolean(),
);

const sheetName = fc.oneof(fc.constantFrom('Số liệu', 'Sheet1', 'Đại Lãnh'), fc.stringMatching(/^[^\r\n\u2028\u2029]{1,10}$/));
const ragged = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 });
const headerLike = fc.array(fc.constantFrom(...SHEET_WORDS), { minLength: 1, maxLength: 8 });

/** A header that makes a table (a unit or register-name column, count columns) among other headers, shuffled. */
const tableHeader = fc
  .tuple(
    fc.constantFrom('Đơn vị', 'Xã, phường, thị trấn', 'Commune', 'Loại sổ', 'Loại sổ hộ tịch', 'Huyện, thành phố', 'Xã, phường, đặc khu', 'Tỉnh, thành phố'),
    fc.array(fc.constantFrom('Khai sinh', 'Khai tu', 'KH', 'Births', 'Tổng số', 'Số dữ liệu cần số hóa', 'Tổng cộng'), { minLength: 1, maxLength: 4 }),
    headerLike,
  )
  .chain(([unit, counts, others]) => fc.shuffledSubarray([unit, ...counts, ...others], { minLength: 2 + counts.length }));
/** Rows of a table: mostly names, totals and counts, some junk. */
const tableRows = fc.array(
  fc.array(fc.oneof({ arbitrary: cell, weight: 2 }, { arbitrary: fc.integer({ min: 0, max: 5000 }), weight: 2 }, { arbitrary: fc.constantFrom(...SHEET_WORDS), weight: 1 }), { maxLength: 8 }),
  { maxLength: 14 },
);

/** Random grids; most under a header-like row, or a header that makes a table, so that the reading goes past the header. */
const malformed: fc.Arbitrary<Grid> = fc.record({
  sheet: sheetName,
  rows: fc.oneof(
    ragged,
    fc.tuple(fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 2 }), headerLike, ragged).map(([t, h, r]) => [...t, h, ...r]),
    fc.tuple(fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 2 }), tableHeader, tableRows).map(([t, h, r]) => [...t, h, ...r]),
    fc.tuple(tableHeader, tableHeader, tableRows).map(([upper, lower, r]) => [upper, lower, ...r]),
  ),
  firstRow: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
  firstCol: fc.option(fc.integer({ min: 1, max: 16_000 }), { nil: undefined }),
  hiddenRows: fc.option(fc.uniqueArray(fc.nat({ max: 20 }), { maxLength: 6 }).map((a) => a.sort((x, y) => x - y)), { nil: undefined }),
  filteredRows: fc.option(fc.uniqueArray(fc.nat({ max: 20 }), { maxLength: 6 }).map((a) => a.sort((x, y) => x - y)), { nil: undefined }),
});

describe('readUnits on malformed grids', () => {
  it('never throws; every problem but an empty sheet names its cell; problems come in sheet order', () => {
    fc.assert(
      fc.property(malformed, (grid) => {
        const table = readUnits(grid);
        for (const p of table.problems) {
          if (p.code === 'empty-sheet') continue;
          expect(p.cell).toMatch(/^.+![A-Z]+[0-9]+$/);
        }
        for (const p of table.problems) expect(p.vi.length * p.en.length).toBeGreaterThan(0);
        // In sheet order: the rows of the cells named never go back up.
        const rows = table.problems.filter((p) => p.cell !== null).map((p) => Number(/\d+$/.exec(p.cell as string)?.[0]));
        expect(rows).toEqual([...rows].sort((a, b) => a - b));
        for (const u of table.units) expect([...u.counts.keys()]).toEqual(table.registers);
      }),
      seeded(3000),
    );
  });
});

const REGISTER_HEADERS: Record<string, string[]> = {
  KS: ['Khai sinh', 'Sổ Khai sinh', 'KS', 'Births', 'Khai sinh (trường hợp)', 'khai sinh'],
  KT: ['Khai tử', 'Khai tu', 'KT', 'Deaths'],
  KH: ['Kết hôn', 'Ket hon', 'KH', 'Marriages'],
  NCMC: ['Nhận cha, mẹ, con'],
  GH: ['Giám hộ'],
  TDCC: ['Thay đổi, cải chính hộ tịch'],
  XNHN: ['Xác nhận tình trạng hôn nhân'],
  NCN: ['Nuôi con nuôi'],
};
const SYLLABLES = ['Tân', 'Hòa', 'Hóa', 'Minh', 'Long', 'Hưng', 'Đồng', 'Nơ', 'Mường', 'Chiềng', 'An', 'Phú', 'Quang', 'Thành'];

/** A count as people enter it: a number, text with Vietnamese or English thousands, or blank for none. */
const typed = (n: number, style: number): CellValue =>
  [n, formatCount(n, 'vi'), formatCount(n, 'en'), formatCount(n, 'vi').replace(/\./g, ' '), n === 0 ? null : n][style];

const validWide = fc
  .record({
    codes: fc.shuffledSubarray(Object.keys(REGISTER_HEADERS), { minLength: 1 }),
    pick: fc.nat(),
    titles: fc.array(fc.constantFrom('UBND TỈNH SƠN LA', 'KẾ HOẠCH SỐ HÓA SỔ HỘ TỊCH', 'Sơn La, ngày 01 tháng 3 năm 2025'), { maxLength: 3 }),
    nameHeader: fc.constantFrom('Đơn vị', 'Tên đơn vị', 'Xã, phường, thị trấn', 'Don vi', 'Commune', 'Unit'),
    units: fc.array(
      fc.record({
        name: fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')),
        counts: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 10, maxLength: 10 }),
        styles: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 10, maxLength: 10 }),
      }),
      { maxLength: 25 },
    ),
    firstRow: fc.integer({ min: 1, max: 500 }),
    firstCol: fc.integer({ min: 1, max: 30 }),
  })
  .map(({ codes, pick, titles, nameHeader, units, firstRow, firstCol }) => {
    const headers = codes.map((code) => REGISTER_HEADERS[code][pick % REGISTER_HEADERS[code].length]);
    // Index suffixes keep names distinct, as a valid sheet's are.
    const expected = units.map((u, i) => ({ name: `Xã ${u.name} ${i + 1}`, counts: codes.map((_, j) => u.counts[j]) }));
    const rows: CellValue[][] = [
      ...titles.map((t) => [t]),
      ['STT', nameHeader, ...headers],
      ...units.map((u, i) => [i + 1, expected[i].name, ...codes.map((_, j) => typed(u.counts[j], u.styles[j]))]),
    ];
    return { grid: { sheet: 'Số liệu', rows, firstRow, firstCol }, codes, expected, headerRow: firstRow + titles.length };
  });

describe('readUnits on valid wide grids', () => {
  it('reads back exactly the units and counts written', () => {
    fc.assert(
      fc.property(validWide, ({ grid, codes, expected, headerRow }) => {
        const table = readUnits(grid);
        expect(table.problems).toEqual([]);
        expect(table.format).toBe('wide');
        expect(table.headerRow).toBe(headerRow);
        expect(table.registers).toEqual(codes);
        expect(table.units.map((u) => ({ name: u.name, counts: [...u.counts.values()] }))).toEqual(expected);
        expect(table.units.map((u) => [...u.counts.keys()])).toEqual(expected.map(() => codes));
      }),
      seeded(500),
    );
  });
});
