import { Unit } from '../../planning/units';
import { nameKey } from './cells';
import { Findings } from './findings';

/** A unit being read: long sheets add to it row by row. */
export interface Draft {
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
  /** The new commune the row names, and its cell (a sheet with a "Xã mới" column). */
  successor?: Successor;
}

/** The unit since 1/7/2025 a sheet says a former one's books went to. */
export interface Successor {
  name: string;
  cell: string;
}

/** A row's claim to be a unit: what `Roster.known` compares with the units already read. */
export interface UnitRow {
  r: number;
  name: string;
  code: string | null;
  codeCell: string | null;
  group: string | null;
  parent: string | null;
  nameAt: [number, number];
  /** Long format: a row may add to a unit already read. */
  merge: boolean;
}

/** The units read so far, known by group and code, or by group and name. */
export class Roster {
  readonly drafts: Draft[] = [];
  /** Units with a code, by group and code. */
  private readonly byCode = new Map<string, Draft>();
  /** Every unit, by group and name: several when codes tell them apart. */
  private readonly byName = new Map<string, Draft[]>();

  /** `codeCol`: the sheet's unit code column, where problems about a code point. */
  constructor(private readonly out: Findings, private readonly codeCol: number | null) {}

  add(draft: Draft): void {
    const { group, name, code } = draft;
    this.drafts.push(draft);
    const nameKeyed = `${group ?? ''}\u0000${nameKey(name)}`;
    const sameName = this.byName.get(nameKeyed);
    if (sameName) sameName.push(draft);
    else this.byName.set(nameKeyed, [draft]);
    if (code !== null) this.byCode.set(`${group ?? ''}\u0000${nameKey(code)}`, draft);
  }

  /**
   * The unit already read that a row is for: null when it is a new one, 'refused' (and reported) when the row
   * repeats a unit of a wide sheet or cannot be told apart from another of the same name.
   */
  known(row: UnitRow): Draft | null | 'refused' {
    const { r, name, code, codeCell, group, parent, nameAt, merge } = row;
    const under = parent === null ? ['', ''] : [` thuộc «${parent}»`, ` of "${parent}"`];
    const sameName = this.byName.get(`${group ?? ''}\u0000${nameKey(name)}`) ?? [];
    const refuse = (at: [number, number], vi: string, en: string): 'refused' => {
      this.out.add(at[0], at[1], 'error', 'duplicate-unit', name, vi, en);
      return 'refused';
    };
    if (code !== null) {
      const codeAt: [number, number] = [r, this.codeCol as number];
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

  /** The successor each unit's row names, by the unit's cell. */
  successors(): Map<string, Successor> {
    return new Map(this.drafts.flatMap((d) => (d.successor ? [[d.cell, d.successor] as [string, Successor]] : [])));
  }

  /** The units as the planner takes them, every one with a count for each register (0 where none was given). */
  units(registers: readonly string[]): Unit[] {
    return this.drafts.map((d) => ({
      name: d.name,
      code: d.code,
      parent: d.parent,
      ...(d.group !== null && d.parent !== null && d.group !== nameKey(d.parent) ? { parentKey: d.group } : {}),
      machines: d.machines,
      books: d.books,
      counts: new Map(registers.map((code): [string, number] => [code, d.values.get(code) ?? 0])),
      cell: d.cell,
    }));
  }
}
