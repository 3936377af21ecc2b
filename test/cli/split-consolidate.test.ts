import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { PlanJson } from '../../src/planning/plan-json';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { readPlanBook } from '../../src/hosts/files/plan-book';
import { loadWorkbook } from '../../src/hosts/files/load-workbook';
import { Grid } from '../../src/sheets/grid';
import { besidesProgress, readBook, run } from '../helpers/cli';
import { sha256, tempDir } from '../helpers/tmp';
import { overwriteCell, typeCell } from '../helpers/type-cell';
import { writeTwoDistricts } from '../helpers/xlsx-sample';

jest.setTimeout(120_000);
const tmp = tempDir('quota-split-');
afterAll(() => tmp.cleanup());

const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';

const json = (file: string): PlanJson => JSON.parse(readFileSync(file, 'utf8'));
const column = (ref: string): string => /!\$?([A-Z]+)\$?\d+$/.exec(ref)![1];

/**
 * Where a district types the actual of a unit's register for period k in the file it was sent: the row that
 * reads that unit and register, in the column the plan's JSON gives for period k.
 */
async function actualCell(file: string, plan: PlanJson, unitName: string, register: string, label: string, k: number): Promise<string> {
  const found = await readPlanBook(file, await loadWorkbook(file));
  if (found.sheets === null) throw new Error(JSON.stringify(found.problems));
  const grid: Grid = found.sheets.progress;
  const r = grid.rows.findIndex((row) => row[1] === unitName && row[2] === label);
  if (r < 0) throw new Error(`${unitName} – ${label} is not in ${file}`);
  const ref = plan.rows.find((x) => x.unit === unitName && x.register === register)!.actualCells![k]!;
  return `${column(ref)}${r + 1}`;
}

async function progressSheetNumber(file: string): Promise<number> {
  return (await existingSheets(file)).findIndex((s) => s.marker?.kind === 'progress') + 1;
}

async function type(file: string, plan: PlanJson, unitName: string, register: string, label: string, k: number, value: number | string): Promise<string> {
  const at = await actualCell(file, plan, unitName, register, label, k);
  await typeCell(file, await progressSheetNumber(file), at, `<v>${value}</v>`);
  return at;
}

/** Two districts (Huyện X: Xã A, Xã C; Huyện Y: Xã B; only Xã A has marriages), weekly in June 2024, planned into a workbook. */
async function planned(name: string): Promise<{ book: string; plan: PlanJson }> {
  const input = tmp.file(`${name}-units.xlsx`);
  await writeTwoDistricts(input);
  const book = tmp.file(`${name}.xlsx`);
  const r = await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', book, '--json', tmp.file(`${name}.json`));
  expect(r.code).toBe(0);
  return { book, plan: json(tmp.file(`${name}.json`)) };
}

describe('quota-plan split and consolidate', () => {
  it('sends each district its rows and gathers what they typed back into the plan, figure for figure', async () => {
    const { book, plan } = await planned('round');
    // The planner had already typed one figure for Xã A.
    await type(book, plan, 'Xã A', 'KS', 'Khai sinh', 0, 280);
    const before = sha256(book);

    const byParent = tmp.file('by-parent');
    const split = await run('split', book, '--by', 'parent', '--out-dir', byParent);
    expect(besidesProgress(split.err)).toEqual([]);
    expect(split.code).toBe(0);
    const x = path.join(byParent, 'Huyện X.xlsx');
    const y = path.join(byParent, 'Huyện Y.xlsx');
    expect(split.out).toContain(x);
    expect(split.out).toContain(y);
    expect(split.out).toContain('2 tệp');
    expect(sha256(book)).toBe(before); // the plan workbook is never written

    // Each district's file holds only its units; Xã A's figure is there already.
    const xBook = (await readPlanBook(x, await loadWorkbook(x))).sheets!;
    expect(xBook.planId).toBe((await readBook(book)).planId);
    const lines = xBook.progress.rows.filter((r) => r[2] === 'Khai sinh' || r[2] === 'Kết hôn');
    expect(lines.map((r) => r[1])).toEqual(['Xã A', 'Xã A', 'Xã C', 'Xã C']);
    expect(lines[0][4]).toBe(280); // week 1's box, right of its target
    // Its Phụ lục 02 names the district as the unit reporting.
    expect(xBook.progress.rows[1]).toContain('HUYỆN X');

    const byUnit = tmp.file('by-unit');
    expect((await run('split', book, '--by', 'unit', '--out-dir', byUnit)).code).toBe(0);
    const b = path.join(byUnit, 'Xã B.xlsx');
    expect(['Xã A.xlsx', 'Xã B.xlsx', 'Xã C.xlsx'].map((f) => existsSync(path.join(byUnit, f)))).toEqual([true, true, true]);

    // Huyện X fills in its two communes; Xã B fills in its own file.
    await type(x, plan, 'Xã A', 'KS', 'Khai sinh', 1, 260);
    await type(x, plan, 'Xã A', 'KH', 'Kết hôn', 0, 0);
    await type(x, plan, 'Xã C', 'KS', 'Khai sinh', 3, 205);
    await type(b, plan, 'Xã B', 'KS', 'Khai sinh', 0, 150);
    await type(b, plan, 'Xã B', 'KS', 'Khai sinh', 1, 151);
    const returned = [sha256(x), sha256(b)];

    const out = tmp.file('consolidated.xlsx');
    const outJson = tmp.file('consolidated.json');
    const r = await run('consolidate', book, x, b, '--out', out, '--json', outJson);
    expect(besidesProgress(r.err)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('đã chép 5 ô');
    expect(r.out).toContain('5 actual cells copied from 2 returned files');
    expect([sha256(book), sha256(x), sha256(b)]).toEqual([before, ...returned]);

    // Read back: the same plan and revision, every figure where it was typed and nothing else.
    const master = await readBook(book);
    const back = await readBook(out);
    expect(back.planId).toBe(master.planId);
    expect(back.revision).toBe(1);
    expect(Array.from(back.plan.targets)).toEqual(Array.from(master.plan.targets));
    const P = back.plan.periods.length;
    const got = back.plan.rows.map((row, i) => [back.plan.units[row.unitIndex].name, row.register, ...back.actuals.slice(i * P, (i + 1) * P)]);
    expect(got).toEqual([
      ['Xã A', 'KS', 280, 260, null, null],
      ['Xã A', 'KH', 0, null, null, null],
      ['Xã B', 'KS', 150, 151, null, null],
      ['Xã B', 'KH', null, null, null, null],
      ['Xã C', 'KS', null, null, null, 205],
      ['Xã C', 'KH', null, null, null, null],
    ]);
    // The JSON's cells are the consolidated workbook's, the same as the plan's.
    expect(json(outJson).rows.map((row) => row.actualCells)).toEqual(plan.rows.map((row) => row.actualCells));

    // Consolidating the same files again into the result changes nothing.
    const again = await run('consolidate', out, x, b, '--out', tmp.file('again.xlsx'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('đã chép 0 ô');
    expect((await readBook(tmp.file('again.xlsx'))).actuals).toEqual(back.actuals);
  });

  it('warns, naming the cell and both values, when a returned figure replaces one the plan workbook had', async () => {
    const { book, plan } = await planned('replace');
    await type(book, plan, 'Xã B', 'KS', 'Khai sinh', 0, 100);
    const dir = tmp.file('replace-parts');
    expect((await run('split', book, '--by', 'parent', '--out-dir', dir)).code).toBe(0);
    const y = path.join(dir, 'Huyện Y.xlsx');
    const at = await actualCell(y, plan, 'Xã B', 'KS', 'Khai sinh', 0);
    await overwriteCell(y, await progressSheetNumber(y), at, '<v>120</v>');
    const r = await run('consolidate', book, y, '--out', tmp.file('replace-out.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cảnh báo / Warnings (1)');
    expect(r.out).toContain(`đã có số thực hiện 100; ô [${y}]${PROGRESS}!${at} ghi 120`);
    const back = await readBook(tmp.file('replace-out.xlsx'));
    expect(back.actuals[2 * back.plan.periods.length]).toBe(120);
  });

  describe('refuses, naming the file and the cell; nothing is written', () => {
    let book: string;
    let plan: PlanJson;
    let x: string;
    beforeAll(async () => {
      ({ book, plan } = await planned('refuse'));
      const dir = tmp.file('refuse-parts');
      expect((await run('split', book, '--by', 'parent', '--out-dir', dir)).code).toBe(0);
      x = path.join(dir, 'Huyện X.xlsx');
    });
    const copyOf = (file: string, name: string): string => {
      const to = tmp.file(name);
      copyFileSync(file, to);
      return to;
    };
    const refused = async (...files: string[]): Promise<{ err: string }> => {
      const out = tmp.file(`never-${Math.random().toString(36).slice(2)}.xlsx`);
      const r = await run('consolidate', book, ...files, '--out', out);
      expect(r.code).toBe(1);
      expect(r.err).toContain('Không tổng hợp');
      expect(r.err).toContain('nothing was written');
      expect(existsSync(out)).toBe(false);
      return r;
    };

    it('an actual that is not a whole number', async () => {
      const f = copyOf(x, 'bad-actual.xlsx');
      const at = await type(f, plan, 'Xã C', 'KS', 'Khai sinh', 2, 2.5);
      const r = await refused(f);
      expect(r.err).toContain(`LỖI/ERROR [${f}]${PROGRESS}!${at}`);
      expect(r.err).toContain('The actual "2.5" is not a whole number');
      expect(r.err).toContain('Số thực hiện «2,5» không phải là số nguyên');
    });

    it('an edited target', async () => {
      const f = copyOf(x, 'edited.xlsx');
      // Each week's target stands left of its box (D, E for week 1): week 2's target is column F.
      const row = /\d+$/.exec(await actualCell(f, plan, 'Xã A', 'KS', 'Khai sinh', 0))![0];
      await overwriteCell(f, await progressSheetNumber(f), `F${row}`, '<v>300</v>');
      const r = await refused(f);
      expect(r.err).toContain(`LỖI/ERROR [${f}]${PROGRESS}!F${row}`);
      expect(r.err).toContain('shows the target "300", but the plan workbook sets 250');
    });

    it('two files disagreeing about one cell, naming both', async () => {
      const a = copyOf(x, 'first.xlsx');
      const b = copyOf(x, 'second.xlsx');
      const at = await type(a, plan, 'Xã A', 'KH', 'Kết hôn', 1, 40);
      await type(b, plan, 'Xã A', 'KH', 'Kết hôn', 1, 45);
      const r = await refused(a, b);
      expect(r.err).toContain(`cell [${a}]${PROGRESS}!${at} says 40, cell [${b}]${PROGRESS}!${at} says 45`);
    });

    it('a row the plan does not have', async () => {
      const f = copyOf(x, 'renamed.xlsx');
      const row = /\d+$/.exec(await actualCell(f, plan, 'Xã C', 'KS', 'Khai sinh', 0))![0];
      await overwriteCell(f, await progressSheetNumber(f), `B${row}`, '<v>7</v>'); // the unit's name typed over
      const r = await refused(f);
      expect(r.err).toContain(`LỖI/ERROR [${f}]${PROGRESS}!B${row}`);
      expect(r.err).toContain('"7 – Khai sinh (Huyện X)", which the plan workbook does not have');
    });

    it('a file from an earlier revision', async () => {
      const r2 = tmp.file('refuse-r2.xlsx');
      expect((await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-07-12', '--out', r2)).code).toBe(0);
      const out = tmp.file('never-r2.xlsx');
      const r = await run('consolidate', r2, x, '--out', out);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`LỖI/ERROR ${x}: Tệp ${x} thuộc kế hoạch mã`);
      expect(r.err).toContain('lần lập 1 theo trang «Lịch»');
      expect(r.err).toContain('(revision 2) of the plan workbook');
      expect(existsSync(out)).toBe(false);
    });

    it('a file that is not a plan workbook, and --out naming a returned file', async () => {
      const plain = tmp.file('plain.xlsx');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Số liệu').addRow(['Xã A', 1]);
      await wb.xlsx.writeFile(plain);
      const r = await refused(plain);
      expect(r.err).toContain(`${plain} is not a plan workbook`);

      const before = sha256(x);
      const same = await run('consolidate', book, x, '--out', x);
      expect(same.code).toBe(2);
      expect(same.err).toContain('the input is never written');
      expect(sha256(x)).toBe(before);
    });
  });

  it('split never overwrites a file holding sheets people made, or typed actuals', async () => {
    const { book, plan } = await planned('overwrite');
    const dir = tmp.file('overwrite-parts');
    expect((await run('split', book, '--by', 'parent', '--out-dir', dir)).code).toBe(0);
    const y = path.join(dir, 'Huyện Y.xlsx');
    // Split again: the files hold nothing typed, so they are replaced.
    expect((await run('split', book, '--by', 'parent', '--out-dir', dir)).code).toBe(0);

    await type(y, plan, 'Xã B', 'KS', 'Khai sinh', 0, 10);
    const typed = sha256(y);
    const again = await run('split', book, '--by', 'parent', '--out-dir', dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Not split');
    expect(again.err).toContain(`${y} is a part of this plan split before, and it holds 1 actual the plan workbook lacks`);
    expect(again.err).toContain('Consolidate it into the plan workbook first');
    expect(sha256(y)).toBe(typed);

    const own = tmp.file('own-parts');
    mkdirSync(own);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['của tôi']);
    await wb.xlsx.writeFile(path.join(own, 'Huyện X.xlsx'));
    const mine = sha256(path.join(own, 'Huyện X.xlsx'));
    const r = await run('split', book, '--by', 'parent', '--out-dir', own);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Ghi chú');
    expect(sha256(path.join(own, 'Huyện X.xlsx'))).toBe(mine);
    expect(existsSync(path.join(own, 'Huyện Y.xlsx'))).toBe(false); // all or nothing
  });

  it('split again into the same folder: parts holding only the master\'s figures are replaced; a unit\'s new figure, or a file of another plan, is kept', async () => {
    const { book, plan } = await planned('twice');
    await type(book, plan, 'Xã B', 'KS', 'Khai sinh', 0, 100); // the parts carry it
    const dir = tmp.file('twice-parts');
    expect((await run('split', book, '--by', 'parent', '--out-dir', dir)).code).toBe(0);
    const twice = await run('split', book, '--by', 'parent', '--out-dir', dir);
    expect(besidesProgress(twice.err)).toEqual([]);
    expect(twice.code).toBe(0);

    // Xã B types its second week: its district's file now holds a figure the plan workbook lacks.
    const x = path.join(dir, 'Huyện X.xlsx');
    const y = path.join(dir, 'Huyện Y.xlsx');
    await type(y, plan, 'Xã B', 'KS', 'Khai sinh', 1, 90);
    const kept = [sha256(x), sha256(y)];
    const lost = await run('split', book, '--by', 'parent', '--out-dir', dir);
    expect(lost.code).toBe(1);
    const masterCell = plan.rows.find((r) => r.unit === 'Xã B' && r.register === 'KS')!.actualCells![1]!.replace(/'/g, '');
    expect(lost.err).toContain(`LỖI/ERROR ${y}: ${y} là một phần của kế hoạch này đã tách trước đây và có 1 số thực hiện mà sổ kế hoạch chưa có`);
    expect(lost.err).toContain(`holds 1 actual the plan workbook lacks (e.g. Xã B, Births, 10/06/2024–16/06/2024: the file says 90, the plan workbook is blank at cell ${masterCell})`);
    expect(lost.err).toContain('Consolidate it into the plan workbook first');
    expect([sha256(x), sha256(y)]).toEqual(kept); // all or nothing

    // Consolidated, the plan workbook has it: splitting the consolidated workbook replaces the parts.
    const merged = tmp.file('twice-merged.xlsx');
    expect((await run('consolidate', book, y, '--out', merged)).code).toBe(0);
    const fromMerged = await run('split', merged, '--by', 'parent', '--out-dir', dir);
    expect(besidesProgress(fromMerged.err)).toEqual([]);
    expect(fromMerged.code).toBe(0);

    // A re-split is another plan: its parts may not replace files holding the earlier revision's figures.
    const r2 = tmp.file('twice-r2.xlsx');
    expect((await run('replan', merged, '--as-of', '2024-06-12', '--end', '2024-07-12', '--out', r2)).code).toBe(0);
    const before = sha256(y);
    const other = await run('split', r2, '--by', 'parent', '--out-dir', dir);
    expect(other.code).toBe(1);
    expect(other.err).toContain(`${y} already exists and holds typed actuals`);
    expect(other.err).toContain(`but it is not a file split from plan ${(await readBook(r2)).planId} (revision 2)`);
    expect(other.err).toContain('Split into a new folder (--out-dir)');
    expect(sha256(y)).toBe(before);
  });

  it('a part given where the plan workbook is wanted is named a part: consolidate it instead', async () => {
    const { book } = await planned('part-as-book');
    const byUnit = tmp.file('part-as-book-units');
    expect((await run('split', book, '--by', 'unit', '--out-dir', byUnit)).code).toBe(0);
    const r2 = tmp.file('part-as-book-r2.xlsx');
    expect((await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-07-12', '--out', r2)).code).toBe(0);
    const byParent = tmp.file('part-as-book-r2-parts');
    expect((await run('split', r2, '--by', 'parent', '--out-dir', byParent)).code).toBe(0);

    for (const [part, revision] of [[path.join(byUnit, 'Xã A.xlsx'), 1], [path.join(byParent, 'Huyện X.xlsx'), 2]] as const) {
      for (const argv of [
        ['replan', part, '--as-of', '2024-06-12', '--end', '2024-07-19'],
        ['split', part, '--by', 'unit', '--out-dir', tmp.file(`never-${revision}`)],
        ['consolidate', part, book, '--out', tmp.file(`never-${revision}.xlsx`)],
      ]) {
        const r = await run(...argv);
        expect(r.code).toBe(1);
        expect(r.err).toContain(`This file is a part of plan ${(await readBook(revision === 1 ? book : r2)).planId} (revision ${revision}) sent to one district or commune`);
        expect(r.err).toContain('Consolidate it into the plan workbook instead');
        expect(r.err).toContain('Hãy tổng hợp nó vào sổ kế hoạch');
        expect(r.err).not.toContain('edited by hand');
      }
    }
    expect(existsSync(tmp.file('never-1'))).toBe(false);
  });
});
