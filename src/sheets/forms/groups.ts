import { Plan } from '../../planning/plan';

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
