import { formatVN } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { Problem } from '../../planning/problems';
import { columnLetters } from '../grid';
import { ModelRow, ModelValue, SheetModel } from '../model';
import { METHOD_LABELS, periodLabel, registerLabel } from './labels';

export const QUOTA_SHEET = 'Phụ lục 01 - Giao chỉ tiêu';

const FIXED = ['STT', 'Đơn vị', 'Cấp trên', 'Loại sổ', 'Số còn lại', 'Số máy'];
const TRAILING = ['Chưa xếp lịch', 'Ngày hoàn thành', 'Ghi chú'];

/**
 * Phụ lục 01 – the quota assignment table: one row per unit × register with its target per period.
 * Every figure comes from the plan (the totals too), so the sheet never disagrees with the engine.
 */
export function quotaAssignmentSheet(plan: Plan): SheetModel {
  const { periods, settings } = plan;
  const P = periods.length;
  const header = [...FIXED, ...periods.map((p) => periodLabel(p, settings.granularity)), ...TRAILING];
  const width = header.length;
  const notes = notesByCell(plan.problems);

  const rows: ModelRow[] = [
    { values: ['PHỤ LỤC 01'], style: 'title' },
    { values: ['BẢNG GIAO CHỈ TIÊU SỐ HÓA SỔ HỘ TỊCH'], style: 'title' },
    {
      values: [`Từ ngày ${formatVN(settings.start)} đến ngày ${formatVN(settings.end)}; chia ${METHOD_LABELS[settings.method]}`],
      style: 'subtitle',
    },
    { values: [] },
    { values: header, style: 'header' },
  ];
  const headerRow = rows.length;

  const totals = new Float64Array(P);
  let totalRemaining = 0;
  let totalUnscheduled = 0;
  let stt = 0;
  let lastUnit = -1;
  plan.rows.forEach((row, i) => {
    const unit = plan.units[row.unitIndex];
    const first = row.unitIndex !== lastUnit;
    if (first) stt++;
    lastUnit = row.unitIndex;
    const values: ModelValue[] = [
      first ? stt : null,
      unit.name,
      unit.parent,
      registerLabel(row.register),
      row.remaining,
      unit.machines,
    ];
    for (let k = 0; k < P; k++) {
      const t = plan.targets[i * P + k];
      totals[k] += t;
      values.push(t);
    }
    totalRemaining += row.remaining;
    totalUnscheduled += row.unscheduled;
    values.push(row.unscheduled, row.finish === null ? null : { date: row.finish }, first ? notes.get(unit.cell) ?? null : null);
    rows.push({ values });
  });
  rows.push({
    values: [null, 'Tổng cộng', null, null, totalRemaining, null, ...Array.from(totals), totalUnscheduled, null, null],
    style: 'total',
  });

  const last = columnLetters(width);
  return {
    name: QUOTA_SHEET,
    font: { name: 'Times New Roman', size: 12 },
    columns: [
      { width: 5, style: 'center' },
      { width: 26 },
      { width: 20 },
      { width: 12 },
      { width: 11, style: 'count' },
      { width: 7, style: 'count' },
      ...periods.map(() => ({ width: 11, style: 'count' })),
      { width: 10, style: 'count' },
      { width: 12, style: 'date' },
      { width: 40, style: 'note' },
    ],
    rows,
    styles: {
      title: { bold: true, size: 14, align: 'center' },
      subtitle: { italic: true, align: 'center' },
      header: { bold: true, align: 'center', wrap: true, border: true, fill: 'FFDDEBF7' },
      total: { bold: true, border: true, numFmt: '#,##0' },
      center: { align: 'center', border: true },
      count: { numFmt: '#,##0', border: true },
      date: { numFmt: 'dd/mm/yyyy', align: 'center', border: true },
      note: { wrap: true, border: true },
    },
    merges: width > 1 ? [`A1:${last}1`, `A2:${last}2`, `A3:${last}3`] : [],
    freeze: { rows: headerRow, cols: 2 },
    page: { landscape: true, fitToWidth: true, printTitleRows: [headerRow, headerRow] },
  };
}

/** The Vietnamese text of each unit's warnings, keyed by the unit's cell (which names one unit). */
function notesByCell(problems: readonly Problem[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const p of problems) {
    if (p.cell === null || p.unit === null) continue;
    const before = notes.get(p.cell);
    notes.set(p.cell, before ? `${before}\n${p.vi}` : p.vi);
  }
  return notes;
}
