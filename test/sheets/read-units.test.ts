import { parseDate } from '../../src/planning/days';
import { planUnits } from '../../src/planning/plan';
import { defaultSettings } from '../../src/planning/settings';
import { groupByParent } from '../../src/sheets/forms/groups';
import { loadCommunes } from '../../src/examples/national';
import { provinceWorkbook } from '../../src/examples/workbooks';
import { gridOf } from '../../src/xlsx/read-grid';
import { CellValue, Grid } from '../../src/sheets/grid';
import { classifyHeader } from '../../src/sheets/read-units/headings';
import { UnitsTable, readUnits } from '../../src/sheets/read-units';

const _ = null;
const sheet = (rows: CellValue[][], extra: Partial<Grid> = {}): Grid => ({ sheet: 'Số liệu', rows, ...extra });
const counts = (t: UnitsTable): Record<string, Record<string, number>> =>
  Object.fromEntries(t.units.map((u) => [u.name, Object.fromEntries(u.counts)]));
const found = (t: UnitsTable): [string, string, string | null][] => t.problems.map((p) => [p.severity, p.code, p.cell]);
const errors = (t: UnitsTable): [string, string | null][] => t.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.cell]);

describe('header recognition', () => {
  it.each([
    ['name', ['Đơn vị', 'Tên đơn vị', 'Xã, phường, thị trấn', 'Xã/phường', 'Phường, xã', 'Tên xã', 'Đơn vị cấp xã', 'Địa phương', 'Unit', 'Commune', 'Ward', 'Name', 'DON VI']],
    ['parent', ['Huyện', 'Cấp huyện', 'Quận/huyện', 'Quận, huyện', 'Huyện, thị xã, thành phố', 'District', 'Parent', 'Đơn vị cấp trên', 'Tỉnh']],
    ['index', ['STT', 'Số TT', 'No.', 'TT']],
    ['machines', ['Số máy', 'Máy', 'Machines', 'Số máy (máy)']],
    ['books', ['Số quyển', 'Số sổ', 'Books', 'Quyển']],
    ['notes', ['Ghi chú', 'Notes']],
    ['registerName', ['Loại sổ', 'Loại sổ hộ tịch', 'Sổ hộ tịch', 'Register']],
    ['total', ['Tổng', 'Tổng cộng', 'Tổng số', 'Tổng số dữ liệu', 'Số dữ liệu cần số hóa', 'Total']],
  ])('reads %s headers', (kind, headers) => {
    expect(headers.filter((h) => classifyHeader(h).kind !== kind)).toEqual([]);
  });

  it('reads unit code headers, but not a parent’s code nor the plan id the Lịch sheet lists', () => {
    const codes = ['Mã', 'Mã đơn vị', 'Mã xã', 'Mã ĐVHC', 'Mã ĐV', 'Ma don vi', 'Mã xã, phường, thị trấn', 'Mã đơn vị hành chính', 'Code', 'Unit code'];
    expect(codes.filter((h) => classifyHeader(h).kind !== 'code')).toEqual([]);
    const others = ['Mã huyện', 'Mã tỉnh', 'Mã quận/huyện', 'Mã kế hoạch', 'Mã số', 'Mã số thuế', 'Mã (huyện)', 'Mã (cấp huyện)', 'Mã đơn vị (huyện)', 'Code (district)'];
    expect(others.map((h) => classifyHeader(h).kind)).toEqual(others.map(() => 'other'));
  });

  it('reads register headers through the register catalog', () => {
    expect(['Sổ Khai sinh', 'Khai tu', 'KS', 'Births', 'Khai sinh (trường hợp)'].map(classifyHeader)).toEqual([
      { kind: 'register', code: 'KS' }, { kind: 'register', code: 'KT' }, { kind: 'register', code: 'KS' },
      { kind: 'register', code: 'KS' }, { kind: 'register', code: 'KS' },
    ]);
  });
});

describe('wide sheets', () => {
  it('finds the header below the title rows and reads a two-row header merged over the registers', () => {
    const t = readUnits(sheet([
      ['UBND THỊ XÃ CHƠN THÀNH', _, _, _, _, _],
      ['KẾ HOẠCH NHẬP DỮ LIỆU HỘ TỊCH', _, _, _, _, _],
      ['Chơn Thành, ngày 19 tháng 5 năm 2023', _, _, _, _, _],
      [],
      ['STT', 'Đơn vị', 'Số dữ liệu cần số hóa', _, _, 'Số máy'],
      [_, _, 'Khai sinh', 'Khai tử', 'Kết hôn', _],
      [1, 'Phường Hưng Long', 12400, 3100, 2500, 2],
      [2, 'Phường Minh Hưng', '9.870', '2 105', 1890, 2],
      [3, 'Xã Quang Minh', 4210, 980, _, 1],
    ]));
    expect(t.format).toBe('wide');
    expect(t.headerRow).toBe(6);
    expect(t.registers).toEqual(['KS', 'KT', 'KH']);
    expect(counts(t)).toEqual({
      'Phường Hưng Long': { KS: 12400, KT: 3100, KH: 2500 },
      'Phường Minh Hưng': { KS: 9870, KT: 2105, KH: 1890 },
      'Xã Quang Minh': { KS: 4210, KT: 980, KH: 0 },
    });
    expect(t.units.map((u) => [u.machines, u.books, u.parent, u.cell])).toEqual([
      [2, null, null, 'Số liệu!B7'], [2, null, null, 'Số liệu!B8'], [1, null, null, 'Số liệu!B9'],
    ]);
    expect(t.problems).toEqual([]);
  });

  it('reads a single count column as register ALL', () => {
    const t = readUnits(sheet([
      ['STT', 'Tên đơn vị', 'Số dữ liệu cần số hóa', 'Ghi chú'],
      [1, 'Xã Tân Quan', 5120, 'còn 3 quyển rách'],
      [2, 'Xã Minh Long', 3311, _],
    ]));
    expect(t.registers).toEqual(['ALL']);
    expect(counts(t)).toEqual({ 'Xã Tân Quan': { ALL: 5120 }, 'Xã Minh Long': { ALL: 3311 } });
    expect(t.problems).toEqual([]);
  });

  it.each<[string, CellValue[]]>([
    ['without diacritics', ['Stt', 'Xa, phuong, thi tran', 'Khai sinh', 'Khai tu', 'Ket hon', 'So may', 'So quyen']],
    ['in English', ['No.', 'Commune', 'Births', 'Deaths', 'Marriages', 'Machines', 'Books']],
    ['as codes, with "Sổ …" and units in parentheses', ['Số TT', 'Xã/phường', 'KS', 'Sổ Khai tử', 'Kết hôn (trường hợp)', 'Máy', 'Số sổ']],
  ])('reads headers %s', (_label, header) => {
    const t = readUnits(sheet([header, [1, 'Xã Đồng Nơ', 10, 20, 30, 1, 4], [2, 'Phường Hưng Long', 1, 2, 3, _, _]]));
    expect(t.registers).toEqual(['KS', 'KT', 'KH']);
    expect(counts(t)).toEqual({ 'Xã Đồng Nơ': { KS: 10, KT: 20, KH: 30 }, 'Phường Hưng Long': { KS: 1, KT: 2, KH: 3 } });
    expect(t.units.map((u) => [u.machines, u.books])).toEqual([[1, 4], [null, null]]);
    expect(t.problems).toEqual([]);
  });

  it('skips a row of column numbers under the header', () => {
    const t = readUnits(sheet([
      ['STT', 'Đơn vị', 'Khai sinh', 'Khai tử', 'Tổng'],
      ['A', 'B', '(1)', '(2)', '(3)=(1)+(2)'],
      [1, 'Xã A', 5, 6, 11],
    ]));
    expect(counts(t)).toEqual({ 'Xã A': { KS: 5, KT: 6 } });
    expect(t.problems).toEqual([]);
  });

  it('reads records per register under a register merged over "Số quyển | Số trường hợp", adding up the books', () => {
    const t = readUnits(sheet([
      ['STT', 'Đơn vị', 'Khai sinh', _, 'Khai tử', _],
      [_, _, 'Số quyển', 'Số trường hợp', 'Số quyển', 'Số trường hợp'],
      [1, 'Xã Mường Giàng', 12, 3400, 5, 610],
    ]));
    expect(t.registers).toEqual(['KS', 'KT']);
    expect(counts(t)).toEqual({ 'Xã Mường Giàng': { KS: 3400, KT: 610 } });
    expect(t.units[0].books).toBe(17);
    expect(t.problems).toEqual([]);
  });

  it('does not take text around the table (notes, signatures) for units', () => {
    const t = readUnits(sheet([
      ['STT', 'Đơn vị', 'Khai sinh'],
      [1, 'Xã A', 5],
      [2, 'Xã B', _],
      [],
      [_, 'Người lập biểu', _],
      [_, 'Nguyễn Thị Phương', _],
      ['Ghi chú: số liệu tính đến 15/5/2023', _, _],
    ]));
    expect(counts(t)).toEqual({ 'Xã A': { KS: 5 }, 'Xã B': { KS: 0 } });
    expect(t.problems).toEqual([]);
  });

  it('warns once about a column with another header that holds numbers, naming its header cell', () => {
    const t = readUnits(sheet([
      ['STT', 'Đơn vị', 'Khai sinh', 'Chỉ tiêu/ngày', 'Ngày hoàn thành'],
      [1, 'Xã A', 600, 300, { date: 19530 }],
      [2, 'Xã B', 900, 300, { date: 19531 }],
    ]));
    expect(found(t)).toEqual([['warning', 'ignored-column', 'Số liệu!D1']]);
    expect(t.problems[0].vi).toContain('«Chỉ tiêu/ngày»');
  });

  it('warns once, naming their range, about a sheet’s worth of columns holding numbers it does not read', () => {
    // Excel's last column is XFD (16,384): every column after the register holds a figure.
    const wide = (first: CellValue[], fill: (c: number) => CellValue): CellValue[] => [...first, ...Array.from({ length: 16_384 - first.length }, (_, c) => fill(c))];
    const t = readUnits(sheet([
      wide(['STT', 'Đơn vị', 'Khai sinh'], (c) => `Cột ${c}`),
      wide([1, 'Xã A', 600], (c) => c),
      wide([2, 'Xã B', 900], () => 7),
    ]));
    expect(counts(t)).toEqual({ 'Xã A': { KS: 600 }, 'Xã B': { KS: 900 } });
    expect(found(t)).toEqual([['warning', 'ignored-column', 'Số liệu!D1']]);
    expect(t.problems[0].en).toBe('16,381 columns in Số liệu!D1:XFD1 hold numbers but are not register, total, machines or books columns, so they are not read.');
    expect(t.problems[0].vi).toContain('16.381 cột trong Số liệu!D1:XFD1');
  });
});

describe('long sheets', () => {
  it('reads rows of unit, register and count, with a unit name merged down over its rows', () => {
    const t = readUnits(sheet([
      ['Đơn vị', 'Loại sổ', 'Số trường hợp'],
      ['Xã Tân Hòa', 'Khai sinh', 1200],
      [_, 'Kết hôn', '340'],
      ['Xã Tân Hóa', 'Khai tử', 210],
      ['Xã Tân Hòa', 'Khai tử', 75],
    ]));
    expect(t.format).toBe('long');
    expect(t.registers).toEqual(['KS', 'KH', 'KT']);
    expect(counts(t)).toEqual({
      'Xã Tân Hòa': { KS: 1200, KH: 340, KT: 75 },
      'Xã Tân Hóa': { KS: 0, KH: 0, KT: 210 },
    });
    expect(t.units.map((u) => u.cell)).toEqual(['Số liệu!A2', 'Số liệu!A4']);
    expect(t.problems).toEqual([]);
  });

  // Đại Lãnh's plan (seeds/dai-lanh-2024-digitization-plan.txt), pasted into a sheet.
  const daiLanh: CellValue[][] = [
    ['Số TT', 'Loại sổ hộ tịch', 'Tổng số dữ liệu', 'Thời gian và chỉ tiêu cụ thể', _, _, _, 'Ghi chú'],
    [_, _, _, 'Tháng 6', 'Tháng 7', 'Tháng 8', 'Tháng 9', _],
    [1, 'Sổ Khai sinh', '1.972', 493, 493, 493, 493, _],
    [2, 'Sổ Khai tử', 461, 116, 115, 115, 115, _],
    [3, 'Sổ Kết hôn', 707, 177, 177, 177, 176, _],
    [_, 'Tổng', '3.140', 726, 725, 725, 724, _],
  ];

  it('reads a one-unit plan with no unit column (Đại Lãnh), naming the unit after the sheet', () => {
    const t = readUnits({ sheet: 'Đại Lãnh', rows: daiLanh });
    expect(t.format).toBe('long');
    expect(t.headerRow).toBe(2);
    expect(t.registers).toEqual(['KS', 'KT', 'KH']);
    expect(counts(t)).toEqual({ 'Đại Lãnh': { KS: 1972, KT: 461, KH: 707 } });
    expect(t.units[0].cell).toBe('Đại Lãnh!B1');
    // The month columns are the old plan's split, not input: each is named once; the total 3.140 is right.
    expect(found(t)).toEqual(['D2', 'E2', 'F2', 'G2'].map((c) => ['warning', 'ignored-column', `Đại Lãnh!${c}`]));
  });

  it('uses the unit name given in the options', () => {
    expect(readUnits(sheet(daiLanh), { unitName: ' Xã Đại Lãnh ' }).units.map((u) => u.name)).toEqual(['Xã Đại Lãnh']);
  });

  it('warns when the total row disagrees with the registers', () => {
    const rows = daiLanh.map((row) => [...row]);
    rows[5][2] = 2900;
    const t = readUnits(sheet(rows));
    const mismatch = t.problems.find((p) => p.code === 'total-mismatch');
    expect(mismatch).toMatchObject({ severity: 'warning', cell: 'Số liệu!C6' });
    expect(mismatch?.vi).toContain('2.900');
    expect(mismatch?.vi).toContain('3.140');
    expect(mismatch?.en).toContain('2,900');
  });

  it('refuses a register name it does not know, and a register given twice', () => {
    const t = readUnits(sheet([
      ['Loại sổ', 'Số lượng cần số hóa'],
      ['Khai sinh', 10],
      ['Sổ tạm trú', 5],
      ['KS', 3],
      [_, 4],
    ]));
    expect(errors(t)).toEqual([
      ['unknown-register', 'Số liệu!A3'], ['duplicate-register', 'Số liệu!A4'], ['unknown-register', 'Số liệu!A5'],
    ]);
    expect(t.problems[0].vi).toContain('«Sổ tạm trú»');
    expect(t.problems[1].en).toContain('Số liệu!A2');
  });
});

describe('parents and groups', () => {
  it('takes the parent from a parent column, filled down where the district is merged over its communes', () => {
    const t = readUnits(sheet([
      ['Tỉnh', 'Quận/huyện', 'Xã, phường, thị trấn', 'Khai sinh'],
      ['Tỉnh Bến Tre', 'Huyện Châu Thành', 'Xã An Hiệp', 10],
      [_, _, 'Xã Tân Phú', 20],
      ['Tỉnh Đồng Tháp', 'Huyện Châu Thành', 'Xã An Hiệp', 30],
      [_, 'Huyện Lai Vung', 'Xã Tân Phú', 40],
    ]));
    expect(t.units.map((u) => [u.parent, u.name, u.counts.get('KS')])).toEqual([
      ['Huyện Châu Thành', 'Xã An Hiệp', 10],
      ['Huyện Châu Thành', 'Xã Tân Phú', 20],
      ['Huyện Châu Thành', 'Xã An Hiệp', 30], // another province's district of the same name: not a duplicate
      ['Huyện Lai Vung', 'Xã Tân Phú', 40],
    ]);
    expect(t.problems).toEqual([]);
  });

  it('takes the parent from group-heading rows when there is no parent column', () => {
    const t = readUnits(sheet([
      ['STT', 'Đơn vị', 'Khai sinh', 'Khai tử'],
      ['I', 'Huyện Chơn Thành', _, _],
      [1, 'Phường Hưng Long', 100, 10],
      [2, 'Xã Minh Long', 50, 5],
      ['II', 'Huyện Hớn Quản', _, _],
      [1, 'Xã Tân Khai', 70, 7],
      [2, 'Xã Minh Long', 20, 2],
    ]));
    expect(t.units.map((u) => [u.parent, u.name])).toEqual([
      ['Huyện Chơn Thành', 'Phường Hưng Long'],
      ['Huyện Chơn Thành', 'Xã Minh Long'],
      ['Huyện Hớn Quản', 'Xã Tân Khai'],
      ['Huyện Hớn Quản', 'Xã Minh Long'],
    ]);
    expect(t.problems).toEqual([]);
  });

  it('without an STT column, takes only rows named as groups for headings, not a unit left blank', () => {
    const t = readUnits(sheet([
      ['Đơn vị', 'Khai sinh'],
      ['Huyện Chơn Thành', _],
      ['Xã Minh Long', 5],
      ['Xã Minh Thành', _],
      ['Xã Nha Bích', 7],
    ]));
    expect(t.units.map((u) => [u.parent, u.name])).toEqual([['Huyện Chơn Thành', 'Xã Minh Long'], ['Huyện Chơn Thành', 'Xã Nha Bích']]);
  });

  it('takes group headings in a long sheet too', () => {
    const t = readUnits(sheet([
      ['STT', 'Đơn vị', 'Loại sổ', 'Số trường hợp'],
      ['A', 'Huyện Vạn Ninh', _, _],
      [1, 'Xã Đại Lãnh', 'Khai sinh', 1972],
      [_, _, 'Khai tử', 461],
      [_, 'Cộng huyện Vạn Ninh', _, 2433],
    ]));
    expect(t.units.map((u) => [u.parent, u.name, Object.fromEntries(u.counts)])).toEqual([
      ['Huyện Vạn Ninh', 'Xã Đại Lãnh', { KS: 1972, KT: 461 }],
    ]);
    expect(t.problems).toEqual([]);
  });

  it('reads a group heading with figures (numbered I, II…) as the group total, not a unit', () => {
    const t = readUnits(sheet([
      ['STT', 'Đơn vị', 'Khai sinh'],
      ['I', 'Huyện Mai Sơn', 150],
      [1, 'Xã Chiềng Mung', 100],
      [2, 'Xã Mường Bon', 40],
    ]));
    expect(t.units.map((u) => u.name)).toEqual(['Xã Chiềng Mung', 'Xã Mường Bon']);
    expect(found(t)).toEqual([['warning', 'total-mismatch', 'Số liệu!C2']]);
    expect(t.problems[0].vi).toBe('Ô tổng Số liệu!C2 ghi 150 nhưng các đơn vị thuộc «Huyện Mai Sơn» (sổ Khai sinh) cộng lại được 140.');
  });
});

describe('total rows', () => {
  const grouped: CellValue[][] = [
    ['STT', 'Đơn vị', 'Khai sinh', 'Khai tử', 'Tổng cộng'],
    [_, 'Tổng cộng', 185, 18, 203],
    ['I', 'Huyện Chơn Thành', _, _, _],
    [1, 'Phường Hưng Long', 100, 10, 110],
    [2, 'Xã Minh Long', 50, 5, 55],
    [_, 'Cộng huyện Chơn Thành', 150, 15, 165],
    ['II', 'Huyện Hớn Quản', _, _, _],
    [1, 'Xã Tân Khai', 35, 3, 38],
    [_, 'cong', 35, 3, 38],
  ];

  it('skips total and subtotal rows, wherever they are, and finds nothing wrong when they agree', () => {
    const t = readUnits(sheet(grouped));
    expect(t.units.map((u) => u.name)).toEqual(['Phường Hưng Long', 'Xã Minh Long', 'Xã Tân Khai']);
    expect(t.registers).toEqual(['KS', 'KT']);
    expect(t.problems).toEqual([]);
  });

  it('warns where a total disagrees, naming its cell and both figures', () => {
    const rows = grouped.map((row) => [...row]);
    rows[1][2] = 195; // grand total of births
    rows[5][3] = 16; // Chơn Thành's deaths
    rows[4][4] = 50; // a unit's own total column
    const t = readUnits(sheet(rows));
    expect(found(t)).toEqual([
      ['warning', 'total-mismatch', 'Số liệu!C2'],
      ['warning', 'total-mismatch', 'Số liệu!E5'],
      ['warning', 'total-mismatch', 'Số liệu!D6'],
    ]);
    expect(t.problems.map((p) => p.en)).toEqual([
      'The total at Số liệu!C2 says 195 but all the units (Births) add up to 185.',
      'This total says 50 but the registers of "Xã Minh Long" add up to 55.',
      'The total at Số liệu!D6 says 16 but the units of "Huyện Chơn Thành" (Deaths) add up to 15.',
    ]);
    expect(t.problems[1].unit).toBe('Xã Minh Long');
  });

  it.each(['Tổng', 'TỔNG CỘNG', 'tong cong', 'Cộng', 'Tổng số', 'Total', 'Tổng cộng toàn huyện'])('does not take "%s" for a unit', (label) => {
    const t = readUnits(sheet([['Đơn vị', 'Khai sinh'], ['Xã A', 5], [label, 5]]));
    expect(t.units.map((u) => u.name)).toEqual(['Xã A']);
    expect(t.problems).toEqual([]);
  });

  it('reads a total label in the STT column', () => {
    const t = readUnits(sheet([['STT', 'Đơn vị', 'Khai sinh'], [1, 'Xã A', 5], ['Tổng cộng', _, 6]]));
    expect(t.units).toHaveLength(1);
    expect(found(t)).toEqual([['warning', 'total-mismatch', 'Số liệu!C3']]);
  });

  it('reads a total label in a parent column', () => {
    const t = readUnits(sheet([['Huyện', 'Xã', 'Khai sinh'], ['Huyện A', 'Xã A', 5], ['Tổng cộng', _, 5]]));
    expect(t.units.map((u) => u.name)).toEqual(['Xã A']);
    expect(t.problems).toEqual([]);
  });

  it('keeps communes whose names begin like a total word', () => {
    const t = readUnits(sheet([['Đơn vị', 'Khai sinh'], ['Cộng Hòa', 1], ['Tổng Cọt', 2], ['Công Chính', 3]]));
    expect(t.units.map((u) => u.name)).toEqual(['Cộng Hòa', 'Tổng Cọt', 'Công Chính']);
  });
});

describe('refusals', () => {
  const header: CellValue[] = ['STT', 'Đơn vị', 'Khai sinh', 'Khai tử', 'Số máy'];

  it.each<[string, CellValue, string]>([
    ['text', 'abc', 'not-a-count'],
    ['an estimate', 'khoảng 200', 'not-a-count'],
    ['a negative number', -3, 'negative-count'],
    ['a fraction', 2.5, 'fractional-count'],
    ['a decimal comma', '1,5', 'fractional-count'],
    ['a decimal with trailing zero', '2.50', 'fractional-count'],
    ['#REF!', { error: '#REF!' }, 'error-value'],
    ['#N/A', { error: '#N/A' }, 'error-value'],
    ['a date', { date: 19723 }, 'date-in-count'],
    ['a boolean', true, 'not-a-count'],
    ['more than 10,000,000', 10_000_001, 'count-too-large'],
  ])('refuses %s in a count cell, naming the cell and the unit', (_label, bad, code) => {
    const t = readUnits(sheet([header, [1, 'Xã A', 1, 2, 1], [2, 'Xã B', 3, bad, 1]]));
    expect(errors(t)).toEqual([[code, 'Số liệu!D3']]);
    expect(t.problems[0].unit).toBe('Xã B');
    expect(t.problems[0].vi).not.toBe('');
    expect(t.problems[0].en).not.toBe('');
  });

  it('refuses a bad number of machines', () => {
    expect(errors(readUnits(sheet([header, [1, 'Xã A', 1, 2, 'hai']])))).toEqual([['not-a-count', 'Số liệu!E2']]);
  });

  it('refuses a unit named twice under the same parent, pointing at the second and naming the first', () => {
    const t = readUnits(sheet([header, [1, 'Xã Minh Long', 1, 2, 1], [2, 'Xã Tân Khai', 1, 2, 1], [3, '  xã  minh LONG ', 3, 4, 1]]));
    expect(errors(t)).toEqual([['duplicate-unit', 'Số liệu!B4']]);
    expect(t.problems[0].vi).toContain('Số liệu!B2');
    expect(t.units.map((u) => u.name)).toEqual(['Xã Minh Long', 'Xã Tân Khai']);
  });

  it('refuses counts with no unit name', () => {
    expect(errors(readUnits(sheet([header, [1, 'Xã A', 1, 2, 1], [2, _, 3, 4, _]])))).toEqual([['missing-unit-name', 'Số liệu!B3']]);
  });

  it('refuses a register column given twice', () => {
    const t = readUnits(sheet([['Đơn vị', 'Khai sinh', 'KS'], ['Xã A', 1, 2]]));
    expect(errors(t)).toEqual([['duplicate-column', 'Số liệu!C1']]);
    expect(t.problems[0].en).toContain('Số liệu!B1');
  });

  it('refuses a sheet with no recognisable header, pointing at A1', () => {
    const t = readUnits(sheet([['Họ tên', 'Điện thoại'], ['Nguyễn Văn A', 912345678]]));
    expect(errors(t)).toEqual([['no-header', 'Số liệu!A1']]);
    expect(t.units).toEqual([]);
    expect(t.headerRow).toBe(0);
  });

  it('refuses an empty sheet', () => {
    for (const rows of [[], [[]], [[_, '  ', _], [_]]]) {
      expect(errors(readUnits(sheet(rows)))).toEqual([['empty-sheet', null]]);
    }
  });

  it('reports every problem at once, in sheet order', () => {
    const t = readUnits(sheet([
      header,
      [1, 'Xã A', 'abc', -1, 1],
      [2, _, 3, 4, _],
      [3, 'Xã A', 2.5, { error: '#DIV/0!' }, true],
      [_, 'Tổng', 999, 999, _],
    ]));
    expect(errors(t)).toEqual([
      ['not-a-count', 'Số liệu!C2'], ['negative-count', 'Số liệu!D2'],
      ['missing-unit-name', 'Số liệu!B3'],
      ['duplicate-unit', 'Số liệu!B4'], ['fractional-count', 'Số liệu!C4'], ['error-value', 'Số liệu!D4'], ['not-a-count', 'Số liệu!E4'],
    ]);
  });
});

describe('unit codes', () => {
  // Thành phố Thanh Hóa has two communes named Xã Đông Khê in the official list (GSO, 01/03/2025).
  const header: CellValue[] = ['STT', 'Huyện', 'Mã xã', 'Xã, phường, thị trấn', 'Khai sinh', 'Khai tử'];

  it('reads two units of one name under one parent as two when their codes differ, keeping codes as written', () => {
    const t = readUnits(sheet([
      header,
      [1, 'Thành phố Thanh Hóa', 16384, 'Phường Đông Cương', 10, 1],
      [2, _, 16387, 'Xã Đông Khê', 20, 2],
      [3, _, ' 16408 ', 'Xã Đông Khê', 30, 3],
      [4, 'Quận Ba Đình', '00001', 'Phường Phúc Xá', 40, 4],
    ]));
    expect(t.problems).toEqual([]);
    expect(t.units.map((u) => [u.code, u.name, u.parent, u.counts.get('KS'), u.cell])).toEqual([
      ['16384', 'Phường Đông Cương', 'Thành phố Thanh Hóa', 10, 'Số liệu!D2'],
      ['16387', 'Xã Đông Khê', 'Thành phố Thanh Hóa', 20, 'Số liệu!D3'],
      ['16408', 'Xã Đông Khê', 'Thành phố Thanh Hóa', 30, 'Số liệu!D4'],
      ['00001', 'Phường Phúc Xá', 'Quận Ba Đình', 40, 'Số liệu!D5'],
    ]);
  });

  it('refuses one code given twice under one parent, pointing at the second code and naming the first', () => {
    const t = readUnits(sheet([
      header,
      [1, 'Thành phố Thanh Hóa', 16387, 'Xã Đông Khê', 20, 2],
      [2, _, '16387', 'Xã Đông Khê', 30, 3],
      [3, _, 16387, 'Xã Đông Tân', 5, 1],
    ]));
    expect(errors(t)).toEqual([['duplicate-unit', 'Số liệu!C3'], ['duplicate-unit', 'Số liệu!C4']]);
    expect(t.problems[0].vi).toContain('Mã đơn vị «16387» đã có ở ô Số liệu!C2');
    expect(t.problems[0].en).toContain('"16387"');
    expect(t.problems[1].en).toContain('not "Xã Đông Tân"');
    expect(t.units.map((u) => u.code)).toEqual(['16387']);
  });

  it('still refuses a name repeated under one parent when the sheet has no code column, saying how to tell them apart', () => {
    const t = readUnits(sheet([
      ['STT', 'Huyện', 'Xã, phường, thị trấn', 'Khai sinh'],
      [1, 'Thành phố Thanh Hóa', 'Xã Đông Khê', 20],
      [2, _, 'Xã Đông Khê', 30],
      [3, 'Huyện Thạch Thành', 'Xã Đông Khê', 40], // another parent: another unit
    ]));
    expect(errors(t)).toEqual([['duplicate-unit', 'Số liệu!C3']]);
    expect(t.problems[0].vi).toContain('«Mã đơn vị»');
    expect(t.units.map((u) => [u.name, u.parent, u.code])).toEqual([
      ['Xã Đông Khê', 'Thành phố Thanh Hóa', null], ['Xã Đông Khê', 'Huyện Thạch Thành', null],
    ]);
  });

  it('knows a row with a blank code by its name, and refuses it beside a unit of that name it cannot be told from', () => {
    const t = readUnits(sheet([
      header,
      [1, 'Thành phố Thanh Hóa', _, 'Phường Đông Cương', 10, 1],
      [2, _, 16387, 'Xã Đông Khê', 20, 2],
      [3, _, _, 'Xã Đông Khê', 30, 3],
      [4, _, _, 'Phường Đông Sơn', 5, 1],
      [5, _, 16399, 'Phường Đông Sơn', 6, 1],
    ]));
    expect(errors(t)).toEqual([['duplicate-unit', 'Số liệu!D4'], ['duplicate-unit', 'Số liệu!D6']]);
    expect(t.problems[0].vi).toContain('ghi mã đơn vị vào ô Số liệu!C4');
    expect(t.problems[1].vi).toContain('Số liệu!D5 mà không ghi mã');
    expect(t.units.map((u) => [u.code, u.name])).toEqual([[null, 'Phường Đông Cương'], ['16387', 'Xã Đông Khê'], [null, 'Phường Đông Sơn']]);
  });

  it('merges the rows of one unit in a long sheet by its code, the code merged down with the name', () => {
    const t = readUnits(sheet([
      ['Huyện', 'Mã ĐVHC', 'Đơn vị', 'Loại sổ', 'Số trường hợp'],
      ['Thành phố Thanh Hóa', '16387', 'Xã Đông Khê', 'Khai sinh', 1200],
      [_, _, _, 'Kết hôn', 340],
      [_, '16408', 'Xã Đông Khê', 'Khai sinh', 900],
      [_, _, 'Xã Đông Khê', 'Kết hôn', 210],
      [_, '16387', 'Xã Đông Khê', 'Khai tử', 75],
      [_, _, 'Phường Đông Cương', 'Khai sinh', 50],
      [_, _, _, 'Khai tử', 5],
    ]));
    expect(t.problems).toEqual([]);
    expect(t.format).toBe('long');
    expect(t.units.map((u) => [u.code, u.name, Object.fromEntries(u.counts), u.cell])).toEqual([
      ['16387', 'Xã Đông Khê', { KS: 1200, KH: 340, KT: 75 }, 'Số liệu!C2'],
      ['16408', 'Xã Đông Khê', { KS: 900, KH: 210, KT: 0 }, 'Số liệu!C4'],
      [null, 'Phường Đông Cương', { KS: 50, KH: 0, KT: 5 }, 'Số liệu!C7'],
    ]);
  });

  it('refuses in a long sheet a code given to two names, a register given twice for one code, and a row it cannot place', () => {
    const t = readUnits(sheet([
      ['Huyện', 'Mã xã', 'Đơn vị', 'Loại sổ', 'Số trường hợp'],
      ['Thành phố Thanh Hóa', 16387, 'Xã Đông Khê', 'Khai sinh', 1200],
      [_, 16408, 'Xã Đông Khê', 'Khai sinh', 900],
      [_, 16387, 'Xã Đông Tân', 'Kết hôn', 340],
      [_, 16408, 'Xã Đông Khê', 'KS', 1],
      [],
      [_, _, 'Xã Đông Khê', 'Khai tử', 75],
    ]));
    expect(errors(t)).toEqual([['duplicate-unit', 'Số liệu!B4'], ['duplicate-register', 'Số liệu!D5'], ['duplicate-unit', 'Số liệu!C7']]);
    expect(t.problems[1].vi).toContain('«Xã Đông Khê» (mã 16408)');
    expect(t.problems[2].en).toContain('write the unit code at Số liệu!B7');
  });

  it('reads the national list (10,047 communes, two Xã Đông Khê in Thành phố Thanh Hóa) as built for the examples', () => {
    const communes = loadCommunes();
    const t = readUnits(gridOf(provinceWorkbook(communes).getWorksheet('Số liệu')!));
    expect(t.problems).toEqual([]);
    expect(t.units).toHaveLength(10_047);
    expect(t.units.map((u) => u.code)).toEqual(communes.map((c) => c.code));
    expect(t.units[0].code).toBe('00001');
    const dongKhe = t.units.filter((u) => u.name === 'Xã Đông Khê' && u.parent === 'Thành phố Thanh Hóa');
    expect(dongKhe.map((u) => u.code)).toEqual(['16387', '16408']);

    // The forms head and subtotal each real district once: Huyện Châu Thành of five provinces are five groups.
    const groups = groupByParent(planUnits(t.units, t.registers, defaultSettings(parseDate('2025-01-01')!, parseDate('2025-03-31')!)));
    expect(groups).toHaveLength(new Set(communes.map((c) => `${c.province}|${c.district}`)).size);
    const chauThanh = groups.filter((g) => g.parent === 'Huyện Châu Thành');
    expect(chauThanh.length).toBe(new Set(communes.filter((c) => c.district === 'Huyện Châu Thành').map((c) => c.province)).size);
    expect(chauThanh.length).toBeGreaterThan(1);
  });
});

describe('addresses', () => {
  it('gives sheet addresses for a selection that does not start at A1', () => {
    const t = readUnits(sheet([
      ['Đơn vị', 'Khai sinh'],
      ['Xã A', 5],
      ['Xã B', 'năm'],
    ], { firstRow: 4, firstCol: 3 }));
    expect(t.headerRow).toBe(4);
    expect(t.units[0].cell).toBe('Số liệu!C5');
    expect(errors(t)).toEqual([['not-a-count', 'Số liệu!D6']]);
  });

  it('reads counts typed as text the Vietnamese way', () => {
    const t = readUnits(sheet([['Đơn vị', 'KS', 'KT', 'KH', 'NCN'], ['Xã A', '1.972', '12 400', '12\u00a0400', ' 1,972,000 ']]));
    expect(counts(t)).toEqual({ 'Xã A': { KS: 1972, KT: 12400, KH: 12400, NCN: 1972000 } });
  });
});
