/** No single cell can hold more records than this: a larger figure is a typing slip (the largest province has ~300,000). */
export const MAX_COUNT = 10_000_000;

/** A unit (commune, district…) as read from a sheet: what remains to digitize per register. */
export interface Unit {
  name: string;
  /**
   * The unit's code as written in the sheet's code column ("Mã xã": `16387`, `00004`), or null when the sheet
   * has none or leaves it blank. Two units of one name under one parent are told apart by it.
   */
  code: string | null;
  /** The unit above it (district, province), or null in a one-level list. */
  parent: string | null;
  /**
   * The whole chain above it, as a key, when the sheet has more than one level: Viet Nam has districts of one
   * name in several provinces (Huyện Châu Thành), which must not be added up together. Absent: `parent` is it.
   */
  parentKey?: string;
  /** Machines (số máy) working for it; null when the sheet does not say. */
  machines: number | null;
  /** Books (số quyển) still to digitize; null when the sheet does not say. */
  books: number | null;
  /** Records remaining per register code, in the sheet's column (or row) order. */
  counts: Map<string, number>;
  /** Address of the cell that names the unit, e.g. `Số liệu!B7`: warnings point here. */
  cell: string;
}

/** What follows a unit's name in messages so that two units of one name read apart: ` (mã 16387)`, or nothing. */
export function codeNote(code: string | null, lang: 'vi' | 'en'): string {
  return code === null ? '' : lang === 'vi' ? ` (mã ${code})` : ` (code ${code})`;
}
