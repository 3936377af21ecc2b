import { Problem } from '../../planning/problems';
import { Unit } from '../../planning/units';
import { Grid } from '../grid';
import { isBlank } from '../parse-count';
import { Findings } from './findings';
import { findHeader } from './header';
import { Level } from './headings';
import { planLayout } from './layout';
import { reportNoHeader } from './no-header';
import { TableReader } from './rows';
import { Successor } from './units';

export interface ReadOptions {
  /** Name for the single unit of a long-format sheet with no unit column (default: the sheet name). */
  unitName?: string;
}

export interface UnitsTable {
  format: 'wide' | 'long';
  /** In sheet order. */
  units: Unit[];
  /** Register codes present, in column (wide) or first-appearance (long) order. */
  registers: string[];
  /** Every error and warning found, in sheet order; errors mean the table must not be planned. */
  problems: Problem[];
  /** 1-based sheet row of the (lowest) header row; 0 when no header was found. */
  headerRow: number;
  /** A sheet with a "Xã mới" column: the new commune each unit's row names, by the unit's cell (`remap`). */
  successors?: Map<string, Successor>;
  /**
   * The level the unit column's header names (2 in a sheet of districts: "Huyện, thị xã"), with that header's
   * cell; absent for "Đơn vị" and the like, which say nothing of the level.
   */
  unitLevel?: { level: Level; cell: string };
}

/**
 * Reads the units and their remaining records from a sheet's grid: wide (a row per unit, a column per
 * register) or long (rows of unit, register, count; or register and count for one unit). Never throws:
 * everything wrong is a problem naming its cell. The header (header.ts) decides the layout (layout.ts); the
 * rows are read into units (rows.ts, units.ts) and total rows checked against them (totals.ts).
 */
export function readUnits(grid: Grid, options: ReadOptions = {}): UnitsTable {
  const out = new Findings(grid);
  const none = (): UnitsTable => ({ format: 'wide', units: [], registers: [], problems: out.sorted(), headerRow: 0 });
  if (!grid.rows.some((row) => row && !row.every(isBlank))) {
    out.add(-1, -1, 'error', 'empty-sheet', null,
      `Trang tính «${grid.sheet}» trống: chưa có bảng số liệu để đọc.`,
      `The sheet "${grid.sheet}" is empty: there is no table to read.`);
    return none();
  }
  const width = grid.rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const search = findHeader(grid, width);
  if (search.kind === 'none') {
    reportNoHeader(grid, search.closest, out);
    return none();
  }
  const { header } = search;
  const layout = planLayout(header, out);
  const singleName = options.unitName?.trim() || grid.sheet;
  const reader = new TableReader(grid, layout, header, singleName, out);
  const units = reader.read();
  const successors = reader.successors();
  const nameCol = layout.name;
  const unitLevel = layout.unitLevel !== null && nameCol !== null ? { level: layout.unitLevel, cell: out.address(header.columns[nameCol].row, nameCol) } : null;
  return {
    format: layout.format, units, registers: reader.registers, problems: out.sorted(), headerRow: (grid.firstRow ?? 1) + header.bottom,
    ...(successors ? { successors } : {}),
    ...(unitLevel ? { unitLevel } : {}),
  };
}
export type { Successor } from './units';
export type { Level } from './headings';
