/** A unit (commune, district…) as read from a sheet: what remains to digitize per register. */
export interface Unit {
  name: string;
  /** The unit above it (district, province), or null in a one-level list. */
  parent: string | null;
  /** Machines (số máy) working for it; null when the sheet does not say. */
  machines: number | null;
  /** Books (số quyển) still to digitize; null when the sheet does not say. */
  books: number | null;
  /** Records remaining per register code, in the sheet's column (or row) order. */
  counts: Map<string, number>;
  /** Address of the cell that names the unit, e.g. `Số liệu!B7`: warnings point here. */
  cell: string;
}
