import ExcelJS from 'exceljs';
import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { PlanJson } from '../../src/planning/plan-json';
import { ModelRow } from '../../src/sheets/model';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { loadWorkbook } from '../../src/hosts/files/load-workbook';
import { readPlanBook } from '../../src/hosts/files/plan-book';
import { readWorkbookFile } from '../../src/hosts/files/read-workbook-file';
import { readBook, run } from '../helpers/cli';
import { convert } from '../helpers/libreoffice';
import { encryptedWorkbook } from '../helpers/ole';
import { sha256, tempDir } from '../helpers/tmp';
import { typeCell } from '../helpers/type-cell';
import { writeTwoDistricts } from '../helpers/xlsx-sample';
import { bombed } from '../helpers/zip-bomb';

/**
 * The CLI under what an office really does to it: two officials writing one file at the same moment, a run
 * killed or interrupted while it writes, a decompression bomb, a file that is not an .xlsx. Real processes
 * (`node bin/quota-plan.js`, built by `npm test`), started together, killed at random moments. The figures
 * (tries, refusals, peak memory, files left) go to test-output/faults.json.
 */

jest.setTimeout(180_000);
const tmp = tempDir('quota-faults-');
afterAll(() => tmp.cleanup());

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'quota-plan.js');
const BINH_PHUOC = path.join(ROOT, 'examples', 'binh-phuoc-2025.xlsx');
/** Loaded before the CLI: reports the process's peak memory on its way out. */
const PRELOAD = tmp.file('max-rss.js');
const RSS = /\nquota-plan-test max-rss-kb (\d+)\n/;
const MB_LIMIT = 600;

const figures: Record<string, unknown> = {};
afterAll(() => {
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(path.join(ROOT, 'test-output', 'faults.json'), JSON.stringify(figures, null, 1) + '\n');
});

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  /** Peak memory (MB) when the process ended by itself. */
  peakMb: number | null;
}

function start(args: string[]): { child: ChildProcess; done: Promise<Ran> } {
  const child = spawn(process.execPath, ['--require', PRELOAD, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<Ran>((resolve) =>
    child.on('close', (code, signal) => {
      const m = RSS.exec(err);
      resolve({ code, signal, out, err: m ? err.replace(m[0], '') : err, peakMb: m ? Math.round(Number(m[1]) / 1024) : null });
    }));
  return { child, done };
}

const cli = (...args: string[]): Promise<Ran> => start(args).done;

/** quota-planner's own side files in a folder: temporary files, locks. */
const sideFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('.quota-plan.'));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true once a file named `suffix` appears in `dir`, false if the run ends first. */
async function appears(dir: string, suffix: string, child: ChildProcess): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    if (existsSync(dir) && readdirSync(dir).some((n) => n.endsWith(suffix))) return true;
    await sleep(2);
  }
  return false;
}

/** The run is writing: a temporary file is there. */
const writing = (dir: string, child: ChildProcess): Promise<boolean> => appears(dir, '.tmp', child);
/** The run has started: it holds its outputs' locks (Node has loaded it, its signal handlers are in place). */
const holding = (dir: string, child: ChildProcess): Promise<boolean> => appears(dir, '.quota-plan.lock', child);

/** A complete workbook (it passes the check every read passes) or JSON: never a half-written one. */
async function complete(file: string): Promise<boolean> {
  if (file.endsWith('.json')) {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
      return true;
    } catch {
      return false;
    }
  }
  return !('severity' in (await readWorkbookFile(file, 'plan-book')));
}

const json = (file: string): PlanJson => JSON.parse(readFileSync(file, 'utf8'));

const LOCKED = /is being written by another quota-plan run \((plan|consolidate|replan|split), process \d+ on .+, since \d\d:\d\d:\d\d\)\. This run wrote nothing\./;

beforeAll(() => {
  writeFileSync(PRELOAD, `process.on('exit', () => { try { require('fs').writeSync(2, '\\nquota-plan-test max-rss-kb ' + process.resourceUsage().maxRSS + '\\n'); } catch {} });\n`);
});

describe('two officials writing one file at the same moment', () => {
  const book = tmp.file('plan.xlsx');
  const parts = tmp.file('parts');
  const typed = { 'Xã A': 111, 'Xã B': 222 };

  beforeAll(async () => {
    const input = tmp.file('two-districts.xlsx');
    await writeTwoDistricts(input);
    expect((await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', book)).code).toBe(0);
    expect((await run('split', book, '--by', 'parent', '--out-dir', parts)).code).toBe(0);
    // Each district types its first commune's births for the first week into the file it was sent.
    const master = await readBook(book);
    for (const [file, unit] of [['Huyện X.xlsx', 'Xã A'], ['Huyện Y.xlsx', 'Xã B']] as const) {
      const part = path.join(parts, file);
      // The part's row of that unit's births, in the column the plan gives the first week.
      const { sheets } = await readPlanBook(part, await loadWorkbook(part));
      const row = sheets!.progress.rows.findIndex((r) => r[1] === unit && r[2] === 'Khai sinh') + 1;
      const r = master.plan.rows.findIndex((x) => master.plan.units[x.unitIndex].name === unit && x.register === 'KS');
      const column = /!\$?([A-Z]+)\$?\d+$/.exec(master.actualCell(r, 0))![1];
      const sheet = (await existingSheets(part)).findIndex((s) => s.marker?.kind === 'progress') + 1;
      await typeCell(part, sheet, `${column}${row}`, `<v>${typed[unit]}</v>`);
    }
  });

  /** The first week's births of `unit` in a consolidated workbook (null when blank). */
  async function typedIn(file: string, unit: string): Promise<number | null> {
    const b = await readBook(file);
    const r = b.plan.rows.findIndex((row) => b.plan.units[row.unitIndex].name === unit && row.register === 'KS');
    return b.actuals[r * b.plan.periods.length];
  }

  it('consolidating different districts into one new workbook: every run that says it copied has its figures there', async () => {
    const ROUNDS = 4;
    const runs: { units: (keyof typeof typed)[]; ran: Ran }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = tmp.file(`consolidated-${round}`);
      const out = path.join(dir, 'Tổng hợp.xlsx');
      const outJson = path.join(dir, 'Tổng hợp.json');
      const who: (keyof typeof typed)[][] = [['Xã A'], ['Xã B'], ['Xã A', 'Xã B']];
      const files = { 'Xã A': path.join(parts, 'Huyện X.xlsx'), 'Xã B': path.join(parts, 'Huyện Y.xlsx') };
      const ran = await Promise.all(who.map((units) => cli('consolidate', book, ...units.map((u) => files[u]), '--out', out, '--json', outJson)));
      expect(ran.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
      for (const [i, r] of ran.entries()) {
        runs.push({ units: who[i], ran: r });
        expect(r.err).not.toContain('Unexpected');
        if (r.code === 0) {
          expect(r.out).toContain('copied');
          for (const unit of who[i]) expect(await typedIn(out, unit)).toBe(typed[unit]);
        } else {
          expect(r.code).toBe(1);
          // Refused at once while the other run holds the file, or, once it has written, because the file
          // now holds typed figures a new copy would lose.
          expect(r.err).toMatch(new RegExp(`${LOCKED.source}|holds typed|typed actual|would lose`));
        }
      }
      // The pair belongs together, and nothing else is left in the folder.
      expect(json(outJson).workbook).toEqual({ file: out, planId: (await readBook(book)).planId, revision: 1, sha256: sha256(out) });
      expect(readdirSync(dir).sort()).toEqual(['Tổng hợp.json', 'Tổng hợp.xlsx']);
    }
    const ok = runs.filter((r) => r.ran.code === 0).length;
    figures.consolidations = {
      tries: runs.length, rounds: ROUNDS, succeeded: ok,
      refusedWhileHeld: runs.filter((r) => LOCKED.test(r.ran.err)).length,
      refusedAfter: runs.filter((r) => r.ran.code === 1 && !LOCKED.test(r.ran.err)).length,
      successesWithTheirFigures: ok, lostUpdates: 0,
    };
  });

  it('planning different tables into one workbook and JSON: the pair left is one run’s, whole', async () => {
    const inputs = await Promise.all([1, 2, 3].map(async (n) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Số liệu');
      ws.addRow(['STT', 'Đơn vị', 'Khai sinh', 'Kết hôn']);
      for (let u = 1; u <= 40; u++) ws.addRow([u, `Xã ${n}-${u}`, 1000 * n + u, 300 * n]);
      const file = tmp.file(`units-${n}.xlsx`);
      await wb.xlsx.writeFile(file);
      return file;
    }));
    const ROUNDS = 3;
    const tally = { tries: 0, succeeded: 0, refusedWhileHeld: 0, pairsWhole: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const dir = tmp.file(`planned-${round}`);
      const out = path.join(dir, 'kế hoạch.xlsx');
      const outJson = path.join(dir, 'kế hoạch.json');
      const ran = await Promise.all(inputs.map((input) => cli('plan', input, '--start', '2025-01-01', '--end', '2025-12-31', '--granularity', 'week', '--out', out, '--json', outJson)));
      tally.tries += ran.length;
      for (const r of ran) {
        expect(r.err).not.toContain('Unexpected');
        if (r.code === 0) tally.succeeded++;
        else {
          expect([r.code, r.err]).toEqual([1, expect.stringMatching(LOCKED)]);
          tally.refusedWhileHeld++;
        }
      }
      // The JSON names the workbook beside it, and both hold the same run's units.
      const plan = json(outJson);
      expect(plan.workbook?.sha256).toBe(sha256(out));
      const units = (await readBook(out)).plan.units.map((u) => u.name);
      expect(units).toEqual([...new Set(plan.rows.map((r) => r.unit))]);
      const winners = ran.flatMap((r, i) => (r.code === 0 ? [i + 1] : []));
      expect(winners).toContain(Number(/^Xã (\d)-/.exec(units[0])![1]));
      expect(sideFiles(dir)).toEqual([]);
      tally.pairsWhole++;
    }
    figures.plans = tally;
  });
});

describe('a run killed while it writes', () => {
  const args = (dir: string): string[] => ['plan', BINH_PHUOC, '--start', '2025-01-01', '--end', '2025-12-31', '--granularity', 'day',
    '--out', path.join(dir, 'kế hoạch.xlsx'), '--json', path.join(dir, 'kế hoạch.json')];

  it('leaves nothing half-written, and the next run removes what a kill left behind', async () => {
    const dir = tmp.file('killed');
    mkdirSync(dir);
    const KILLS = 8;
    const tally = { kills: 0, whileWriting: 0, finishedFirst: 0, sideFilesLeftByKills: 0, pairsFromTwoRuns: 0 };
    for (let k = 0; k < KILLS; k++) {
      const { child, done } = start(args(dir));
      // Half the kills when the run starts writing (a few milliseconds on), half at any moment of the run.
      if (k % 2 === 0) {
        if (await writing(dir, child)) await sleep(Math.random() * 40);
      } else await sleep(200 + Math.random() * 1500);
      const wrote = sideFiles(dir).some((n) => n.endsWith('.tmp'));
      child.kill('SIGKILL');
      const ran = await done;
      if (ran.signal === 'SIGKILL') {
        tally.kills++;
        if (wrote) tally.whileWriting++;
      } else tally.finishedFirst++;
      // Whatever the moment, each output is old or new, never half of one.
      for (const name of ['kế hoạch.xlsx', 'kế hoạch.json']) {
        const file = path.join(dir, name);
        if (existsSync(file)) expect(await complete(file)).toBe(true);
      }
      const out = path.join(dir, 'kế hoạch.xlsx');
      const outJson = path.join(dir, 'kế hoạch.json');
      if (existsSync(out) && existsSync(outJson) && json(outJson).workbook?.sha256 !== sha256(out)) tally.pairsFromTwoRuns++;
    }
    tally.sideFilesLeftByKills = sideFiles(dir).length;
    expect(tally.kills).toBeGreaterThan(0);

    const clean = await cli(...args(dir));
    expect(clean.code).toBe(0);
    if (tally.sideFilesLeftByKills > 0) expect(clean.err).toContain('temporary file');
    expect(readdirSync(dir).sort()).toEqual(['kế hoạch.json', 'kế hoạch.xlsx']);
    expect(json(path.join(dir, 'kế hoạch.json')).workbook?.sha256).toBe(sha256(path.join(dir, 'kế hoạch.xlsx')));
    figures.kills = { ...tally, filesLeftAfterCleanRun: sideFiles(dir).length };
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('on %s removes its temporary files and lock: nothing is left at all', async (signal) => {
    const tally = { sent: 0, byTheSignal: 0, leftNothing: 0 };
    // Once while it computes, once while it writes.
    for (const moment of ['computing', 'writing'] as const) {
      const dir = tmp.file(`${signal}-${moment}`);
      mkdirSync(dir);
      const { child, done } = start(args(dir));
      if (moment === 'writing') await writing(dir, child);
      else if (await holding(dir, child)) await sleep(Math.random() * 300);
      child.kill(signal);
      tally.sent++;
      const ran = await done;
      expect(sideFiles(dir)).toEqual([]);
      if (ran.signal === signal) {
        tally.byTheSignal++;
        expect(ran.err).toContain(`Stopped (${signal}): temporary files removed`);
        // Stopped before the renames: the folder is as it was, empty.
        expect(readdirSync(dir)).toEqual([]);
        tally.leftNothing++;
      } else {
        expect(ran.code).toBe(0); // it had finished: both outputs whole
        expect(readdirSync(dir).sort()).toEqual(['kế hoạch.json', 'kế hoạch.xlsx']);
      }
    }
    expect(tally.byTheSignal).toBeGreaterThan(0);
    figures[signal] = tally;
  });
});

describe('inputs built to exhaust memory', () => {
  const results: Record<string, { code: number | null; peakMb: number | null; said: string }> = {};
  afterAll(() => (figures.hostile = results));

  it('refuses a decompression bomb given to plan and to consolidate, with bounded memory', async () => {
    const input = tmp.file('bomb-units.xlsx');
    await writeTwoDistricts(input);
    const book = tmp.file('bomb-plan.xlsx');
    expect((await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', book)).code).toBe(0);
    const cases: [string, string[], RegExp][] = [];
    for (const declared of ['honest', 'lying'] as const) {
      // 1 GiB of zeros in about 1 MB, as the first worksheet.
      const unitsBomb = tmp.file(`units-bomb-${declared}.xlsx`);
      writeFileSync(unitsBomb, bombed(readFileSync(input), 'xl/worksheets/sheet1.xml', 1024, declared));
      const bookBomb = tmp.file(`book-bomb-${declared}.xlsx`);
      writeFileSync(bookBomb, bombed(readFileSync(book), 'xl/worksheets/sheet2.xml', 1024, declared));
      const said = declared === 'honest' ? /part xl\/worksheets\/sheet[12]\.xml inflates to 1,024 MB, beyond the 128 MB limit/ : /the \.xlsx file is damaged \(part xl\/worksheets\/sheet[12]\.xml\)/;
      cases.push(
        [`plan, ${declared} sizes`, ['plan', unitsBomb, '--start', '2024-06-03', '--end', '2024-06-28'], said],
        [`consolidate (returned file), ${declared} sizes`, ['consolidate', book, bookBomb, '--out', tmp.file(`c-${declared}.xlsx`)], said],
        [`consolidate (plan workbook), ${declared} sizes`, ['consolidate', bookBomb, book, '--out', tmp.file(`c2-${declared}.xlsx`)], said],
      );
    }
    for (const [name, args, said] of cases) {
      const r = await cli(...args);
      results[name] = { code: r.code, peakMb: r.peakMb, said: r.err.split('\n').find((l) => said.test(l)) ?? r.err };
      expect([name, r.code, r.err]).toEqual([name, 1, expect.stringMatching(said)]);
      expect(r.err).not.toMatch(/Unexpected|heap|at .*\.js:\d+/);
      expect(r.peakMb).toBeLessThan(MB_LIMIT);
    }
  });

  it('refuses a units table too large for the forms, a device and a folder, with bounded memory', async () => {
    // 110,000 units of 5 cells: more than a units table may hold (the whole country holds about 120,000 cells).
    const huge = tmp.file('110000-units.xlsx');
    const { writeXlsx } = await import('../../src/hosts/files/write-xlsx');
    const rows: ModelRow[] = [{ values: ['STT', 'Đơn vị', 'Khai sinh', 'Kết hôn', 'Khai tử'] }];
    for (let u = 1; u <= 110_000; u++) rows.push({ values: [u, `Xã ${u}`, 900, 300, 200] });
    await writeXlsx([{ name: 'Số liệu', font: { name: 'Arial', size: 11 }, columns: [], rows, styles: {}, merges: [] }], huge);
    const cases: [string, string[], RegExp][] = [
      ['plan, 110,000 units', ['plan', huge, '--start', '2025-01-01', '--end', '2025-12-31'], /holds more than 500,000 cells, too many for a units table/],
      ['plan, /dev/zero', ['plan', '/dev/zero', '--start', '2025-01-01', '--end', '2025-12-31'], /\/dev\/zero is not a file \(it is a folder or a device\)/],
      ['consolidate, a folder', ['consolidate', tmp.dir, huge, '--out', tmp.file('c3.xlsx')], /is not a file \(it is a folder or a device\)/],
    ];
    for (const [name, args, said] of cases) {
      const r = await cli(...args);
      results[name] = { code: r.code, peakMb: r.peakMb, said: r.err.split('\n').find((l) => said.test(l)) ?? r.err };
      expect([name, r.code, r.err]).toEqual([name, 1, expect.stringMatching(said)]);
      expect(r.peakMb).toBeLessThan(MB_LIMIT);
    }
  });
});

describe('a file that is not an .xlsx', () => {
  it('names an .ods, an .xls, a CSV and a password-protected workbook as such, for every command that reads it', async () => {
    const input = tmp.file('Số liệu.xlsx');
    await writeTwoDistricts(input);
    const book = tmp.file('for-types.xlsx');
    expect((await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--out', book)).code).toBe(0);
    const saved = tmp.file('saved');
    const files: [string, RegExp][] = [
      [convert(input, 'ods', saved), /is an OpenDocument spreadsheet \(\.ods\), not an Excel workbook \(\.xlsx\)\. Open it in Excel or LibreOffice, save it as an Excel Workbook \(\.xlsx\)/],
      [convert(input, 'xls', saved), /is an Excel 97–2003 workbook \(\.xls\), not an Excel workbook \(\.xlsx\)\. Open it in Excel or LibreOffice, save it as an Excel Workbook/],
      [convert(input, 'csv', saved), /is a text file \(CSV\), not an Excel workbook \(\.xlsx\)\. Open it in Excel or LibreOffice, save it as an Excel Workbook/],
      [tmp.file('Khóa.xlsx'), /is protected with a password, so it cannot be read\. Open it in Excel, remove the password/],
    ];
    writeFileSync(files[3][0], encryptedWorkbook());
    const seen: string[] = [];
    for (const [file, said] of files) {
      for (const args of [
        ['plan', file, '--start', '2024-06-03', '--end', '2024-06-28'],
        ['replan', file, '--end', '2024-07-31', '--out', tmp.file('r.xlsx')],
        ['split', file, '--by', 'parent', '--out-dir', tmp.file('split-out')],
        ['consolidate', book, file, '--out', tmp.file('c.xlsx')],
      ]) {
        const r = await run(...args);
        expect([args[0], r.code]).toEqual([args[0], 1]);
        expect(r.err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${said.source}`));
        expect(r.err).toMatch(/Hãy mở tệp trong Excel|gỡ mật khẩu/);
        expect(r.err).not.toMatch(/Unexpected|damaged|no sheet/);
      }
      seen.push(path.basename(file));
    }
    expect(existsSync(tmp.file('split-out'))).toBe(false);
    figures.wrongTypes = seen;
  });
});
