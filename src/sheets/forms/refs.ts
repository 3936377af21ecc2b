import { columnLetters, quoteSheet } from '../grid';

/** Column letters of a 0-based column index. */
export const col = (index: number): string => columnLetters(index + 1);

/** `D10` for a 0-based column and a 1-based row. */
export const cell = (colIndex: number, row: number): string => `${col(colIndex)}${row}`;

/** `$D$10` */
export const absCell = (colIndex: number, row: number): string => `$${col(colIndex)}$${row}`;

/** `'Sheet'!$D$10:$D$99`, a fixed range on another sheet. */
export function sheetRange(sheet: string, c1: number, r1: number, c2: number, r2: number): string {
  return `${quoteSheet(sheet)}!${absCell(c1, r1)}:${absCell(c2, r2)}`;
}

/** A formula's string literal: `"Chậm tiến độ"`, quotes doubled. */
export const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;
