import { formatVN } from '../planning/days';
import { Plan } from '../planning/plan';
import { planTotals } from '../planning/plan-totals';
import { Problem, describeProblem } from '../planning/problems';
import { FORM_TEXT, periodLabel } from '../sheets/forms/text';
import { formatCount } from '../planning/text';

/** Periods listed in full up to this many; longer plans show the first and last few. */
const MAX_LISTED = 14;

/** A readable account of a plan for the terminal: what was read, targets per period, warnings. */
export function planSummary(plan: Plan, source: string, readerProblems: readonly Problem[]): string {
  const { settings, periods } = plan;
  const P = periods.length;
  const { perPeriod, remaining: total, unscheduled, workingDays } = planTotals(plan);
  const lines: string[] = [];
  const units = plan.units.length;
  lines.push(`Đã đọc ${source}: ${formatCount(units, 'vi')} đơn vị, ${plan.registers.length} loại sổ (${plan.registers.join(', ')}), ${formatCount(total, 'vi')} trường hợp.`);
  lines.push(`  (Read ${formatCount(units, 'en')} unit${units === 1 ? '' : 's'}, ${plan.registers.length} register${plan.registers.length === 1 ? '' : 's'}, ${formatCount(total, 'en')} records.)`);
  lines.push(`Kế hoạch ${formatVN(settings.start)}–${formatVN(settings.end)}, chia ${FORM_TEXT.vi.methods[settings.method]}: ${P} kỳ, ${workingDays} ngày làm việc.`);
  lines.push(`  (Plan ${settings.method} by ${settings.granularity}: ${P} periods, ${workingDays} working days.)`);
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
