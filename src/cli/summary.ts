import { formatVN } from '../planning/days';
import { Plan } from '../planning/plan';
import { planTotals } from '../planning/plan-totals';
import { Problem, describeProblem } from '../planning/problems';
import { StageTotals } from '../planning/plan-totals';
import { stageLabel } from '../planning/stages';
import { FORM_TEXT, periodLabel } from '../sheets/forms/text';
import { formatCount } from '../planning/text';

/** Periods listed in full up to this many; longer plans show the first and last few. */
const MAX_LISTED = 14;

/** A readable account of a plan for the terminal: what was read, targets per period, warnings. */
export function planSummary(plan: Plan, source: string, readerProblems: readonly Problem[]): string {
  const { settings, periods } = plan;
  const P = periods.length;
  const { perPeriod, remaining: total, unscheduled, workingDays, byStage } = planTotals(plan);
  const lines: string[] = [];
  const units = plan.units.length;
  lines.push(`Đã đọc ${source}: ${formatCount(units, 'vi')} đơn vị, ${plan.registers.length} loại sổ (${plan.registers.join(', ')}), ${formatCount(total, 'vi')} trường hợp.`);
  lines.push(`  (Read ${formatCount(units, 'en')} unit${units === 1 ? '' : 's'}, ${plan.registers.length} register${plan.registers.length === 1 ? '' : 's'}, ${formatCount(total, 'en')} records.)`);
  lines.push(`Kế hoạch ${formatVN(settings.start)}–${formatVN(settings.end)}, chia ${FORM_TEXT.vi.methods[settings.method]}: ${P} kỳ, ${workingDays} ngày làm việc.`);
  lines.push(`  (Plan ${settings.method} by ${settings.granularity}: ${P} periods, ${workingDays} working days.)`);
  if (byStage.length > 0) {
    lines.push(`${byStage.length} giai đoạn / stages:`);
    for (const s of byStage) lines.push(...stageLines(s));
    const last = byStage[byStage.length - 1].stage;
    lines.push('', `Chỉ tiêu theo kỳ là số trường hợp xong giai đoạn cuối «${stageLabel(last, 'vi')}».`);
    lines.push(`  (The targets per period are the records through the final stage "${stageLabel(last, 'en')}".)`);
  }
  lines.push('');
  lines.push(`${'Kỳ / Period'.padEnd(26)}${'Ngày LV / Days'.padStart(16)}${'Chỉ tiêu / Target'.padStart(20)}`);
  const listed = P <= MAX_LISTED ? [...Array(P).keys()] : [...Array(6).keys(), -1, ...[...Array(6).keys()].map((k) => P - 6 + k)];
  for (const k of listed) {
    if (k < 0) {
      lines.push(`${`… ${P - 12} kỳ / periods …`.padEnd(26)}`);
      continue;
    }
    lines.push(`${periodLabel(periods[k], settings.granularity, 'vi').padEnd(26)}${String(periods[k].workingDays).padStart(16)}${formatCount(perPeriod[k], 'vi').padStart(20)}`);
  }
  lines.push(`${'Tổng / Total'.padEnd(26)}${String(workingDays).padStart(16)}${formatCount(total - unscheduled, 'vi').padStart(20)}`);
  if (unscheduled > 0) lines.push(`Chưa xếp lịch / Unscheduled: ${formatCount(unscheduled, 'vi')}`);
  const warnings = [...readerProblems, ...plan.problems].filter((p) => p.severity === 'warning');
  if (warnings.length > 0) {
    lines.push('', `Cảnh báo / Warnings (${warnings.length}):`);
    for (const w of warnings) lines.push(`- ${describeProblem(w)}`);
  }
  return lines.join('\n');
}

/** A stage's line in each language: its window, its lag, what it plans and what does not fit. */
function stageLines({ stage, remaining, unscheduled }: StageTotals): string[] {
  const books = stage.unit === 'books';
  const window = `${formatVN(stage.start)}–${formatVN(stage.end)}`;
  const planned = remaining - unscheduled;
  const lagVi = stage.lag > 0 ? `, sau giai đoạn trước ${stage.lag} ngày làm việc` : '';
  const lagEn = stage.lag > 0 ? `, ${stage.lag} working day${stage.lag === 1 ? '' : 's'} after the previous stage` : '';
  const what = books ? { vi: 'quyển', en: 'books' } : { vi: 'trường hợp', en: 'records' };
  return [
    `- ${stageLabel(stage, 'vi')} ${window}${lagVi}: ${formatCount(planned, 'vi')} ${what.vi} theo kế hoạch, chưa xếp lịch ${formatCount(unscheduled, 'vi')}.`,
    `    (${stageLabel(stage, 'en')} ${window}${lagEn}: ${formatCount(planned, 'en')} ${what.en} planned, ${formatCount(unscheduled, 'en')} unscheduled.)`,
  ];
}
