import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { SON_LA_DISTRICTS, SON_LA_STAGES } from '../../src/examples/son-la';
import { chonThanhWorkbook, daiLanhWorkbook } from '../../src/examples/workbooks';
import { PlanJson } from '../../src/planning/plan-json';
import { run } from '../helpers/cli';
import { convert, pdfToPng } from '../helpers/libreoffice';
import { tempDir } from '../helpers/tmp';

/**
 * The forms as an office prints them: each plan's workbook printed to PDF by LibreOffice at each sheet's own page
 * setup, and read back with poppler. No text under 10 pt on any page; every page of Phụ lục 02 names the units
 * whose rows it holds; no error value printed anywhere. Four shapes of plan: weekly by capacity (Chơn Thành),
 * monthly in priority order (Đại Lãnh), a 25-day daily plan and the same in five stages (Sơn La).
 * KEEP_LO=1 keeps the PDFs and the pages as PNGs in the temporary folder it names; the smallest size and the
 * pages of each form are written to print-summary.json there.
 */
jest.setTimeout(600_000);
const tmp = tempDir('quota-print-');
afterAll(() => (process.env.KEEP_LO ? console.log(`Printed forms kept in ${tmp.dir}`) : tmp.cleanup()));

/** Decree 30's signature block, as the CLI takes it. */
const DOCUMENT = [
  '--issuer-parent', 'UBND TỈNH SƠN LA', '--issuer', 'SỞ TƯ PHÁP', '--number', '45/KH-STP', '--place', 'Sơn La', '--issued', '2025-02-28',
  '--signer-title', 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC', '--signer', 'Nguyễn Văn An', '--preparer', 'Lê Thị Bình',
  '--recipients', 'UBND tỉnh (b/c); Bộ Tư pháp (b/c); UBND các huyện, thành phố',
];

interface Shape {
  name: string;
  input: () => Promise<string>;
  args: string[];
  /** The units every page of Phụ lục 02 must name (at least one of them). */
  units: string[];
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = tmp.file(name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function sonLa(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['STT', 'Đơn vị', 'Khai sinh', 'Kết hôn', 'Khai tử', 'Số quyển']);
  SON_LA_DISTRICTS.forEach(([name, ks, kh, kt, books], i) => ws.addRow([i + 1, name, ks, kh, kt, books]));
  return save(wb, 'son-la.xlsx');
}

const SHAPES: Shape[] = [
  {
    name: 'weekly-capacity',
    input: () => save(chonThanhWorkbook(), 'chon-thanh.xlsx'),
    args: ['--start', '2023-05-22', '--end', '2023-07-14', '--workdays', 'all', '--method', 'capacity', '--granularity', 'week'],
    units: ['Phường Hưng Long', 'Phường Minh Hưng', 'Xã Minh Thắng', 'Xã Nha Bích', 'Phường Thành Tâm', 'Xã Minh Lập', 'Xã Quang Minh', 'Phường Minh Long', 'Phường Minh Thành'],
  },
  {
    name: 'monthly-priority',
    input: () => save(daiLanhWorkbook(), 'dai-lanh.xlsx'),
    args: ['--start', '2024-06-01', '--end', '2024-09-30', '--method', 'priority', '--priority', 'KS,KH,KT'],
    units: ['Xã Đại Lãnh'],
  },
  {
    name: 'daily-25',
    input: sonLa,
    args: ['--start', '2025-03-01', '--end', '2025-03-25', '--granularity', 'day'],
    units: SON_LA_DISTRICTS.map(([name]) => name),
  },
  {
    name: 'daily-5-stages',
    input: sonLa,
    args: ['--stages', SON_LA_STAGES, '--granularity', 'day'],
    units: SON_LA_DISTRICTS.map(([name]) => name),
  },
];

interface Page {
  text: string;
  /** Every text's font size on the page, in points. */
  sizes: number[];
}

/** The pages of a PDF with their text and font sizes, as poppler reads them at zoom 1 (a size is then in points). */
function pagesOf(pdf: string): Page[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-zoom', '1', '-i', '-stdout', '-q', pdf], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const fonts = new Map<string, number>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)"/g)) fonts.set(m[1], Number(m[2]));
  return [...xml.matchAll(/<page number="\d+"[^>]*>([\s\S]*?)<\/page>/g)].map((m) => {
    const texts = [...m[1].matchAll(/<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/g)];
    return {
      text: texts.map((t) => t[2].replace(/<[^>]+>/g, '')).join(' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      sizes: texts.filter((t) => t[2].replace(/<[^>]+>/g, '').trim() !== '').map((t) => fonts.get(t[1])!),
    };
  });
}

/** The forms in the order the workbook holds them; each sheet's pages are numbered from 1 ("Trang 1/…"). */
const FORMS = ['Phụ lục 01', 'Phụ lục 02', 'Báo cáo định kỳ', 'Tổng hợp', 'Lịch', 'Đơn vị đã đọc', 'Lịch sử kế hoạch'];
const ERRORS = /#N\/A|#REF!|#VALUE!|#DIV\/0!|#NAME\?|#NUM!|Err:\d|###/;

const summary: Record<string, Record<string, { pages: number; smallest: number }>> = {};

describe.each(SHAPES)('the forms of a $name plan, printed by LibreOffice', (shape) => {
  let forms: Map<string, Page[]>;
  let json: PlanJson;

  beforeAll(async () => {
    const input = await shape.input();
    const out = tmp.file(`${shape.name}.xlsx`);
    const r = await run('plan', input, ...shape.args, ...DOCUMENT, '--out', out, '--json', tmp.file(`${shape.name}.json`));
    expect(r.code).toBe(0);
    json = JSON.parse(readFileSync(tmp.file(`${shape.name}.json`), 'utf8'));
    const pdf = convert(out, 'pdf', tmp.file(`pdf-${shape.name}`));
    if (process.env.KEEP_LO) pdfToPng(pdf, tmp.file(`pdf-${shape.name}/page`), 50);
    const pages = pagesOf(pdf);
    // Each form starts again at page 1.
    const starts = pages.flatMap((p, i) => (/Trang 1\/\d+/.test(p.text) ? [i] : []));
    expect(starts).toHaveLength(FORMS.length);
    forms = new Map(FORMS.map((f, i) => [f, pages.slice(starts[i], starts[i + 1] ?? pages.length)]));
    summary[shape.name] = Object.fromEntries([...forms].map(([f, p]) => [f, { pages: p.length, smallest: Math.min(...p.flatMap((x) => x.sizes)) }]));
    writeFileSync(tmp.file('print-summary.json'), JSON.stringify(summary, null, 2));
  });

  it('prints no text under 10 pt, on any page of any form', () => {
    for (const [form, pages] of forms) {
      pages.forEach((p, i) => {
        const small = p.sizes.filter((s) => s < 10);
        expect([form, i + 1, small]).toEqual([form, i + 1, []]);
      });
    }
  });

  it('names, on every page of Phụ lục 02, the units whose rows it holds', () => {
    const pages = forms.get('Phụ lục 02')!;
    pages.forEach((p, i) => {
      expect([i + 1, p.text]).toEqual([i + 1, expect.stringContaining('Đơn vị')]);
      expect([i + 1, shape.units.some((u) => p.text.includes(u))]).toEqual([i + 1, true]);
    });
    // The last column of the table (the status) is printed on some page, with the units beside it.
    expect(pages.some((p) => p.text.includes('Tình trạng') && shape.units.some((u) => p.text.includes(u)))).toBe(true);
  });

  it('prints no error value (#N/A, #REF!, #VALUE!, #DIV/0!, Err:…, ###) anywhere', () => {
    for (const [form, pages] of forms) {
      pages.forEach((p, i) => expect([form, i + 1, ERRORS.exec(p.text)?.[0] ?? null]).toEqual([form, i + 1, null]));
    }
  });

  it('prints the document around the tables: issuing body, motto, the plan attached to, signer and recipients', () => {
    // A line wrapped on a narrow first page reads with one space where it wraps.
    const first = (form: string): string => forms.get(form)![0].text.replace(/\s+/g, ' ');
    const all = (form: string): string => forms.get(form)!.map((p) => p.text).join(' ').replace(/\s+/g, ' ');
    expect(first('Phụ lục 01')).toContain('SỞ TƯ PHÁP');
    expect(first('Phụ lục 01')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first('Phụ lục 01')).toContain('Kèm theo Kế hoạch số 45/KH-STP ngày 28/02/2025 của SỞ TƯ PHÁP');
    expect(all('Phụ lục 01')).toContain('Nguyễn Văn An');
    expect(all('Phụ lục 01')).toContain('Nơi nhận');
    expect(all('Phụ lục 02')).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(all('Phụ lục 02')).toContain('NGƯỜI LẬP BIỂU');
    expect(first('Tổng hợp')).toContain('SỞ TƯ PHÁP');
    expect(all('Tổng hợp')).toContain('Lê Thị Bình');
    expect(all('Báo cáo định kỳ')).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(json.reportDateCell).toMatch(/!C7$/);
  });
});
