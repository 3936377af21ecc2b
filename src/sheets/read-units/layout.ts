import { ALL_REGISTER } from '../../planning/registers';
import { Findings, quoted } from './findings';
import { Header, HeaderColumn } from './header';
import { Level } from './headings';

export interface CountColumn {
  col: number;
  code: string;
}

/** Which grid column holds what, decided once from the header. */
interface LayoutBase {
  index: number | null;
  /** The level the unit column names (districts in a sheet of districts), null for "Đơn vị" or none. */
  unitLevel: Level | null;
  /** The unit code column: with one, units are known by their code, so two of one name can be told apart. */
  code: number | null;
  /** Parent columns, highest level first: the last filled one is the unit's parent. */
  parents: number[];
  machines: number | null;
  /** Added together: a sheet may give books per register. */
  books: number[];
  /** Columns with another header: warned about once if they hold numbers. */
  ignored: number[];
  /** The new commune a former one's books went to ("Xã mới"), read for `remap`. */
  successor: number | null;
}
export interface WideLayout extends LayoutBase {
  format: 'wide';
  name: number;
  /** One per register (or the single ALL column). */
  counts: CountColumn[];
  /** Total columns, checked against the sum of the row's registers. */
  checks: number[];
}
export interface LongLayout extends LayoutBase {
  format: 'long';
  /** Null for the rows of one unit (Đại Lãnh's plan). */
  name: number | null;
  registerName: number;
  count: number;
}
export type Layout = WideLayout | LongLayout;

/** Decides the layout from the header, reporting columns that repeat one another. */
export function planLayout(header: Header, out: Findings): Layout {
  const { columns } = header;
  const firstOf = (kind: HeaderColumn['role']['kind']): number | null => {
    const c = columns.findIndex((col) => col.role.kind === kind);
    return c < 0 ? null : c;
  };
  const firstSeen = new Map<string, number>();
  /** True for a column that repeats an earlier one: two figures for one thing cannot both be right. */
  const repeats = (key: string, c: number): boolean => {
    const first = firstSeen.get(key);
    if (first === undefined) {
      firstSeen.set(key, c);
      return false;
    }
    const at = out.address(columns[first].row, first);
    out.add(columns[c].row, c, 'error', 'duplicate-column', null,
      `Cột ${quoted(columns[c].label, 'vi')} lặp lại cột ở ô ${at}; mỗi loại số liệu chỉ được có một cột.`,
      `Column ${quoted(columns[c].label, 'en')} repeats the column at ${at}; each figure may have one column only.`);
    return true;
  };

  const registers: CountColumn[] = [];
  const totals: number[] = [];
  const parents: number[] = [];
  const books: number[] = [];
  const ignored: number[] = [];
  let machines: number | null = null;
  let code: number | null = null;
  columns.forEach(({ role }, c) => {
    if (role.kind === 'register') {
      if (!repeats(role.code, c)) registers.push({ col: c, code: role.code });
    } else if (role.kind === 'machines') {
      if (!repeats('machines', c)) machines = c;
    } else if (role.kind === 'code') {
      if (!repeats('code', c)) code = c;
    } else if (role.kind === 'total') totals.push(c);
    else if (role.kind === 'parent') parents.push(c);
    else if (role.kind === 'books') books.push(c);
    // A parent's code ("Mã huyện") is no figure: not warned about.
    else if (role.kind === 'other' && role.codeOf === undefined) ignored.push(c);
  });
  const registerName = firstOf('registerName');
  const name = firstOf('name');
  const nameRole = name === null ? null : columns[name].role;
  const unitLevel = nameRole?.kind === 'name' ? nameRole.level ?? null : null;
  const common = { index: firstOf('index'), unitLevel, code, parents, machines, books, successor: firstOf('successor') };
  // findHeader accepts a table only with a count column, and a unit column unless it is long.
  if (registerName !== null && registers.length === 0) {
    return { ...common, format: 'long', name, registerName, count: totals[0], ignored: [...ignored, ...totals.slice(1)] };
  }
  // With registers, every total column is a check; without, the first is the count (register ALL).
  const counts = registers.length > 0 ? registers : [{ col: totals[0], code: ALL_REGISTER.code }];
  const checks = registers.length > 0 ? totals : totals.slice(1);
  return { ...common, format: 'wide', name: name as number, counts, checks, ignored };
}
