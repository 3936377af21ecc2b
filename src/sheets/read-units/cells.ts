import { fold } from '../../planning/text';
import { CellValue } from '../grid';
import { parseCount } from '../parse-count';

/** A cell's text, spaces collapsed; null when it holds no text. */
export const textOf = (v: CellValue | undefined): string | null => {
  const text = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
  return text === '' ? null : text;
};

/** Names are compared as people mean them: case and spacing aside, but diacritics kept (Tân Hòa ≠ Tân Hóa). */
export const nameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** A unit code as written: text trimmed (leading zeros kept: `00004`), a number as its digits (16387). */
export const codeOf = (v: CellValue | undefined): string | null =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v) : null) : textOf(v);

/** A unit's number in the STT column: 1, "12", "3.". */
export const isOrdinal = (v: CellValue | undefined): boolean =>
  (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\s*\d+\s*[.)]?\s*$/.test(v));

/** A group's number in the STT column: a Roman numeral or a letter ("I", "II.", "A"). */
export const isGroupMarker = (v: CellValue | undefined): boolean => typeof v === 'string' && /^([ivxlc]+|[a-z])[.)]?$/.test(fold(v));

/** A number in a column that is not read, worth one warning: numbers, or text typed as one. */
export const holdsNumber = (v: CellValue | undefined): boolean =>
  typeof v === 'number' || (typeof v === 'string' && /\d/.test(v) && parseCount(v).kind === 'count');
