import { formatVN, ymdFromDay } from '../../planning/days';
import { Granularity, Period } from '../../planning/periods';
import { registerInfo } from '../../planning/registers';
import { Method } from '../../planning/settings';

/** Column heading for a period, as the plans write them: "Tháng 6/2024", "Tuần 03/06–09/06", "22/05". */
export function periodLabel(period: Period, granularity: Granularity): string {
  const { month, year } = ymdFromDay(period.start);
  if (granularity === 'month') return `Tháng ${month}/${year}`;
  const short = (d: number): string => formatVN(d).slice(0, 5);
  if (granularity === 'week') return `Tuần ${short(period.start)}–${short(period.end)}`;
  return short(period.start);
}

export function registerLabel(code: string): string {
  return registerInfo(code)?.vi ?? code;
}

export const METHOD_LABELS: Record<Method, string> = {
  even: 'đều',
  workdays: 'theo số ngày làm việc',
  priority: 'theo thứ tự ưu tiên',
  capacity: 'theo năng lực máy',
};
