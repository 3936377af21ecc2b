import { Unit } from '../../planning/units';
import { ModelRow, ModelValue, SheetModel } from '../model';
import { formatMarker } from './marker';
import { FormOptions } from './options';
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { registerLabel } from '../../planning/registers';
import { FORM_TEXT } from './text';

/**
 * The units as the reader understood them, with the cell each came from, so a planner can check the input.
 * When any unit has a code, a code column follows the name: two units of one name read apart.
 */
export function unitsReadSheet(units: readonly Unit[], registers: readonly string[], options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const coded = units.some((u) => u.code !== null);
  const code = (values: ModelValue[]): ModelValue[] => (coded ? values : []);
  // Same-named districts of two provinces are told apart by their whole chain: kept, hidden, for reading back.
  const chained = units.some((u) => u.parentKey !== undefined);
  const chain = (values: ModelValue[]): ModelValue[] => (chained ? values : []);
  const rows: ModelRow[] = [
    {
      values: [t.stt, t.unit, ...code([t.unitCode]), t.parent, t.machines, t.books, ...registers.map((r) => registerLabel(r, options.lang)), t.sourceCell, ...chain([t.parentChain])],
      style: 'header',
    },
  ];
  units.forEach((u, i) => {
    rows.push({ values: [i + 1, u.name, ...code([u.code]), u.parent, u.machines, u.books, ...registers.map((r) => u.counts.get(r) ?? null), u.cell, ...chain([u.parentKey ?? null])] });
  });
  return {
    name: options.names.units,
    font: FORM_FONT,
    columns: [
      { width: 5, style: 'center' },
      { width: 26, style: 'text' },
      ...(coded ? [{ width: 10, style: 'text' }] : []),
      { width: 20, style: 'text' },
      { width: 8, style: 'count' },
      { width: 9, style: 'count' },
      ...registers.map(() => ({ width: 11, style: 'count' })),
      { width: 18, style: 'text' },
      ...(chained ? [{ width: 18, style: 'text', hidden: true }] : []),
    ],
    rows,
    styles: FORM_STYLES,
    merges: [],
    freeze: { rows: 1, cols: coded ? 3 : 2 },
    page: { ...landscapePage(1, 1, t.footer, [0, coded ? 2 : 1]), ...(chained ? { printArea: { lastRow: rows.length, lastCol: rows[0].values.length - 2 } } : {}) },
    marker: formatMarker({ kind: 'units', planId: options.planId }),
  };
}
