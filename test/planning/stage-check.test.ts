import fc from 'fast-check';
import { parseDate } from '../../src/planning/days';
import { Plan, planUnits } from '../../src/planning/plan';
import { stageAheadProblems } from '../../src/planning/stage-check';
import { planStages } from '../../src/planning/stage-plan';
import { defaultSettings } from '../../src/planning/settings';
import { Stage, parseStages, predecessorOf, stagesWindow } from '../../src/planning/stages';
import { seeded } from '../helpers/property';
import { unit } from '../helpers/units';

const d = (text: string): number => parseDate(text)!;

function stagedPlan(text: string): Plan {
  const parsed = parseStages(text);
  if ('error' in parsed) throw new Error(parsed.error.en);
  const stages: Stage[] = parsed.stages;
  const { start, end } = stagesWindow(stages);
  const units = [
    { ...unit('Xã Mường Bú', { KS: 600, KT: 100 }, { row: 5, code: '14248' }), books: 12 },
    { ...unit('Xã Chiềng Sơ', { KS: 400, KT: 80 }, { row: 6 }), books: 9 },
  ];
  return planStages(units, ['KS', 'KT'], { ...defaultSettings(start, end), granularity: 'week', stages });
}

const rowOf = (plan: Plan, unitName: string, register: string, stageKey: string): number =>
  plan.rows.findIndex((r) => plan.units[r.unitIndex].name === unitName && r.register === register && plan.settings.stages![r.stage!].key === stageKey);
const blank = (plan: Plan): (number | null)[] => new Array(plan.rows.length * plan.periods.length).fill(null);
const cellOf = (r: number, k: number): string => `'Phụ lục 02 - Báo cáo tiến độ'!${String.fromCharCode(72 + k)}${10 + r}`;

describe('actuals ahead of the stage before them', () => {
  // Weeks from Monday 3/3: 3–9/3, 10–16/3, 17–23/3, 24–25/3.
  // Planned in each test, so that mutation testing knows which tests run the planner.
  let plan: Plan;
  let P: number;
  beforeEach(() => {
    plan = stagedPlan('collect:2025-03-03..2025-03-07,scan:2025-03-03..2025-03-15,entry:..2025-03-20,approve:..2025-03-25+2');
    P = plan.periods.length;
  });

  test('warns once per row, at the first period where its total passes its predecessor\'s, naming the cell, both figures, vi and en', () => {
    const actuals = blank(plan);
    const scan = rowOf(plan, 'Xã Mường Bú', 'KS', 'scan');
    const entry = rowOf(plan, 'Xã Mường Bú', 'KS', 'entry');
    // Scan 100, 150; entry 80 (fine), then 100 more: 180 > 250? no; then 90 more: 270 > 250 by the end of week 3.
    [[scan, 0, 100], [scan, 1, 150], [entry, 0, 80], [entry, 1, 100], [entry, 2, 90], [entry, 3, 50]].forEach(([r, k, v]) => (actuals[r * P + k] = v));
    const problems = stageAheadProblems(plan, actuals, cellOf);
    expect(problems).toEqual([{
      severity: 'warning', code: 'ahead-of-previous-stage', cell: cellOf(entry, 2), unit: 'Xã Mường Bú',
      vi: `Xã Mường Bú (mã 14248), Khai sinh, «Nhập liệu»: đến hết kỳ 17/03/2025–23/03/2025, số đã làm cộng dồn là 270 trường hợp, nhiều hơn 250 trường hợp của giai đoạn trước «Quét sổ». Hãy kiểm tra lại số liệu của hai giai đoạn.`,
      en: `Xã Mường Bú (code 14248), Births, "Data entry": by the end of 17/03/2025–23/03/2025, 270 records are done in all, more than the 250 of the stage before, "Scan". Check the figures of both stages.`,
    }]);
    // Without cellOf it names the unit's cell.
    expect(stageAheadProblems(plan, actuals).map((p) => p.cell)).toEqual(['Số liệu!B5']);
  });

  test('equal totals are not ahead; approval is checked against entry, not scan', () => {
    const actuals = blank(plan);
    const scan = rowOf(plan, 'Xã Chiềng Sơ', 'KT', 'scan');
    const entry = rowOf(plan, 'Xã Chiềng Sơ', 'KT', 'entry');
    const approve = rowOf(plan, 'Xã Chiềng Sơ', 'KT', 'approve');
    [[scan, 0, 40], [entry, 0, 40], [approve, 1, 30]].forEach(([r, k, v]) => (actuals[r * P + k] = v));
    expect(stageAheadProblems(plan, actuals)).toEqual([]);
    actuals[entry * P] = 20;
    expect(stageAheadProblems(plan, actuals, cellOf).map((p) => [p.cell, p.en.split(', 30')[0]])).toEqual([
      [cellOf(approve, 1), 'Xã Chiềng Sơ, Deaths, "Approve": by the end of 10/03/2025–16/03/2025'],
    ]);
    expect(stageAheadProblems(plan, actuals)[0].en).toContain('more than the 20 of the stage before, "Data entry"');
  });

  test('never fires for the books stage, nor for the first records stage after it, nor for a plan without stages', () => {
    const actuals = blank(plan);
    plan.rows.forEach((row, r) => {
      const key = plan.settings.stages![row.stage!].key;
      if (key === 'collect' || key === 'scan') actuals[r * P] = 500;
    });
    expect(stageAheadProblems(plan, actuals)).toEqual([]);
    const plain = planUnits(plan.units, ['KS', 'KT'], { ...defaultSettings(d('2025-03-03'), d('2025-03-25')), granularity: 'week' });
    expect(stageAheadProblems(plain, plain.rows.map(() => [1, 2, 3, 4]).flat())).toEqual([]);
  });

  test('fires exactly for the rows whose running total passes their predecessor\'s in some period', () => {
    const stages = plan.settings.stages!;
    const byKey = new Map(plan.rows.map((r, i) => [`${r.stage}/${r.unitIndex}/${r.register}`, i]));
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 50 })), { minLength: plan.rows.length * P, maxLength: plan.rows.length * P }), (actuals) => {
        const problems = stageAheadProblems(plan, actuals, cellOf);
        const expected: string[] = [];
        plan.rows.forEach((row, r) => {
          const p = predecessorOf(stages, row.stage!);
          if (p < 0) return;
          const pr = byKey.get(`${p}/${row.unitIndex}/${row.register}`)!;
          let [mine, theirs] = [0, 0];
          for (let k = 0; k < P; k++) {
            mine += actuals[r * P + k] ?? 0;
            theirs += actuals[pr * P + k] ?? 0;
            if (mine > theirs) {
              expected.push(cellOf(r, k));
              return;
            }
          }
        });
        expect(problems.map((x) => x.cell)).toEqual(expected);
        expect(problems.every((x) => x.severity === 'warning' && x.code === 'ahead-of-previous-stage')).toBe(true);
      }),
      seeded(100),
    );
  });
});
