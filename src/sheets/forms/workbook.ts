import { Plan } from '../../planning/plan';
import { Problem, problem } from '../../planning/problems';
import { formatCount } from '../../planning/text';
import { Unit } from '../../planning/units';
import { SheetModel } from '../model';
import { LISTED_PAST_END, calendarLayout, calendarSheet } from './calendar-sheet';
import { groupByParent } from './groups';
import { firstRevision } from '../../planning/history';
import { historySheet } from './history-sheet';
import { FormKind } from './marker';
import { FormOptions } from './options';
import { PROGRESS_HEADER_ROWS, ProgressLayout, progressLayout, progressWidth } from './progress-layout';
import { progressSheet } from './progress-report';
import { quotaAssignmentSheet, quotaColumns } from './quota-assignment';
import { reportSheet } from './report-sheet';
import { rollupSheet } from './rollup';
import { unitsReadSheet } from './units-read';

/** Excel's grid: a sheet that needs more is refused before anything is written. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface PlanForms {
  sheets: SheetModel[];
  /** Where the progress report's cells are, for the JSON contract. */
  progress: ProgressLayout;
}

/** Every form of a plan, in the order they appear in the workbook. */
export function planForms(plan: Plan, units: { units: readonly Unit[]; registers: readonly string[] }, options: FormOptions): PlanForms {
  const groups = groupByParent(plan);
  const calendar = calendarLayout(plan, options);
  const progress = progressLayout(plan, groups, options.names.progress);
  return {
    sheets: [
      quotaAssignmentSheet(plan, groups, options),
      progressSheet(plan, progress, calendar, options),
      reportSheet(plan, progress, options),
      rollupSheet(plan, progress, calendar, options),
      calendarSheet(plan, options),
      unitsReadSheet(units.units, units.registers, options),
      historySheet(options.history ?? [firstRevision(plan, options.made ?? null)], options),
    ],
    progress,
  };
}

/** The rows and columns a sheet takes (or will take). */
export interface SheetSize {
  name: string;
  rows: number;
  cols: number;
}

/**
 * The rows and columns the forms of `plan` will need at least, from the plan alone (its rows, periods,
 * stages and window), without building anything: a plan too large for Excel is refused by these before the
 * forms, which would take gigabytes, are built. Each figure is a lower bound of what `planForms` builds
 * (tested), so nothing that fits is refused; `sizeProblems` checks the built sheets after.
 */
export function formsSize(plan: Plan, names: Record<FormKind, string>): SheetSize[] {
  // Rows come unit by unit, register by register: a new line on Phụ lục 02 wherever either changes.
  let lines = 0;
  plan.rows.forEach((row, i) => {
    const before = plan.rows[i - 1];
    if (!before || before.unitIndex !== row.unitIndex || before.register !== row.register) lines++;
  });
  const days = plan.settings.end + LISTED_PAST_END - plan.settings.start + 1;
  return [
    { name: names.quota, rows: 8 + plan.rows.length, cols: quotaColumns(plan).width },
    { name: names.progress, rows: PROGRESS_HEADER_ROWS + lines, cols: progressWidth(plan) },
    { name: names.rollup, rows: plan.units.length, cols: 1 },
    { name: names.calendar, rows: days, cols: 1 },
    { name: names.units, rows: 1 + plan.units.length, cols: 1 },
  ];
}

/** Refusals for sheets that would not fit in Excel, with the way out: coarser periods. */
export function sizeProblems(sheets: readonly (SheetModel | SheetSize)[]): Problem[] {
  const problems: Problem[] = [];
  for (const s of sheets) {
    const { rows, cols } = 'cols' in s ? s : builtSize(s);
    if (rows <= MAX_ROWS && cols <= MAX_COLUMNS) continue;
    const what = rows > MAX_ROWS ? `${formatCount(rows, 'vi')} dòng (tối đa ${formatCount(MAX_ROWS, 'vi')})` : `${formatCount(cols, 'vi')} cột (tối đa ${formatCount(MAX_COLUMNS, 'vi')})`;
    const whatEn = rows > MAX_ROWS ? `${formatCount(rows, 'en')} rows (at most ${formatCount(MAX_ROWS, 'en')})` : `${formatCount(cols, 'en')} columns (at most ${formatCount(MAX_COLUMNS, 'en')})`;
    problems.push(problem('error', 'too-large', null, null,
      `Trang «${s.name}» sẽ cần ${what}, vượt giới hạn của Excel. Hãy chia theo kỳ dài hơn (tuần hoặc tháng) hoặc tách bớt đơn vị.`,
      `Sheet "${s.name}" would need ${whatEn}, beyond Excel's limits. Choose longer periods (week or month) or plan fewer units at a time.`));
  }
  return problems;
}

/** A built sheet's rows and columns. */
export function builtSize(s: SheetModel): SheetSize {
  let cols = s.columns.length;
  for (const r of s.rows) cols = Math.max(cols, r.values.length);
  return { name: s.name, rows: s.rows.length, cols };
}
