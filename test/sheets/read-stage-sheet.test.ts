import { parseDate } from '../../src/planning/days';
import { parseStages } from '../../src/planning/stages';
import { SON_LA_STAGES } from '../../src/examples/son-la';
import { CellValue, Grid } from '../../src/sheets/grid';
import { isStageSheetName, readStageSheet } from '../../src/sheets/read-stage-sheet';

const _ = null;
const d = (text: string): number => parseDate(text)!;
const day = (text: string): CellValue => ({ date: d(text) });
const sheet = (rows: CellValue[][]): Grid => ({ sheet: 'Giai đoạn', rows });
const HEADER: CellValue[] = ['STT', 'Giai đoạn', 'Bắt đầu', 'Hạn', 'Sau giai đoạn trước (ngày làm việc)', 'Đơn vị tính'];
const TITLE: CellValue[] = ['CÁC GIAI ĐOẠN SỐ HÓA THÁNG CAO ĐIỂM 3/2025'];

/** Sơn La's stages as a planner types them: a title, the header on row 3, the rows from row 4. */
const sonLa = (): CellValue[][] => [
  TITLE,
  [],
  HEADER,
  [1, 'Thu thập, phân loại sổ', day('2025-03-01'), day('2025-03-07'), _, 'quyển'],
  [2, 'Quét sổ', _, day('2025-03-15'), _, _],
  [3, 'Đối chiếu', _, '15/03/2025', _, _],
  [4, 'Nhập liệu', _, day('2025-03-20'), _, 'trường hợp'],
  [5, 'Đính kèm', _, day('2025-03-25'), _, _],
];
const errors = (g: Grid) => readStageSheet(g).problems.map((p) => [p.cell, p.code]);

describe('readStageSheet', () => {
  it('reads Sơn La’s stages as --stages spells them: catalog names, default starts, books first', () => {
    const read = readStageSheet(sheet(sonLa()));
    expect(read.problems).toEqual([]);
    const spec = parseStages(SON_LA_STAGES);
    if ('error' in spec) throw new Error(spec.error.en);
    const byKey = new Map(spec.stages.map((s) => [s.key, s]));
    expect(read.stages!.map((s) => s.key)).toEqual(['collect', 'scan', 'cross-check', 'entry', 'attach']);
    for (const s of read.stages!) expect(s).toEqual(byKey.get(s.key));
  });

  it('takes headers in English and without diacritics, text dates, a lag, a stage of the user’s and a default start', () => {
    const read = readStageSheet(sheet([
      ['Stage', 'From', 'Deadline', 'Lag', 'Counts'],
      ['scan', '2025-03-03', '2025-03-14', _, 'records'],
      ['Rà soát lần 2', _, '20/03/2025', 2, _],
      ['approve', '2025-03-10', '2025-03-25', '1', _],
    ]), d('2025-03-01'));
    expect(read.problems).toEqual([]);
    expect(read.stages).toEqual([
      { key: 'scan', label: null, start: d('2025-03-03'), end: d('2025-03-14'), lag: 0, unit: 'records' },
      { key: 'ra-soat-lan-2', label: 'Rà soát lần 2', start: d('2025-03-01'), end: d('2025-03-20'), lag: 2, unit: 'records' },
      { key: 'approve', label: null, start: d('2025-03-10'), end: d('2025-03-25'), lag: 1, unit: 'records' },
    ]);
    const plain = readStageSheet(sheet([['Buoc', 'Tu ngay', 'Han hoan thanh', 'Do tre', 'Tinh theo'], ['Quet', '01/03/2025', '15/03/2025', 0, 'truong hop']]));
    expect(plain.stages!.map((s) => [s.key, s.unit])).toEqual([['scan', 'records']]);
  });

  it('gives null stages and no problem for a grid without a stages table', () => {
    expect(readStageSheet(sheet([['Đơn vị', 'Khai sinh'], ['Xã A', 10]]))).toEqual({ stages: null, problems: [] });
    expect(readStageSheet(sheet([]))).toEqual({ stages: null, problems: [] });
  });

  it('names the cell of a bad date, in Vietnamese and English', () => {
    const rows = sonLa();
    rows[3][2] = '31/02/2025';
    const read = readStageSheet(sheet(rows));
    expect(read.stages).toBeNull();
    expect(read.problems).toHaveLength(1);
    const [p] = read.problems;
    expect([p.severity, p.cell]).toEqual(['error', 'Giai đoạn!C4']);
    expect(p.vi).toContain('Ngày bắt đầu của giai đoạn «Thu thập, phân loại sổ» («31/02/2025») không phải là ngày');
    expect(p.en).toContain('The start of the stage "Thu thập, phân loại sổ" ("31/02/2025") is not a date');
  });

  it('names every bad cell at once, in sheet order', () => {
    const rows = sonLa();
    rows[4][3] = 15; // a number, not a date
    rows[5][4] = 'hai'; // lag
    rows[6][5] = 'tờ'; // counting unit
    rows[7][3] = { error: '#REF!' };
    expect(errors(sheet(rows))).toEqual([
      ['Giai đoạn!D5', 'bad-stage'], ['Giai đoạn!E6', 'bad-stage'], ['Giai đoạn!F7', 'bad-stage'], ['Giai đoạn!D8', 'bad-stage'],
    ]);
  });

  it('refuses, naming the cell: a deadline before the start, a stage twice, books after the first, a missing name, a bad name', () => {
    const at = (change: (rows: CellValue[][]) => void): [string | null, string][] => {
      const rows = sonLa();
      change(rows);
      return readStageSheet(sheet(rows)).problems.map((p) => [p.cell, p.en]);
    };
    expect(at((r) => (r[3][3] = day('2025-02-20')))[0]).toEqual(['Giai đoạn!D4', 'The stage "Thu thập, phân loại sổ" ends on 20/02/2025, before it starts on 01/03/2025.']);
    expect(at((r) => (r[5][1] = 'quét'))[0]).toEqual(['Giai đoạn!B6', 'The stage "Scan" is listed twice (also in cell Giai đoạn!B5).']);
    expect(at((r) => (r[4][5] = 'books'))[0][0]).toBe('Giai đoạn!F5');
    expect(at((r) => (r[5][1] = _))[0]).toEqual(['Giai đoạn!B6', 'Row 6 has figures but no stage name.']);
    expect(at((r) => (r[5][1] = 'Đối chiếu: lần 1'))[0][0]).toBe('Giai đoạn!B6');
    // The first stage needs a start, unless the plan gives one.
    const noStart = sonLa();
    noStart[3][2] = _;
    expect(readStageSheet(sheet(noStart)).problems.map((p) => p.cell)).toEqual(['Giai đoạn!C4']);
    expect(readStageSheet(sheet(noStart), d('2025-03-01')).problems).toEqual([]);
  });

  it('refuses a table with no stage, and a list only of books', () => {
    expect(errors(sheet([TITLE, [], HEADER]))).toEqual([['Giai đoạn!B3', 'no-stages']]);
    const books = readStageSheet(sheet([HEADER, [1, 'Thu thập', day('2025-03-01'), day('2025-03-07'), _, 'quyển']]));
    expect(books.problems.map((p) => [p.cell, p.en])).toEqual([['Giai đoạn!B1', 'At least one stage must count records.']]);
  });

  it('knows the sheet names that hold stages', () => {
    expect(['Giai đoạn', 'Giai doan', 'GIAI ĐOẠN', 'Các giai đoạn', 'Stages', ' stages '].filter((n) => !isStageSheetName(n))).toEqual([]);
    expect(['Số liệu', 'Giai đoạn 1', 'Stage', 'Lịch'].filter(isStageSheetName)).toEqual([]);
  });
});
