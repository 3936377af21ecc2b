/**
 * Actuals that run ahead of the stage before them: more records entered than scanned by the end of a
 * period. The forms flag it; it is a warning, not an error, since a slip in either figure or a late report of
 * the earlier stage looks the same, and the planner decides which. Pure.
 */
import { formatVN } from './days';
import { Plan } from './plan';
import { Problem, problem } from './problems';
import { quotedStage, rowLabel } from './row-labels';
import { predecessorOf } from './stages';
import { formatCount } from './text';

/**
 * One warning (`ahead-of-previous-stage`) per row of a stage with a predecessor (stages.ts `predecessorOf`)
 * whose actuals, added up from the first period, pass those of the predecessor's row of the same unit and
 * register by the end of some period: at the first such period, with both figures. `actuals` is row-major
 * rows × periods (null = blank); `cellOf(row, k)` names the cell where the row's actual of period k is typed
 * (`'Phụ lục 02 - Báo cáo tiến độ'!H10`); without it the unit's cell is named. A plan without stages, or
 * actuals of another shape, has none.
 */
export function stageAheadProblems(plan: Plan, actuals: ReadonlyArray<number | null>, cellOf?: (row: number, period: number) => string): Problem[] {
  const stages = plan.settings.stages ?? [];
  const P = plan.periods.length;
  const R = plan.rows.length;
  if (stages.length === 0 || actuals.length !== R * P) return [];
  const rowAt = new Map<string, number>();
  plan.rows.forEach((row, r) => rowAt.set(`${row.stage}\u0000${row.unitIndex}\u0000${row.register}`, r));
  const value = (r: number, k: number): number => {
    const a = actuals[r * P + k];
    return typeof a === 'number' && Number.isFinite(a) ? a : 0;
  };
  const problems: Problem[] = [];
  plan.rows.forEach((row, r) => {
    if (row.stage === undefined) return;
    const p = predecessorOf(stages, row.stage);
    const pr = p < 0 ? undefined : rowAt.get(`${p}\u0000${row.unitIndex}\u0000${row.register}`);
    if (pr === undefined) return;
    let mine = 0;
    let theirs = 0;
    for (let k = 0; k < P; k++) {
      mine += value(r, k);
      theirs += value(pr, k);
      if (mine <= theirs) continue;
      const unit = plan.units[row.unitIndex];
      const cell = cellOf ? cellOf(r, k) : unit.cell;
      const span = `${formatVN(plan.periods[k].start)}–${formatVN(plan.periods[k].end)}`;
      const [pv, pe] = [quotedStage(stages[p], 'vi'), quotedStage(stages[p], 'en')];
      problems.push(problem('warning', 'ahead-of-previous-stage', cell, unit.name,
        `${rowLabel(plan, r, 'vi')}: đến hết kỳ ${span}, số đã làm cộng dồn là ${formatCount(mine, 'vi')} trường hợp, nhiều hơn ${formatCount(theirs, 'vi')} trường hợp ` +
          `của giai đoạn trước ${pv}. Hãy kiểm tra lại số liệu của hai giai đoạn.`,
        `${rowLabel(plan, r, 'en')}: by the end of ${span}, ${formatCount(mine, 'en')} records are done in all, more than the ${formatCount(theirs, 'en')} ` +
          `of the stage before, ${pe}. Check the figures of both stages.`));
      return;
    }
  });
  return problems;
}
