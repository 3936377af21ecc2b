/**
 * The stages sheet: the workbook alternative to `--stages`. A table with a row per stage (name, start,
 * deadline, optional lag and counting unit), wherever its header is. Each row is read into the spelling
 * `--stages` takes and parsed by parseStages, so a stage means the same whichever way it was given; every
 * problem names its cell first.
 */
import { DayNumber, formatISO, formatVN, parseDate } from '../planning/days';
import { Problem, problem } from '../planning/problems';
import { Stage, StageUnit, matchStage, parseStages, stageLabel, stagesProblem } from '../planning/stages';
import { fold } from '../planning/text';
import { CellValue, Grid, gridAddress, isCellDate, isCellError } from './grid';
import { isBlank } from './parse-count';

/** Sheet names (folded) read as the plan's stages: `Giai đoạn`, `Giai doan`, `Các giai đoạn`, `Stages`. */
const STAGE_SHEET_NAMES = new Set(['giai doan', 'cac giai doan', 'stages']);

/** True for a sheet that holds the plan's stages: it is never the units table. */
export const isStageSheetName = (name: string): boolean => STAGE_SHEET_NAMES.has(fold(name));

type Column = 'stage' | 'start' | 'end' | 'lag' | 'unit';

/** Folded header texts, with or without a parenthesis (`Hạn (dd/mm/yyyy)`). */
const HEADERS: ReadonlyMap<string, Column> = new Map(
  Object.entries({
    stage: ['giai doan', 'ten giai doan', 'buoc', 'ten buoc', 'cong doan', 'stage', 'stage name', 'step'],
    start: ['bat dau', 'ngay bat dau', 'tu ngay', 'start', 'start date', 'from'],
    end: ['han', 'han hoan thanh', 'thoi han', 'ket thuc', 'ngay ket thuc', 'den ngay', 'deadline', 'end', 'end date', 'to', 'due'],
    lag: ['tre', 'do tre', 'so ngay tre', 'sau giai doan truoc', 'sau giai doan truoc (ngay lam viec)', 'lag'],
    unit: ['don vi tinh', 'tinh theo', 'counts', 'unit', 'counting unit'],
  }).flatMap(([column, keys]) => keys.map((key): [string, Column] => [key, column as Column])),
);

const headerOf = (v: CellValue | undefined): Column | null => {
  if (typeof v !== 'string') return null;
  const key = fold(v).replace(/[.:*]/g, ' ').replace(/\s+/g, ' ').trim();
  return HEADERS.get(key) ?? HEADERS.get(key.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim()) ?? null;
};

const BOOKS = new Set(['quyen', 'quyen so', 'so quyen', 'books', 'book', 'volumes']);
const RECORDS = new Set(['truong hop', 'so truong hop', 'du lieu', 'ban ghi', 'records', 'record']);

/** Header rows are searched for near the top: a title or two takes a few rows. */
const SEARCH_ROWS = 50;

/** What a cell shows, for messages. */
const shown = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : isCellError(v) ? v.error : isCellDate(v) ? formatISO(v.date) : String(v).trim();

/**
 * Reads the stages table of a grid: stages null when it has none (no row with a stage and a deadline
 * header). `defaultStart` is the start of a stage whose start cell is blank (the plan's `--start`); without
 * it, the first stage's start.
 */
export function readStageSheet(grid: Grid, defaultStart?: DayNumber): { stages: Stage[] | null; problems: Problem[] } {
  let header = -1;
  let cols = new Map<Column, number>();
  for (let r = 0; r < Math.min(grid.rows.length, SEARCH_ROWS) && header < 0; r++) {
    const found = new Map<Column, number>();
    (grid.rows[r] ?? []).forEach((v, c) => {
      const column = headerOf(v);
      if (column && !found.has(column)) found.set(column, c);
    });
    if (found.has('stage') && found.has('end')) [header, cols] = [r, found];
  }
  if (header < 0) return { stages: null, problems: [] };

  const problems: Problem[] = [];
  const at = (r: number, column: Column): string => gridAddress(grid, r, cols.get(column)!);
  const bad = (r: number, column: Column, vi: string, en: string): null => {
    problems.push(problem('error', 'bad-stage', at(r, column), null, vi, en));
    return null;
  };
  const cell = (r: number, column: Column): CellValue | undefined => (cols.has(column) ? grid.rows[r]?.[cols.get(column)!] : undefined);

  const dateOf = (r: number, column: 'start' | 'end', name: string): DayNumber | null => {
    const v = cell(r, column);
    const day = isCellDate(v!) ? v.date : typeof v === 'string' ? parseDate(v) : null;
    if (day !== null) return day;
    const what = column === 'start' ? { vi: 'Ngày bắt đầu', en: 'The start' } : { vi: 'Hạn', en: 'The deadline' };
    return bad(r, column,
      `${what.vi} của giai đoạn «${name}» («${shown(v)}») không phải là ngày: nhập ngày dd/mm/yyyy.`,
      `${what.en} of the stage "${name}" ("${shown(v)}") is not a date: enter a date as dd/mm/yyyy.`);
  };

  const stages: Stage[] = [];
  /** Grid row of each stage read, to name its cells in problems about the list. */
  const rowOf: number[] = [];
  let failed = false;
  /** The first stage's start (null when its cell is wrong): the start of the stages that give none. */
  let firstStart: DayNumber | null | undefined;
  for (let r = header + 1; r < grid.rows.length; r++) {
    const used = [...cols.values()].some((c) => !isBlank(grid.rows[r]?.[c]));
    if (!used) continue;
    const nameCell = cell(r, 'stage');
    if (typeof nameCell !== 'string' || nameCell.trim() === '') {
      bad(r, 'stage', `Dòng ${r + (grid.firstRow ?? 1)} có số liệu nhưng thiếu tên giai đoạn.`, `Row ${r + (grid.firstRow ?? 1)} has figures but no stage name.`);
      failed = true;
      continue;
    }
    const name = nameCell.replace(/\s+/g, ' ').trim();
    const known = matchStage(name);
    if (!known && /[,:=/+]|\.\./.test(name)) {
      bad(r, 'stage', `Tên giai đoạn «${name}» không được chứa , : = / + hoặc ..`, `The stage name "${name}" must not hold , : = / + or ..`);
      failed = true;
      continue;
    }
    const startBlank = isBlank(cell(r, 'start'));
    const first = firstStart === undefined;
    const start = startBlank ? (defaultStart ?? firstStart ?? null) : dateOf(r, 'start', name);
    if (first) firstStart = start;
    if (startBlank && start === null && first) {
      if (cols.has('start')) bad(r, 'start', `Giai đoạn đầu tiên («${name}») cần ngày bắt đầu.`, `The first stage ("${name}") needs a start date.`);
      else bad(r, 'stage', `Bảng giai đoạn cần cột «Bắt đầu» (hoặc --start) cho giai đoạn đầu tiên «${name}».`, `The stages table needs a "Start" column (or --start) for the first stage "${name}".`);
    }
    const end = dateOf(r, 'end', name);
    const lag = lagOf(cell(r, 'lag'));
    if (lag === null) bad(r, 'lag', `Độ trễ của giai đoạn «${name}» («${shown(cell(r, 'lag'))}») phải là số ngày làm việc từ 0 đến 366.`, `The lag of the stage "${name}" ("${shown(cell(r, 'lag'))}") must be 0 to 366 working days.`);
    const unit = unitOf(cell(r, 'unit'), name);
    if (unit === null) bad(r, 'unit', `Đơn vị tính của giai đoạn «${name}» («${shown(cell(r, 'unit'))}») phải là «quyển» hoặc «trường hợp».`, `The stage "${name}" must count "books" or "records", not "${shown(cell(r, 'unit'))}".`);
    if (start === null || end === null || lag === null || unit === null) {
      failed = true;
      continue;
    }
    if (end < start) {
      bad(r, 'end', `Giai đoạn «${name}» kết thúc ${formatVN(end)}, trước khi bắt đầu ${formatVN(start)}.`, `The stage "${name}" ends on ${formatVN(end)}, before it starts on ${formatVN(start)}.`);
      failed = true;
      continue;
    }
    // One stage at a time, counting records with no lag (a lone stage waits for none); unit and lag are set
    // after, and the whole list is checked below.
    const parsed = parseStages(`${known?.key ?? name}/records:${formatISO(start)}..${formatISO(end)}`);
    if ('error' in parsed) {
      bad(r, 'stage', parsed.error.vi, parsed.error.en);
      failed = true;
      continue;
    }
    const stage = { ...parsed.stages[0], unit, lag };
    const twice = stages.findIndex((s) => s.key === stage.key);
    if (twice >= 0) {
      bad(r, 'stage', `Giai đoạn «${stageLabel(stage, 'vi')}» có hai lần (cũng ở ô ${at(rowOf[twice], 'stage')}).`, `The stage "${stageLabel(stage, 'en')}" is listed twice (also in cell ${at(rowOf[twice], 'stage')}).`);
      failed = true;
      continue;
    }
    if (unit === 'books' && stages.length > 0) {
      bad(r, cols.has('unit') ? 'unit' : 'stage', `Chỉ giai đoạn đầu tiên được tính theo quyển sổ («${stageLabel(stage, 'vi')}» không phải giai đoạn đầu).`, `Only the first stage may count books ("${stageLabel(stage, 'en')}" is not the first).`);
      failed = true;
      continue;
    }
    stages.push(stage);
    rowOf.push(r);
  }
  if (failed) return { stages: null, problems };
  const headerCell = gridAddress(grid, header, cols.get('stage')!);
  if (stages.length === 0) {
    problems.push(problem('error', 'no-stages', headerCell, null, `Bảng giai đoạn ở trang «${grid.sheet}» không có giai đoạn nào.`, `The stages table on sheet "${grid.sheet}" lists no stage.`));
    return { stages: null, problems };
  }
  const error = stagesProblem(stages);
  if (error) {
    problems.push(problem('error', 'bad-stage', headerCell, null, error.vi, error.en));
    return { stages: null, problems };
  }
  return { stages, problems };
}

/** Blank is 0; a whole number of working days 0…366, as a number or digits. */
function lagOf(v: CellValue | undefined): number | null {
  if (isBlank(v)) return 0;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  return Number.isSafeInteger(n) && n >= 0 && n <= 366 ? n : null;
}

/** Blank: the catalog's unit for a stage it knows, else records. */
function unitOf(v: CellValue | undefined, name: string): StageUnit | null {
  if (isBlank(v)) return matchStage(name)?.unit ?? 'records';
  if (typeof v !== 'string') return null;
  const key = fold(v).replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  return BOOKS.has(key) ? 'books' : RECORDS.has(key) ? 'records' : null;
}
