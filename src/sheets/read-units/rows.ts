import { ALL_REGISTER, matchRegister } from '../../planning/registers';
import { fold, formatCount } from '../../planning/text';
import { Unit, codeNote } from '../../planning/units';
import { CellValue, Grid } from '../grid';
import { isBlank, parseCount } from '../parse-count';
import { codeOf, holdsNumber, isGroupMarker, isOrdinal, nameKey, textOf } from './cells';
import { Findings, quoted } from './findings';
import { Header } from './header';
import { HiddenRows } from './hidden';
import { Level } from './headings';
import { Layout, LongLayout, WideLayout } from './layout';
import { TotalCell, Totals, totalScope } from './totals';
import { Draft, Roster, Successor } from './units';

/**
 * Names of groups of units, which head a group even with no STT column: never a name of the units' own level
 * ("Huyện Mai Sơn" is a unit of a sheet of districts). "UBND huyện …" is the district's name too.
 */
const GROUPS = '(?:cum|khu vuc|nhom|vung|cluster|group|region)';
const GROUP_NAME: Record<Level, RegExp> = {
  1: new RegExp(`^${GROUPS}\\b`),
  2: new RegExp(`^(?:tinh|province|${GROUPS})\\b`),
  3: new RegExp(`^(?:huyen|quan|thi xa|thanh pho|tinh|district|province|city|${GROUPS})\\b`),
};
const groupNamed = (name: string, level: Level | null): boolean =>
  GROUP_NAME[level ?? 3].test(fold(name).replace(/^(?:ubnd|uy ban nhan dan) /, ''));

/** Up to this many columns that are not read but hold numbers get a warning each; more get one for them all. */
const IGNORED_ONE_BY_ONE = 5;

/** What every row of the table is first read for. */
interface Row {
  r: number;
  stt: CellValue;
  name: string | null;
  /** Total rows are labelled in the name, STT or register cell; a numbered row is never one. */
  scope: 'grand' | 'group' | null;
}

/** Reads the rows below the header into units, sums and problems, in one pass. */
export class TableReader {
  private readonly roster: Roster;
  private readonly totals: Totals;
  private readonly hidden: HiddenRows;
  readonly registers: string[];
  /** The last name seen in each parent column: a district merged down over its communes names the top row only. */
  private readonly parentValues: (string | null)[];
  private chain: { parent: string | null; group: string | null } = { parent: null, group: null };
  /** The group-heading row above, when the sheet has no parent column. */
  private heading: string | null = null;
  /** The group of the last unit read: a "Cộng" row below totals it. */
  private lastGroup: string | null = null;
  /** Long format: the unit of the row above, for a unit name (and code) merged down over its register rows. */
  private carried: Draft | null = null;
  private readonly numbersInIgnored = new Set<number>();

  constructor(
    private readonly grid: Grid,
    private readonly layout: Layout,
    private readonly header: Header,
    private readonly singleName: string,
    private readonly out: Findings,
  ) {
    this.roster = new Roster(out, layout.code);
    this.totals = new Totals(out);
    this.hidden = new HiddenRows(grid, out);
    this.registers = layout.format === 'wide' ? layout.counts.map((cc) => cc.code) : [];
    this.parentValues = layout.parents.map(() => null);
  }

  private at(r: number, c: number | null): CellValue {
    return c === null ? null : this.grid.rows[r]?.[c] ?? null;
  }

  read(): Unit[] {
    for (let r = this.header.dataStart; r < this.grid.rows.length; r++) this.readRow(r);
    this.totals.check();
    this.hidden.report();
    this.reportIgnored();
    return this.roster.units(this.registers);
  }

  /** The new commune each unit's row names ("Xã mới"), by the unit's cell; null when the sheet has no such column. */
  successors(): Map<string, Successor> | null {
    return this.layout.successor === null ? null : this.roster.successors();
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
    return layout.index !== null || groupNamed(name, layout.unitLevel);
  }

  private cellsOf(r: number, columns: { col: number; code: string | null }[]): TotalCell[] {
    return columns.map(({ col, code }) => ({ c: col, value: this.at(r, col), code }));
  }

  /** One row of a wide sheet; true when it belongs to the table (a unit, a total, a group with figures). */
  private readWideRow(row: Row, layout: WideLayout): boolean {
    const { r, stt, name, scope } = row;
    const { counts, checks } = layout;
    const figureColumns = (): TotalCell[] => this.cellsOf(r, [...counts, ...checks.map((col) => ({ col, code: null }))]);
    if (scope) {
      this.totals.addFigures(r, scope === 'group' ? this.lastGroup : null, figureColumns());
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
      this.totals.addFigures(r, nameKey(row.name), figureColumns());
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
    if (refused) this.totals.unreliable = true;
    const draft = this.unitRow(r, name, [r, layout.name], false, null);
    if (!draft) return true;
    counts.forEach((cc, i) => this.addValue(draft, cc.code, values[i]));
    if (!refused) this.totals.checkRow(r, draft, values.reduce((a, b) => a + b, 0), this.cellsOf(r, checks.map((col) => ({ col, code: null }))));
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
      this.totals.addFigures(r, scope === 'group' ? this.lastGroup : null, this.cellsOf(r, [{ col: count, code: figureCode }]));
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
    if (this.out.refused(r, count, parsed, unitName)) this.totals.unreliable = true;
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
    let draft = continues ? carried : this.roster.known({ r, name, code, codeCell, group, parent, nameAt: [nameRow, nameCol], merge });
    if (draft === 'refused') return null;
    if (!draft) {
      const cell = this.out.address(nameRow, nameCol);
      draft = { name, code, codeCell, parent, group, machines: null, books: null, cell, values: new Map(), cells: new Map() };
      this.roster.add(draft);
    }
    this.hidden.note(r, nameCol, draft.name);
    const successor = textOf(this.at(r, layout.successor));
    if (successor !== null && layout.successor !== null) draft.successor ??= { name: successor, cell: this.out.address(r, layout.successor) };
    draft.machines ??= machines;
    if (books !== null) draft.books = (draft.books ?? 0) + books;
    this.lastGroup = group;
    return draft;
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
      this.totals.nameGroup(group, parent);
      this.chain = { parent, group };
    }
    return this.chain;
  }

  private startGroup(name: string): void {
    this.heading = name;
    this.totals.nameGroup(nameKey(name), name);
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
    this.totals.add(draft.group, code, value);
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
