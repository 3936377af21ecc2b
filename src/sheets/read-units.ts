import { Problem, Severity, problem } from '../planning/problems';
import { ALL_REGISTER, matchRegister, registerInfo } from '../planning/registers';
import { fold, formatCount } from '../planning/text';
import { Unit, codeNote } from '../planning/units';
import { CellValue, Grid, gridAddress } from './grid';
import { Header, HeaderColumn, findHeader } from './header';
import { ParsedCount, isBlank, parseCount } from './parse-count';

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
}

interface CountColumn {
  col: number;
  code: string;
}

/** Which grid column holds what, decided once from the header. */
interface LayoutBase {
  index: number | null;
  /** The unit code column: with one, units are known by their code, so two of one name can be told apart. */
  code: number | null;
  /** Parent columns, highest level first: the last filled one is the unit's parent. */
  parents: number[];
  machines: number | null;
  /** Added together: a sheet may give books per register. */
  books: number[];
  /** Columns with another header: warned about once if they hold numbers. */
  ignored: number[];
}
interface WideLayout extends LayoutBase {
  format: 'wide';
  name: number;
  /** One per register (or the single ALL column). */
  counts: CountColumn[];
  /** Total columns, checked against the sum of the row's registers. */
  checks: number[];
}
interface LongLayout extends LayoutBase {
  format: 'long';
  /** Null for the rows of one unit (Đại Lãnh's plan). */
  name: number | null;
  registerName: number;
  count: number;
}
type Layout = WideLayout | LongLayout;

/** A figure printed on a total row, to check against what the units add up to once all are read. */
interface TotalFigure {
  r: number;
  c: number;
  value: number;
  /** Null: the sum of all registers. */
  code: string | null;
  /** Null: all units (a grand total). */
  group: string | null;
}

/** A unit being read: long sheets add to it row by row. */
interface Draft {
  name: string;
  /** As written; null when the sheet has no code column or the row leaves it blank (the unit is known by its name). */
  code: string | null;
  /** Address of the row's cell in the code column (null without one): problems about the code point there. */
  codeCell: string | null;
  parent: string | null;
  /** Key of the group its counts add up into (the parent chain, or the heading); null when it has no parent. */
  group: string | null;
  machines: number | null;
  books: number | null;
  cell: string;
  values: Map<string, number>;
  /** Long format: the cell each register came from, to name it when a register is given twice. */
  cells: Map<string, string>;
}

/** Problems in sheet order: each is kept with its grid position and sorted at the end (-1 when about no cell). */
class Findings {
  private readonly list: { r: number; c: number; p: Problem }[] = [];
  constructor(private readonly grid: Grid) {}

  address(r: number, c: number): string {
    return gridAddress(this.grid, r, c);
  }

  add(r: number, c: number, severity: Severity, code: string, unit: string | null, vi: string, en: string): void {
    const cell = r < 0 ? null : this.address(r, c);
    this.list.push({ r, c, p: problem(severity, code, cell, unit, vi, en) });
  }

  /** Reports a refused count; true when it was refused. */
  refused(r: number, c: number, parsed: ParsedCount, unit: string | null, severity: Severity = 'error'): boolean {
    if (parsed.kind !== 'refused') return false;
    this.add(r, c, severity, parsed.code, unit, parsed.vi, parsed.en);
    return true;
  }

  sorted(): Problem[] {
    return this.list.sort((a, b) => a.r - b.r || a.c - b.c).map((x) => x.p); // Array.prototype.sort is stable
  }
}

const textOf = (v: CellValue | undefined): string | null => {
  const text = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
  return text === '' ? null : text;
};

/** Names are compared as people mean them: case and spacing aside, but diacritics kept (Tân Hòa ≠ Tân Hóa). */
const nameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** A unit code as written: text trimmed (leading zeros kept: `00004`), a number as its digits (16387). */
const codeOf = (v: CellValue | undefined): string | null =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v) : null) : textOf(v);

/** A unit's number in the STT column: 1, "12", "3.". */
const isOrdinal = (v: CellValue | undefined): boolean =>
  (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\s*\d+\s*[.)]?\s*$/.test(v));

/** A group's number in the STT column: a Roman numeral or a letter ("I", "II.", "A"). */
const isGroupMarker = (v: CellValue | undefined): boolean => typeof v === 'string' && /^([ivxlc]+|[a-z])[.)]?$/.test(fold(v));

const TOTAL_LABEL = /^(tong cong|tong so|grand total|total|subtotal|sub total|tong|cong)((?:\s*[:.(]|\s).*)?$/;
const LEVEL_WORD = /^(toan|all|huyen|quan|thi xa|thanh pho|tinh|xa|phuong|thi tran|dac khu|district|province|commune|ward|city|nhom)\b/;
/** "Tổng" and "Cộng" also begin commune names ("Tổng Cọt", "Cộng Hòa"): alone or before a level word only. */
const BARE_WORDS = new Set(['tong', 'cong']);
const GROUP_WORDS = new Set(['cong', 'subtotal', 'sub total']);

/**
 * Whether a label marks a total row, and whose: "Tổng cộng", "Total", "Tổng cộng toàn huyện" are grand totals;
 * "Cộng", "Cộng huyện X", "Tổng huyện X" total a group.
 */
function totalScope(text: string | null): 'grand' | 'group' | null {
  // Every label starts with t, c, g or s: most names are rejected without folding them.
  const m = text === null || !/^[tcgs]/i.test(text) ? null : TOTAL_LABEL.exec(fold(text));
  if (!m) return null;
  const tail = m[2] ?? '';
  const level = LEVEL_WORD.exec(tail.replace(/^[\s:.(]+/, ''))?.[1];
  if (BARE_WORDS.has(m[1]) && tail !== '' && !/^\s*[:.(]/.test(tail) && !level) return null;
  if (level) return level === 'toan' || level === 'all' ? 'grand' : 'group';
  return GROUP_WORDS.has(m[1]) ? 'group' : 'grand';
}

/** Names of groups of units, which head a group even with no STT column. */
const GROUP_NAME = /^(huyen|quan|thi xa|thanh pho|tinh|cum|khu vuc|nhom|district|province|city|cluster|group)\b/;

/** Up to this many columns that are not read but hold numbers get a warning each; more get one for them all. */
const IGNORED_ONE_BY_ONE = 5;

/** A number in a column that is not read, worth one warning: numbers, or text typed as one. */
const holdsNumber = (v: CellValue | undefined): boolean =>
  typeof v === 'number' || (typeof v === 'string' && /\d/.test(v) && parseCount(v).kind === 'count');

const quoted = (label: string, lang: 'vi' | 'en'): string =>
  label === '' ? (lang === 'vi' ? 'không có tiêu đề' : 'with no header') : lang === 'vi' ? `«${label}»` : `"${label}"`;

/** Decides the layout from the header, reporting columns that repeat one another. */
function planLayout(header: Header, out: Findings): Layout {
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
    else if (role.kind === 'other') ignored.push(c);
  });
  const registerName = firstOf('registerName');
  const name = firstOf('name');
  const common = { index: firstOf('index'), code, parents, machines, books };
  // findHeader accepts a table only with a count column, and a unit column unless it is long.
  if (registerName !== null && registers.length === 0) {
    return { ...common, format: 'long', name, registerName, count: totals[0], ignored: [...ignored, ...totals.slice(1)] };
  }
  // With registers, every total column is a check; without, the first is the count (register ALL).
  const counts = registers.length > 0 ? registers : [{ col: totals[0], code: ALL_REGISTER.code }];
  const checks = registers.length > 0 ? totals : totals.slice(1);
  return { ...common, format: 'wide', name: name as number, counts, checks, ignored };
}

/** What every row of the table is first read for. */
interface Row {
  r: number;
  stt: CellValue;
  name: string | null;
  /** Total rows are labelled in the name, STT or register cell; a numbered row is never one. */
  scope: 'grand' | 'group' | null;
}

/** Reads the rows below the header into units, sums and problems, in one pass. */
class TableReader {
  private readonly drafts: Draft[] = [];
  /** Units with a code, by group and code. */
  private readonly byCode = new Map<string, Draft>();
  /** Every unit, by group and name: several when codes tell them apart. */
  private readonly byName = new Map<string, Draft[]>();
  readonly registers: string[];
  private readonly grand = new Map<string, number>();
  private readonly groups = new Map<string, Map<string, number>>();
  private readonly groupNames = new Map<string, string>();
  private readonly figures: TotalFigure[] = [];
  /** The last name seen in each parent column: a district merged down over its communes names the top row only. */
  private readonly parentValues: (string | null)[];
  private chain: { parent: string | null; group: string | null } = { parent: null, group: null };
  /** The group-heading row above, when the sheet has no parent column. */
  private heading: string | null = null;
  /** The group of the last unit read: a "Cộng" row below totals it. */
  private lastGroup: string | null = null;
  /** Long format: the unit of the row above, for a unit name (and code) merged down over its register rows. */
  private carried: Draft | null = null;
  /** A unit's count was refused, so sums are wrong and total rows cannot be checked. */
  private unreliable = false;
  private readonly numbersInIgnored = new Set<number>();

  constructor(
    private readonly grid: Grid,
    private readonly layout: Layout,
    private readonly header: Header,
    private readonly singleName: string,
    private readonly out: Findings,
  ) {
    this.registers = layout.format === 'wide' ? layout.counts.map((cc) => cc.code) : [];
    this.parentValues = layout.parents.map(() => null);
  }

  private at(r: number, c: number | null): CellValue {
    return c === null ? null : this.grid.rows[r]?.[c] ?? null;
  }

  read(): Unit[] {
    for (let r = this.header.dataStart; r < this.grid.rows.length; r++) this.readRow(r);
    this.checkTotals();
    this.reportIgnored();
    return this.drafts.map((d) => ({
      name: d.name,
      code: d.code,
      parent: d.parent,
      ...(d.group !== null && d.parent !== null && d.group !== nameKey(d.parent) ? { parentKey: d.group } : {}),
      machines: d.machines,
      books: d.books,
      counts: new Map(this.registers.map((code): [string, number] => [code, d.values.get(code) ?? 0])),
      cell: d.cell,
    }));
  }

  private readRow(r: number): void {
    const cells = this.grid.rows[r];
    if (!cells || cells.every(isBlank)) {
      this.carried = null;
      return;
    }
    const { layout } = this;
    const stt = this.at(r, layout.index);
    const name = textOf(this.at(r, layout.name));
    const register = layout.format === 'long' ? textOf(this.at(r, layout.registerName)) : null;
    // A total's label may sit in any text cell: "Tổng cộng" is often merged from STT across to the name.
    const labels = [name, textOf(stt), register, ...layout.parents.map((c) => textOf(this.at(r, c)))];
    const scope = isOrdinal(stt) ? null : labels.map(totalScope).find((s) => s !== null) ?? null;
    const row: Row = { r, stt, name, scope };
    const inTable = layout.format === 'wide' ? this.readWideRow(row, layout) : this.readLongRow(row, register, layout);
    if (inTable) this.noteIgnored(r);
  }

  /**
   * Whether a row with a name and no counts heads a group ("I | Huyện Chơn Thành"): only without a parent
   * column, and only when it is not numbered as a unit. With no STT column it must also be named as a group,
   * or a unit left blank ("Xã B" with nothing to do) would become the parent of the units below it.
   */
  private isHeading(row: Row): row is Row & { name: string } {
    const { layout } = this;
    const { stt, name } = row;
    if (name === null || layout.parents.length > 0 || isOrdinal(stt)) return false;
    return layout.index !== null || GROUP_NAME.test(fold(name));
  }

  /** One row of a wide sheet; true when it belongs to the table (a unit, a total, a group with figures). */
  private readWideRow(row: Row, layout: WideLayout): boolean {
    const { r, stt, name, scope } = row;
    const { counts, checks } = layout;
    const figureColumns = (): { col: number; code: string | null }[] => [...counts, ...checks.map((col) => ({ col, code: null }))];
    if (scope) {
      this.addFigures(r, scope === 'group' ? this.lastGroup : null, figureColumns());
      return true;
    }
    const hasCounts = counts.some((cc) => !isBlank(this.at(r, cc.col)));
    if (!hasCounts && this.isHeading(row)) {
      this.startGroup(row.name);
      return false;
    }
    // A heading numbered as a group (I, II, A…) may carry its group's totals: they are checked, not a unit.
    if (hasCounts && isGroupMarker(stt) && this.isHeading(row)) {
      this.startGroup(row.name);
      this.addFigures(r, nameKey(row.name), figureColumns());
      return true;
    }
    // Text around the table (titles, notes, signatures) has no counts; a numbered unit with blank counts has 0.
    if (!hasCounts && !(name !== null && isOrdinal(stt))) return false;

    const values: number[] = [];
    let refused = false;
    for (const cc of counts) {
      const parsed = parseCount(this.at(r, cc.col));
      refused = this.out.refused(r, cc.col, parsed, name) || refused;
      values.push(parsed.kind === 'count' ? parsed.value : 0);
    }
    if (refused) this.unreliable = true;
    const draft = this.unitRow(r, name, [r, layout.name], false, null);
    if (!draft) return true;
    counts.forEach((cc, i) => this.addValue(draft, cc.code, values[i]));
    if (!refused) this.checkRow(r, draft, values.reduce((a, b) => a + b, 0), checks);
    return true;
  }

  /** One row of a long sheet: a register and its count, for the unit named on the row (or the sheet's one unit). */
  private readLongRow(row: Row, register: string | null, layout: LongLayout): boolean {
    const { r, name, scope } = row;
    const { count, registerName } = layout;
    const code = register === null ? null : matchRegister(register);
    const previous = this.carried;
    this.carried = null;
    if (scope) {
      const figureCode = code === null || code === ALL_REGISTER.code ? null : code;
      this.addFigures(r, scope === 'group' ? this.lastGroup : null, [{ col: count, code: figureCode }]);
      return true;
    }
    if (isBlank(this.at(r, count)) && code === null) {
      if (layout.name !== null && this.isHeading(row)) this.startGroup(row.name);
      return false;
    }
    const parsed = parseCount(this.at(r, count));
    // The one unit of a sheet with no unit column has no name cell: its register column's header stands for it.
    const unitName = layout.name === null ? this.singleName : name ?? previous?.name ?? null;
    const nameAt: [number, number] = layout.name === null ? [this.header.columns[registerName].row, registerName] : [r, layout.name];
    if (this.out.refused(r, count, parsed, unitName)) this.unreliable = true;
    if (code === null) this.unknownRegister(r, registerName, register, unitName);
    const draft = this.unitRow(r, unitName, nameAt, true, previous);
    if (!draft) return true;
    this.carried = draft;
    if (code === null) return true;
    const first = draft.cells.get(code);
    if (first !== undefined) {
      this.out.add(r, registerName, 'error', 'duplicate-register', draft.name,
        `Sổ «${register}» của «${draft.name}»${codeNote(draft.code, 'vi')} đã có ở ô ${first}; mỗi sổ chỉ ghi một dòng.`,
        `The register "${register}" of "${draft.name}"${codeNote(draft.code, 'en')} is already given at ${first}; give each register once.`);
      return true;
    }
    draft.cells.set(code, this.out.address(r, registerName));
    if (!this.registers.includes(code)) this.registers.push(code);
    this.addValue(draft, code, parsed.kind === 'count' ? parsed.value : 0);
    return true;
  }

  /**
   * The unit a data row is for, with its parent, machines and books read. Wide sheets give each unit one row,
   * so a second row for the same unit is refused; long sheets give it several rows (`carried`: the unit of the
   * row above). A unit is known by its group and code when the row gives one, else by its group and name.
   */
  private unitRow(r: number, name: string | null, [nameRow, nameCol]: [number, number], merge: boolean, carried: Draft | null): Draft | null {
    const { layout } = this;
    const { parent, group } = this.parentOf(r);
    const machines = this.optionalCount(r, layout.machines, name);
    const books = layout.books.reduce<number | null>((sum, c) => {
      const n = this.optionalCount(r, c, name);
      return n === null ? sum : (sum ?? 0) + n;
    }, null);
    if (name === null) {
      this.out.add(nameRow, nameCol, 'error', 'missing-unit-name', null,
        'Dòng này có số liệu nhưng không có tên đơn vị; hãy ghi tên đơn vị vào ô này.',
        "This row has figures but no unit name; type the unit's name in this cell.");
      return null;
    }
    const code = layout.code === null ? null : codeOf(this.at(r, layout.code));
    const codeCell = layout.code === null ? null : this.out.address(r, layout.code);
    // A long sheet's unit may give its code on its first row only, as it may its name.
    const continues = merge && code === null && carried !== null && carried.group === group && nameKey(carried.name) === nameKey(name);
    let draft = continues ? carried : this.known({ r, name, code, codeCell, group, parent, nameAt: [nameRow, nameCol], merge });
    if (draft === 'refused') return null;
    if (!draft) {
      const cell = this.out.address(nameRow, nameCol);
      draft = { name, code, codeCell, parent, group, machines: null, books: null, cell, values: new Map(), cells: new Map() };
      this.drafts.push(draft);
      const nameKeyed = `${group ?? ''}\u0000${nameKey(name)}`;
      const sameName = this.byName.get(nameKeyed);
      if (sameName) sameName.push(draft);
      else this.byName.set(nameKeyed, [draft]);
      if (code !== null) this.byCode.set(`${group ?? ''}\u0000${nameKey(code)}`, draft);
    }
    draft.machines ??= machines;
    if (books !== null) draft.books = (draft.books ?? 0) + books;
    this.lastGroup = group;
    return draft;
  }

  /**
   * The unit already read that a row is for: null when it is a new one, 'refused' (and reported) when the row
   * repeats a unit of a wide sheet or cannot be told apart from another of the same name.
   */
  private known(row: {
    r: number; name: string; code: string | null; codeCell: string | null; group: string | null; parent: string | null;
    nameAt: [number, number]; merge: boolean;
  }): Draft | null | 'refused' {
    const { r, name, code, codeCell, group, parent, nameAt, merge } = row;
    const under = parent === null ? ['', ''] : [` thuộc «${parent}»`, ` of "${parent}"`];
    const sameName = this.byName.get(`${group ?? ''}\u0000${nameKey(name)}`) ?? [];
    const refuse = (at: [number, number], vi: string, en: string): 'refused' => {
      this.out.add(at[0], at[1], 'error', 'duplicate-unit', name, vi, en);
      return 'refused';
    };
    if (code !== null) {
      const codeAt: [number, number] = [r, this.layout.code as number];
      const first = this.byCode.get(`${group ?? ''}\u0000${nameKey(code)}`);
      if (first && (!merge || nameKey(first.name) !== nameKey(name))) {
        const other = nameKey(first.name) === nameKey(name) ? ['', ''] : [`, không phải «${name}»`, `, not "${name}"`];
        return refuse(codeAt,
          `Mã đơn vị «${code}» đã có ở ô ${first.codeCell}, là mã của «${first.name}»${under[0]}${other[0]}; mỗi đơn vị có một mã riêng: hãy sửa mã, gộp hai dòng hoặc xóa một dòng.`,
          `The unit code "${code}" is already given at ${first.codeCell}, for "${first.name}"${under[1]}${other[1]}; each unit has its own code: correct the code, merge the two rows or delete one.`);
      }
      if (first) return first;
      const uncoded = sameName.find((d) => d.code === null);
      if (!uncoded) return null;
      return refuse(nameAt,
        `Đơn vị «${name}»${under[0]} đã có ở ô ${uncoded.cell} mà không ghi mã, nên không biết có phải đơn vị mã «${code}» không; hãy ghi mã cho dòng đó.`,
        `The unit "${name}"${under[1]} is already listed at ${uncoded.cell} with no code, so it may or may not be the unit with code "${code}"; give that row its code.`);
    }
    if (sameName.length === 0) return null;
    if (merge && sameName.length === 1) return sameName[0];
    if (merge) {
      const cells = sameName.map((d) => d.cell).join(', ');
      return refuse(nameAt,
        `Có ${sameName.length} đơn vị tên «${name}»${under[0]} (ô ${cells}); hãy ghi mã đơn vị vào ô ${codeCell} để biết dòng này của đơn vị nào.`,
        `There are ${sameName.length} units named "${name}"${under[1]} (${cells}); write the unit code at ${codeCell} to say which one this row is for.`);
    }
    const first = sameName[0];
    // Where codes are missing: this row's, and the first's when it has none either.
    const blanks = [first.code === null ? first.codeCell : null, codeCell].filter((c): c is string => c !== null);
    const at = { vi: blanks.join(' và '), en: blanks.join(' and ') };
    const hint = codeCell === null
      ? ['Nếu là hai đơn vị cùng tên, hãy thêm cột «Mã đơn vị» để phân biệt.', 'If they are two units of one name, add a "Unit code" column to tell them apart.']
      : [`Nếu là hai đơn vị cùng tên, hãy ghi mã đơn vị vào ô ${at.vi} để phân biệt.`, `If they are two units of one name, write the unit code at ${at.en} to tell them apart.`];
    return refuse(nameAt,
      `Đơn vị «${name}»${under[0]} đã có ở ô ${first.cell}; hãy gộp hai dòng hoặc xóa một dòng. ${hint[0]}`,
      `The unit "${name}"${under[1]} is already listed at ${first.cell}; merge the two rows or delete one. ${hint[1]}`);
  }

  /** The row's parent: from the parent columns (filled down), else the group heading above. */
  private parentOf(r: number): { parent: string | null; group: string | null } {
    const { parents } = this.layout;
    if (parents.length === 0) return { parent: this.heading, group: this.heading === null ? null : nameKey(this.heading) };
    let changed = false;
    parents.forEach((c, i) => {
      const value = textOf(this.at(r, c));
      if (value === null || value === this.parentValues[i]) return;
      this.parentValues[i] = value;
      changed = true;
    });
    if (changed) {
      const filled = this.parentValues.filter((v): v is string => v !== null);
      const parent = filled[filled.length - 1];
      // Same-named districts exist in different provinces, so a group is known by its whole chain.
      const group = filled.map(nameKey).join('\u0000');
      this.groupNames.set(group, parent);
      this.chain = { parent, group };
    }
    return this.chain;
  }

  private startGroup(name: string): void {
    this.heading = name;
    this.groupNames.set(nameKey(name), name);
  }

  /** Machines or books: a count, but blank means "not given". */
  private optionalCount(r: number, c: number | null, unit: string | null): number | null {
    if (c === null) return null;
    const parsed = parseCount(this.at(r, c));
    this.out.refused(r, c, parsed, unit);
    return parsed.kind === 'count' ? parsed.value : null;
  }

  private addValue(draft: Draft, code: string, value: number): void {
    draft.values.set(code, (draft.values.get(code) ?? 0) + value);
    const sums = [this.grand];
    if (draft.group !== null) {
      let group = this.groups.get(draft.group);
      if (!group) this.groups.set(draft.group, (group = new Map()));
      sums.push(group);
    }
    for (const sum of sums) sum.set(code, (sum.get(code) ?? 0) + value);
  }

  private unknownRegister(r: number, c: number, register: string | null, unit: string | null): void {
    if (register === null) {
      this.out.add(r, c, 'error', 'unknown-register', unit,
        'Dòng này có số trường hợp nhưng chưa ghi loại sổ (ví dụ «Khai sinh»).',
        'This row has a count but no register name (e.g. "Births").');
    } else {
      this.out.add(r, c, 'error', 'unknown-register', unit,
        `Không nhận ra loại sổ «${register}»; hãy ghi tên sổ như «Khai sinh», «Kết hôn», «Khai tử» hoặc mã KS, KH, KT.`,
        `"${register}" is not a register this tool knows; write a register such as "Births", "Marriages", "Deaths" or a code KS, KH, KT.`);
    }
  }

  /** Figures of a total row, checked once every unit is read (a grand total often sits above the units). */
  private addFigures(r: number, group: string | null, columns: { col: number; code: string | null }[]): void {
    for (const { col, code } of columns) {
      const parsed = parseCount(this.at(r, col));
      // A broken total does not change the plan, so it is only a warning.
      this.out.refused(r, col, parsed, null, 'warning');
      if (parsed.kind === 'count') this.figures.push({ r, c: col, value: parsed.value, code, group });
    }
  }

  /** A unit row's own total column against the sum of its registers. */
  private checkRow(r: number, unit: Draft, sum: number, checks: number[]): void {
    const { name, code } = unit;
    for (const c of checks) {
      const parsed = parseCount(this.at(r, c));
      this.out.refused(r, c, parsed, name, 'warning');
      if (parsed.kind !== 'count' || parsed.value === sum) continue;
      this.out.add(r, c, 'warning', 'total-mismatch', name,
        `Cột tổng ghi ${formatCount(parsed.value, 'vi')} nhưng các sổ của «${name}»${codeNote(code, 'vi')} cộng lại được ${formatCount(sum, 'vi')}.`,
        `This total says ${formatCount(parsed.value, 'en')} but the registers of "${name}"${codeNote(code, 'en')} add up to ${formatCount(sum, 'en')}.`);
    }
  }

  private checkTotals(): void {
    if (this.unreliable) return;
    for (const f of this.figures) {
      const sums = f.group === null ? this.grand : this.groups.get(f.group) ?? new Map<string, number>();
      const expected = f.code === null ? [...sums.values()].reduce((a, b) => a + b, 0) : sums.get(f.code) ?? 0;
      if (expected === f.value) continue;
      const groupName = f.group === null ? null : this.groupNames.get(f.group) ?? null;
      const register = f.code === null ? null : registerInfo(f.code);
      const whatVi = `${groupName === null ? 'tất cả các đơn vị' : `các đơn vị thuộc «${groupName}»`}${register ? ` (sổ ${register.vi})` : ''}`;
      const whatEn = `${groupName === null ? 'all the units' : `the units of "${groupName}"`}${register ? ` (${register.en})` : ''}`;
      const cell = this.out.address(f.r, f.c);
      this.out.add(f.r, f.c, 'warning', 'total-mismatch', groupName,
        `Ô tổng ${cell} ghi ${formatCount(f.value, 'vi')} nhưng ${whatVi} cộng lại được ${formatCount(expected, 'vi')}.`,
        `The total at ${cell} says ${formatCount(f.value, 'en')} but ${whatEn} add up to ${formatCount(expected, 'en')}.`);
    }
  }

  private noteIgnored(r: number): void {
    for (const c of this.layout.ignored) if (holdsNumber(this.at(r, c))) this.numbersInIgnored.add(c);
  }

  private reportIgnored(): void {
    const cols = [...this.numbersInIgnored].sort((a, b) => a - b);
    if (cols.length > IGNORED_ONE_BY_ONE) {
      // A sheet with thousands of such columns gets one warning, naming their range, not thousands.
      const [first, last] = [cols[0], cols[cols.length - 1]];
      const to = this.out.address(this.header.columns[last].row, last);
      const range = `${this.out.address(this.header.columns[first].row, first)}:${to.slice(to.lastIndexOf('!') + 1)}`;
      this.out.add(this.header.columns[first].row, first, 'warning', 'ignored-column', null,
        `${formatCount(cols.length, 'vi')} cột trong ${range} có số nhưng không phải cột sổ, tổng, số máy hay số quyển nên không được đọc.`,
        `${formatCount(cols.length, 'en')} columns in ${range} hold numbers but are not register, total, machines or books columns, so they are not read.`);
      return;
    }
    for (const c of cols) {
      const { label, row } = this.header.columns[c];
      this.out.add(row, c, 'warning', 'ignored-column', null,
        `Cột ${quoted(label, 'vi')} có số nhưng không phải cột sổ, tổng, số máy hay số quyển nên không được đọc.`,
        `Column ${quoted(label, 'en')} holds numbers but is not a register, total, machines or books column, so it is not read.`);
    }
  }
}

/**
 * Reads the units and their remaining records from a sheet's grid: wide (a row per unit, a column per
 * register) or long (rows of unit, register, count; or register and count for one unit). Never throws:
 * everything wrong is a problem naming its cell.
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
  const header = findHeader(grid, width);
  if (!header) {
    out.add(0, 0, 'error', 'no-header', null,
      `Không tìm thấy dòng tiêu đề của bảng trong «${grid.sheet}». Cần một cột tên đơn vị (như «Đơn vị», «Xã, phường, thị trấn») ` +
        'và các cột sổ (như «Khai sinh», «Khai tử», «Kết hôn») hoặc một cột «Số dữ liệu cần số hóa»; với một đơn vị, cần cột «Loại sổ» và cột số lượng.',
      `No table header found in "${grid.sheet}". It needs a unit column (such as "Unit", "Commune") and register columns ` +
        '(such as "Births", "Deaths", "Marriages") or one "Records to digitize" column; for one unit, a "Register" column and a count column.');
    return none();
  }
  const layout = planLayout(header, out);
  const singleName = options.unitName?.trim() || grid.sheet;
  const reader = new TableReader(grid, layout, header, singleName, out);
  const units = reader.read();
  return { format: layout.format, units, registers: reader.registers, problems: out.sorted(), headerRow: (grid.firstRow ?? 1) + header.bottom };
}
