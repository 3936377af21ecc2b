import { Plan } from '../../planning/plan';
import { Problem, problem } from '../../planning/problems';
import { formatCount } from '../../planning/text';
import { Unit } from '../../planning/units';
import { SheetModel } from '../model';
import { calendarLayout, calendarSheet } from './calendar-sheet';
import { groupByParent } from './groups';
import { firstRevision } from '../../planning/history';
import { historySheet } from './history-sheet';
import { FormOptions } from './options';
import { ProgressLayout, progressLayout, progressSheet } from './progress-report';
import { quotaAssignmentSheet } from './quota-assignment';
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
  const progress = progressLayout(plan, groups, options);
  return {
    sheets: [
      quotaAssignmentSheet(plan, groups, options),
      progressSheet(plan, progress, calendar, options),
      rollupSheet(plan, groups, progress, calendar, options),
      calendarSheet(plan, options),
      unitsReadSheet(units.units, units.registers, options),
      historySheet(options.history ?? [firstRevision(plan, options.made ?? null)], options),
    ],
    progress,
  };
}

/** Refusals for sheets that would not fit in Excel, with the way out: coarser periods. */
export function sizeProblems(sheets: readonly SheetModel[]): Problem[] {
  const problems: Problem[] = [];
  for (const s of sheets) {
    const rows = s.rows.length;
    let cols = s.columns.length;
    for (const r of s.rows) cols = Math.max(cols, r.values.length);
    if (rows <= MAX_ROWS && cols <= MAX_COLUMNS) continue;
    const what = rows > MAX_ROWS ? `${formatCount(rows, 'vi')} dòng (tối đa ${formatCount(MAX_ROWS, 'vi')})` : `${formatCount(cols, 'vi')} cột (tối đa ${formatCount(MAX_COLUMNS, 'vi')})`;
    const whatEn = rows > MAX_ROWS ? `${formatCount(rows, 'en')} rows (at most ${formatCount(MAX_ROWS, 'en')})` : `${formatCount(cols, 'en')} columns (at most ${formatCount(MAX_COLUMNS, 'en')})`;
    problems.push(problem('error', 'too-large', null, null,
      `Trang «${s.name}» sẽ cần ${what}, vượt giới hạn của Excel. Hãy chia theo kỳ dài hơn (tuần hoặc tháng) hoặc tách bớt đơn vị.`,
      `Sheet "${s.name}" would need ${whatEn}, beyond Excel's limits. Choose longer periods (week or month) or plan fewer units at a time.`));
  }
  return problems;
}
