import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { loadReform } from '../../src/hosts/files/places';
import { loadWorkbook } from '../../src/hosts/files/load-workbook';
import { RemapJson } from '../../src/jobs/remap';
import { PlanJson } from '../../src/planning/plan-json';
import { readUnits } from '../../src/sheets/read-units';
import { gridOf } from '../../src/xlsx/read-grid';
import { khanhHoaWorkbook, sonLaWorkbook, vanNinhWorkbook } from '../../src/examples/workbooks';
import { run } from '../helpers/cli';
import { sha256, tempDir } from '../helpers/tmp';

const tmp = tempDir('quota-plan-remap-');
afterAll(() => tmp.cleanup());
const reform = loadReform();

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = tmp.file(name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('quota-plan remap', () => {
  it('turns Huyện Vạn Ninh’s 13 former communes into the communes since 1/7/2025, every record once, and plan plans the result', async () => {
    const input = await save(vanNinhWorkbook(reform.former), 'van-ninh.xlsx');
    const before = sha256(input);
    const inTable = readUnits(gridOf((await loadWorkbook(input)).getWorksheet('Số liệu')!));
    const r = await run('remap', input, '--out', tmp.file('vn-units.xlsx'), '--json', tmp.file('vn.json'));
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(r.out).toContain('Đã chuyển 13 xã trước 1/7/2025');
    const json: RemapJson = JSON.parse(readFileSync(tmp.file('vn.json'), 'utf8'));
    // Checked against the package's mapping: each former commune in the row of the commune it names, once.
    const from = json.rows.flatMap((row) => row.from.map((f) => [f.code, row.code]));
    expect(from.map(([f]) => f).sort()).toEqual(inTable.units.map((u) => u.code).sort());
    for (const [f, to] of from) expect(reform.into.get(f)!.map((u) => u.code)).toEqual([to]);
    for (const code of ['KS', 'KH', 'KT']) {
      const records = (counts: Record<string, number>[]) => counts.reduce((a, c) => a + c[code], 0);
      expect(records(json.rows.map((row) => row.counts))).toBe(records(inTable.units.map((u) => Object.fromEntries(u.counts))));
    }
    expect(json.rows.reduce((a, row) => a + (row.books ?? 0), 0)).toBe(inTable.units.reduce((a, u) => a + (u.books ?? 0), 0));
    expect(json.rows.find((row) => row.unit === 'Xã Đại Lãnh')).toMatchObject({ code: '22504', province: 'Tỉnh Khánh Hòa' });
    expect(json.issues).toEqual([]);

    // The new sheet is a units sheet plan reads: one unit per new commune, under its province, with its code.
    const plan = await run('plan', tmp.file('vn-units.xlsx'), '--start', '2026-01-05', '--end', '2026-03-31', '--json', tmp.file('vn-plan.json'));
    expect(plan.code).toBe(0);
    const planned: PlanJson = JSON.parse(readFileSync(tmp.file('vn-plan.json'), 'utf8'));
    expect([...new Set(planned.rows.map((row) => `${row.parent}|${row.code}|${row.unit}`))]).toEqual(json.rows.map((row) => `${row.province}|${row.code}|${row.unit}`));
    expect(planned.rows.reduce((a, row) => a + row.remaining, 0)).toBe(json.rows.reduce((a, row) => a + row.counts.KS + row.counts.KH + row.counts.KT, 0));
    expect(planned.issues).toEqual([]);
    // The former communes' names and cells are written as text beside each new commune.
    const written = (await loadWorkbook(tmp.file('vn-units.xlsx'))).getWorksheet('Đơn vị từ 1-7-2025')!;
    const daiLanhRow = written.getColumn(4).values.findIndex((v) => v === 'Xã Đại Lãnh');
    expect(String(written.getRow(daiLanhRow).getCell(written.columnCount).value)).toMatch(/^Xã Đại Lãnh \(22492, Số liệu!D\d+\); Xã Vạn Thọ \(22504, Số liệu!D\d+\); Xã Vạn Thạnh \(22519, Số liệu!D\d+\)$/);
  });

  it('refuses a former commune split among new ones, naming its cell and where it went, and writes nothing; --into settles it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kiểm kê');
    ws.addRow(['STT', 'Quận, huyện', 'Phường, xã', 'Số dữ liệu cần số hóa']);
    ws.addRow([1, 'Quận Cầu Giấy', 'Phường Nghĩa Tân', 1200]);
    ws.addRow([2, null, 'Phường Dịch Vọng', '2.300']);
    const input = await save(wb, 'cau-giay.xlsx');
    const refused = await run('remap', input, '--out', tmp.file('cg.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Kiểm kê!C3');
    expect(refused.err).toContain('«Phường Cầu Giấy» (mã 00166), «Phường Nghĩa Đô» (mã 00160)');
    expect(existsSync(tmp.file('cg.xlsx'))).toBe(false);
    const settled = await run('remap', input, '--out', tmp.file('cg.xlsx'), '--json', tmp.file('cg.json'), '--into', 'Phường Dịch Vọng=Phường Cầu Giấy');
    expect(settled.code).toBe(0);
    const json: RemapJson = JSON.parse(readFileSync(tmp.file('cg.json'), 'utf8'));
    expect(json.rows.map((row) => [row.unit, row.counts.ALL])).toEqual([['Phường Nghĩa Đô', 1200], ['Phường Cầu Giấy', 2300]]);
  });

  it('refuses a sheet of districts (Sơn La’s twelve) once, at the header of its unit column, and writes nothing', async () => {
    const input = await save(sonLaWorkbook(), 'son-la-districts.xlsx');
    const r = await run('remap', input, '--out', tmp.file('sl-units.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err.match(/Số liệu!B4: Bảng này liệt kê các huyện, quận, thị xã, thành phố \(cấp huyện\); chuyển sang các xã từ 1\/7\/2025 cần bảng các xã/g)).toHaveLength(1);
    expect(r.err).toContain('This sheet lists districts; the remap into the communes since 1/7/2025 needs a list of the communes');
    expect(r.err).not.toContain('Không có xã');
    expect(existsSync(tmp.file('sl-units.xlsx'))).toBe(false);
  });

  it('never writes over an existing file, and needs --out', async () => {
    const input = await save(vanNinhWorkbook(reform.former), 'van-ninh-2.xlsx');
    writeFileSync(tmp.file('mine.xlsx'), 'the planner’s own');
    const r = await run('remap', input, '--out', tmp.file('mine.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('không ghi đè');
    expect(readFileSync(tmp.file('mine.xlsx'), 'utf8')).toBe('the planner’s own');
    expect((await run('remap', input)).code).toBe(2);
    expect((await run('remap', input, '--out', tmp.file('x.xlsx'), '--into', 'Xã Vạn Thạnh')).code).toBe(2);
  });
});

describe('sheets of districts and of the communes since 1/7/2025, planned end to end', () => {
  it('plans Sơn La’s twelve districts listed under "Huyện, thành phố"', async () => {
    const input = await save(sonLaWorkbook(), 'son-la.xlsx');
    const r = await run('plan', input, '--start', '2025-03-01', '--end', '2025-03-31', '--stages', 'scan:..2025-03-31', '--json', tmp.file('sl.json'));
    expect(r.code).toBe(0);
    const json: PlanJson = JSON.parse(readFileSync(tmp.file('sl.json'), 'utf8'));
    const units = [...new Set(json.rows.map((row) => row.unit))];
    expect(units).toHaveLength(12);
    expect(units).toContain('Thành phố Sơn La');
    expect(json.rows.every((row) => row.parent === null)).toBe(true);
  });

  it('plans Khánh Hòa’s 65 communes, wards and special zones since 1/7/2025, with machines and books', async () => {
    const input = await save(khanhHoaWorkbook(reform.current), 'khanh-hoa.xlsx');
    const r = await run('plan', input, '--start', '2026-01-05', '--end', '2026-06-30', '--method', 'capacity', '--json', tmp.file('kh.json'), '--out', tmp.file('kh-plan.xlsx'));
    expect(r.code).toBe(0);
    const json: PlanJson = JSON.parse(readFileSync(tmp.file('kh.json'), 'utf8'));
    const units = [...new Set(json.rows.map((row) => row.code))];
    expect(units).toEqual(reform.current.filter((u) => u.province.name === 'Tỉnh Khánh Hòa').map((u) => u.code));
    expect(units).toHaveLength(65);
    expect(json.rows.some((row) => row.unit.startsWith('Đặc khu '))).toBe(true);
    expect(json.rows.every((row) => row.machines !== null && row.machines > 0)).toBe(true);
  });
});
