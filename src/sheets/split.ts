/**
 * A plan workbook cut into one workbook per district (or per commune) to send out: each holds only its own
 * rows of the same forms, with what was typed so far, and carries the master's plan id so that the file sent
 * back is recognised as this revision by `consolidate`. Pure; the CLI writes what it returns.
 */
import { Plan, PlanRow } from '../planning/plan';
import { Unit } from '../planning/units';
import { keptNames } from './book-forms';
import { groupByParent, unitLabels } from './forms/groups';
import { FormOptions } from './forms/options';
import { PlanForms, planForms } from './forms/workbook';
import { PlanWorkbook } from './read-plan-workbook';

export type SplitBy = 'parent' | 'unit';
export const SPLIT_BY: readonly SplitBy[] = ['parent', 'unit'];

export interface SplitPart {
  /** A file base name (no extension) safe on Windows, macOS and Linux, unique in the split (case-insensitively). */
  name: string;
  forms: PlanForms;
  /** The master's row index of each of the part's plan rows (the part's row i is the master's `rows[i]`). */
  rows: number[];
}

/**
 * One part per parent group, in the forms' order (`groupByParent`), or one per unit. Units without a parent
 * (a one-level list, or the loose units of a mixed one) report to the planner directly, so by parent each is
 * a part of its own. A unit or group with no row (nothing to digitize in any register) gets no part.
 *
 * Each part's forms show every unit under the label the master's forms give it (`unitLabels` of the whole
 * plan): a commune sent alone still reads "Xã Đông Khê (mã 16387)" when the plan has two of that name, and
 * `consolidate` matches its rows by that label. The part's plan carries the label as the unit's name for
 * that reason only; Đơn vị đã đọc lists the units as read.
 */
export function splitBook(book: PlanWorkbook, by: SplitBy): SplitPart[] {
  const plan = book.plan;
  const labels = unitLabels(plan, book.lang);
  const rowsOfUnit: number[][] = plan.units.map(() => []);
  plan.rows.forEach((row, r) => rowsOfUnit[row.unitIndex].push(r));

  const groups: { name: string; units: number[]; reporting: string }[] = [];
  for (const group of groupByParent(plan)) {
    if (by === 'parent' && group.parent !== null) groups.push({ name: group.parent, units: group.units, reporting: group.parent });
    else for (const u of group.units) groups.push({ name: labels[u], units: [u], reporting: plan.units[u].name });
  }
  // By unit, a name that two units carry (Xã Tân Lập in two districts) is told apart by its parent first.
  const count = new Map<string, number>();
  for (const g of groups) count.set(g.name, (count.get(g.name) ?? 0) + 1);
  const named = groups.map((g) => {
    const parent = plan.units[g.units[0]].parent;
    return by === 'unit' && count.get(g.name)! > 1 && parent !== null ? { ...g, name: `${g.name} - ${parent}` } : g;
  });

  const taken = new Set<string>();
  const options: Omit<FormOptions, 'actuals' | 'held'> = {
    lang: book.lang, document: book.document, planId: book.planId, revision: book.revision, names: keptNames(book, book.lang), history: book.history,
  };
  const parts: SplitPart[] = [];
  for (const g of named) {
    const rows = g.units.flatMap((u) => rowsOfUnit[u]);
    if (rows.length === 0) continue;
    const { plan: sub, units } = subsetPlan(plan, g.units, rows, labels);
    const P = plan.periods.length;
    const partOf = new Map(rows.map((r, i) => [r, i]));
    const actuals = rows.flatMap((r) => book.actuals.slice(r * P, (r + 1) * P));
    const held = book.held.flatMap((cell) => {
      const i = partOf.get(Math.floor(cell / P));
      return i === undefined ? [] : [i * P + (cell % P)];
    });
    parts.push({
      name: uniqueName(safeFileName(g.name), taken),
      // The part's Phụ lục 02 and periodic report name its district or commune as the reporting unit.
      forms: planForms(sub, { units, registers: plan.registers }, { ...options, actuals, held, reportingUnit: g.reporting }),
      rows,
    });
  }
  return parts;
}

/**
 * The plan restricted to some units (in the master's order) and their rows (in the master's order), targets
 * sliced: the plan of a part, which `consolidate` lays out again to find a returned part's rows.
 */
export function subsetPlan(plan: Plan, unitIndices: readonly number[], rows: readonly number[], labels: readonly string[]): { plan: Plan; units: Unit[] } {
  const P = plan.periods.length;
  const index = new Map(unitIndices.map((u, i) => [u, i]));
  const units = unitIndices.map((u) => plan.units[u]);
  const cells = new Set(units.map((u) => u.cell));
  const targets = new Int32Array(rows.length * P);
  rows.forEach((r, i) => targets.set(plan.targets.subarray(r * P, (r + 1) * P), i * P));
  const subRows: PlanRow[] = rows.map((r) => ({ ...plan.rows[r], unitIndex: index.get(plan.rows[r].unitIndex)! }));
  return {
    plan: {
      ...plan,
      units: unitIndices.map((u) => ({ ...plan.units[u], name: labels[u] })),
      rows: subRows,
      targets,
      // Phụ lục 01's notes: the warnings about these units.
      problems: plan.problems.filter((p) => p.cell !== null && cells.has(p.cell)),
    },
    units,
  };
}

// Windows refuses these characters and names in a file name (and trailing dots or spaces); the rest of
// Unicode, Vietnamese letters included, is fine everywhere.
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME = 100;

/** A unit's or district's name as a file base name: illegal characters become "_", Vietnamese letters stay. */
export function safeFileName(name: string): string {
  let s = name.normalize('NFC').replace(ILLEGAL, '_').replace(/\s+/g, ' ').trim();
  s = s.slice(0, MAX_NAME).replace(/[. ]+$/, '');
  if (s === '') return '_';
  return RESERVED.test(s) ? `${s}_` : s;
}

/** `name`, or `name (2)`, `name (3)`… when taken: file systems on Windows and macOS ignore case, so the check does too. */
function uniqueName(name: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}
