import ExcelJS from 'exceljs';
import { Commune, EXAMPLE_REGISTERS, inventUnits } from './national';
import { CurrentUnit, FormerUnit } from '../places/reform';
import { seededRandom } from './random';
import { registerInfo } from '../planning/registers';
import { SON_LA_DISTRICTS } from './son-la';

/**
 * The example input workbooks, shaped like the sheets justice offices really send: title rows, merged
 * headings, total rows, counts typed as text. The demo plans them and the tests read them back.
 */
const TNR = { name: 'Times New Roman', size: 13 };

function titleRows(ws: ExcelJS.Worksheet, lines: string[], width: number): void {
  lines.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { ...TNR, bold: i > 0 };
    row.getCell(1).alignment = { horizontal: 'center' };
    ws.mergeCells(i + 1, 1, i + 1, width);
  });
}

/** Đại Lãnh 2024: one commune, a row per register (long format, no unit column), as in the plan's table. */
export function daiLanhWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Xã Đại Lãnh');
  titleRows(ws, ['UBND XÃ ĐẠI LÃNH', 'SỐ LIỆU SỔ HỘ TỊCH CẦN SỐ HÓA NĂM 2024', ''], 4);
  ws.addRow(['Số TT', 'Loại sổ hộ tịch', 'Tổng số dữ liệu', 'Ghi chú']).font = { ...TNR, bold: true };
  ws.addRow([1, 'Sổ Khai sinh', '1.972', null]);
  ws.addRow([2, 'Sổ Khai tử', 461, null]);
  ws.addRow([3, 'Sổ Kết hôn', 707, null]);
  ws.addRow([null, 'Tổng', { formula: 'SUM(C5:C7)', result: 3140 }, null]).font = { ...TNR, bold: true };
  ws.columns = [{ width: 7 }, { width: 22 }, { width: 16 }, { width: 20 }];
  return wb;
}

/** Chơn Thành 2023 (Phụ lục 01 shape): nine wards and communes with machines; Hưng Long and Minh Hưng have two. */
export const CHON_THANH: [string, number, number, number, number][] = [
  // name, machines, KS, KH, KT
  ['Phường Hưng Long', 2, 18_000, 7_000, 5_000],
  ['Phường Thành Tâm', 1, 9_000, 3_000, 2_000],
  ['Xã Minh Lập', 1, 5_000, 1_800, 1_200],
  ['Xã Quang Minh', 1, 4_000, 1_500, 1_000],
  ['Phường Minh Hưng', 2, 20_000, 8_000, 5_000],
  ['Phường Minh Long', 1, 7_000, 2_500, 1_800],
  ['Phường Minh Thành', 1, 8_000, 3_000, 2_200],
  ['Xã Nha Bích', 1, 6_000, 2_000, 1_500],
  ['Xã Minh Thắng', 1, 11_000, 4_000, 2_850],
];

export function chonThanhWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục 01');
  titleRows(ws, ['UBND THỊ XÃ CHƠN THÀNH', 'PHỤ LỤC 01', 'THỐNG KÊ SỐ LIỆU SỔ HỘ TỊCH CẦN NHẬP, GIAO CHỈ TIÊU', ''], 7);
  // A two-row header: "Số trường hợp cần nhập" spans the register columns.
  ws.getRow(5).values = ['STT', 'Đơn vị', 'Số máy', 'Số trường hợp cần nhập', null, null, 'Tổng số'];
  ws.getRow(6).values = [null, null, null, 'Khai sinh', 'Kết hôn', 'Khai tử', null];
  ws.mergeCells('D5:F5');
  for (const c of ['A', 'B', 'C', 'G']) ws.mergeCells(`${c}5:${c}6`);
  [5, 6].forEach((r) => (ws.getRow(r).font = { ...TNR, bold: true }));
  CHON_THANH.forEach(([name, machines, ks, kh, kt], i) => {
    const r = 7 + i;
    // Minh Thành's births were typed as text with a space, as people do.
    ws.getRow(r).values = [i + 1, name, machines, name === 'Phường Minh Thành' ? '8 000' : ks, kh, kt, { formula: `SUM(D${r}:F${r})`, result: ks + kh + kt }];
  });
  const last = 6 + CHON_THANH.length;
  const sum = (k: 2 | 3 | 4): number => CHON_THANH.reduce((s, u) => s + u[k], 0);
  ws.getRow(last + 1).values = [null, 'Tổng cộng', CHON_THANH.reduce((s, u) => s + u[1], 0), sum(2), sum(3), sum(4), sum(2) + sum(3) + sum(4)];
  ws.getRow(last + 1).font = { ...TNR, bold: true };
  ws.getRow(last + 3).values = [null, 'Người lập biểu'];
  ws.columns = [{ width: 6 }, { width: 24 }, { width: 8 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  return wb;
}

/**
 * The three-level shape (province and district columns) with six registers, from the national list. The
 * commune code column ("Mã xã", as text so `00001` keeps its zeros) tells apart the two Xã Đông Khê of
 * Thành phố Thanh Hóa.
 */
export function provinceWorkbook(communes: readonly Commune[]): ExcelJS.Workbook {
  const units = inventUnits(communes, 70);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  const header = ['STT', 'Tỉnh', 'Huyện', 'Mã xã', 'Xã, phường, thị trấn', 'Số máy', ...EXAMPLE_REGISTERS.map((c) => registerInfo(c)!.vi)];
  titleRows(ws, [`SỞ TƯ PHÁP ${communes[0].province.toUpperCase()}`, 'SỐ LIỆU SỔ HỘ TỊCH CÒN PHẢI SỐ HÓA', ''], header.length);
  ws.addRow(header).font = { ...TNR, bold: true };
  units.forEach((u, i) => ws.addRow([i + 1, communes[i].province, u.parent, u.code, u.name, u.machines, ...EXAMPLE_REGISTERS.map((r) => u.counts.get(r)!)]));
  ws.columns = header.map((_, i) => ({ width: i === 0 ? 6 : i === 3 ? 8 : i < 5 ? 24 : 12 }));
  return wb;
}

/**
 * Sơn La 2025's peak month: the 12 districts with books and records per register, and a "Giai đoạn" sheet
 * with the plan's stages and deadlines, which the CLI and the pane read when no stages are given.
 */
export function sonLaWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  // The plan's own heading: the units are the province's twelve districts (before 1/7/2025).
  const header = ['STT', 'Huyện, thành phố', 'Số quyển', 'Khai sinh', 'Kết hôn', 'Khai tử'];
  titleRows(ws, ['SỞ TƯ PHÁP TỈNH SƠN LA', 'SỐ LIỆU HỘ TỊCH CHƯA SỐ HÓA (THÁNG CAO ĐIỂM 3/2025)', ''], header.length);
  ws.addRow(header).font = { ...TNR, bold: true };
  SON_LA_DISTRICTS.forEach(([name, ks, kh, kt, books], i) => ws.addRow([i + 1, name, books, ks, kh, kt]));
  ws.columns = header.map((_, i) => ({ width: i === 1 ? 24 : 12 }));
  const stages = wb.addWorksheet('Giai đoạn');
  stages.addRow(['Giai đoạn', 'Bắt đầu', 'Hạn', 'Trễ (ngày làm việc)', 'Tính theo']).font = { ...TNR, bold: true };
  const day = (d: number): Date => new Date(Date.UTC(2025, 2, d));
  const rows: [string, Date, Date, number, string][] = [
    ['Thu thập, phân loại sổ', day(1), day(7), 0, 'quyển'],
    ['Quét sổ', day(1), day(15), 0, 'trường hợp'],
    ['Đối chiếu', day(1), day(15), 0, 'trường hợp'],
    ['Nhập liệu', day(1), day(20), 0, 'trường hợp'],
    ['Đính kèm', day(1), day(25), 0, 'trường hợp'],
  ];
  rows.forEach((r) => stages.addRow(r));
  [2, 3].forEach((c) => (stages.getColumn(c).numFmt = 'dd/mm/yyyy'));
  stages.columns.forEach((c) => (c.width = 22));
  return wb;
}

/** Invented but plausible books, machines and records of a commune, the same on every run. */
function inventBooks(rnd: () => number, scale: number): [number, number, number, number, number] {
  const n = (base: number): number => Math.round(base * scale * (0.4 + rnd() * 1.2));
  return [1 + Math.floor(rnd() * 2), n(60), n(3000), n(1100), n(800)];
}

/**
 * Khánh Hòa since 1/7/2025: a province and its communes, wards and special zones (two levels, no district),
 * with machines, books and three registers, as a province's justice department lists them in 2026.
 */
export function khanhHoaWorkbook(current: readonly CurrentUnit[]): ExcelJS.Workbook {
  const units = current.filter((u) => u.province.name === 'Tỉnh Khánh Hòa');
  const rnd = seededRandom(2026);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  const header = ['STT', 'Mã xã', 'Xã, phường, đặc khu', 'Số máy', 'Số quyển', 'Khai sinh', 'Kết hôn', 'Khai tử'];
  titleRows(ws, ['SỞ TƯ PHÁP TỈNH KHÁNH HÒA', 'SỐ LIỆU SỔ HỘ TỊCH CẦN SỐ HÓA NĂM 2026 (XÃ, PHƯỜNG, ĐẶC KHU TỪ 01/7/2025)', ''], header.length);
  ws.addRow(header).font = { ...TNR, bold: true };
  // Today's communes hold the books of about three former ones each.
  units.forEach((u, i) => ws.addRow([i + 1, u.code, u.name, ...inventBooks(rnd, 3)]));
  ws.columns = header.map((_, i) => ({ width: i === 2 ? 26 : i === 1 ? 8 : 12 }));
  return wb;
}

/**
 * Huyện Vạn Ninh's inventory of books, still counted by its 13 communes as they were before 1/7/2025 (the
 * district is gone): what `quota-plan remap` turns into the communes since then.
 */
export function vanNinhWorkbook(former: readonly FormerUnit[]): ExcelJS.Workbook {
  const units = former.filter((u) => u.district === 'Huyện Vạn Ninh' && u.province === 'Tỉnh Khánh Hòa');
  const rnd = seededRandom(2025);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  const header = ['STT', 'Huyện', 'Mã xã', 'Xã, thị trấn', 'Số máy', 'Số quyển', 'Khai sinh', 'Kết hôn', 'Khai tử'];
  titleRows(ws, ['UBND HUYỆN VẠN NINH', 'SỐ LIỆU SỔ HỘ TỊCH CÒN PHẢI SỐ HÓA (THEO XÃ, THỊ TRẤN TRƯỚC 01/7/2025)', ''], header.length);
  ws.addRow(header).font = { ...TNR, bold: true };
  units.forEach((u, i) => ws.addRow([i + 1, i === 0 ? u.district : null, u.code, u.name, ...inventBooks(rnd, 1)]));
  ws.columns = header.map((_, i) => ({ width: i === 1 || i === 3 ? 22 : i === 2 ? 8 : 12 }));
  return wb;
}
