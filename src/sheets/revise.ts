/**
 * A new revision of a plan read back from its workbook: the re-split (planning/replan.ts) turned into what
 * the forms write: the actuals typed so far carried over cell for cell, held targets kept and shaded, and a
 * line added to Lịch sử kế hoạch. Pure; the CLI and the pane write what it returns.
 */
import { DayNumber, formatVN } from '../planning/days';
import { Plan } from '../planning/plan';
import { Problem, hasErrors, problem } from '../planning/problems';
import { HeldSource, Replan, ReplanChanges, replan } from '../planning/replan';
import { rowLabel as labelOf } from '../planning/row-labels';
import { stageAheadProblems } from '../planning/stage-check';
import { isFinalRow } from '../planning/stages';
import { Unit } from '../planning/units';
import { planId } from './forms/marker';
import { periodsWithWork } from './forms/progress-layout';
import { RevisionEntry } from '../planning/history';
import { PlanWorkbook } from './read-plan-workbook';

export interface ReviseInput {
  book: PlanWorkbook;
  /** Actuals count up to this day; new targets start the day after. */
  asOf: DayNumber;
  /** The new end, and what else changes (method, rate, machines, a staged plan's stage windows). */
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
  /** Warnings (errors refuse: then `plan` is null), actuals that run ahead of the stage before them included. */
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
  const typed = new Set<number>(); // cells whose held target was typed over on Phụ lục 01 (not only held before)
  const kept = new Set(input.releaseHeld ? [] : book.held);
  const period = (k: number): string => `${formatVN(old.periods[k].start)}–${formatVN(old.periods[k].end)}`;
  const rowLabel = (r: number, lang: 'vi' | 'en'): string => labelOf(old, r, lang);
  const candidates = new Map<number, number>();
  for (const cell of kept) candidates.set(cell, old.targets[cell]);
  for (const [cell, value] of book.edits) {
    candidates.set(cell, value);
    typed.add(cell);
  }
  for (const [cell, value] of [...candidates].sort((a, b) => a[0] - b[0])) {
    const r = Math.floor(cell / oldP);
    const k = cell % oldP;
    const unit = old.units[old.rows[r].unitIndex].name;
    const at = book.editCell(r, k);
    if (old.periods[k].end <= asOf) {
      // Past: a target held before stays as it is anyway; one typed over now cannot be.
      if (!typed.has(cell)) continue;
      problems.push(problem('error', 'held-in-past', at, unit,
        `${rowLabel(r, 'vi')}: chỉ tiêu kỳ ${period(k)} đã được sửa thành ${value} ở ô ${at}, nhưng kỳ này đã qua nên không giữ được. ` +
          `Hãy gõ lại số đã giao (${old.targets[cell]}) vào ô đó.`,
        `${rowLabel(r, 'en')}: the target of ${period(k)} was typed over with ${value} at cell ${at}, but that period is past and cannot be held. ` +
          `Type the planned number (${old.targets[cell]}) back into that cell.`));
    } else if (old.periods[k].start > changes.end) {
      // After a new, earlier end the period is gone, and its held target with it.
      const why = typed.has(cell)
        ? { vi: 'đã được gõ đè ở', en: 'was typed over at' }
        : { vi: 'được giữ nguyên từ lần chia trước ở', en: 'held by an earlier re-split at' };
      problems.push(problem('warning', 'held-after-end', at, unit,
        `${rowLabel(r, 'vi')}: chỉ tiêu ${value} của kỳ ${period(k)} ${why.vi} ô ${at}, nhưng kỳ này bắt đầu sau hạn mới ${formatVN(changes.end)}: ` +
          'kỳ không còn trong kế hoạch nên chỉ tiêu này bị bỏ.',
        `${rowLabel(r, 'en')}: the target ${value} of ${period(k)} ${why.en} cell ${at}, but that period starts after the new end ${formatVN(changes.end)}: ` +
          'the period is no longer in the plan, so the target is dropped.'));
    } else {
      held.set(`${r}:${k}`, value);
    }
  }
  if (hasErrors(problems)) return { plan: null, problems };
  // What the re-split says about a held target names its cell on Phụ lục 01 and how to change it there.
  const heldSource = (r: number, k: number): HeldSource => {
    const at = book.editCell(r, k);
    const cell = r * oldP + k;
    // A target typed over only now is let go by typing the planned number back; one held before is not.
    const letGo = typed.has(cell) && !kept.has(cell)
      ? { vi: `gõ lại số đã giao (${old.targets[cell]}) để không giữ nữa`, en: `the planned number (${old.targets[cell]}) back to stop holding it` }
      : { vi: 'chia lại với --release-held yes để bỏ giữ các chỉ tiêu mà lần chia trước đã giữ', en: 're-split with --release-held yes to let go of the targets earlier re-splits held' };
    return { cell: at, fix: { vi: `Hãy gõ số khác đè lên ô ${at}, hoặc ${letGo.vi}.`, en: `Type another figure over cell ${at}, or ${letGo.en}.` } };
  };

  const result = replan({ plan: old, actuals: book.actuals, asOf, changes, held, heldSource });
  if (hasErrors(result.problems)) return { plan: null, problems: [...problems, ...result.problems] };
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
  // An actual in a period its stage no longer works in (a re-split that moved the stage's window after it) would
  // have no box on the new forms: refused, naming its cell, rather than lost.
  const work = periodsWithWork(next);
  for (let r = 0; r < old.rows.length; r++) {
    const s = old.rows[r].stage ?? 0;
    for (let k = 0; k < Math.min(oldP, P); k++) {
      const a = actuals[r * P + k];
      if (a === null || work[s][k]) continue;
      const at = book.actualCell(r, k);
      const span = `${formatVN(old.periods[k].start)}–${formatVN(old.periods[k].end)}`;
      problems.push(problem('error', 'actual-outside-window', at, old.units[old.rows[r].unitIndex].name,
        `Ô ${at} có số thực hiện ${a} của kỳ ${span}, nhưng theo các giai đoạn mới ${rowLabel(r, 'vi')} không còn làm việc trong kỳ này: chia lại sẽ làm mất nó. ` +
          'Hãy cho giai đoạn bắt đầu không muộn hơn kỳ đó (--stages).',
        `Cell ${at} holds the actual ${a} of ${span}, but with the new stages ${rowLabel(r, 'en')} no longer works in that period: a re-split would lose it. ` +
          'Start the stage no later than that period (--stages).'));
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
    // With stages, the history counts records: a record is digitized when its last stage is done.
    if (!isFinalRow(next, row)) return;
    need += old.rows[r].remaining;
    // What was done beyond a row's need counts only up to it, so need − done = left.
    done += Math.min(result.done[r], old.rows[r].remaining);
    left += row.remaining;
    unscheduled += row.unscheduled;
  });
  const entry: RevisionEntry = {
    revision, made: input.made, asOf, oldEnd: old.settings.end, end: next.settings.end, method: next.settings.method,
    need, done, left, unscheduled, note: input.note.trim(),
  };
  return {
    replan: result, plan, units, actuals, held: heldList, revision, planId: planId(plan, revision, heldList),
    history: [...book.history, entry],
    problems: [...book.problems, ...problems, ...stageAheadProblems(old, book.actuals, book.actualCell), ...result.problems],
  };
}
