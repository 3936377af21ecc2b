import { parseDate } from '../../src/planning/days';
import { planUnits } from '../../src/planning/plan';
import { groupTotals, planTotals } from '../../src/planning/plan-totals';
import { dailyQuota, defaultSettings } from '../../src/planning/settings';
import { planStages } from '../../src/planning/stage-plan';
import { stagedSettings, stagesOf } from '../helpers/stages';
import { unit } from '../helpers/units';

const d = (s: string): number => parseDate(s)!;
const units = [unit('Xã A', { KS: 1000, KT: 400 }, { machines: 2 }), unit('Xã B', { KS: 600 })];

describe('totals of a group of rows', () => {
  it('adds up records, unscheduled records and targets per period, the groups making the plan', () => {
    const plan = planUnits(units, ['KS', 'KT'], { ...defaultSettings(d('2024-06-03'), d('2024-06-28')), granularity: 'week', method: 'capacity', rate: 50 });
    const a = groupTotals(plan, [0, 1]);
    const b = groupTotals(plan, [2]);
    expect(a.remaining).toBe(1400);
    expect(b.remaining).toBe(600);
    expect(a.unscheduled + b.unscheduled).toBe(planTotals(plan).unscheduled);
    expect(a.perPeriod.map((v, k) => v + b.perPeriod[k])).toEqual(planTotals(plan).perPeriod);
    expect(a.perPeriod.reduce((s, v) => s + v, 0) + a.unscheduled).toBe(1400);
  });

  it('counts a staged plan’s records once, in its final stage', () => {
    const plan = planStages(units, ['KS', 'KT'], stagedSettings(stagesOf('scan:2025-03-03..2025-03-14,entry:..2025-03-21')));
    const all = plan.rows.map((_, r) => r);
    expect(groupTotals(plan, all).remaining).toBe(2000);
    expect(groupTotals(plan, all).perPeriod).toEqual(planTotals(plan).perPeriod);
  });
});

describe('the daily quota', () => {
  it('is the unit’s machines, or the default, times the rate', () => {
    expect(dailyQuota({ machines: 2 }, { defaultMachines: 1, rate: 300 })).toBe(600);
    expect(dailyQuota({ machines: null }, { defaultMachines: 3, rate: 300 })).toBe(900);
  });
});
