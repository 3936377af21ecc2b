import { Plan } from '../../planning/plan';
import { codeNote } from '../../planning/units';
import type { Lang } from './text';

/** A run of plan rows shown together: the units of one parent (or every unit, in a one-level list). */
export interface RowGroup {
  parent: string | null;
  /** Unit indices, in the order the units were read. */
  units: number[];
  /** Plan row indices, unit by unit. */
  rows: number[];
}

/**
 * The plan's rows grouped under their parents (told apart by their whole chain: two provinces' Huyện Châu
 * Thành are two groups), parents in the order they first appear, units in the order read. Every form lists rows in this order, so a parent's rows are contiguous and its totals are one SUM.
 */
export function groupByParent(plan: Plan): RowGroup[] {
  const rowsOfUnit: number[][] = plan.units.map(() => []);
  plan.rows.forEach((row, i) => rowsOfUnit[row.unitIndex].push(i));
  const groups = new Map<string | null, RowGroup>();
  plan.units.forEach((unit, u) => {
    const key = unit.parentKey ?? unit.parent;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { parent: unit.parent, units: [], rows: [] }));
    group.units.push(u);
    for (const r of rowsOfUnit[u]) group.rows.push(r);
  });
  return [...groups.values()];
}

/** Plan row indices in display order. */
export function displayOrder(groups: readonly RowGroup[]): number[] {
  return groups.flatMap((g) => g.rows);
}

/**
 * The name each form shows for each unit: with its code where another unit of its group has the same name
 * (Thành phố Thanh Hóa's two Xã Đông Khê), so people type into the right row; the bare name elsewhere.
 */
export function unitLabels(plan: Plan, lang: Lang): string[] {
  const key = (u: Plan['units'][number]): string => `${u.parentKey ?? u.parent ?? ''}\u0000${u.name}`;
  const seen = new Map<string, number>();
  for (const u of plan.units) seen.set(key(u), (seen.get(key(u)) ?? 0) + 1);
  return plan.units.map((u) => (seen.get(key(u))! > 1 ? `${u.name}${codeNote(u.code, lang)}` : u.name));
}
