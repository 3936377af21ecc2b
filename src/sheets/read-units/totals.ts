import { registerInfo } from '../../planning/registers';
import { fold, formatCount } from '../../planning/text';
import { codeNote } from '../../planning/units';
import { CellValue } from '../grid';
import { parseCount } from '../parse-count';
import { Findings } from './findings';

const TOTAL_LABEL = /^(tong cong|tong so|grand total|total|subtotal|sub total|tong|cong)((?:\s*[:.(]|\s).*)?$/;
const LEVEL_WORD = /^(toan|all|huyen|quan|thi xa|thanh pho|tinh|xa|phuong|thi tran|dac khu|district|province|commune|ward|city|nhom)\b/;
/** "Tổng" and "Cộng" also begin commune names ("Tổng Cọt", "Cộng Hòa"): alone or before a level word only. */
const BARE_WORDS = new Set(['tong', 'cong']);
const GROUP_WORDS = new Set(['cong', 'subtotal', 'sub total']);

/**
 * Whether a label marks a total row, and whose: "Tổng cộng", "Total", "Tổng cộng toàn huyện" are grand totals;
 * "Cộng", "Cộng huyện X", "Tổng huyện X" total a group.
 */
export function totalScope(text: string | null): 'grand' | 'group' | null {
  // Every label starts with t, c, g or s: most names are rejected without folding them.
  const m = text === null || !/^[tcgs]/i.test(text) ? null : TOTAL_LABEL.exec(fold(text));
  if (!m) return null;
  const tail = m[2] ?? '';
  const level = LEVEL_WORD.exec(tail.replace(/^[\s:.(]+/, ''))?.[1];
  if (BARE_WORDS.has(m[1]) && tail !== '' && !/^\s*[:.(]/.test(tail) && !level) return null;
  if (level) return level === 'toan' || level === 'all' ? 'grand' : 'group';
  return GROUP_WORDS.has(m[1]) ? 'group' : 'grand';
}

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

/** A cell of a total row or column: where it is, what it holds, and the register it totals (null: all). */
export interface TotalCell {
  c: number;
  value: CellValue;
  code: string | null;
}

/** What the units add up to, overall and per group, and the total rows and columns to check against it. */
export class Totals {
  private readonly grand = new Map<string, number>();
  private readonly groups = new Map<string, Map<string, number>>();
  private readonly groupNames = new Map<string, string>();
  private readonly figures: TotalFigure[] = [];
  /** A unit's count was refused, so sums are wrong and total rows cannot be checked. */
  unreliable = false;

  constructor(private readonly out: Findings) {}

  /** The name a group's messages use. */
  nameGroup(group: string, name: string): void {
    this.groupNames.set(group, name);
  }

  add(group: string | null, code: string, value: number): void {
    const sums = [this.grand];
    if (group !== null) {
      let sum = this.groups.get(group);
      if (!sum) this.groups.set(group, (sum = new Map()));
      sums.push(sum);
    }
    for (const sum of sums) sum.set(code, (sum.get(code) ?? 0) + value);
  }

  /** Figures of a total row, checked once every unit is read (a grand total often sits above the units). */
  addFigures(r: number, group: string | null, cells: TotalCell[]): void {
    for (const { c, value, code } of cells) {
      const parsed = parseCount(value);
      // A broken total does not change the plan, so it is only a warning.
      this.out.refused(r, c, parsed, null, 'warning');
      if (parsed.kind === 'count') this.figures.push({ r, c, value: parsed.value, code, group });
    }
  }

  /** A unit row's own total columns against the sum of its registers. */
  checkRow(r: number, unit: { name: string; code: string | null }, sum: number, cells: TotalCell[]): void {
    const { name, code } = unit;
    for (const { c, value } of cells) {
      const parsed = parseCount(value);
      this.out.refused(r, c, parsed, name, 'warning');
      if (parsed.kind !== 'count' || parsed.value === sum) continue;
      this.out.add(r, c, 'warning', 'total-mismatch', name,
        `Cột tổng ghi ${formatCount(parsed.value, 'vi')} nhưng các sổ của «${name}»${codeNote(code, 'vi')} cộng lại được ${formatCount(sum, 'vi')}.`,
        `This total says ${formatCount(parsed.value, 'en')} but the registers of "${name}"${codeNote(code, 'en')} add up to ${formatCount(sum, 'en')}.`);
    }
  }

  /** Every total row against what its units add up to, once all are read. */
  check(): void {
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
}
