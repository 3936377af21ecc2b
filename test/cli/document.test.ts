import ExcelJS from 'exceljs';
import { existsSync, readdirSync } from 'fs';
import * as path from 'path';
import { parseDate } from '../../src/planning/days';
import { DocumentSettings } from '../../src/sheets/document-settings';
import { readPlanBook } from '../../src/hosts/files/plan-book';
import { loadWorkbook } from '../../src/hosts/files/load-workbook';
import { readPlanSettings } from '../../src/sheets/read-plan-settings';
import { readBook, run } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { writeTwoDistricts } from '../helpers/xlsx-sample';

jest.setTimeout(120_000);
const tmp = tempDir('quota-document-');
afterAll(() => tmp.cleanup());

const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';
const DOCUMENT = [
  '--issuer-parent', 'UBND TỈNH SƠN LA', '--issuer', 'SỞ TƯ PHÁP', '--number', '45/KH-STP', '--place', 'Sơn La', '--issued', '2025-02-28',
  '--signer-title', 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC', '--signer', 'Nguyễn Văn An', '--preparer', 'Lê Thị Bình',
  '--recipients', 'UBND tỉnh (b/c); Bộ Tư pháp (b/c); Lưu: VT',
];
const EXPECTED: DocumentSettings = {
  issuer: 'SỞ TƯ PHÁP', issuerParent: 'UBND TỈNH SƠN LA', number: '45/KH-STP', place: 'Sơn La', issued: parseDate('2025-02-28'),
  signerTitle: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], signer: 'Nguyễn Văn An', preparer: 'Lê Thị Bình',
  recipients: ['UBND tỉnh (b/c)', 'Bộ Tư pháp (b/c)', 'Lưu: VT'],
};

/** Every text a sheet prints (its cells' values, formulas' cached text aside). */
async function texts(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string') out.push(c.value);
  }));
  return out;
}

/** The document settings a part's Lịch stores (a part is not read as a plan workbook). */
async function partDocument(file: string): Promise<DocumentSettings | undefined> {
  const found = await readPlanBook(file, await loadWorkbook(file));
  return readPlanSettings(found.sheets!.calendar).plan?.document;
}

async function planned(name: string, ...extra: string[]): Promise<string> {
  const input = tmp.file(`${name}-units.xlsx`);
  await writeTwoDistricts(input);
  const book = tmp.file(`${name}.xlsx`);
  const r = await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', book, ...extra);
  expect([r.code, r.err]).toEqual([0, expect.anything()]);
  return book;
}

describe('the document settings (Decree 30/2020/NĐ-CP) through plan, replan, split and consolidate', () => {
  it('stores them on Lịch, prints them, and keeps them through a re-split (changing only what is given), a split and a consolidation', async () => {
    const book = await planned('doc', ...DOCUMENT);
    expect((await readBook(book)).document).toEqual(EXPECTED);
    const p01 = await texts(book, 'Phụ lục 01 - Giao chỉ tiêu');
    expect(p01).toEqual(expect.arrayContaining(['UBND TỈNH SƠN LA', 'SỞ TƯ PHÁP', 'PHỤ LỤC 01', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An']));
    expect(p01.join('\n')).toContain('Kèm theo Kế hoạch số 45/KH-STP ngày 28/02/2025 của SỞ TƯ PHÁP');

    const r2 = tmp.file('doc-r2.xlsx');
    expect((await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-07-12', '--signer', 'Trần Văn Cường', '--out', r2)).code).toBe(0);
    expect((await readBook(r2)).document).toEqual({ ...EXPECTED, signer: 'Trần Văn Cường' });

    const dir = tmp.file('doc-parts');
    expect((await run('split', r2, '--by', 'parent', '--out-dir', dir)).code).toBe(0);
    const parts = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, f));
    expect(parts.length).toBe(2);
    for (const part of parts) {
      expect(await partDocument(part)).toEqual({ ...EXPECTED, signer: 'Trần Văn Cường' });
      // The part's Phụ lục 02 is the district's report: its name as the reporting unit.
      const name = path.basename(part, '.xlsx');
      const p02 = await texts(part, PROGRESS);
      expect(p02).toContain('ĐƠN VỊ BÁO CÁO');
      expect(p02.some((t) => /^HUYỆN [XY]$/.test(t) && name.toUpperCase().includes(t.slice(-1)))).toBe(true);
    }
    const merged = tmp.file('doc-merged.xlsx');
    expect((await run('consolidate', r2, ...parts, '--out', merged)).code).toBe(0);
    expect((await readBook(merged)).document).toEqual({ ...EXPECTED, signer: 'Trần Văn Cường' });
  });

  it('prints dotted lines where nothing is set', async () => {
    const book = await planned('dots');
    const p01 = (await texts(book, 'Phụ lục 01 - Giao chỉ tiêu')).join('\n');
    expect(p01).toContain('Kèm theo Kế hoạch số ………… ngày ………… của …………');
  });

  it('refuses a date of issue that is not a date, naming the option, and writes nothing', async () => {
    const input = tmp.file('bad-units.xlsx');
    await writeTwoDistricts(input);
    const out = tmp.file('bad.xlsx');
    for (const bad of ['28/02/2025x', '2025-02-30', 'hôm qua']) {
      const r = await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--issued', bad, '--out', out);
      expect([bad, r.code]).toEqual([bad, 2]);
      expect(r.err).toContain('--issued');
      expect(existsSync(out)).toBe(false);
    }
    const long = await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--signer', 'x'.repeat(300), '--out', out);
    expect(long.code).toBe(2);
    expect(long.err).toContain('--signer');
  });

  it('writes a name that looks like a formula as text, and reads it back as typed', async () => {
    const book = await planned('formula', '--issuer', '=HYPERLINK("http://x","SỞ")', '--signer', '+84 912', '--number', '@45/KH');
    const doc = (await readBook(book)).document;
    expect([doc.issuer, doc.signer, doc.number]).toEqual(['=HYPERLINK("http://x","SỞ")', '+84 912', '@45/KH']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const cells: ExcelJS.CellValue[] = [];
    wb.getWorksheet('Phụ lục 01 - Giao chỉ tiêu')!.eachRow((row) => row.eachCell((c) => {
      if (String(c.value ?? '').includes('HYPERLINK') || (c.formula ?? '').includes('HYPERLINK')) cells.push(c.formula ? { formula: c.formula } as ExcelJS.CellValue : c.value);
    }));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((v) => typeof v === 'string')).toBe(true);
  });
});
