import fc from 'fast-check';
import { CellValue, Grid } from '../../src/sheets/grid';
import { classifyHeader } from '../../src/sheets/read-units/headings';
import { UnitsTable, readUnits } from '../../src/sheets/read-units';

const _ = null;
const sheet = (rows: CellValue[][], extra: Partial<Grid> = {}): Grid => ({ sheet: 'Số liệu', rows, ...extra });
const found = (t: UnitsTable): [string, string, string | null][] => t.problems.map((p) => [p.severity, p.code, p.cell]);
const read = (t: UnitsTable): [string | null, string, string | null, Record<string, number>][] =>
  t.units.map((u) => [u.parent, u.name, u.code, Object.fromEntries(u.counts)]);

describe('a sheet whose units are districts or provinces', () => {
  it('reads the Sơn La plan’s own table (TT | Huyện, thành phố | Số quyển sổ | Số dữ liệu cần số hóa) as twelve-district units', () => {
    const t = readUnits(sheet([
      ['UBND TỈNH SƠN LA', _, _, _],
      ['TT', 'Huyện, thành phố', 'Số quyển sổ', 'Số dữ liệu cần số hóa'],
      [1, 'Thành phố Sơn La', 412, '61.020'],
      [2, 'Huyện Mai Sơn', 530, 72410],
      [3, 'Huyện Sốp Cộp', _, 9120],
      [_, 'Tổng cộng', 942, 142550],
    ]));
    expect(t.problems).toEqual([]);
    expect(t.headerRow).toBe(2);
    expect(t.registers).toEqual(['ALL']);
    expect(read(t)).toEqual([
      [null, 'Thành phố Sơn La', null, { ALL: 61020 }],
      [null, 'Huyện Mai Sơn', null, { ALL: 72410 }],
      [null, 'Huyện Sốp Cộp', null, { ALL: 9120 }],
    ]);
    expect(t.units.map((u) => u.books)).toEqual([412, 530, null]);
  });

  it.each(['Quận, huyện, thị xã, thành phố', 'Quận, huyện, thị xã', 'Cấp huyện', 'Huyện/thành phố', 'Đơn vị hành chính cấp huyện', 'District'])(
    'reads districts listed under "%s" as the units',
    (heading) => {
      const t = readUnits(sheet([[heading, 'Khai sinh', 'Khai tử'], ['Quận Ba Đình', 10, 1], ['Thị xã Sơn Tây', 20, 2], ['Huyện Ba Vì', _, 3]]));
      expect(t.problems).toEqual([]);
      expect(read(t)).toEqual([
        [null, 'Quận Ba Đình', null, { KS: 10, KT: 1 }],
        [null, 'Thị xã Sơn Tây', null, { KS: 20, KT: 2 }],
        [null, 'Huyện Ba Vì', null, { KS: 0, KT: 3 }],
      ]);
    },
  );

  it('reads provinces under "Tỉnh, thành phố" as the units, with "Thành phố …" a unit and not a group heading', () => {
    const t = readUnits(sheet([['Tỉnh, thành phố', 'Số dữ liệu cần số hóa'], ['Thành phố Hà Nội', 900], ['Tỉnh Sơn La', 300], ['Tổng cộng', 1200]]));
    expect(t.problems).toEqual([]);
    expect(read(t)).toEqual([[null, 'Thành phố Hà Nội', null, { ALL: 900 }], [null, 'Tỉnh Sơn La', null, { ALL: 300 }]]);
  });

  it('takes the province column for the parent of district units, and the district’s code for the unit’s', () => {
    const t = readUnits(sheet([
      ['Tỉnh', 'Mã huyện', 'Huyện, thành phố', 'Khai sinh'],
      ['Tỉnh Sơn La', '116', 'Thành phố Sơn La', 10],
      [_, '118', 'Huyện Quỳnh Nhai', 20],
      ['Tỉnh Điện Biên', '094', 'Thành phố Điện Biên Phủ', 30],
    ]));
    expect(t.problems).toEqual([]);
    expect(read(t)).toEqual([
      ['Tỉnh Sơn La', 'Thành phố Sơn La', '116', { KS: 10 }],
      ['Tỉnh Sơn La', 'Huyện Quỳnh Nhai', '118', { KS: 20 }],
      ['Tỉnh Điện Biên', 'Thành phố Điện Biên Phủ', '094', { KS: 30 }],
    ]);
  });

  it('keeps the district column the parent when a commune column stands beside it', () => {
    const t = readUnits(sheet([['Huyện, thành phố', 'Mã huyện', 'Xã, phường, thị trấn', 'Khai sinh'], ['Huyện Mai Sơn', '119', 'Xã Chiềng Mung', 5]]));
    expect(read(t)).toEqual([['Huyện Mai Sơn', 'Xã Chiềng Mung', null, { KS: 5 }]]);
    expect(t.problems).toEqual([]);
  });

  it('without an STT column, heads groups with provinces but reads a district left blank as no unit, not a heading', () => {
    const t = readUnits(sheet([
      ['Huyện, thành phố', 'Khai sinh'],
      ['Tỉnh Sơn La', _],
      ['Thành phố Sơn La', 5],
      ['Huyện Mai Sơn', _],
      ['Huyện Sốp Cộp', 7],
    ]));
    expect(read(t)).toEqual([['Tỉnh Sơn La', 'Thành phố Sơn La', null, { KS: 5 }], ['Tỉnh Sơn La', 'Huyện Sốp Cộp', null, { KS: 7 }]]);
  });
});

describe('headings since 1/7/2025', () => {
  it.each(['Xã, phường, đặc khu', 'Phường/Xã', 'Đơn vị hành chính cấp xã', 'Tên xã/phường', 'ĐVHC cấp xã', 'UBND cấp xã', 'Xã, phường, thị trấn, đặc khu'])(
    'reads "%s" as the unit column',
    (heading) => {
      expect(classifyHeader(heading).kind).toBe('name');
      const t = readUnits(sheet([
        ['STT', 'Tỉnh', heading, 'Khai sinh'],
        [1, 'Thành phố Hồ Chí Minh', 'Đặc khu Côn Đảo', 120],
        [2, _, 'Phường Sài Gòn', 300],
        [3, 'Tỉnh Khánh Hòa', 'UBND xã Đại Lãnh', 40],
      ]));
      expect(t.problems).toEqual([]);
      expect(read(t)).toEqual([
        ['Thành phố Hồ Chí Minh', 'Đặc khu Côn Đảo', null, { KS: 120 }],
        ['Thành phố Hồ Chí Minh', 'Phường Sài Gòn', null, { KS: 300 }],
        ['Tỉnh Khánh Hòa', 'UBND xã Đại Lãnh', null, { KS: 40 }],
      ]);
    },
  );

  it('takes "UBND huyện …" for a group heading and an "Đặc khu …" row for a unit, without an STT column', () => {
    const t = readUnits(sheet([['Đơn vị', 'Khai sinh'], ['UBND huyện Côn Đảo', _], ['Đặc khu Côn Đảo', 5], ['UBND xã Long Hải', 6]]));
    expect(read(t)).toEqual([['UBND huyện Côn Đảo', 'Đặc khu Côn Đảo', null, { KS: 5 }], ['UBND huyện Côn Đảo', 'UBND xã Long Hải', null, { KS: 6 }]]);
  });
});

describe('no header: the closest row', () => {
  it('names the closest row’s cells, what each was read as, and asks only for the unit column it lacks', () => {
    const t = readUnits(sheet([
      ['BÁO CÁO SỐ LIỆU', _, _, _],
      ['TT', 'Họ tên cán bộ', 'Số quyển sổ', 'Số dữ liệu cần số hóa'],
      [1, 'Lò Văn A', 3, 120],
    ]));
    expect(found(t)).toEqual([['error', 'no-header', 'Số liệu!A2']]);
    const [p] = t.problems;
    expect(p.vi).toContain('dòng 2');
    expect(p.vi).toContain('«Số dữ liệu cần số hóa» (Số liệu!D2: số trường hợp cần số hóa)');
    expect(p.vi).toContain('«Họ tên cán bộ» (Số liệu!B2: không rõ)');
    expect(p.vi).toContain('còn thiếu một cột tên đơn vị');
    expect(p.vi).not.toContain('hoặc một cột «Số dữ liệu cần số hóa»');
    expect(p.en).toContain('"Số quyển sổ" (Số liệu!C2: books)');
    expect(p.en).toContain('it lacks a unit column');
  });

  it('asks for the counts when the unit column is there, and for a count beside a register column', () => {
    const units = readUnits(sheet([['Xã, phường', 'Ghi chú'], ['Xã A', 'x']], { firstRow: 5, firstCol: 2 }));
    expect(found(units)).toEqual([['error', 'no-header', 'Số liệu!B5']]);
    expect(units.problems[0].vi).toContain('«Xã, phường» (Số liệu!B5: tên đơn vị)');
    expect(units.problems[0].vi).toContain('còn thiếu các cột sổ');
    expect(units.problems[0].vi).not.toContain('cột tên đơn vị (như');
    const long = readUnits(sheet([['Loại sổ', 'Ghi chú'], ['Khai sinh', 'x']]));
    expect(long.problems[0].en).toContain('it lacks a count column');
  });

  it('still points at A1 when no row recognises anything', () => {
    const t = readUnits(sheet([['Họ tên', 'Điện thoại'], ['Nguyễn Văn A', 912345678]]));
    expect(found(t)).toEqual([['error', 'no-header', 'Số liệu!A1']]);
    expect(t.problems[0].vi).toContain('một cột tên đơn vị');
  });
});

describe('hidden rows', () => {
  const rows: CellValue[][] = [
    ['STT', 'Xã, phường', 'Khai sinh'],
    [1, 'Xã A', 1], [2, 'Xã B', 2], [3, 'Xã C', 3], [4, 'Xã D', 4], [5, 'Xã E', 5], [_, 'Tổng cộng', 15],
  ];

  it('plans units in rows hidden by hand or by a filter, warning once per kind with the rows and the units', () => {
    const t = readUnits(sheet(rows, { hiddenRows: [2, 6], filteredRows: [3, 4] }));
    expect(t.units).toHaveLength(5);
    expect(found(t)).toEqual([['warning', 'hidden-rows', 'Số liệu!B3'], ['warning', 'filtered-rows', 'Số liệu!B4']]);
    expect(t.problems[0].vi).toContain('Dòng 3 bị ẩn («Xã B»)');
    expect(t.problems[0].vi).toContain('vẫn được đọc và lập kế hoạch');
    expect(t.problems[1].vi).toContain('Dòng 4–5 bị bộ lọc ẩn («Xã C», «Xã D»)');
    expect(t.problems[1].en).toContain('Rows 4–5 are hidden by a filter ("Xã C", "Xã D") yet read and planned');
  });

  it('says nothing of a hidden total row or a hidden row outside the table', () => {
    expect(readUnits(sheet(rows, { hiddenRows: [6, 40] })).problems).toEqual([]);
  });
});

// Property tests of the shapes above: each sheet, whatever its heading spelling, reads back what was written.
const DISTRICT_HEADINGS = ['Huyện, thành phố', 'Quận, huyện, thị xã, thành phố', 'Quận, huyện, thị xã', 'Cấp huyện', 'Huyện/thị xã/thành phố', 'Đơn vị hành chính cấp huyện'];
const COMMUNE_HEADINGS = ['Xã, phường, đặc khu', 'Phường/Xã', 'Đơn vị hành chính cấp xã', 'Tên xã/phường', 'Xã, phường, thị trấn', 'Đơn vị'];
const PROVINCE_HEADINGS = ['Tỉnh', 'Tỉnh, thành phố', 'Cấp tỉnh'];
const DISTRICT_KINDS = ['Huyện', 'Quận', 'Thị xã', 'Thành phố'];
const COMMUNE_KINDS = ['Xã', 'Phường', 'Đặc khu', 'UBND xã'];
const PLACES = ['Mai Sơn', 'Sốp Cộp', 'Đại Lãnh', 'Tân Hòa', 'Chiềng Mung', 'Côn Đảo', 'Ba Đình', 'Hưng Long'];

/** A units table of one level under an optional province column, with STT or not, a count column or registers. */
const twoLevel = (level: 'district' | 'commune') =>
  fc.record({
    heading: fc.constantFrom(...(level === 'district' ? DISTRICT_HEADINGS : COMMUNE_HEADINGS)),
    province: fc.option(fc.constantFrom(...PROVINCE_HEADINGS), { nil: null }),
    stt: fc.boolean(),
    count: fc.constantFrom('Số dữ liệu cần số hóa', 'Khai sinh', 'Tổng số'),
    units: fc.array(
      fc.record({
        kind: fc.constantFrom(...(level === 'district' ? DISTRICT_KINDS : COMMUNE_KINDS)),
        place: fc.constantFrom(...PLACES),
        value: fc.integer({ min: 1, max: 1_000_000 }),
        province: fc.constantFrom('Tỉnh Sơn La', 'Tỉnh Khánh Hòa', 'Thành phố Hà Nội'),
      }),
      { minLength: 1, maxLength: 20 },
    ),
  });

describe.each(['district', 'commune'] as const)('property: a two-level sheet of %s units', (level) => {
  it('reads back every unit, its province and its count', () => {
    fc.assert(
      fc.property(twoLevel(level), ({ heading, province, stt, count, units }) => {
        const names = units.map((u, i) => `${u.kind} ${u.place} ${i + 1}`);
        const header = [...(stt ? ['STT'] : []), ...(province ? [province] : []), heading, count];
        const rows: CellValue[][] = [header, ...units.map((u, i) => [...(stt ? [i + 1] : []), ...(province ? [u.province] : []), names[i], u.value])];
        const t = readUnits(sheet(rows));
        expect(t.problems).toEqual([]);
        expect(t.units.map((u) => [u.parent, u.name, [...u.counts.values()]])).toEqual(
          units.map((u, i) => [province ? u.province : null, names[i], [u.value]]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
