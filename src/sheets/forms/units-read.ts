import { Unit } from '../../planning/units';
import { ModelRow, SheetModel } from '../model';
import { registerLabel } from './labels';

export const UNITS_SHEET = 'Đơn vị đã đọc';

/** The units as the reader understood them, with the cell each came from, so a planner can check the input. */
export function unitsReadSheet(units: readonly Unit[], registers: readonly string[]): SheetModel {
  const rows: ModelRow[] = [
    { values: ['STT', 'Đơn vị', 'Cấp trên', 'Số máy', 'Số quyển', ...registers.map(registerLabel), 'Ô nguồn'], style: 'header' },
  ];
  units.forEach((u, i) => {
    rows.push({ values: [i + 1, u.name, u.parent, u.machines, u.books, ...registers.map((r) => u.counts.get(r) ?? null), u.cell] });
  });
  return {
    name: UNITS_SHEET,
    font: { name: 'Times New Roman', size: 12 },
    columns: [
      { width: 5 },
      { width: 26 },
      { width: 20 },
      { width: 8, style: 'count' },
      { width: 9, style: 'count' },
      ...registers.map(() => ({ width: 11, style: 'count' })),
      { width: 18 },
    ],
    rows,
    styles: { header: { bold: true, align: 'center', wrap: true, border: true, fill: 'FFDDEBF7' }, count: { numFmt: '#,##0' } },
    merges: [],
    freeze: { rows: 1, cols: 2 },
  };
}
