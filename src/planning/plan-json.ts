import { formatISO } from './days';
import { Plan } from './plan';
import { Problem } from './problems';
import { StageUnit, stageLabel } from './stages';

/**
 * The JSON contract of `quota-plan plan --json` (documented in README.md). Automation relies on it: add
 * keys, never rename or remove them.
 */
export interface PlanJson {
  periods: { start: string; end: string; workingDays: number }[];
  /** Plans with workflow stages only: each stage, `name` its Vietnamese label, dates ISO, `lag` in working days. */
  stages?: { key: string; name: string; start: string; end: string; lag: number; unit: StageUnit }[];
  rows: {
    unit: string;
    /** The unit's code as the sheet gives it (`"16387"`); only when it gives one. */
    code?: string;
    parent: string | null;
    register: string;
    /** Plans with stages only: the key of the row's stage (`"scan"`); a books stage's register is `"ALL"`. */
    stage?: string;
    machines: number | null;
    remaining: number;
    /** Re-splits only: the actuals typed up to the as-of date; `remaining` is what is left after them. */
    done?: number;
    targets: number[];
    unscheduled: number;
    finish: string | null;
    /**
     * Where the actual of each period is typed, e.g. `'Phụ lục 02 - Báo cáo tiến độ'!E16` (with forms); null for a
     * period the row has no working day in (a weekend of a daily plan, a day outside its stage's window): no box.
     */
    actualCells?: (string | null)[];
    /** The cell whose formula shows what remains after the actuals typed so far (with forms). */
    remainingCell?: string;
  }[];
  issues: { severity: 'error' | 'warning'; code: string; unit: string | null; cell: string | null; message: string }[];
  /**
   * The workbook written with this JSON (`--out`), when there is one: a run stopped between the two renames
   * leaves one file new and the other old, and a hash that differs from the workbook's says so.
   */
  workbook?: { file: string; planId: string; revision: number; sha256: string };
  /** The progress report's report-date cell, which its formulas and the periodic report follow (with forms). */
  reportDateCell?: string;
}

export function issuesJson(problems: readonly Problem[]): PlanJson['issues'] {
  return problems.map((p) => ({ severity: p.severity, code: p.code, unit: p.unit, cell: p.cell, message: `${p.vi} / ${p.en}` }));
}

/** Where a plan row's actuals and remaining count sit in the workbook's forms. */
export type RowCells = (planRow: number) => { actualCells: (string | null)[]; remainingCell: string };

/**
 * `extraProblems` are those found before planning (the reader's warnings), listed first; `cells` adds the
 * progress report's addresses to each row; `done` (a re-split's) what each row had done by the as-of date.
 */
export function planJson(plan: Plan, extraProblems: readonly Problem[] = [], cells?: RowCells, done?: Int32Array, reportDateCell?: string): PlanJson {
  const P = plan.periods.length;
  const stages = plan.settings.stages ?? [];
  return {
    periods: plan.periods.map((p) => ({ start: formatISO(p.start), end: formatISO(p.end), workingDays: p.workingDays })),
    ...(stages.length === 0 ? {} : {
      stages: stages.map((s) => ({ key: s.key, name: stageLabel(s, 'vi'), start: formatISO(s.start), end: formatISO(s.end), lag: s.lag, unit: s.unit })),
    }),
    rows: plan.rows.map((row, i) => {
      const unit = plan.units[row.unitIndex];
      return {
        unit: unit.name,
        ...(unit.code === null ? {} : { code: unit.code }),
        parent: unit.parent,
        register: row.register,
        ...(stages.length === 0 ? {} : { stage: stages[row.stage ?? 0].key }),
        machines: unit.machines,
        remaining: row.remaining,
        ...(done ? { done: done[i] } : {}),
        targets: Array.from(plan.targets.subarray(i * P, (i + 1) * P)),
        unscheduled: row.unscheduled,
        finish: row.finish === null ? null : formatISO(row.finish),
        ...cells?.(i),
      };
    }),
    issues: issuesJson([...extraProblems, ...plan.problems]),
    ...(reportDateCell ? { reportDateCell } : {}),
  };
}
