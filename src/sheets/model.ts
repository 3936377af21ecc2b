import { DayNumber } from '../planning/days';

/**
 * The host-neutral sheet model both adapters render (ExcelJS to a file, Office.js into the open
 * workbook). Plain data, so a form is tested by comparing data. Styles are named and shared per column
 * or per row rather than stored per cell: national plans have millions of cells.
 */
export type ModelValue = null | number | string | { date: DayNumber } | { formula: string };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  border?: boolean;
  /** Background as ARGB hex, e.g. `FFDDEBF7`. */
  fill?: string;
}

export interface ModelRow {
  values: ModelValue[];
  /** Style name applied to every cell of the row, over the column's. */
  style?: string;
}

export interface SheetModel {
  name: string;
  font: { name: string; size: number };
  columns: { width: number; style?: string }[];
  rows: ModelRow[];
  styles: Record<string, CellStyle>;
  /** A1 ranges, e.g. `A1:H1`. */
  merges: string[];
  /** Rows and columns kept in view when scrolling (the header). */
  freeze?: { rows: number; cols: number };
  page?: { landscape: boolean; fitToWidth: boolean; printTitleRows?: [number, number] };
}

/** The style of a cell: its column's, overridden by its row's. */
export function cellStyle(sheet: SheetModel, rowIndex: number, colIndex: number): CellStyle {
  const col = sheet.columns[colIndex]?.style;
  const row = sheet.rows[rowIndex]?.style;
  return { ...(col ? sheet.styles[col] : {}), ...(row ? sheet.styles[row] : {}) };
}
