import { ALL_REGISTER, priorityOrder } from '../../planning/registers';

/** The registers of the table in the order the plan will use: the ones the user can reorder. */
export function shownPriority(present: readonly string[], priority: readonly string[]): string[] {
  return priorityOrder(present.filter((c) => c !== ALL_REGISTER.code), priority);
}

/**
 * The priority after moving the register shown at `index` by `delta` places. The registers shown come
 * first in their new order; codes chosen earlier for registers not in this table keep their order after them.
 */
export function movePriority(present: readonly string[], priority: readonly string[], index: number, delta: -1 | 1): string[] {
  const shown = shownPriority(present, priority);
  const to = index + delta;
  if (index < 0 || index >= shown.length || to < 0 || to >= shown.length) return [...priority];
  [shown[index], shown[to]] = [shown[to], shown[index]];
  return [...shown, ...priority.filter((c) => !shown.includes(c))];
}
