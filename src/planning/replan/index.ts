/**
 * Re-splitting a plan when its deadline moves: what was planned for days already past stays as it was
 * written (the forms hold those targets and the actuals typed against them), and what is left after the
 * actuals is split again over the days that remain, with the plan's own methods (planUnits; planStages for
 * a plan with workflow stages, each stage in its own window and never ahead of the one before it).
 */
import { Plan } from '../plan';
import { Problem } from '../problems';
import { checkInput } from './check';
import { Frame, openPeriods } from './frame';
import { heldCells } from './held';
import { leftPerRow } from './left';
import { mergeTargets } from './merge';
import { subPlan } from './sub-plan';
import { finalStage } from '../stages';
import { Replan, ReplanInput } from './types';

export type { HeldSource, Replan, ReplanChanges, ReplanInput } from './types';
export { resplitStages } from './stages';

/**
 * Re-splits what each row has left after its actuals over asOf+1 … changes.end. Pure and deterministic.
 * For every row r of the result, with `cur` the actual typed in the firstOpen period when that period began
 * on or before asOf (0 otherwise):
 *   Σ targets[r, firstOpen …] − cur + rows[r].unscheduled = rows[r].remaining = max(0, old remaining − done[r]),
 * and the targets of periods before firstOpen are the old plan's, unchanged.
 *
 * A plan with stages is re-split row by row (unit, register, stage) the same way, each stage over what is
 * left of its window (`resplitStages`): what its predecessor has already done beyond it is free to do from
 * the first open day, the rest waits for the predecessor's new targets (and lag), so without held targets no
 * stage plans more done, actuals included, than the one before it by any day, unless its actuals already
 * were. A stage given a window that ended by asOf plans nothing: what it has left is unscheduled, with a warning.
 * Held targets are the planner's: they are kept even where they run ahead of the previous stage.
 */
export function replan(input: ReplanInput): Replan {
  const { plan: old, actuals, asOf, changes } = input;
  const problems: Problem[] = [];
  const refuse = (done: Int32Array): Replan => ({ plan: { ...old, problems: [...old.problems, ...problems] }, done, firstOpen: old.periods.length, problems });

  // What the caller gave must make sense before anything is counted.
  const { checked, done } = checkInput(input, problems);
  if (!checked) return refuse(done);
  const f: Frame = {
    old, actuals, asOf, start: old.settings.start, end: changes.end, R: old.rows.length, oldP: old.periods.length,
    machines: checked.machines, rate: checked.rate, stages: checked.stages, problems, ...openPeriods(old, changes.end, asOf),
  };
  const left = leftPerRow(f, done, checked.late);
  const held = heldCells(f, input, left);
  if (problems.some((p) => p.severity === 'error')) return refuse(done);
  const sub = subPlan(f, changes.method, left.left, held, done);
  if (!sub) return refuse(done);
  const { targets, rows } = mergeTargets(f, sub, held, left);

  // The new plan's units say what is left now, so its totals agree with its rows: with stages, what the last
  // stage has left (a record is digitized when its last stage is done), and the books stage's books.
  const { units, settings } = sub;
  const { stages } = f;
  const last = finalStage(stages);
  old.rows.forEach((row, r) => {
    if (!stages || row.stage === last) units[row.unitIndex].counts.set(row.register, left.left[r]);
    else if (stages[row.stage!].unit === 'books') units[row.unitIndex].books = left.left[r];
  });
  problems.push(...sub.sub.problems);
  const plan: Plan = { settings, units, periods: f.periods, registers: old.registers, rows, targets, problems };
  return { plan, done, firstOpen: f.firstOpen, problems };
}
