import { Plan, planUnits } from '../plan';
import { Method, PlanSettings } from '../settings';
import { StageDemand, planStages } from '../stage-plan';
import { predecessorOf } from '../stages';
import { Unit } from '../units';
import { Frame } from './frame';
import { Held } from './held';

/** The re-split itself: the open days planned with what is left less the held amounts. */
export interface SubPlan {
  /** Planned from the first open day: its periods lie inside the new ones. */
  sub: Plan;
  /** The new plan's units (machines from now on) and settings. */
  units: Unit[];
  settings: PlanSettings;
  /** Per old row, the sub-plan's row of the same unit, register and stage. */
  subRowOf: Int32Array;
}

/**
 * planUnits (planStages for a plan with stages) over the open days; null when it finds no working day to
 * plan on (its errors are added to `f.problems`).
 */
export function subPlan(f: Frame, method: Method | undefined, left: Int32Array, held: Held, done: Int32Array): SubPlan | null {
  const { old, R, stages, machines, rate, end, openStart } = f;
  const units: Unit[] = old.units.map((u, ui) => ({ ...u, machines: machines.get(ui) ?? u.machines, counts: new Map<string, number>() }));
  const settings: PlanSettings = { ...old.settings, end, method: method ?? old.settings.method, rate, ...(stages ? { stages } : {}) };
  const at = rowIndex(old, stages?.length ?? 1);
  let sub: Plan;
  if (stages) {
    const demand: StageDemand = {
      count: (stage, unitIndex, register) => {
        const r = at(stage, unitIndex, register);
        return r === undefined ? undefined : left[r] - held.future[r];
      },
      // What the previous stage has done beyond this one is there to work on from the first open day.
      head: (stage, unitIndex, register) => {
        const r = at(stage, unitIndex, register);
        const p = predecessorOf(stages, stage);
        const pr = p < 0 ? undefined : at(p, unitIndex, register);
        return r === undefined || pr === undefined ? 0 : Math.max(0, done[pr] - done[r]);
      },
    };
    sub = planStages(units, old.registers, { ...settings, start: openStart }, demand);
  } else {
    old.rows.forEach((row, r) => units[row.unitIndex].counts.set(row.register, left[r] - held.future[r]));
    sub = planUnits(units, old.registers, { ...settings, start: openStart });
  }
  if (sub.problems.some((p) => p.severity === 'error')) { // no working day is left to plan on (in a stage's window)
    f.problems.push(...sub.problems);
    return null;
  }
  const subRowOf = new Int32Array(R).fill(-1);
  sub.rows.forEach((row, i) => {
    const r = at(row.stage ?? 0, row.unitIndex, row.register);
    if (r !== undefined) subRowOf[r] = i;
  });
  if (sub.rows.length !== R || subRowOf.some((i) => i < 0)) throw new Error('replan: sub-plan rows are not the plan\'s');
  return { sub, units, settings, subRowOf };
}

/**
 * The old plan's row of a stage, unit and register (numbers, not strings: a national plan has hundreds of
 * thousands of rows).
 */
function rowIndex(old: Plan, stageCount: number): (stage: number, unitIndex: number, register: string) => number | undefined {
  const registerIndex = new Map<string, number>();
  for (const row of old.rows) if (!registerIndex.has(row.register)) registerIndex.set(row.register, registerIndex.size);
  const [G, U] = [registerIndex.size, old.units.length];
  const rowAt = new Int32Array(Math.max(1, stageCount) * U * G).fill(-1);
  const slot = (stage: number, unitIndex: number, register: string): number => {
    const g = registerIndex.get(register);
    return g === undefined || unitIndex < 0 || unitIndex >= U ? -1 : (stage * U + unitIndex) * G + g;
  };
  old.rows.forEach((row, r) => (rowAt[slot(row.stage ?? 0, row.unitIndex, row.register)] = r));
  return (stage, unitIndex, register) => {
    const i = slot(stage, unitIndex, register);
    return i < 0 || rowAt[i] < 0 ? undefined : rowAt[i];
  };
}
