import { DayNumber, formatVN } from '../days';
import { Plan } from '../plan';
import { Problem, problem } from '../problems';
import { quotedStage } from '../row-labels';
import { Stage, stageLabel, stagesProblem } from '../stages';

/**
 * The stages of a re-split plan (undefined for a plan without stages).
 *
 * Given (`ReplanChanges.stages`): they must be the plan's own stages (same keys, in the same order, each
 * counting what it counted), with their new windows and lags, none starting before the plan's start or
 * ending after the new end; a stage given without a label keeps the plan's label.
 *
 * Not given: every stage keeps its window, except that a stage that ended after the new end, on the old
 * plan end (it ran to the deadline), or by the as-of date (its deadline has passed: what it has left, and every
 * stage after it, would otherwise stay unscheduled) now ends on the new end. So a later deadline extends the
 * stages that ran to the old one or fell behind and leaves the other stage deadlines as they were; an earlier
 * one cuts every stage down to it. A stage that would then start after the new end is refused: it needs a
 * window given.
 */
export function resplitStages(old: Plan, given: readonly Stage[] | undefined, end: DayNumber, asOf: DayNumber): { stages: Stage[] | undefined; problems: Problem[] } {
  const before = old.settings.stages ?? [];
  const problems: Problem[] = [];
  const refuse = (code: string, vi: string, en: string): { stages: undefined; problems: Problem[] } => {
    problems.push(problem('error', code, null, null, vi, en));
    return { stages: undefined, problems };
  };
  if (before.length === 0) {
    if (given === undefined) return { stages: undefined, problems };
    return refuse('stages-not-in-plan',
      'Kế hoạch này không chia theo giai đoạn nên không có thời gian giai đoạn nào để đặt lại.',
      'This plan has no workflow stages, so there are no stage windows to change.');
  }
  const q = quotedStage;
  if (given === undefined) {
    const stages = before.map((s) => (s.end > end || s.end === old.settings.end || s.end <= asOf ? { ...s, end } : { ...s }));
    for (const s of stages) {
      if (s.start <= s.end) continue;
      problems.push(problem('error', 'stage-starts-after-end', null, null,
        `Giai đoạn ${q(s, 'vi')} bắt đầu ${formatVN(s.start)}, sau hạn mới ${formatVN(end)}: hãy cho các giai đoạn thời gian mới.`,
        `The stage ${q(s, 'en')} starts on ${formatVN(s.start)}, after the new end ${formatVN(end)}: give the stages new windows.`));
    }
    return problems.length > 0 ? { stages: undefined, problems } : { stages, problems };
  }

  const list = (lang: 'vi' | 'en'): string => before.map((s) => stageLabel(s, lang)).join(', ');
  const keep = { vi: `khi chia lại, các giai đoạn vẫn là của kế hoạch (${list('vi')}), theo thứ tự đó; chỉ thời gian và độ trễ của chúng đổi được.`, en: `a re-split keeps the plan's stages (${list('en')}) in that order; only their windows and lags change.` };
  const unitName = (s: Stage, lang: 'vi' | 'en'): string => (s.unit === 'books' ? (lang === 'vi' ? 'quyển sổ' : 'books') : lang === 'vi' ? 'trường hợp' : 'records');
  for (let i = 0; i < Math.max(before.length, given.length); i++) {
    const o = before[i];
    const n = given[i];
    if (!n) {
      return refuse('stage-mismatch', `Thiếu giai đoạn ${q(o, 'vi')} (thứ ${i + 1}): ${keep.vi}`, `The stage ${q(o, 'en')} (stage ${i + 1}) is missing: ${keep.en}`);
    }
    if (!o) {
      return refuse('stage-mismatch', `Giai đoạn ${q(n, 'vi')} không có trong kế hoạch: ${keep.vi}`, `The stage ${q(n, 'en')} is not one of the plan's: ${keep.en}`);
    }
    if (n.key !== o.key) {
      return refuse('stage-mismatch',
        `Giai đoạn thứ ${i + 1} là ${q(n, 'vi')}, nhưng của kế hoạch là ${q(o, 'vi')}: ${keep.vi}`,
        `Stage ${i + 1} is ${q(n, 'en')}, but the plan's is ${q(o, 'en')}: ${keep.en}`);
    }
    if (n.unit !== o.unit) {
      return refuse('stage-mismatch',
        `Giai đoạn ${q(o, 'vi')} của kế hoạch tính theo ${unitName(o, 'vi')}; khi chia lại không đổi thành tính theo ${unitName(n, 'vi')} được.`,
        `The stage ${q(o, 'en')} counts ${unitName(o, 'en')} in the plan; a re-split cannot make it count ${unitName(n, 'en')}.`);
    }
  }
  const stages = given.map((n, i) => ({ ...n, label: n.label ?? before[i].label }));
  const wrong = stagesProblem(stages);
  if (wrong) return refuse('bad-stages', wrong.vi, wrong.en);
  for (const s of stages) {
    if (s.start < old.settings.start) {
      problems.push(problem('error', 'stage-before-start', null, null,
        `Giai đoạn ${q(s, 'vi')} bắt đầu ${formatVN(s.start)}, trước ngày bắt đầu ${formatVN(old.settings.start)} của kế hoạch.`,
        `The stage ${q(s, 'en')} starts on ${formatVN(s.start)}, before the plan's start on ${formatVN(old.settings.start)}.`));
    }
    if (s.end > end) {
      problems.push(problem('error', 'stage-after-end', null, null,
        `Giai đoạn ${q(s, 'vi')} kết thúc ${formatVN(s.end)}, sau hạn mới ${formatVN(end)} của kế hoạch.`,
        `The stage ${q(s, 'en')} ends on ${formatVN(s.end)}, after the plan's new end ${formatVN(end)}.`));
    }
  }
  return problems.length > 0 ? { stages: undefined, problems } : { stages, problems };
}
