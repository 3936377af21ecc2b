import fc from 'fast-check';
import { dayFromYMD, formatISO, formatVN, parseDate } from '../../src/planning/days';
import { Plan, planUnits } from '../../src/planning/plan';
import { planJson } from '../../src/planning/plan-json';
import { Method, PlanSettings, defaultSettings } from '../../src/planning/settings';
import { Unit } from '../../src/planning/units';
import { seeded } from '../helpers/property';
import { unit } from '../helpers/units';

const d = (text: string): number => parseDate(text)!;
const settings = (start: string, end: string, extra: Partial<PlanSettings> = {}): PlanSettings => ({ ...defaultSettings(d(start), d(end)), ...extra });
const targetsOf = (plan: Plan, unitName: string, register: string): number[] => {
  const P = plan.periods.length;
  const i = plan.rows.findIndex((r) => plan.units[r.unitIndex].name === unitName && r.register === register);
  return Array.from(plan.targets.subarray(i * P, (i + 1) * P));
};
const periodTotals = (plan: Plan): number[] =>
  plan.periods.map((_, k) => plan.rows.reduce((s, _r, i) => s + plan.targets[i * plan.periods.length + k], 0));

const daiLanh = [unit('Xã Đại Lãnh', { KS: 1972, KT: 461, KH: 707 })];

describe('Đại Lãnh 2024 (seeds/dai-lanh-2024-digitization-plan)', () => {
  it('even: reproduces the plan table row by row, and the totals the plan mis-added', () => {
    const plan = planUnits(daiLanh, ['KS', 'KT', 'KH'], settings('2024-06-01', '2024-09-30'));
    expect(plan.periods.map((p) => formatISO(p.start))).toEqual(['2024-06-01', '2024-07-01', '2024-08-01', '2024-09-01']);
    expect(targetsOf(plan, 'Xã Đại Lãnh', 'KS')).toEqual([493, 493, 493, 493]);
    expect(targetsOf(plan, 'Xã Đại Lãnh', 'KT')).toEqual([116, 115, 115, 115]);
    expect(targetsOf(plan, 'Xã Đại Lãnh', 'KH')).toEqual([177, 177, 177, 176]);
    expect(periodTotals(plan)).toEqual([786, 785, 785, 784]);
    expect(plan.problems).toEqual([]);
  });
  it('priority KS, KH, KT: each month fills births first, then marriages, then deaths', () => {
    const plan = planUnits(daiLanh, ['KS', 'KT', 'KH'], settings('2024-06-01', '2024-09-30', { method: 'priority', priority: ['KS', 'KH', 'KT'] }));
    expect(plan.registers).toEqual(['KS', 'KH', 'KT']);
    expect(targetsOf(plan, 'Xã Đại Lãnh', 'KS')).toEqual([785, 785, 402, 0]);
    expect(targetsOf(plan, 'Xã Đại Lãnh', 'KH')).toEqual([0, 0, 383, 324]);
    expect(targetsOf(plan, 'Xã Đại Lãnh', 'KT')).toEqual([0, 0, 0, 461]);
  });
  it('workdays: months with more working days get more, and the 2/9 holiday counts (Sep 2024 has 19)', () => {
    const plan = planUnits(daiLanh, ['KS'], settings('2024-06-01', '2024-09-30', { method: 'workdays' }));
    // Jun 20, Jul 23, Aug 22 (31/8 is a Saturday), Sep: 21 weekdays less 2/9 and 3/9.
    expect(plan.periods.map((p) => p.workingDays)).toEqual([20, 23, 22, 19]);
    const ks = targetsOf(plan, 'Xã Đại Lãnh', 'KS');
    expect(ks.reduce((a, b) => a + b, 0)).toBe(1972);
    expect(ks).toEqual([470, 540, 516, 446]);
  });
  it('gives each row the last working day of its last period as its finish', () => {
    const json = planJson(planUnits(daiLanh, ['KS', 'KT', 'KH'], settings('2024-06-01', '2024-09-30')));
    expect(json.rows[0]).toEqual({
      unit: 'Xã Đại Lãnh', parent: null, register: 'KS', machines: null, remaining: 1972,
      targets: [493, 493, 493, 493], unscheduled: 0, finish: '2024-09-30',
    });
  });
});

describe('Chơn Thành 2023 (capacity: 300 records per machine per day, every day, 22/5–14/7)', () => {
  const units: Unit[] = [
    unit('Phường Hưng Long', { KS: 18_000, KH: 7_000, KT: 5_000 }, { machines: 2, row: 7 }),
    unit('Phường Minh Hưng', { KS: 20_000, KH: 8_000, KT: 5_000 }, { machines: 2, row: 8 }),
    unit('Phường Thành Tâm', { KS: 9_000, KH: 3_000, KT: 2_000 }, { machines: 1, row: 9 }),
    unit('Xã Minh Thắng', { KS: 11_000, KH: 4_000, KT: 2_850 }, { machines: 1, row: 10 }),
    unit('Xã Nha Bích', { KS: 6_000, KH: 2_000, KT: 1_500 }, { machines: 1, row: 11 }),
    unit('Phường Minh Long', { KS: 7_000, KH: 2_500, KT: 1_800 }, { machines: 1, row: 12 }),
    unit('Phường Minh Thành', { KS: 8_000, KH: 3_000, KT: 2_200 }, { machines: 1, row: 13 }),
    unit('Xã Minh Lập', { KS: 5_000, KH: 1_800, KT: 1_200 }, { machines: 1, row: 14 }),
    unit('Xã Quang Minh', { KS: 4_000, KH: 1_500, KT: 1_000 }, { machines: 1, row: 15 }),
  ];
  const cfg = settings('2023-05-22', '2023-07-14', { method: 'capacity', granularity: 'day', calendar: { week: 'all', holidays: 'vn', daysOff: [], extraWorkdays: [] } });
  // Planned in each test, not once for the block, so that mutation testing knows which tests run the planner.
  let plan: Plan;
  beforeEach(() => (plan = planUnits(units, ['KS', 'KH', 'KT'], cfg)));

  it('works all 54 days and never plans more than machines × 300 a day', () => {
    expect(plan.periods).toHaveLength(54);
    expect(plan.periods.every((p) => p.workingDays === 1)).toBe(true);
    units.forEach((u) => {
      const rows = plan.rows.map((r, i) => ({ r, i })).filter(({ r }) => plan.units[r.unitIndex] === u);
      for (let k = 0; k < 54; k++) {
        const day = rows.reduce((s, { i }) => s + plan.targets[i * 54 + k], 0);
        expect(day).toBeLessThanOrEqual(u.machines! * 300);
      }
    });
  });
  it('finishes Hưng Long (2 machines, 30.000 records) on its 50th day, 10/07/2023', () => {
    const kt = plan.rows.find((r) => plan.units[r.unitIndex].name === 'Phường Hưng Long' && r.register === 'KT')!;
    expect(formatVN(kt.finish!)).toBe('10/07/2023');
    expect(kt.unscheduled).toBe(0);
  });
  it('says who cannot finish, when they would, and how many machines they need', () => {
    const late = plan.problems.filter((p) => p.code === 'cannot-finish');
    expect(late.map((p) => p.unit)).toEqual(['Phường Minh Hưng', 'Xã Minh Thắng']);
    const thang = late[1];
    expect(thang.cell).toBe('Số liệu!B10');
    // 17.850 records at 300 a day take 60 days: 22/5 + 59 = 20/7/2023.
    expect(thang.en).toBe('Xã Minh Thắng cannot finish by 14/07/2023: with 1 machine it would finish on 20/07/2023; 1,650 records are left unscheduled; it needs 2 machines to finish on time.');
    expect(thang.vi).toContain('cần 2 máy');
    expect(late[0].en).toContain('needs 3 machines');
    const json = planJson(plan).rows.filter((r) => r.unit === 'Xã Minh Thắng');
    expect(json.map((r) => r.unscheduled)).toEqual([0, 0, 1650]);
    expect(json.map((r) => r.finish)).toEqual(['2023-06-27', '2023-07-10', '2023-07-20']);
  });
});

describe('units of one name told apart by their codes', () => {
  const parent = 'Thành phố Thanh Hóa';
  const units = [
    unit('Xã Đông Khê', { KS: 20_000 }, { parent, code: '16387', machines: 1, row: 3 }),
    unit('Xã Đông Khê', { KS: 300 }, { parent, code: '16408', machines: 1, row: 4 }),
    unit('Phường Đông Cương', { KS: 100 }, { parent, row: 5 }),
  ];
  let plan: Plan;
  beforeEach(() => (plan = planUnits(units, ['KS'], settings('2024-06-03', '2024-06-28', { method: 'capacity' }))));

  it('gives a JSON row its unit code, after the unit, only when the sheet gives one', () => {
    const rows = planJson(plan).rows;
    expect(rows.map((r) => [r.unit, r.code])).toEqual([['Xã Đông Khê', '16387'], ['Xã Đông Khê', '16408'], ['Phường Đông Cương', undefined]]);
    expect(Object.keys(rows[0]).slice(0, 3)).toEqual(['unit', 'code', 'parent']);
    expect('code' in rows[2]).toBe(false);
  });

  it('names the code in a warning about one of them', () => {
    const late = plan.problems.filter((p) => p.code === 'cannot-finish');
    expect(late.map((p) => [p.unit, p.cell])).toEqual([['Xã Đông Khê', 'Số liệu!B3']]);
    expect(late[0].vi).toMatch(/^Xã Đông Khê \(mã 16387\) không thể hoàn thành/);
    expect(late[0].en).toMatch(/^Xã Đông Khê \(code 16387\) cannot finish/);
  });
});

describe('calendar in the plan', () => {
  it('puts nothing on 2/9/2024 or 3/9/2024, nor on weekends', () => {
    const plan = planUnits([unit('Xã A', { KS: 1000 })], ['KS'], settings('2024-08-26', '2024-09-08', { granularity: 'day' }));
    const ks = targetsOf(plan, 'Xã A', 'KS');
    plan.periods.forEach((p, k) => {
      if (['2024-08-31', '2024-09-01', '2024-09-02', '2024-09-03', '2024-09-07', '2024-09-08'].includes(formatISO(p.start))) expect(ks[k]).toBe(0);
    });
    expect(ks.filter((t) => t > 0)).toHaveLength(8);
  });
  it('plans nothing in the Tết 2025 break and weeks around it are clipped to the window', () => {
    const plan = planUnits([unit('Xã A', { KS: 900 })], ['KS'], settings('2025-01-22', '2025-02-12', { granularity: 'week' }));
    expect(plan.periods.map((p) => [formatISO(p.start), formatISO(p.end), p.workingDays])).toEqual([
      ['2025-01-22', '2025-01-26', 3],
      ['2025-01-27', '2025-02-02', 0],
      ['2025-02-03', '2025-02-09', 5], // 2025 had no make-up Saturday (letter 8726/VPCP-KGVX)
      ['2025-02-10', '2025-02-12', 3],
    ]);
    expect(targetsOf(plan, 'Xã A', 'KS')).toEqual([300, 0, 300, 300]);
  });
  it('refuses a window with no working day instead of planning into holidays', () => {
    const plan = planUnits([unit('Xã A', { KS: 10 })], ['KS'], settings('2025-01-27', '2025-01-31'));
    expect(plan.problems.map((p) => p.code)).toEqual(['no-working-day']);
  });
});

describe('over-capacity warning for even plans', () => {
  it('warns a unit whose machines cannot make a period target, naming the machines it needs', () => {
    const plan = planUnits([unit('Xã B', { KS: 30_000 }, { machines: 1 })], ['KS'], settings('2024-06-01', '2024-06-30'));
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0].code).toBe('over-capacity');
    expect(plan.problems[0].en).toContain('needs 5 machines'); // 30.000 in 20 days at 300 a machine
  });

  it('warns a unit of a sheet with no machines column by the default machines, even and workdays alike, and says they are the default', () => {
    for (const method of ['even', 'workdays'] as const) {
      // 300.000 in 20 working days: 15.000 a day for one machine (the default) of 300 a day.
      const plan = planUnits([unit('Xã C', { KS: 300_000 })], ['KS'], { ...settings('2024-06-01', '2024-06-30'), method });
      expect([method, plan.problems.map((p) => p.code)]).toEqual([method, ['over-capacity']]);
      expect(plan.problems[0].vi).toContain('vượt năng lực của 1 máy (số máy mặc định) × 300 trường hợp/ngày; cần 50 máy');
      expect(plan.problems[0].en).toContain('exceeds what 1 machine (the default) × 300 records/day can do; it needs 50 machines');
    }
  });

  it('takes the default machines for a unit without its own, and says nothing when they are enough', () => {
    const enough = planUnits([unit('Xã C', { KS: 300_000 })], ['KS'], { ...settings('2024-06-01', '2024-06-30'), defaultMachines: 50 });
    expect(enough.problems).toEqual([]);
    const short = planUnits([unit('Xã C', { KS: 300_000 })], ['KS'], { ...settings('2024-06-01', '2024-06-30'), defaultMachines: 49 });
    expect(short.problems.map((p) => p.en)).toEqual([expect.stringContaining('exceeds what 49 machines (the default)')]);
  });
});

// ---------- properties ----------
const REG = ['KS', 'KH', 'KT', 'TDCC'];
const arbUnits = fc.array(
  fc.record({
    counts: fc.subarray(REG, { minLength: 1 }).chain((regs) => fc.tuple(...regs.map((r) => fc.tuple(fc.constant(r), fc.integer({ min: 0, max: 60_000 }))))),
    machines: fc.option(fc.integer({ min: 0, max: 3 })),
  }),
  { minLength: 1, maxLength: 6 },
).map((specs) => specs.map((s, i) => unit(`Xã ${i + 1}`, Object.fromEntries(s.counts), { machines: s.machines ?? undefined, row: i + 2 })));
const arbSettings = fc.record({
  start: fc.integer({ min: dayFromYMD(2023, 1, 1), max: dayFromYMD(2026, 12, 31) }),
  length: fc.integer({ min: 1, max: 200 }),
  granularity: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
  method: fc.constantFrom<Method>('even', 'workdays', 'priority', 'capacity'),
  week: fc.constantFrom('all', 'mon-fri', 'mon-sat', '0010011', '1111100'),
  holidays: fc.constantFrom('vn' as const, 'none' as const),
  rate: fc.integer({ min: 1, max: 500 }),
}).map((s): PlanSettings => ({
  ...defaultSettings(s.start, s.start + s.length - 1),
  granularity: s.granularity,
  method: s.method,
  rate: s.rate,
  calendar: { week: s.week, holidays: s.holidays, daysOff: [], extraWorkdays: [] },
}));

describe('plan properties', () => {
  const run = (units: Unit[], cfg: PlanSettings): Plan => planUnits(units, REG, cfg);

  it('targets plus unscheduled sum exactly to what remains; only capacity leaves anything unscheduled', () => {
    fc.assert(fc.property(arbUnits, arbSettings, (units, cfg) => {
      const plan = run(units, cfg);
      if (plan.problems.some((p) => p.code === 'no-working-day')) return;
      const P = plan.periods.length;
      plan.rows.forEach((row, i) => {
        let sum = 0;
        for (let k = 0; k < P; k++) {
          expect(plan.targets[i * P + k]).toBeGreaterThanOrEqual(0);
          sum += plan.targets[i * P + k];
        }
        expect(sum + row.unscheduled).toBe(row.remaining);
        if (cfg.method !== 'capacity') expect(row.unscheduled).toBe(0);
      });
    }), seeded(300));
  });

  it('never puts a target in a period without a working day', () => {
    fc.assert(fc.property(arbUnits, arbSettings, (units, cfg) => {
      const plan = run(units, cfg);
      const P = plan.periods.length;
      plan.periods.forEach((p, k) => {
        if (p.workingDays === 0) plan.rows.forEach((_, i) => expect(plan.targets[i * P + k]).toBe(0));
      });
    }), seeded(300));
  });

  it('even: a row differs by at most one between working periods, the larger shares first', () => {
    fc.assert(fc.property(arbUnits, arbSettings, (units, cfg0) => {
      const plan = run(units, { ...cfg0, method: 'even' });
      const P = plan.periods.length;
      plan.rows.forEach((_, i) => {
        const live = plan.periods.map((p, k) => (p.workingDays > 0 ? plan.targets[i * P + k] : -1)).filter((t) => t >= 0);
        if (live.length === 0) return;
        expect(Math.max(...live) - Math.min(...live)).toBeLessThanOrEqual(1);
        for (let k = 1; k < live.length; k++) expect(live[k]).toBeLessThanOrEqual(live[k - 1]);
      });
    }), seeded(200));
  });

  it('capacity: no unit is given more than machines × rate × working days in any period', () => {
    fc.assert(fc.property(arbUnits, arbSettings, (units, cfg0) => {
      const cfg = { ...cfg0, method: 'capacity' as const };
      const plan = run(units, cfg);
      const P = plan.periods.length;
      units.forEach((u, ui) => {
        const cap = (u.machines ?? cfg.defaultMachines) * cfg.rate;
        plan.periods.forEach((p, k) => {
          const load = plan.rows.reduce((s, r, i) => s + (r.unitIndex === ui ? plan.targets[i * P + k] : 0), 0);
          expect(load).toBeLessThanOrEqual(cap * p.workingDays);
        });
      });
    }), seeded(200));
  });

  it('priority and capacity: a register starts only when every register before it is finished by that period', () => {
    fc.assert(fc.property(arbUnits, arbSettings, fc.constantFrom<Method>('priority', 'capacity'), (units, cfg0, method) => {
      const plan = run(units, { ...cfg0, method });
      const P = plan.periods.length;
      units.forEach((_, ui) => {
        const rows = plan.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.unitIndex === ui);
        const cum = rows.map(() => 0);
        for (let k = 0; k < P; k++) {
          rows.forEach(({ i }, j) => (cum[j] += plan.targets[i * P + k]));
          rows.forEach(({ i }, j) => {
            if (plan.targets[i * P + k] > 0) rows.slice(0, j).forEach(({ r }, q) => expect(cum[q]).toBe(r.remaining));
          });
        }
      });
    }), seeded(200));
  });

  it('is deterministic: the same input gives the same plan, whatever order the registers were read in', () => {
    fc.assert(fc.property(arbUnits, arbSettings, (units, cfg) => {
      const a = planJson(planUnits(units, REG, cfg));
      const b = planJson(planUnits(units, [...REG].reverse(), cfg));
      expect(b).toEqual(a);
    }), seeded(100));
  });
});
