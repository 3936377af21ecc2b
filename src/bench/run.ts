import { performance } from 'perf_hooks';
import { dayFromYMD } from '../planning/days';
import { planUnits } from '../planning/plan';
import { replan } from '../planning/replan';
import { Method, PlanSettings, defaultSettings } from '../planning/settings';
import { planStages } from '../planning/stage-plan';
import { defaultStages } from '../planning/stages';
import { Unit } from '../planning/units';
import { EXAMPLE_REGISTERS, inventCurrentUnits, inventUnits, loadCommunes } from '../examples/national';
import { loadReform } from '../hosts/files/places';
import { remapJob } from '../jobs/remap';
import { isRefused } from '../jobs/target';
import { benchForms } from './forms';
import { PANE_GOAL_KB, PaneBench, benchPane } from './pane';

/**
 * `npm run bench`: the engine at national scale (10,047 communes × 6 registers, daily over 366 days,
 * ≈22 million targets) against a floor measured in the same run: a bare loop that fills an Int32Array of
 * the same size with an even split; the same for the 3,321 communes since 1/7/2025, and the national remap
 * of the former communes into them against a monthly plan of the same units. Then the monthly forms for the same units against ExcelJS's streaming
 * writer writing as many plain cells. Ratios, not seconds, are what carry across machines. Last, the task
 * pane's production build: the gzipped JavaScript it loads at once, against a 150 KB goal (`pane.ts`).
 */
const RUNS = 5;
const FORM_RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (global as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

/** The floor: the least any even split of this size can cost. */
function floor(units: readonly Unit[], periods: number, flags: Uint8Array): Int32Array {
  const out = new Int32Array(units.length * EXAMPLE_REGISTERS.length * periods);
  let active = 0;
  for (let k = 0; k < periods; k++) active += flags[k];
  let row = 0;
  for (const u of units) {
    for (const r of EXAMPLE_REGISTERS) {
      const total = u.counts.get(r)!;
      const q = Math.floor(total / active);
      let extra = total - q * active;
      const base = row * periods;
      for (let k = 0; k < periods; k++) {
        if (flags[k] === 0) continue;
        out[base + k] = extra > 0 ? q + 1 : q;
        if (extra > 0) extra--;
      }
      row++;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const units = inventUnits(loadCommunes());
  const base: PlanSettings = { ...defaultSettings(dayFromYMD(2024, 1, 1), dayFromYMD(2024, 12, 31)), granularity: 'day' };
  const probe = planUnits(units, EXAMPLE_REGISTERS, base);
  const P = probe.periods.length;
  const flags = Uint8Array.from(probe.periods, (p) => p.workingDays);
  const targets = probe.targets.length;

  const floorS = time(() => floor(units, P, flags));
  const rows: [string, number][] = [];
  for (const method of ['even', 'workdays', 'priority', 'capacity'] as Method[]) {
    rows.push([method, time(() => planUnits(units, EXAMPLE_REGISTERS, { ...base, method }))]);
  }
  const engineS = rows[0][1];
  const peakMb = process.resourceUsage().maxRSS / 1024;
  // A re-split of the weekly national plan (actuals typed for its first 17 weeks, the end moved a month on)
  // against planning the same weekly plan from scratch.
  const weeklySettings: PlanSettings = { ...base, granularity: 'week' };
  const weekly = planUnits(units, EXAMPLE_REGISTERS, weeklySettings);
  const W = weekly.periods.length;
  const actuals = Array.from({ length: weekly.rows.length * W }, (_, i) => (i % W < 17 ? (i * 7) % 50 : null));
  const weeklyS = time(() => planUnits(units, EXAMPLE_REGISTERS, weeklySettings));
  const replanS = time(() => replan({ plan: weekly, actuals, asOf: dayFromYMD(2024, 4, 28), changes: { end: dayFromYMD(2025, 1, 31) } }));
  // The same weekly plan in the five default stages, each a week behind the one before and 2 working days
  // after it: five plans and the caps between them, against five times the plain plan.
  const stages = defaultStages(weeklySettings.start, weeklySettings.end).map((s, i) => ({ ...s, start: s.start + 7 * i, end: s.end - 7 * (4 - i), lag: i > 0 ? 2 : 0 }));
  const stagedS = time(() => planStages(units, EXAMPLE_REGISTERS, { ...weeklySettings, stages }));
  // The communes since 1/7/2025 (two levels), daily over the same year, against their own floor.
  const reform = loadReform();
  const current = inventCurrentUnits(reform.current);
  const currentFloorS = time(() => floor(current, P, flags));
  const currentS = time(() => planUnits(current, EXAMPLE_REGISTERS, base));
  // The national remap: every former commune the package maps to one commune since (the few it splits or
  // leaves unmapped need the planner's word), against planning the same units monthly.
  const mapped = units.filter((u) => reform.into.get(u.code as string)?.length === 1);
  const table = { format: 'wide' as const, units: mapped, registers: EXAMPLE_REGISTERS, problems: [], headerRow: 4 };
  const remapped = remapJob({ table, reform, lang: 'vi', source: 'bench' });
  if (isRefused(remapped)) throw new Error(`remap refused: ${remapped.problems[0]?.en}`);
  const recordsIn = mapped.reduce((a, u) => a + [...u.counts.values()].reduce((x, y) => x + y, 0), 0);
  const recordsOut = remapped.rows.reduce((a, r) => a + [...r.counts.values()].reduce((x, y) => x + y, 0), 0);
  const remapS = time(() => remapJob({ table, reform, lang: 'vi', source: 'bench' }));
  const monthlyMappedS = time(() => planUnits(mapped, EXAMPLE_REGISTERS, { ...base, granularity: 'month' }));
  const monthly = planUnits(units, EXAMPLE_REGISTERS, { ...base, granularity: 'month' });
  const forms = await benchForms(monthly, units, EXAMPLE_REGISTERS, FORM_RUNS);
  const formsRatio = forms.formsS / forms.plainS;

  // Last, so webpack's child process is gone before anything is timed; a pane that does not build yet
  // leaves the other figures standing.
  let pane: PaneBench | undefined;
  try {
    pane = await benchPane();
  } catch (e) {
    process.stderr.write(`pane bundle not measured: ${e instanceof Error ? e.message : String(e)}\n`);
  }

  const out = process.stdout;
  out.write(`quota-planner bench: ${units.length} units × ${EXAMPLE_REGISTERS.length} registers × ${P} days = ${targets.toLocaleString('en')} targets (median of ${RUNS})\n\n`);
  out.write(`${'what'.padEnd(28)}${'seconds'.padStart(10)}${'× floor'.padStart(10)}\n`);
  out.write(`${'floor (Int32Array even split)'.padEnd(28)}${floorS.toFixed(3).padStart(10)}${'1.00'.padStart(10)}\n`);
  for (const [method, s] of rows) out.write(`${('engine, ' + method).padEnd(28)}${s.toFixed(3).padStart(10)}${(s / floorS).toFixed(2).padStart(10)}\n`);
  out.write(`\npeak memory of the engine runs: ${peakMb.toFixed(0)} MB\n`);
  out.write(`\nsince 1/7/2025: ${current.length.toLocaleString('en')} communes × ${EXAMPLE_REGISTERS.length} registers × ${P} days\n`);
  out.write(`${'floor (Int32Array even split)'.padEnd(28)}${currentFloorS.toFixed(3).padStart(10)}${'1.00'.padStart(10)}\n`);
  out.write(`${'engine, even'.padEnd(28)}${currentS.toFixed(3).padStart(10)}${(currentS / currentFloorS).toFixed(2).padStart(10)}\n`);
  out.write(`\nremap: ${mapped.length.toLocaleString('en')} former communes → ${remapped.rows.length.toLocaleString('en')} since 1/7/2025, ${recordsIn.toLocaleString('en')} records in, ${recordsOut.toLocaleString('en')} out\n`);
  out.write(`${'plan the former, monthly'.padEnd(28)}${monthlyMappedS.toFixed(3).padStart(10)}${'1.00'.padStart(10)}\n`);
  out.write(`${'remap (job + units sheet)'.padEnd(28)}${remapS.toFixed(3).padStart(10)}${(remapS / monthlyMappedS).toFixed(2).padStart(10)}\n`);
  out.write(`\nre-split, weekly (${weekly.rows.length.toLocaleString('en')} rows × ${W} weeks, 17 weeks of actuals)\n`);
  out.write(`${'plan from scratch'.padEnd(28)}${weeklyS.toFixed(3).padStart(10)}${'1.00'.padStart(10)}\n`);
  out.write(`${'re-split'.padEnd(28)}${replanS.toFixed(3).padStart(10)}${(replanS / weeklyS).toFixed(2).padStart(10)}\n`);
  out.write(`${'five stages (÷ 5 plans)'.padEnd(28)}${stagedS.toFixed(3).padStart(10)}${(stagedS / (5 * weeklyS)).toFixed(2).padStart(10)}\n`);
  out.write(`\nforms, monthly: ${forms.cells.toLocaleString('en')} cells in ${forms.sheets} sheets (median of ${FORM_RUNS})\n`);
  out.write(`${'ExcelJS streaming, plain'.padEnd(28)}${forms.plainS.toFixed(3).padStart(10)}${'1.00'.padStart(10)}\n`);
  out.write(`${'our forms (models + write)'.padEnd(28)}${forms.formsS.toFixed(3).padStart(10)}${formsRatio.toFixed(2).padStart(10)}\n\n`);
  const kb = (x: number): string => x.toFixed(1).padStart(10);
  if (pane) {
    out.write(`task pane, production build (${pane.buildS.toFixed(0)} s), gzip -9\n`);
    out.write(`${'what'.padEnd(28)}${'KB gz'.padStart(10)}${'× goal'.padStart(10)}\n`);
    out.write(`${'goal for the initial load'.padEnd(28)}${kb(PANE_GOAL_KB)}${'1.00'.padStart(10)}\n`);
    out.write(`${'initial load'.padEnd(28)}${kb(pane.initialKb)}${(pane.initialKb / PANE_GOAL_KB).toFixed(2).padStart(10)}  ${pane.initialFiles.join(' ')}\n`);
    out.write(`${'  react + react-dom alone'.padEnd(28)}${kb(pane.reactKb)}${(pane.reactKb / PANE_GOAL_KB).toFixed(2).padStart(10)}\n`);
    out.write(`${'standalone, on import()'.padEnd(28)}${pane.lazyKb === null ? '—'.padStart(10) : kb(pane.lazyKb)}${''.padStart(10)}  ${pane.lazyFiles.join(' ') || 'no chunk holds the file host yet'}\n\n`);
  }
  out.write(JSON.stringify({
    engine_s: +engineS.toFixed(3), engine_vs_floor: +(engineS / floorS).toFixed(2), engine_peak_mb: Math.round(peakMb),
    current_units: current.length, current_engine_s: +currentS.toFixed(3), current_vs_floor: +(currentS / currentFloorS).toFixed(2),
    remap_units_in: mapped.length, remap_units_out: remapped.rows.length, remap_records_equal: recordsIn === recordsOut,
    remap_s: +remapS.toFixed(3), remap_vs_monthly_plan: +(remapS / monthlyMappedS).toFixed(2),
    replan_s: +replanS.toFixed(3), replan_vs_plan: +(replanS / weeklyS).toFixed(2),
    stages5_s: +stagedS.toFixed(3), stages5_vs_5_plans: +(stagedS / (5 * weeklyS)).toFixed(2),
    forms_s: +forms.formsS.toFixed(3), forms_vs_plain: +formsRatio.toFixed(2),
    pane_initial_kb_gz: pane ? +pane.initialKb.toFixed(1) : null,
    pane_initial_vs_goal: pane ? +(pane.initialKb / PANE_GOAL_KB).toFixed(2) : null,
    pane_lazy_kb_gz: pane?.lazyKb != null ? +pane.lazyKb.toFixed(1) : null,
  }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
