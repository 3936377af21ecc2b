/**
 * A new revision of a plan read back from its workbook: the re-split (planning/replan.ts) turned into what
 * the forms write: the actuals typed so far carried over cell for cell, held targets kept and shaded, and a
 * line added to Lịch sử kế hoạch. Pure; the CLI and the pane write what it returns.
 */
import { DayNumber, formatVN } from '../planning/days';
import { Plan } from '../planning/plan';
import { Problem, hasErrors, problem } from '../planning/problems';
import { Replan, ReplanChanges, replan } from '../planning/replan';
import { Unit } from '../planning/units';
import { planId } from './forms/marker';
import { RevisionEntry } from './forms/history-sheet';
import { PlanWorkbook } from './read-plan-workbook';

export interface ReviseInput {
  book: PlanWorkbook;
  /** Actuals count up to this day; new targets start the day after. */
  asOf: DayNumber;
  changes: ReplanChanges;
  /** Why (the decision that moved the deadline), for the history. */
  note: string;
  /** Today, for the history. */
  made: DayNumber;
  /** Let go of the targets earlier re-splits held (targets typed over on Phụ lục 01 are still held). */
  releaseHeld?: boolean;
}

export interface Revision {
  /** The re-split itself: rows' `remaining` is what is left after the actuals (the JSON contract's). */
  replan: Replan;
  /** The plan the forms show: each row's `remaining` is what it had to digitize from the start. */
  plan: Plan;
  /** Đơn vị đã đọc: as read, with the machines changed. */
  units: Unit[];
  /** Row-major rows × the new periods: every actual typed, in the same period. */
  actuals: (number | null)[];
  held: number[];
  revision: number;
  planId: string;
  history: RevisionEntry[];
  /** Warnings (errors refuse: then `plan` is null). */
  problems: Problem[];
}

export type RevisionResult = Revision | { plan: null; problems: Problem[] };

export function revise(input: ReviseInput): RevisionResult {
  const { book, asOf, changes } = input;
  const old = book.plan;
  const oldP = old.periods.length;
  const problems: Problem[] = [];

  // Held: what earlier re-splits held (at today's targets) and still lies ahead, then what was typed over.
  const held = new Map<string, number>();
  const hold = (cell: number, value: number): void => {
    const r = Math.floor(cell / oldP);
    const k = cell % oldP;
    // Past: its target stays as it is anyway; after the new end: the period is gone.
    if (old.periods[k].end <= asOf || old.periods[k].start > changes.end) return;
    held.set(`${r}:${k}`, value);
  };
  if (!input.releaseHeld) for (const cell of book.held) hold(cell, old.targets[cell]);
  for (const [cell, value] of book.edits) {
    const k = cell % oldP;
    if (old.periods[k].end > asOf) hold(cell, value);
    else {
      const u = old.units[old.rows[Math.floor(cell / oldP)].unitIndex];
      problems.push(problem('error', 'held-in-past', u.cell, u.name,
        `${u.name}: chỉ tiêu kỳ ${formatVN(old.periods[k].start)}–${formatVN(old.periods[k].end)} đã được sửa ở Phụ lục 01, nhưng kỳ này đã qua nên không giữ được. Hãy gõ lại số đã giao (${old.targets[cell]}).`,
        `${u.name}: the target of ${formatVN(old.periods[k].start)}–${formatVN(old.periods[k].end)} was typed over on Annex 01, but that period is past and cannot be held. Type the planned number (${old.targets[cell]}) back.`));
    }
  }
  if (hasErrors(problems)) return { plan: null, problems };

  const result = replan({ plan: old, actuals: book.actuals, asOf, changes, held });
  if (hasErrors(result.problems)) return { plan: null, problems: result.problems };
  const next = result.plan;
  const P = next.periods.length;

  // Every actual stays in its period: periods share the start, so period k is the same period in both plans.
  const actuals: (number | null)[] = new Array(old.rows.length * P).fill(null);
  for (let r = 0; r < old.rows.length; r++) {
    for (let k = 0; k < oldP; k++) {
      const a = book.actuals[r * oldP + k];
      if (a === null) continue;
      if (k < P) {
        actuals[r * P + k] = a;
        continue;
      }
      const u = old.units[old.rows[r].unitIndex];
      const at = book.actualCell(r, k);
      problems.push(problem('error', 'actual-after-new-end', at, u.name,
        `Ô ${at} có số thực hiện ${a} của kỳ ${formatVN(old.periods[k].start)}–${formatVN(old.periods[k].end)}, sau hạn mới ${formatVN(changes.end)}: chia lại sẽ làm mất nó. Hãy kiểm tra lại số liệu hoặc chọn hạn muộn hơn.`,
        `Cell ${at} holds the actual ${a} of ${formatVN(old.periods[k].start)}–${formatVN(old.periods[k].end)}, after the new end ${formatVN(changes.end)}: a re-split would lose it. Check the figure, or choose a later end.`));
    }
  }
  if (hasErrors(problems)) return { plan: null, problems };

  const units = old.units.map((u, ui) => ({ ...u, machines: next.units[ui].machines }));
  const plan: Plan = {
    ...next,
    units,
    rows: next.rows.map((row, r) => ({ ...row, remaining: old.rows[r].remaining })),
  };
  const heldList = [...held.keys()].map((key) => {
    const [r, k] = key.split(':').map(Number);
    return r * P + k;
  }).sort((a, b) => a - b);
  const revision = book.revision + 1;
  let need = 0;
  let done = 0;
  let left = 0;
  let unscheduled = 0;
  next.rows.forEach((row, r) => {
    need += old.rows[r].remaining;
    done += result.done[r];
    left += row.remaining;
    unscheduled += row.unscheduled;
  });
  const entry: RevisionEntry = {
    revision, made: input.made, asOf, oldEnd: old.settings.end, end: next.settings.end, method: next.settings.method,
    need, done, left, unscheduled, note: input.note.trim(),
  };
  return {
    replan: result, plan, units, actuals, held: heldList, revision, planId: planId(plan, revision, heldList),
    history: [...book.history, entry], problems: [...book.problems, ...result.problems],
  };
}
