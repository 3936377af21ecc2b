import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { todayInVietnam } from '../../src/planning/days';
import { PlanJson } from '../../src/planning/plan-json';
import { chonThanhWorkbook, daiLanhWorkbook } from '../../src/examples/workbooks';
import { sha256, tempDir } from '../helpers/tmp';
import { typeCell } from '../helpers/type-cell';
import { run } from '../helpers/cli';

const tmp = tempDir('quota-plan-cli-');
afterAll(() => tmp.cleanup());

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = tmp.file(name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('quota-plan plan', () => {
  it('plans Đại Lãnh by priority, writes the JSON contract and the workbook, and leaves the input untouched', async () => {
    const input = await save(daiLanhWorkbook(), 'dai-lanh.xlsx');
    const before = sha256(input);
    const firstDay = todayInVietnam();
    const r = await run('plan', input, '--start', '01/06/2024', '--end', '30/09/2024', '--method', 'priority', '--priority', 'KS,KH,KT',
      '--json', tmp.file('dl.json'), '--out', tmp.file('dl.xlsx'));
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    const json: PlanJson = JSON.parse(readFileSync(tmp.file('dl.json'), 'utf8'));
    expect(json.periods[0]).toEqual({ start: '2024-06-01', end: '2024-06-30', workingDays: 20 });
    expect(json.rows.map((row) => [row.unit, row.register, row.targets])).toEqual([
      ['Xã Đại Lãnh', 'KS', [785, 785, 402, 0]],
      ['Xã Đại Lãnh', 'KH', [0, 0, 383, 324]],
      ['Xã Đại Lãnh', 'KT', [0, 0, 0, 461]],
    ]);
    expect(r.out).toContain('3.140');

    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(tmp.file('dl.xlsx'));
    expect(out.worksheets.map((w) => w.name)).toEqual(['Phụ lục 01 - Giao chỉ tiêu', 'Phụ lục 02 - Báo cáo tiến độ', 'Báo cáo định kỳ', 'Tổng hợp', 'Lịch', 'Đơn vị đã đọc', 'Lịch sử kế hoạch']);
    // The history's one line: the first revision, made today in Viet Nam (the run may straddle midnight).
    const history = out.getWorksheet('Lịch sử kế hoạch')!;
    expect(history.getCell('A5').value).toBe(1);
    const made = (history.getCell('B5').value as Date).getTime() / 86400000;
    expect([firstDay, todayInVietnam()]).toContain(made);
    const ws = out.getWorksheet('Phụ lục 01 - Giao chỉ tiêu')!;
    // Under the document block, the table: no machines column, as the sheet gives none and the plan is not by capacity.
    expect((ws.getRow(9).values as unknown[]).slice(1, 6)).toEqual(['STT', 'Đơn vị', 'Loại sổ', 'Số cần số hóa', 'Tháng 6/2024']);
    expect((ws.getRow(10).values as unknown[]).slice(1, 9)).toEqual([1, 'Xã Đại Lãnh', 'Khai sinh', 1972, 785, 785, 402, 0]);
    expect(ws.getCell('B13').value).toBe('Tổng cộng');
    expect(['E13', 'F13', 'G13', 'H13'].map((a) => (ws.getCell(a).value as ExcelJS.CellFormulaValue).result)).toEqual([785, 785, 785, 785]);
    // Every row tells automation where its actuals are typed (each box right of its target) and where what remains shows.
    expect(json.rows[1].actualCells).toEqual(['E', 'G', 'I', 'K'].map((c) => `'Phụ lục 02 - Báo cáo tiến độ'!${c}17`));
    expect(json.rows[1].remainingCell).toBe("'Phụ lục 02 - Báo cáo tiến độ'!O17");
    expect(json.reportDateCell).toBe("'Phụ lục 02 - Báo cáo tiến độ'!C7");
    expect(out.getWorksheet('Phụ lục 02 - Báo cáo tiến độ')!.getCell('B17').value).toBe('Xã Đại Lãnh');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('plans Chơn Thành by capacity every day and warns who cannot finish, with the machines they need', async () => {
    const input = await save(chonThanhWorkbook(), 'chon-thanh.xlsx');
    const r = await run('plan', input, '--start', '2023-05-22', '--end', '2023-07-14', '--workdays', 'all', '--method', 'capacity',
      '--granularity', 'week', '--json', tmp.file('ct.json'));
    expect(r.code).toBe(0);
    const json: PlanJson = JSON.parse(readFileSync(tmp.file('ct.json'), 'utf8'));
    expect(json.rows).toHaveLength(27);
    const late = json.issues.filter((i) => i.code === 'cannot-finish');
    expect(late.map((i) => [i.unit, i.cell])).toEqual([['Phường Minh Hưng', 'Phụ lục 01!B11'], ['Xã Minh Thắng', 'Phụ lục 01!B15']]);
    expect(late[1].message).toContain('cannot finish by 14/07/2023');
    expect(late[1].message).toContain('needs 2 machines');
    // The text count "8 000" was read as 8000.
    expect(json.rows.find((row) => row.unit === 'Phường Minh Thành' && row.register === 'KS')!.remaining).toBe(8000);
    expect(r.out).toContain('Xã Minh Thắng');
  });

  it('refuses bad counts naming every cell, writes nothing and exits 1', async () => {
    const wb = chonThanhWorkbook();
    const ws = wb.getWorksheet('Phụ lục 01')!;
    ws.getCell('D8').value = 'khoảng 200';
    ws.getCell('E9').value = -5;
    ws.getCell('F10').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    const input = await save(wb, 'bad.xlsx');
    const r = await run('plan', input, '--start', '2023-05-22', '--end', '2023-07-14', '--out', tmp.file('bad-out.xlsx'), '--json', tmp.file('bad.json'));
    expect(r.code).toBe(1);
    for (const cell of ['Phụ lục 01!D8', 'Phụ lục 01!E9', 'Phụ lục 01!F10']) expect(r.err).toContain(cell);
    expect(r.err).toContain('nothing was written');
    expect(existsSync(tmp.file('bad-out.xlsx'))).toBe(false);
    expect(existsSync(tmp.file('bad.json'))).toBe(false);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    [['plan'], 'input'],
    [['plan', 'x.xlsx', '--start', '2024-06-01'], '--end'],
    [['plan', 'x.xlsx', '--start', '2024-13-01', '--end', '2024-06-30'], '--start'],
    [['plan', 'x.xlsx', '--start', '2024-06-30', '--end', '2024-06-01'], '--end must not be before --start'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--method', 'fast'], '--method must be one of'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--workdays', '0000000x'], '--workdays'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--priority', 'KS,XYZ'], 'unknown register "XYZ"'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--rate', '2.5'], '--rate must be a whole number'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--colour', 'red'], 'Unknown option --colour'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--out', 'x.xlsx'], 'the input is never written'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--days-off', '2024-06-12..2024-06-10'], 'ends before it starts'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--rate', '0x10'], '--rate must be a whole number'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--rate='], '--rate must be a whole number'],
    [['plan', 'x.xlsx', '--start', '0024-06-01', '--end', '2024-06-30'], '--start'],
    [['plan', 'x.xlsx', '--start', '2024-06-01', '--end', '2024-06-30', '--out', 'p.xlsx', '--json', 'p.xlsx'], 'must be two different files'],
    [['replant'], 'Unknown command'],
  ])('exits 2 with a bilingual usage error for %j', async (argv, expected) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(expected);
    expect(r.err).toContain('quota-plan plan INPUT.xlsx');
  });

  it('refuses an output that is the input under another spelling of its path', async () => {
    const input = await save(daiLanhWorkbook(), 'same.xlsx');
    const before = sha256(input);
    const link = tmp.file('alias.xlsx');
    require('fs').symlinkSync(input, link);
    const r = await run('plan', input, '--start', '2024-06-01', '--end', '2024-06-30', '--out', link);
    expect(r.code).toBe(2);
    expect(sha256(input)).toBe(before);
  });

  it('says plainly when the input is missing or is not a workbook', async () => {
    const missing = await run('plan', tmp.file('nope.xlsx'), '--start', '2024-06-01', '--end', '2024-06-30');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('File not found');
    const notXlsx = tmp.file('notes.xlsx');
    require('fs').writeFileSync(notXlsx, 'just text');
    const r = await run('plan', notXlsx, '--start', '2024-06-01', '--end', '2024-06-30');
    expect(r.code).toBe(1);
    expect(r.err).toContain('notes.xlsx is a text file (CSV), not an Excel workbook (.xlsx)');
  });

  it('refuses plainly, leaving nothing behind, when an output cannot be written', async () => {
    const input = await save(daiLanhWorkbook(), 'dl3.xlsx');
    require('fs').writeFileSync(tmp.file('plain-file'), 'x');
    const blocked = tmp.file('plain-file/out.xlsx'); // a folder that is a file: the write fails
    const r = await run('plan', input, '--start', '2024-06-01', '--end', '2024-09-30', '--out', blocked);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Could not write ${blocked}`);
    expect(r.err).not.toContain('Unexpected error');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never overwrites sheets people made nor typed actuals when --out already exists', async () => {
    const input = await save(daiLanhWorkbook(), 'dl4.xlsx');
    const args = ['--start', '2024-06-01', '--end', '2024-09-30'];
    // A workbook of someone's own at the --out path is left alone.
    const theirs = await save(chonThanhWorkbook(), 'theirs.xlsx');
    const before = sha256(theirs);
    const refused = await run('plan', input, ...args, '--out', theirs);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('holds sheets a new plan would not replace (Phụ lục 01: sheets of your own');
    expect(sha256(theirs)).toBe(before);
    // A previous output with nothing typed is simply replaced, in English this time.
    const out = tmp.file('again.xlsx');
    expect((await run('plan', input, ...args, '--out', out)).code).toBe(0);
    expect((await run('plan', input, ...args, '--out', out, '--lang', 'en', '--method', 'workdays')).code).toBe(0);
    const replaced = new ExcelJS.Workbook();
    await replaced.xlsx.readFile(out);
    expect(replaced.worksheets.map((w) => w.name)).toEqual(['Phụ lục 01 - Giao chỉ tiêu', 'Phụ lục 02 - Báo cáo tiến độ', 'Báo cáo định kỳ', 'Tổng hợp', 'Lịch', 'Đơn vị đã đọc', 'Lịch sử kế hoạch']);
    expect(replaced.getWorksheet('Lịch')!.getCell('B5').value).toBe('Revision');
    // Once an actual is typed, planning again over it is refused with the cell named.
    // Đại Lãnh's births, marriages and deaths on rows 16–18, each month's box right of its target (E, G, I, K).
    await typeCell(out, 2, 'G16', '<f>100+20</f><v>120</v>'); // typed as a formula
    await typeCell(out, 2, 'E17', '<v>120</v>');
    const typed = sha256(out);
    const again = await run('plan', input, ...args, '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Phụ lục 02 - Báo cáo tiến độ!G16');
    expect(again.err).toContain('planning again would lose them');
    expect(sha256(out)).toBe(typed);
  });

  it('fails closed on an --out it cannot read as a workbook: a zip of something else is left alone', async () => {
    const input = await save(daiLanhWorkbook(), 'dl5.xlsx');
    const odd = tmp.file('odd.xlsx');
    const { ZipWriter } = await import('../../src/hosts/files/zip');
    const chunks: Uint8Array[] = [];
    const zip = new ZipWriter((b) => void chunks.push(b));
    await zip.add('content.xml', '<office:document-content/>');
    await zip.finish();
    require('fs').writeFileSync(odd, Buffer.concat(chunks));
    const before = sha256(odd);
    const r = await run('plan', input, '--start', '2024-06-01', '--end', '2024-09-30', '--out', odd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not a readable .xlsx workbook');
    expect(sha256(odd)).toBe(before);
  });

  it('names the sheets when --sheet asks for one that does not exist', async () => {
    const input = await save(daiLanhWorkbook(), 'dl2.xlsx');
    const r = await run('plan', input, '--sheet', 'Sheet9', '--start', '2024-06-01', '--end', '2024-06-30');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Xã Đại Lãnh');
  });
});

describe('the quota-plan bin', () => {
  it('runs from a clean install as `quota-plan` (compiled by the prepare script)', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'quota-plan.js');
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toContain('quota-plan plan INPUT.xlsx');
  });
});
