import { loadReform } from '../../src/hosts/files/places';
import { Remapped, remapJob } from '../../src/jobs/remap';
import { Refused, isRefused } from '../../src/jobs/target';
import { CellValue } from '../../src/sheets/grid';
import { readUnits } from '../../src/sheets/read-units';
import { seededRandom } from '../../src/examples/random';

const reform = loadReform();
const _ = null;
const read = (rows: CellValue[][]) => readUnits({ sheet: 'Số liệu', rows });
const remap = (rows: CellValue[][], into?: { unit: string; to: string }[]): Remapped | Refused =>
  remapJob({ table: read(rows), reform, into, lang: 'vi', source: 'so-lieu.xlsx' });
const done = (r: Remapped | Refused): Remapped => {
  if (isRefused(r)) throw new Error(r.problems.map((p) => `${p.cell}: ${p.en}`).join('\n'));
  return r;
};
const refusals = (r: Remapped | Refused): [string, string | null][] =>
  isRefused(r) ? r.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.cell]) : [];

describe('remap: a former district’s communes into the communes since 1/7/2025', () => {
  // Huyện Vạn Ninh (Khánh Hòa): 13 communes in the 2025-03 list, with invented counts, books and machines.
  const vanNinh = reform.former.filter((f) => f.district === 'Huyện Vạn Ninh');
  const rnd = seededRandom(14);
  const figures = vanNinh.map(() => [1 + Math.floor(rnd() * 5000), Math.floor(rnd() * 2000), Math.floor(rnd() * 1500), 1 + Math.floor(rnd() * 40), 1 + Math.floor(rnd() * 2)]);

  it.each([
    ['by name under the district', false],
    ['by code', true],
  ])('adds every record into the new commune the package maps it to, each once (%s)', (_label, coded) => {
    const rows: CellValue[][] = [
      ['STT', 'Huyện', ...(coded ? ['Mã xã'] : []), 'Xã, phường, thị trấn', 'Khai sinh', 'Kết hôn', 'Khai tử', 'Số quyển', 'Số máy'],
      ...vanNinh.map((f, i) => [i + 1, i === 0 ? 'Huyện Vạn Ninh' : _, ...(coded ? [Number(f.code)] : []), f.name, ...figures[i]]),
    ];
    const r = done(remap(rows));
    expect(vanNinh).toHaveLength(13);
    // Every former commune is in exactly one new commune, the one the package's mapping names.
    const from = r.rows.flatMap((row) => row.from.map((x) => [x.former.code, row.unit.code]));
    expect(from.map(([f]) => f).sort()).toEqual(vanNinh.map((f) => f.code).sort());
    for (const [f, to] of from) expect(reform.into.get(f)!.map((u) => u.code)).toEqual([to]);
    // Records in = records out, per register; books and machines added.
    const sum = (k: number) => figures.reduce((a, f) => a + f[k], 0);
    const out = (code: string) => r.rows.reduce((a, row) => a + (row.counts.get(code) ?? 0), 0);
    expect([out('KS'), out('KH'), out('KT')]).toEqual([sum(0), sum(1), sum(2)]);
    expect(r.rows.reduce((a, row) => a + (row.books ?? 0), 0)).toBe(sum(3));
    expect(r.rows.reduce((a, row) => a + (row.machines ?? 0), 0)).toBe(sum(4));
    // The former Xã Vạn Thạnh, Đại Lãnh and Vạn Thọ are today's Xã Đại Lãnh (code 22504, the former Vạn Thọ's).
    const daiLanh = r.rows.find((row) => row.unit.name === 'Xã Đại Lãnh')!;
    expect(daiLanh.unit.code).toBe('22504');
    expect(daiLanh.unit.province.name).toBe('Tỉnh Khánh Hòa');
    expect(daiLanh.from.map((x) => x.former.name).sort()).toEqual(['Xã Vạn Thạnh', 'Xã Vạn Thọ', 'Xã Đại Lãnh'].sort());
    const i = vanNinh.findIndex((f) => f.name === 'Xã Vạn Thạnh');
    expect(r.json.rows.find((row) => row.unit === 'Xã Đại Lãnh')!.from).toContainEqual({ unit: 'Xã Vạn Thạnh', code: '22519', cell: `Số liệu!${coded ? 'D' : 'C'}${i + 2}` });
    expect(r.json.issues).toEqual([]);
  });

  it('reads names written without their level word ("Vạn Thọ" under "Vạn Ninh") as the former communes of that district', () => {
    const bareName = (name: string) => name.replace(/^(Xã|Thị trấn) /, '');
    const rows: CellValue[][] = [
      ['Huyện', 'Xã, thị trấn', 'Khai sinh', 'Kết hôn', 'Khai tử', 'Số quyển', 'Số máy'],
      ...vanNinh.map((f, i) => [i === 0 ? 'Vạn Ninh' : _, bareName(f.name), ...figures[i]]),
    ];
    expect(rows[1].slice(0, 2)).toEqual(['Vạn Ninh', 'Vạn Giã']);
    const r = done(remap(rows));
    const full = done(remap(rows.map((row, i) => (i === 0 ? row : [row[0], vanNinh[i - 1].name, ...row.slice(2)]))));
    expect(r.rows.map((row) => [row.unit.code, row.from.map((x) => x.former.code), Object.fromEntries(row.counts), row.books])).toEqual(
      full.rows.map((row) => [row.unit.code, row.from.map((x) => x.former.code), Object.fromEntries(row.counts), row.books]),
    );
    expect(r.rows.find((row) => row.unit.name === 'Xã Đại Lãnh')!.from.map((x) => x.unit.name)).toEqual(['Đại Lãnh', 'Vạn Thọ', 'Vạn Thạnh']);
    // With a code, the bare name is checked against the code's commune.
    expect(done(remap([['Mã xã', 'Xã', 'Khai sinh'], ['22504', 'Vạn Thọ', 10]])).rows.map((row) => row.unit.name)).toEqual(['Xã Đại Lãnh']);
  });

  it('writes a units sheet that plan reads back: the same new communes, figures and provinces', () => {
    const rows: CellValue[][] = [
      ['Huyện', 'Xã, phường, thị trấn', 'Khai sinh', 'Kết hôn', 'Khai tử', 'Số quyển', 'Số máy'],
      ...vanNinh.map((f, i) => [i === 0 ? 'Huyện Vạn Ninh' : _, f.name, ...figures[i]]),
    ];
    const r = done(remap(rows));
    const back = readUnits({ sheet: r.sheet.name, rows: r.sheet.rows.map((row) => row.values as CellValue[]) });
    expect(back.problems).toEqual([]);
    expect(back.registers).toEqual(['KS', 'KH', 'KT']);
    expect(back.units.map((u) => [u.parent, u.code, u.name, Object.fromEntries(u.counts), u.books, u.machines])).toEqual(
      r.rows.map((row) => [row.unit.province.name, row.unit.code, row.unit.name, Object.fromEntries(row.counts), row.books, row.machines]),
    );
  });
});

describe('remap refusals, each naming its cell', () => {
  it('lists a former commune split among new ones, with the communes it went to, and does not guess', () => {
    const r = remap([
      ['Quận, huyện', 'Phường, xã', 'Khai sinh'],
      ['Quận Cầu Giấy', 'Phường Nghĩa Tân', 100],
      [_, 'Phường Dịch Vọng', 200],
      [_, 'Phường Dịch Vọng Hậu', 300],
    ]);
    expect(refusals(r)).toEqual([['former-split', 'Số liệu!B3'], ['former-split', 'Số liệu!B4']]);
    const p = (r as Refused).problems[0];
    expect(p.vi).toContain('«Phường Cầu Giấy» (mã 00166), «Phường Nghĩa Đô» (mã 00160)');
    expect(p.en).toContain('--into "Phường Dịch Vọng=NEW COMMUNE"');
  });

  it('takes the planner’s word from a "Xã mới" column or --into, only among the communes it split into or beside', () => {
    const rows: CellValue[][] = [
      ['Quận, huyện', 'Phường, xã', 'Khai sinh', 'Xã mới'],
      ['Quận Cầu Giấy', 'Phường Nghĩa Tân', 100, _],
      [_, 'Phường Dịch Vọng', 200, 'Phường Nghĩa Đô'],
      [_, 'Phường Dịch Vọng Hậu', 300, _],
    ];
    const r = done(remap(rows, [{ unit: 'Phường Dịch Vọng Hậu', to: 'Phường Cầu Giấy' }]));
    expect(r.rows.map((row) => [row.unit.name, row.from.map((x) => x.unit.name), row.counts.get('KS')])).toEqual([
      ['Phường Nghĩa Đô', ['Phường Nghĩa Tân', 'Phường Dịch Vọng'], 300],
      ['Phường Cầu Giấy', ['Phường Dịch Vọng Hậu'], 300],
    ]);
    const wrong = remap(rows.map((row, i) => (i === 2 ? [...row.slice(0, 3), 'Phường Hoàn Kiếm Mới'] : row)), [{ unit: 'Phường Dịch Vọng Hậu', to: 'Phường Cầu Giấy' }]);
    expect(refusals(wrong)).toEqual([['unknown-successor', 'Số liệu!D3']]);
  });

  it('reads a code against the list before 1/7/2025 only: today’s Xã Đại Lãnh (22504) is the former Xã Vạn Thọ', () => {
    const r = remap([['Mã xã', 'Xã', 'Khai sinh'], ['22504', 'Xã Đại Lãnh', 10], ['99999', 'Xã Vạn Thạnh', 5]]);
    expect(refusals(r)).toEqual([['code-name-mismatch', 'Số liệu!B2'], ['unknown-former-code', 'Số liệu!B3']]);
    const p = (r as Refused).problems[0];
    expect(p.vi).toContain('mã «22504» là của Xã Vạn Thọ (Huyện Vạn Ninh, Tỉnh Khánh Hòa, mã 22504)');
    expect(p.vi).toContain('mã cũ được dùng lại');
  });

  it('refuses a name matching no former commune, or several, and a former commune listed twice', () => {
    const r = remap([
      ['Huyện', 'Xã', 'Khai sinh'],
      [_, 'Xã Tân An', 10],
      [_, 'Xã Không Có', 5],
      ['Huyện Vạn Ninh', 'Xã Vạn Thạnh', 1],
      [_, 'UBND xã Vạn Thạnh', 2],
      ['Huyện Ba Vì', 'Xã Vạn Thạnh', 2],
    ]);
    expect(refusals(r)).toEqual([
      ['ambiguous-former', 'Số liệu!B2'], ['unknown-former', 'Số liệu!B3'], ['former-twice', 'Số liệu!B5'], ['unknown-former', 'Số liệu!B6'],
    ]);
    const [ambiguous, , twice] = (r as Refused).problems;
    expect(ambiguous.vi).toMatch(/^Có \d+ xã tên «Xã Tân An»/);
    expect(twice.vi).toContain('đã có ở ô Số liệu!B4');
  });

  it('refuses a name without its level word that is two communes of one district, naming both; the full names settle it', () => {
    // Huyện Gia Lâm had Thị trấn Yên Viên (00526) and Xã Yên Viên (00532); Thành phố Bắc Giang, Phường and Xã Tân An.
    const r = remap([
      ['Huyện', 'Xã', 'Khai sinh'],
      ['Gia Lâm', 'Yên Viên', 10],
      [_, 'Thị trấn Yên Viên', 5],
      ['Thành phố Bắc Giang', 'Tân An', 3],
      ['Vạn Ninh', 'Vạn Giã', 1],
      [_, 'Xã Vạn Giã', 1],
    ]);
    expect(refusals(r)).toEqual([['ambiguous-level', 'Số liệu!B2'], ['ambiguous-level', 'Số liệu!B4'], ['unknown-former', 'Số liệu!B6']]);
    const [yenVien, tanAn, xaVanGia] = (r as Refused).problems;
    expect(yenVien.vi).toBe('«Yên Viên» có thể là Thị trấn Yên Viên (Huyện Gia Lâm, Thành phố Hà Nội, mã 00526) hoặc Xã Yên Viên (Huyện Gia Lâm, Thành phố Hà Nội, mã 00532): hãy ghi đủ tên (Xã, Phường, Thị trấn …) hoặc ghi mã xã.');
    expect(yenVien.en).toBe('"Yên Viên" may be Thị trấn Yên Viên (Huyện Gia Lâm, Thành phố Hà Nội, code 00526) or Xã Yên Viên (Huyện Gia Lâm, Thành phố Hà Nội, code 00532): write the name with its level (Xã, Phường, Thị trấn …) or give the commune code.');
    expect(tanAn.vi).toContain('Phường Tân An (Thành phố Bắc Giang, Tỉnh Bắc Giang, mã 07682) hoặc Xã Tân An (Thành phố Bắc Giang, Tỉnh Bắc Giang, mã 07693)');
    // A level word written is a level word meant: "Xã Vạn Giã" is not Thị trấn Vạn Giã, which "Vạn Giã" is.
    expect(xaVanGia.vi).toMatch(/^Không có xã «Xã Vạn Giã»/);
    expect(done(remap([['Huyện', 'Xã', 'Khai sinh'], ['Gia Lâm', 'Xã Yên Viên', 10], [_, 'Thị trấn Yên Viên', 5]])).rows.map((row) => row.from.map((x) => x.former.code))).toEqual([['00532', '00526']]);
  });

  it.each([
    ['districts', [['STT', 'Huyện, thị xã', 'Khai sinh'], [1, 'Huyện Vạn Ninh', 10], [2, 'Thị xã Ninh Hòa', 5]], 'Số liệu!B1', 'các huyện, quận, thị xã, thành phố (cấp huyện)'],
    ['provinces', [['Tỉnh, thành phố', 'Khai sinh'], ['Tỉnh Khánh Hòa', 10], ['Tỉnh Sơn La', 5]], 'Số liệu!A1', 'các tỉnh, thành phố (cấp tỉnh)'],
  ])('refuses a sheet of %s once, at its unit column’s header, not once per row', (en, rows, cell, vi) => {
    const r = remap(rows as CellValue[][]);
    expect(refusals(r)).toEqual([['not-communes', cell]]);
    const [p] = (r as Refused).problems;
    expect(p.vi).toBe(`Bảng này liệt kê ${vi}; chuyển sang các xã từ 1/7/2025 cần bảng các xã, phường, thị trấn trước 1/7/2025, mỗi xã một dòng.`);
    expect(p.en).toBe(`This sheet lists ${en}; the remap into the communes since 1/7/2025 needs a list of the communes, wards and towns before 1/7/2025, one commune a row.`);
  });

  it('refuses a former commune the package leaves unmapped until the planner names its commune', () => {
    const rows: CellValue[][] = [['Mã xã', 'Xã', 'Khai sinh'], [23938, 'Xã Ia Mơ', 10]];
    expect(refusals(remap(rows))).toEqual([['former-unmapped', 'Số liệu!B2']]);
    const r = done(remap(rows, [{ unit: 'Xã Ia Mơ', to: 'Xã Ia Mơ' }]));
    expect(r.rows.map((row) => [row.unit.code, row.unit.province.name])).toEqual([['23737', 'Tỉnh Gia Lai']]);
  });
});
