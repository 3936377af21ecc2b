import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'fs';
import { SON_LA_DISTRICTS, SON_LA_STAGES } from '../../src/examples/son-la';
import { gridOf } from '../../src/xlsx/read-grid';
import { PlanJson } from '../../src/planning/plan-json';
import { readUnits } from '../../src/sheets/read-units';
import { besidesProgress, run } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('quota-plan-stages-');
afterAll(() => tmp.cleanup());

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Sơn La's districts, one row each: births, marriages, deaths and the books they fill. */
function unitsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['SỐ LIỆU SỔ HỘ TỊCH CẦN SỐ HÓA, THÁNG 3/2025']);
  ws.addRow(['STT', 'Đơn vị', 'Khai sinh', 'Kết hôn', 'Khai tử', 'Số quyển']);
  SON_LA_DISTRICTS.forEach(([name, ks, kh, kt, books], i) => ws.addRow([i + 1, name, ks, kh, kt, books]));
}

type StageRow = [string, string | null, string, string, number | null, string | null];
/** SON_LA_STAGES as a planner types them on a `Giai đoạn` sheet: header on row 3, first stage on row 4. */
const SON_LA_SHEET: StageRow[] = [
  ['Thu thập, phân loại sổ', '2025-03-01', '2025-03-07', null, 'quyển'],
  ['Quét sổ', null, '2025-03-15', null, null],
  ['Đối chiếu', null, '2025-03-15', null, null],
  ['Nhập liệu', null, '2025-03-20', null, 'trường hợp'],
  ['Đính kèm', null, '2025-03-25', null, null],
].map((r, i) => [String(i + 1), ...r] as StageRow);

function stageSheet(wb: ExcelJS.Workbook, rows: StageRow[], name = 'Giai đoạn'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(['CÁC GIAI ĐOẠN THÁNG CAO ĐIỂM']);
  ws.addRow([]);
  ws.addRow(['STT', 'Giai đoạn', 'Bắt đầu', 'Hạn', 'Sau giai đoạn trước (ngày làm việc)', 'Đơn vị tính']);
  for (const [n, stage, start, end, lag, unit] of rows) {
    ws.addRow([Number(n), stage, start === null ? null : /^\d{4}-/.test(start) ? utc(start) : start, /^\d{4}-/.test(end) ? utc(end) : end, lag, unit]);
  }
  ws.getColumn(3).numFmt = 'dd/mm/yyyy';
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  return ws;
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = tmp.file(name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function sonLaInput(name: string, stages?: StageRow[], stagesFirst = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (stages && stagesFirst) stageSheet(wb, stages);
  unitsSheet(wb);
  if (stages && !stagesFirst) stageSheet(wb, stages);
  return save(wb, name);
}

const readJson = (file: string): PlanJson => JSON.parse(readFileSync(file, 'utf8'));
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

describe('quota-plan plan with workflow stages', () => {
  let plain: string;
  let staged: PlanJson;
  let stagedOut: string;

  beforeAll(async () => {
    plain = await sonLaInput('son-la.xlsx');
    const r = await run('plan', plain, '--stages', SON_LA_STAGES, '--granularity', 'day', '--json', tmp.file('staged.json'));
    stagedOut = r.out + r.err;
    if (r.code !== 0) throw new Error(stagedOut);
    staged = readJson(tmp.file('staged.json'));
  });

  it('--stages: the window is the stages’, every row carries its stage, each stage plans all 285,559 records (2,895 books)', () => {
    expect(staged.periods).toHaveLength(25);
    expect(staged.periods[0].start).toBe('2025-03-01');
    expect(staged.periods[24].end).toBe('2025-03-25');
    expect(staged.stages).toEqual([
      { key: 'collect', name: 'Thu thập, phân loại sổ', start: '2025-03-01', end: '2025-03-07', lag: 0, unit: 'books' },
      { key: 'scan', name: 'Quét sổ', start: '2025-03-01', end: '2025-03-15', lag: 0, unit: 'records' },
      { key: 'cross-check', name: 'Đối chiếu', start: '2025-03-01', end: '2025-03-15', lag: 0, unit: 'records' },
      { key: 'entry', name: 'Nhập liệu', start: '2025-03-01', end: '2025-03-20', lag: 0, unit: 'records' },
      { key: 'attach', name: 'Đính kèm', start: '2025-03-01', end: '2025-03-25', lag: 0, unit: 'records' },
    ]);
    expect(staged.rows).toHaveLength(12 * (1 + 3 * 4));
    const of = (key: string) => staged.rows.filter((row) => row.stage === key);
    expect(of('collect').map((row) => row.register)).toEqual(SON_LA_DISTRICTS.map(() => 'ALL'));
    expect(sum(of('collect').map((row) => row.remaining))).toBe(2895);
    for (const key of ['scan', 'cross-check', 'entry', 'attach']) {
      expect([key, sum(of(key).map((row) => row.remaining))]).toEqual([key, 285_559]);
      expect(new Set(of(key).map((row) => row.register))).toEqual(new Set(['KS', 'KH', 'KT']));
    }
    for (const row of staged.rows) {
      expect(row.targets).toHaveLength(25);
      expect(sum(row.targets) + row.unscheduled).toBe(row.remaining);
    }
    // Nothing after a stage's deadline.
    const collect = of('collect')[0];
    expect(sum(collect.targets.slice(7))).toBe(0);
  });

  it('each stage’s row of a unit and register has its own actual cells on the progress report', () => {
    const first = SON_LA_DISTRICTS[0][0];
    const cells = staged.rows.filter((row) => row.unit === first && row.register === 'KS').map((row) => row.actualCells);
    expect(cells).toHaveLength(4);
    for (const c of cells) {
      expect(c).toHaveLength(25);
      // A box for each day the stage works, none (null) for a day outside its window or off work.
      for (const a of c!) if (a !== null) expect(a).toMatch(/^'Phụ lục 02 - Báo cáo tiến độ'!\$?[A-Z]+\$?\d+$/);
    }
    const scan = staged.rows.find((row) => row.unit === first && row.register === 'KS' && row.stage === 'scan')!;
    const window = staged.periods.map((p) => p.end <= staged.stages!.find((s) => s.key === 'scan')!.end && p.workingDays > 0);
    expect(scan.actualCells!.map((a) => a !== null)).toEqual(window);
    const all = cells.flatMap((c) => c!.filter((a) => a !== null));
    expect(new Set(all).size).toBe(all.length);
  });

  it('the summary gives one line per stage in each language, and the final stage’s targets per period', () => {
    expect(stagedOut).toContain('5 giai đoạn / stages:');
    expect(stagedOut).toContain('- Thu thập, phân loại sổ 01/03/2025–07/03/2025: 2.895 quyển theo kế hoạch, chưa xếp lịch 0.');
    expect(stagedOut).toContain('(Collect & classify books 01/03/2025–07/03/2025: 2,895 books planned, 0 unscheduled.)');
    expect(stagedOut).toContain('- Đính kèm 01/03/2025–25/03/2025: 285.559 trường hợp theo kế hoạch, chưa xếp lịch 0.');
    expect(stagedOut).toContain('«Đính kèm»');
    expect(stagedOut).toContain('285.559 trường hợp.');
    const attach = staged.rows.filter((row) => row.stage === 'attach');
    const total = sum(attach.map((row) => sum(row.targets)));
    expect(stagedOut).toMatch(new RegExp(`Tổng / Total\\s+\\d+\\s+${total.toLocaleString('de-DE')}`));
  });

  it('the same plan from a Giai đoạn sheet in the input (read first or last, never as the units table)', async () => {
    for (const stagesFirst of [false, true]) {
      const input = await sonLaInput(`son-la-sheet-${stagesFirst}.xlsx`, SON_LA_SHEET, stagesFirst);
      const json = tmp.file(`sheet-${stagesFirst}.json`);
      const r = await run('plan', input, '--granularity', 'day', '--json', json);
      expect([r.code, besidesProgress(r.err)]).toEqual([0, []]);
      expect(r.out).toContain('(Số liệu)');
      expect(r.out).toContain('Các giai đoạn lấy từ trang «Giai đoạn»');
      const fromSheet = readJson(json);
      expect(fromSheet.stages).toEqual(staged.stages);
      expect(fromSheet.rows.map((row) => [row.unit, row.register, row.stage, row.targets, row.unscheduled]))
        .toEqual(staged.rows.map((row) => [row.unit, row.register, row.stage, row.targets, row.unscheduled]));
    }
  });

  it('a stages sheet that looks like a units table is still not the units table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = stageSheet(wb, SON_LA_SHEET, 'Stages');
    ws.getCell('G3').value = 'Đơn vị thực hiện';
    ws.getCell('H3').value = 'Tổng số';
    for (let r = 4; r <= 8; r++) [ws.getCell(`G${r}`).value, ws.getCell(`H${r}`).value] = ['Sở Tư pháp', 285_559];
    expect(readUnits(gridOf(ws)).units.length).toBeGreaterThan(0); // what the units reader alone would take
    unitsSheet(wb);
    const input = await save(wb, 'stages-look-like-units.xlsx');
    const r = await run('plan', input, '--json', tmp.file('look.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('(Số liệu)');
    expect(readJson(tmp.file('look.json')).rows).toHaveLength(156);
  });

  it('--start and --end, when given, frame the stages: a stage outside is refused naming it', async () => {
    const json = tmp.file('framed.json');
    const ok = await run('plan', plain, '--stages', 'scan:..2025-03-15,entry:..2025-03-20', '--start', '2025-03-03', '--end', '2025-03-31', '--json', json);
    expect(ok.code).toBe(0);
    const framed = readJson(json);
    expect(framed.stages!.map((s) => [s.key, s.start, s.end])).toEqual([['scan', '2025-03-03', '2025-03-15'], ['entry', '2025-03-03', '2025-03-20']]);
    expect(framed.periods[0].start).toBe('2025-03-03');
    expect(framed.periods[framed.periods.length - 1].end).toBe('2025-03-31');

    const late = await run('plan', plain, '--stages', SON_LA_STAGES, '--end', '2025-03-20');
    expect(late.code).toBe(2);
    expect(late.err).toContain('Giai đoạn «Đính kèm» (01/03/2025–25/03/2025) nằm ngoài kế hoạch 01/03/2025–20/03/2025');
    expect(late.err).toContain('The stage "Attach scans" (01/03/2025–25/03/2025) lies outside the plan\'s 01/03/2025–20/03/2025');
    const early = await run('plan', plain, '--stages', SON_LA_STAGES, '--start', '2025-03-02');
    expect(early.code).toBe(2);
    expect(early.err).toContain('«Thu thập, phân loại sổ»');
  });

  it.each([
    ['scan:2025-03-01..2025-03-40', '«scan:2025-03-01..2025-03-40»: ngày không hợp lệ', '"scan:2025-03-01..2025-03-40": not a valid date'],
    ['scan', '--stages: «scan» không đúng mẫu', '--stages: "scan" does not read as NAME:START..END'],
    ['scan:2025-03-01..2025-03-10,quét:..2025-03-15', '--stages: Giai đoạn «Quét sổ» có hai lần.', '--stages: The stage "Scan" is listed twice.'],
    ['scan:..2025-03-10', '--stages: «scan:..2025-03-10»: giai đoạn đầu tiên cần ngày bắt đầu.', '--stages: "scan:..2025-03-10": the first stage needs a start date.'],
  ])('refuses --stages %j naming the option in Vietnamese and English', async (spec, vi, en) => {
    const r = await run('plan', plain, '--stages', spec, '--json', tmp.file('bad-stages.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(vi);
    expect(r.err).toContain(en);
    expect(r.err).toContain('--stages');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(tmp.file('bad-stages.json'))).toBe(false);
  });

  it('refuses a bad date on the Giai đoạn sheet, naming its cell, and writes nothing', async () => {
    const rows = SON_LA_SHEET.map((r) => [...r] as StageRow);
    rows[0][2] = '31/02/2025';
    const input = await sonLaInput('bad-stage-date.xlsx', rows);
    const r = await run('plan', input, '--granularity', 'day', '--json', tmp.file('bad-date.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Giai đoạn!C4: Ngày bắt đầu của giai đoạn «Thu thập, phân loại sổ» («31/02/2025») không phải là ngày');
    expect(r.err).toContain('The start of the stage "Thu thập, phân loại sổ" ("31/02/2025") is not a date');
    expect(existsSync(tmp.file('bad-date.json'))).toBe(false);
  });

  it('refuses a books stage when the units sheet gives no books', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['Đơn vị', 'Khai sinh']);
    ws.addRow(['Xã A', 100]);
    const r = await run('plan', await save(wb, 'no-books.xlsx'), '--stages', SON_LA_STAGES);
    expect(r.code).toBe(1);
    expect(r.err).toContain('«Thu thập, phân loại sổ» tính theo quyển sổ');
    expect(r.err).toContain('"Collect & classify books" counts books');
  });

  it('without stages the plan is as before: no stage key, no stages list; and --start/--end are required', async () => {
    const json = tmp.file('plain.json');
    const r = await run('plan', plain, '--start', '2025-03-01', '--end', '2025-03-25', '--granularity', 'day', '--json', json);
    expect(r.code).toBe(0);
    const text = readFileSync(json, 'utf8');
    expect(text).not.toContain('"stage');
    const parsed: PlanJson = JSON.parse(text);
    expect(parsed.rows).toHaveLength(36);
    expect(Object.keys(parsed)).toEqual(['periods', 'rows', 'issues', 'reportDateCell']);
    expect(Object.keys(parsed.rows[0])).toEqual(['unit', 'parent', 'register', 'machines', 'remaining', 'targets', 'unscheduled', 'finish', 'actualCells', 'remainingCell']);
    expect(r.out).not.toContain('giai đoạn');

    const missing = await run('plan', plain, '--start', '2025-03-01');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--end');
    expect(missing.err).toContain('quota-plan plan INPUT.xlsx');
  });
});
