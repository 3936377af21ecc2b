import fc from 'fast-check';
import { formatVN, parseDate } from '../../src/planning/days';
import { GRANULARITIES } from '../../src/planning/periods';
import { Plan, planUnits } from '../../src/planning/plan';
import { Replan, ReplanInput, replan } from '../../src/planning/replan';
import { planStages } from '../../src/planning/stage-plan';
import { METHODS, defaultSettings } from '../../src/planning/settings';
import { Stage, predecessorOf } from '../../src/planning/stages';
import { seeded } from '../helpers/property';
import { firstRunAhead, stagesOf, stagedSettings } from '../helpers/stages';
import { unit } from '../helpers/units';

const d = (text: string): number => parseDate(text)!;



const rowOf = (plan: Plan, unitName: string, register: string, stageKey: string): number =>
  plan.rows.findIndex((r) => plan.units[r.unitIndex].name === unitName && r.register === register && plan.settings.stages![r.stage!].key === stageKey);
const targetsOf = (plan: Plan, r: number): number[] => Array.from(plan.targets.subarray(r * plan.periods.length, (r + 1) * plan.periods.length));

/** What the re-split planned anew in period k of row r: its target less, in the current period, what was already done in it. */
function planned(out: Replan, input: ReplanInput, r: number, k: number): number {
  const { plan, firstOpen: f } = out;
  const oldP = input.plan.periods.length;
  const mid = plan.periods[f].start <= input.asOf;
  const cur = k === f && mid && f < oldP ? input.actuals[r * oldP + f] ?? 0 : 0;
  return plan.targets[r * plan.periods.length + k] - cur;
}

/** No stage runs ahead of its predecessor from the day after the as-of date, actuals and new targets together. */
const runsAhead = (out: Replan, input: ReplanInput): string | null =>
  firstRunAhead(out.plan, {
    from: Math.max(out.plan.settings.start, input.asOf + 1),
    firstPeriod: out.firstOpen,
    base: (r) => out.done[r],
    target: (r, k) => planned(out, input, r, k),
  });

/** The invariants of `replan` (its doc comment), row by row, and no open target outside the row's stage window but held ones. */
function checkInvariants(out: Replan, input: ReplanInput): void {
  const old = input.plan;
  const oldP = old.periods.length;
  const { plan, firstOpen: f } = out;
  const P = plan.periods.length;
  const stages = plan.settings.stages!;
  const openStart = Math.max(old.settings.start, input.asOf + 1);
  expect(plan.rows.map((r) => [r.unitIndex, r.register, r.stage])).toEqual(old.rows.map((r) => [r.unitIndex, r.register, r.stage]));
  plan.rows.forEach((row, r) => {
    for (let k = 0; k < f; k++) expect(plan.targets[r * P + k]).toBe(k < oldP ? old.targets[r * oldP + k] : 0);
    let open = 0;
    for (let k = f; k < P; k++) {
      expect(plan.targets[r * P + k]).toBeGreaterThanOrEqual(0);
      open += planned(out, input, r, k);
      const stage = stages[row.stage!];
      const from = Math.max(plan.periods[k].start, openStart, stage.start);
      const to = Math.min(plan.periods[k].end, stage.end);
      if (from > to && !input.held?.has(`${r}:${k}`)) expect(planned(out, input, r, k)).toBe(0);
    }
    expect(row.remaining).toBe(Math.max(0, old.rows[r].remaining - out.done[r]));
    expect(open + row.unscheduled).toBe(row.remaining);
    expect(row.unscheduled).toBeGreaterThanOrEqual(0);
  });
  for (const [key, v] of input.held ?? []) {
    const [r, k] = key.split(':').map(Number);
    expect(plan.targets[r * P + k]).toBe(v);
  }
}

describe('a staged daily plan re-split after a week, the deadline moved', () => {
  // Scan by 15/3, entry by 20/3, approval by 25/3 two working days after entry; 3/3 is a Monday.
  const units = [
    unit('Xã Mường Bú', { KS: 1200, KT: 300 }, { row: 5 }),
    unit('Xã Chiềng Sơ', { KS: 900, KT: 250 }, { row: 6 }),
    unit('Xã Nà Nghịu', { KS: 1500, KT: 420 }, { row: 7 }),
  ];
  const asOf = d('2025-03-07'); // Friday: the first week reported
  // Planned and re-split in each test, so that mutation testing knows which tests run the planner.
  let stages: Stage[];
  let old: Plan;
  let oldP: number;
  let actuals: (number | null)[];
  let input: ReplanInput;
  let moved: Replan;
  beforeEach(() => {
    stages = stagesOf('scan:2025-03-03..2025-03-15,entry:..2025-03-20,approve:..2025-03-25+2');
    old = planStages(units, ['KS', 'KT'], stagedSettings(stages));
    oldP = old.periods.length;
    // Scan did 80% of its targets, entry 60% of what scan did that day; approval typed nothing.
    actuals = new Array(old.rows.length * oldP).fill(null);
    old.rows.forEach((row, r) => {
      const key = stages[row.stage!].key;
      for (let k = 0; k < 5; k++) {
        if (key === 'scan') actuals[r * oldP + k] = Math.floor(0.8 * old.targets[r * oldP + k]);
        if (key === 'entry') actuals[r * oldP + k] = Math.floor(0.6 * actuals[(r - 1) * oldP + k]!);
      }
    });
    input = { plan: old, actuals, asOf, changes: { end: d('2025-03-28') } };
    moved = replan(input);
  });

  test('the old plan never runs ahead, and rows come unit, register, stage', () => {
    expect(old.problems).toEqual([]);
    expect(old.rows.slice(0, 3).map((r) => [r.register, stages[r.stage!].key])).toEqual([['KS', 'scan'], ['KS', 'entry'], ['KS', 'approve']]);
  });

  test('keeps the past week, re-plans from Saturday 8/3, and moves the approval deadline that ran to the old end', () => {
    expect(moved.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(moved.firstOpen).toBe(5);
    expect(formatVN(moved.plan.periods[moved.plan.periods.length - 1].end)).toBe('28/03/2025');
    expect(moved.plan.settings.start).toBe(old.settings.start);
    expect(moved.plan.settings.end).toBe(d('2025-03-28'));
    expect(moved.plan.settings.stages!.map((s) => [s.key, formatVN(s.start), formatVN(s.end), s.lag])).toEqual([
      ['scan', '03/03/2025', '15/03/2025', 0], ['entry', '03/03/2025', '20/03/2025', 0], ['approve', '03/03/2025', '28/03/2025', 2],
    ]);
    moved.plan.rows.forEach((_, r) => expect(targetsOf(moved.plan, r).slice(0, 5)).toEqual(targetsOf(old, r).slice(0, 5)));
    checkInvariants(moved, input);
  });

  test('what is left of each stage is planned again: scan finishes by 14/3, and nothing is planned after a stage\'s deadline', () => {
    const scan = rowOf(moved.plan, 'Xã Nà Nghịu', 'KS', 'scan');
    expect(moved.done[scan]).toBe(actuals.slice(scan * oldP, scan * oldP + 5).reduce<number>((s, a) => s + (a ?? 0), 0));
    expect(moved.plan.rows[scan].remaining).toBe(1500 - moved.done[scan]);
    expect(moved.plan.rows[scan].unscheduled).toBe(0);
    expect(formatVN(moved.plan.rows[scan].finish!)).toBe('14/03/2025');
    const entry = rowOf(moved.plan, 'Xã Nà Nghịu', 'KS', 'entry');
    expect(targetsOf(moved.plan, entry).slice(d('2025-03-21') - old.settings.start).every((t) => t === 0)).toBe(true);
    const approve = rowOf(moved.plan, 'Xã Nà Nghịu', 'KS', 'approve');
    expect(targetsOf(moved.plan, approve).slice(d('2025-03-26') - old.settings.start).some((t) => t > 0)).toBe(true);
  });

  test('entry never runs ahead of scan, nor approval of entry two working days on, actuals and new targets together', () => {
    expect(runsAhead(moved, input)).toBeNull();
    // Not by planning less: every row plans anew all it has left, by the new end.
    const P = moved.plan.periods.length;
    moved.plan.rows.forEach((row, r) => {
      let open = 0;
      for (let k = moved.firstOpen; k < P; k++) open += planned(moved, input, r, k);
      expect([r, open, row.unscheduled]).toEqual([r, row.remaining, 0]);
      expect(row.remaining).toBeGreaterThan(0);
    });
  });

  test('stage windows moved by changes.stages are kept to', () => {
    const later = stagesOf('scan:2025-03-03..2025-03-18,entry:..2025-03-24,approve:..2025-03-31+2');
    const changed: ReplanInput = { ...input, changes: { end: d('2025-03-31'), stages: later } };
    const out = replan(changed);
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(out.plan.settings.stages).toEqual(later);
    checkInvariants(out, changed);
    expect(runsAhead(out, changed)).toBeNull();
    const scan = rowOf(out.plan, 'Xã Mường Bú', 'KS', 'scan');
    const t = targetsOf(out.plan, scan);
    // Scanning now runs to Tuesday 18/3: weekends have nothing, and nothing after the 18th.
    expect(t.slice(d('2025-03-17') - old.settings.start, d('2025-03-19') - old.settings.start).every((x) => x > 0)).toBe(true);
    expect(t.slice(d('2025-03-19') - old.settings.start).every((x) => x === 0)).toBe(true);
  });

  test('by default, a stage whose deadline has passed with records left gets the new end, and is planned again', () => {
    const late: ReplanInput = { ...input, asOf: d('2025-03-16'), changes: { end: d('2025-03-28') } };
    const out = replan(late);
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    checkInvariants(out, late);
    expect(runsAhead(out, late)).toBeNull();
    expect(out.plan.settings.stages!.find((s) => s.key === 'scan')!.end).toBe(d('2025-03-28'));
    const scan = rowOf(out.plan, 'Xã Mường Bú', 'KS', 'scan');
    expect(out.plan.rows[scan].remaining).toBeGreaterThan(0);
    expect(out.plan.rows[scan].unscheduled).toBe(0);
  });

  test('a stage kept to a window that has passed plans nothing more: what it has left is unscheduled, and the next stage works only on what it did', () => {
    const stages = input.plan.settings.stages!.map((s) => (s.key === 'scan' ? s : { ...s, end: d('2025-03-28') }));
    const late: ReplanInput = { ...input, asOf: d('2025-03-16'), changes: { end: d('2025-03-28'), stages } };
    const out = replan(late);
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    checkInvariants(out, late);
    expect(runsAhead(out, late)).toBeNull();
    const scan = rowOf(out.plan, 'Xã Mường Bú', 'KS', 'scan');
    const entry = rowOf(out.plan, 'Xã Mường Bú', 'KS', 'entry');
    expect(out.plan.rows[scan].unscheduled).toBe(out.plan.rows[scan].remaining);
    expect(out.plan.rows[scan].remaining).toBeGreaterThan(0);
    // Entry can work only on what scan did beyond it.
    const entryNew = targetsOf(out.plan, entry).slice(out.firstOpen).reduce((a, b) => a + b, 0);
    expect(entryNew).toBe(out.done[scan] - out.done[entry]);
    const behind = out.problems.filter((p) => p.code === 'stage-behind' && p.unit === 'Xã Mường Bú');
    expect(behind[0].vi).toMatch(/^«Quét sổ» của Xã Mường Bú: còn [\d.]+ trường hợp chưa xếp lịch được vì hạn của giai đoạn \(15\/03\/2025\) đã qua\. Hãy lùi hạn «Quét sổ»\.$/);
    expect(behind[0].en).toMatch(/^"Scan" of Xã Mường Bú: [\d,]+ records are left unscheduled, as the stage's deadline \(15\/03\/2025\) has passed/);
    expect(behind[0].cell).toBe('Số liệu!B5');
  });

  test('a held target of a stage is kept, and what it displaces stays inside the stage\'s window', () => {
    const entry = rowOf(old, 'Xã Chiềng Sơ', 'KT', 'entry');
    const k = d('2025-03-12') - old.settings.start;
    const held: ReplanInput = { ...input, held: new Map([[`${entry}:${k}`, 0]]) };
    const out = replan(held);
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    checkInvariants(out, held);
    expect(out.plan.targets[entry * out.plan.periods.length + k]).toBe(0);
    expect(targetsOf(out.plan, entry).slice(d('2025-03-21') - old.settings.start).every((t) => t === 0)).toBe(true);
  });

  test('messages about a stage\'s row name its stage', () => {
    const entry = rowOf(old, 'Xã Chiềng Sơ', 'KT', 'entry');
    const big = replan({ ...input, held: new Map([[`${entry}:10`, 5000]]) });
    expect(big.problems.map((p) => p.code)).toEqual(['held-exceeds-remaining']);
    expect(big.problems[0].vi).toMatch(/^Xã Chiềng Sơ, Khai tử, «Nhập liệu»: /);
    expect(big.problems[0].en).toMatch(/^Xã Chiềng Sơ, Deaths, "Data entry": /);
  });

  test('refuses stages that are not the plan\'s, or lie outside its window, naming the stage', () => {
    const codes = (text: string, end = '2025-03-31'): [string, string][] =>
      replan({ ...input, changes: { end: d(end), stages: stagesOf(text, old.settings.start) } }).problems.map((p) => [p.code, p.en]);
    expect(codes('scan:..2025-03-18,approve:..2025-03-24,entry:..2025-03-31')).toEqual([['stage-mismatch', expect.stringMatching(/^Stage 2 is "Approve", but the plan's is "Data entry": a re-split keeps the plan's stages \(Scan, Data entry, Approve\)/)]]);
    expect(codes('scan:..2025-03-18,entry:..2025-03-24')).toEqual([['stage-mismatch', expect.stringMatching(/^The stage "Approve" \(stage 3\) is missing/)]]);
    expect(codes('scan:..2025-03-18,entry:..2025-03-24,approve:..2025-04-02')).toEqual([['stage-after-end', 'The stage "Approve" ends on 02/04/2025, after the plan\'s new end 31/03/2025.']]);
    expect(codes('scan:2025-03-01..2025-03-18,entry:..2025-03-24,approve:..2025-03-31')).toEqual([['stage-before-start', 'The stage "Scan" starts on 01/03/2025, before the plan\'s start on 03/03/2025.']]);
    const refused = replan({ ...input, changes: { end: d('2025-03-31'), stages: stagesOf('scan:..2025-03-18,entry:..2025-03-24', old.settings.start) } });
    expect(refused.plan.targets).toBe(old.targets);
    expect(refused.problems[0].vi).toMatch(/^Thiếu giai đoạn «Phê duyệt» \(thứ 3\)/);
    const plain = planUnits(units, ['KS', 'KT'], { ...defaultSettings(d('2025-03-03'), d('2025-03-25')), granularity: 'day' });
    const noStages = replan({ plan: plain, actuals: new Array(plain.rows.length * plain.periods.length).fill(null), asOf, changes: { end: d('2025-03-31'), stages } });
    expect(noStages.problems.map((p) => p.code)).toEqual(['stages-not-in-plan']);
  });

  test('an earlier end cuts the stages down to it; one that would start after it is refused', () => {
    const out = replan({ ...input, changes: { end: d('2025-03-18') } });
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(out.plan.settings.stages!.map((s) => formatVN(s.end))).toEqual(['15/03/2025', '18/03/2025', '18/03/2025']);
    const separate = stagesOf('scan:2025-03-03..2025-03-15,approve:2025-03-17..2025-03-25');
    const plan = planStages(units, ['KS', 'KT'], stagedSettings(separate));
    const early = replan({ plan, actuals: new Array(plan.rows.length * plan.periods.length).fill(null), asOf, changes: { end: d('2025-03-14') } });
    expect(early.problems.map((p) => [p.code, p.en])).toEqual([
      ['stage-starts-after-end', 'The stage "Approve" starts on 17/03/2025, after the new end 14/03/2025: give the stages new windows.'],
    ]);
  });
});

describe('properties of staged re-splits', () => {
  const base = d('2025-03-03');
  const arbStages = fc
    .array(fc.record({ from: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 40 }), lag: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 4 })
    .map((list) => list.map((s, i): Stage => ({ key: `s${i}`, label: `S${i}`, start: base + s.from, end: base + s.from + s.length, lag: i === 0 ? 0 : s.lag, unit: 'records' })));
  const arbCase = fc.record({
    stages: arbStages,
    units: fc.array(fc.record({ KS: fc.integer({ min: 0, max: 3000 }), KT: fc.integer({ min: 0, max: 800 }), machines: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
    method: fc.constantFrom(...METHODS),
    granularity: fc.constantFrom(...GRANULARITIES),
    week: fc.constantFrom('all', 'mon-fri'),
    seed: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 30 }),
    blanks: fc.integer({ min: 0, max: 4 }),
    asOfAfter: fc.integer({ min: -3, max: 60 }),
    extend: fc.integer({ min: 1, max: 30 }),
    // New windows: each stage's end moved by this many days (null: the default rule).
    move: fc.option(fc.array(fc.integer({ min: -10, max: 15 }), { minLength: 4, maxLength: 4 }), { nil: null, freq: 2 }),
    held: fc.array(fc.tuple(fc.nat(60), fc.nat(60), fc.integer({ min: 0, max: 150 })), { maxLength: 2 }),
  });

  test('the past is kept, every record is accounted for per row, held cells are kept, and without them no stage runs ahead', () => {
    // The cases the rules are about must come up: moved windows, the default rule, held cells, mid-period, passed stages.
    const seen = { runs: 0, planned: 0, ahead: 0, moved: 0, kept: 0, held: 0, mid: 0, passed: 0 };
    fc.assert(
      fc.property(arbCase, (c) => {
        seen.runs++;
        const units = c.units.map((u, i) => unit(`Xã ${i}`, { KS: u.KS, KT: u.KT }, { machines: u.machines }));
        const settings = stagedSettings(c.stages, { method: c.method, granularity: c.granularity, rate: 50, calendar: { week: c.week, holidays: 'vn', daysOff: [], extraWorkdays: [] } });
        const old = planStages(units, ['KS', 'KT'], settings);
        const oldP = old.periods.length;
        // Actuals: rows come unit, register, stage, so a stage's predecessor is filled first; none is ahead of it.
        const actuals: (number | null)[] = new Array(old.rows.length * oldP).fill(null);
        const byKey = new Map(old.rows.map((r, i) => [`${r.stage}/${r.unitIndex}/${r.register}`, i]));
        old.rows.forEach((row, r) => {
          const p = predecessorOf(c.stages, row.stage!);
          const pr = p < 0 ? -1 : byKey.get(`${p}/${row.unitIndex}/${row.register}`)!;
          for (let k = 0; k < oldP; k++) {
            const i = r * oldP + k;
            if ((i * 7 + c.blanks) % 5 < c.blanks % 3) continue;
            const v = c.seed[i % c.seed.length];
            actuals[i] = pr < 0 ? v : Math.min(v, actuals[pr * oldP + k] ?? 0);
          }
        });
        const asOf = old.settings.start + c.asOfAfter;
        const end = Math.max(old.settings.end, asOf + 1) + (c.move ? c.extend : c.extend - 10);
        const stages = c.move
          ? c.stages.map((s, i) => ({ ...s, end: Math.min(end, Math.max(s.start, s.end + c.move![i])) }))
          : undefined;
        const input0: ReplanInput = { plan: old, actuals, asOf, changes: { end: Math.max(end, asOf + 1, old.settings.start), stages } };
        const first = replan(input0);
        // Held cells in open periods; in the current period on top of what was done in it.
        const held = new Map<string, number>();
        const open = first.plan.periods.length - first.firstOpen;
        if (open > 0 && !first.problems.some((p) => p.severity === 'error')) {
          const mid = first.plan.periods[first.firstOpen].start <= asOf;
          for (const [r0, k0, v] of c.held) {
            const r = r0 % old.rows.length;
            const k = first.firstOpen + (k0 % open);
            const cur = mid && k === first.firstOpen && k < oldP ? actuals[r * oldP + k] ?? 0 : 0;
            held.set(`${r}:${k}`, cur + v);
          }
        }
        const input = held.size > 0 ? { ...input0, held } : input0;
        const out = replan(input);
        const errors = out.problems.filter((p) => p.severity === 'error');
        if (errors.length > 0) {
          errors.forEach((e) => expect(['held-exceeds-remaining', 'no-working-day', 'stage-starts-after-end']).toContain(e.code));
          expect(out.plan.targets).toBe(old.targets);
          return;
        }
        seen.planned++;
        if (stages) seen.moved++;
        else seen.kept++;
        if (held.size > 0) seen.held++;
        if (out.plan.periods[out.firstOpen].start <= asOf) seen.mid++;
        if (out.plan.settings.stages!.some((s) => s.end <= asOf)) seen.passed++;
        expect(out.plan.settings.stages!.every((s) => s.end <= out.plan.settings.end && s.start >= old.settings.start)).toBe(true);
        if (stages) expect(out.plan.settings.stages).toEqual(stages);
        checkInvariants(out, input);
        if (held.size === 0) {
          seen.ahead++;
          expect(runsAhead(out, input)).toBeNull();
        }
      }),
      seeded(150),
    );
    // Of 150 runs, more than 75 and 10 (in proportion, as the mutation run makes fewer).
    expect(seen.planned).toBeGreaterThan(seen.runs / 2);
    expect(Math.min(seen.moved, seen.kept, seen.held, seen.ahead, seen.mid, seen.passed)).toBeGreaterThan(seen.runs / 15);
  });
});
