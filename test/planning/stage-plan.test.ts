import fc from 'fast-check';
import { formatVN, parseDate } from '../../src/planning/days';
import { GRANULARITIES } from '../../src/planning/periods';
import { Plan, planUnits } from '../../src/planning/plan';
import { planStages } from '../../src/planning/stage-plan';
import { METHODS, defaultSettings } from '../../src/planning/settings';
import { Stage, formatStages, parseStages } from '../../src/planning/stages';
import { SON_LA_DISTRICTS, SON_LA_STAGES } from '../../src/examples/son-la';
import { seeded } from '../helpers/property';
import { firstRunAhead, stagesOf, stagedSettings } from '../helpers/stages';
import { unit } from '../helpers/units';

const d = (text: string): number => parseDate(text)!;



const sonLaUnits = () =>
  SON_LA_DISTRICTS.map(([name, ks, kh, kt, books], i) => ({ ...unit(name, { KS: ks, KH: kh, KT: kt }, { row: 5 + i }), books }));

describe('Sơn La 2025: 12 districts, 285,559 records in 2,895 books, five stages with their own deadlines', () => {
  // Planned in each test, so that mutation testing knows which tests run the planner.
  let stages: Stage[];
  let plan: Plan;
  let P: number;
  beforeEach(() => {
    stages = stagesOf(SON_LA_STAGES);
    plan = planStages(sonLaUnits(), ['KS', 'KH', 'KT'], stagedSettings(stages));
    P = plan.periods.length;
  });
  const sumStage = (key: string): number =>
    plan.rows.reduce((s, r, i) => (stages[r.stage!].key === key ? s + plan.targets.subarray(i * P, (i + 1) * P).reduce((a, b) => a + b, 0) : s), 0);

  test('daily targets from 1/3 to 25/3 for every district, register and stage; books counted once per district', () => {
    expect(P).toBe(25);
    expect(stages.map((s) => [s.key, s.unit])).toEqual([['collect', 'books'], ['scan', 'records'], ['cross-check', 'records'], ['entry', 'records'], ['attach', 'records']]);
    expect(plan.rows.filter((r) => r.stage === 0)).toHaveLength(12);
    expect(plan.rows.filter((r) => r.stage === 0).every((r) => r.register === 'ALL')).toBe(true);
    expect(plan.rows).toHaveLength(12 + 12 * 3 * 4);
    expect(sumStage('collect')).toBe(2_895);
    for (const key of ['scan', 'cross-check', 'entry', 'attach']) expect(sumStage(key)).toBe(285_559);
    // One machine a district (the default: the sheet gives none) cannot keep up, and the plan says so; nothing else.
    expect(plan.problems.filter((p) => p.code !== 'over-capacity')).toEqual([]);
    expect(plan.problems.find((p) => p.unit === 'Thành phố Sơn La')?.vi).toContain('vượt năng lực của 1 máy (số máy mặc định) × 300 trường hợp/ngày');
  });

  test('each stage works only inside its window: nothing scanned after 15/3, nothing collected after 7/3', () => {
    plan.rows.forEach((row, i) => {
      const stage = stages[row.stage!];
      plan.periods.forEach((p, k) => {
        if (p.start > stage.end || p.end < stage.start) expect(plan.targets[i * P + k]).toBe(0);
      });
    });
    const thuanChau = plan.rows.findIndex((r) => r.stage === 1 && r.register === 'KS' && plan.units[r.unitIndex].name === 'Huyện Thuận Châu');
    expect(plan.rows[thuanChau].finish).toBe(d('2025-03-14')); // Friday: 15/3 is a Saturday
  });

  test('no stage ever runs ahead of the one before it, and each still plans all its work', () => {
    expect(firstRunAhead(plan)).toBeNull();
    // Holding stages back must not be done by planning less: every row plans what it has to do, on time.
    plan.rows.forEach((row, i) => {
      const planned = plan.targets.subarray(i * P, (i + 1) * P).reduce((a, b) => a + b, 0);
      expect([i, planned, row.unscheduled]).toEqual([i, row.remaining, 0]);
      expect(row.remaining).toBeGreaterThan(0);
    });
  });

  test('approval two working days after entry still finishes by 25/3, and starts only two working days after entry does', () => {
    const withLag = stagesOf('scan:2025-03-03..2025-03-15,entry:..2025-03-20,approve:..2025-03-25+2');
    const lagged = planStages(sonLaUnits(), ['KS', 'KH', 'KT'], stagedSettings(withLag));
    expect(lagged.problems.filter((p) => p.code !== 'over-capacity')).toEqual([]);
    expect(firstRunAhead(lagged)).toBeNull();
    const i = lagged.rows.findIndex((r) => r.stage === 2 && r.register === 'KS' && lagged.units[r.unitIndex].name === 'Thành phố Sơn La');
    const targets = Array.from(lagged.targets.subarray(i * lagged.periods.length, (i + 1) * lagged.periods.length));
    // The plan starts on 3/3 (Mon), entry's first day; with 2 working days of lag approval has nothing before 5/3.
    expect(formatVN(lagged.periods[2].start)).toBe('05/03/2025');
    expect(targets.slice(0, 2)).toEqual([0, 0]);
    expect(targets[2]).toBeGreaterThan(0);
    expect(targets.reduce((a, b) => a + b, 0)).toBe(11_814);
  });

  test('a stage whose deadline comes before its predecessor can feed it is warned about, naming the unit and the stage', () => {
    const tight = stagesOf('scan:2025-03-03..2025-03-20,approve:..2025-03-14');
    const p = planStages(sonLaUnits(), ['KS', 'KH', 'KT'], stagedSettings(tight));
    const behind = p.problems.filter((x) => x.code === 'stage-behind');
    expect(behind).toHaveLength(12);
    expect(behind[0].vi).toMatch(/^«Phê duyệt» của Thành phố Sơn La: [\d.]+ trường hợp không kịp trước 14\/03\/2025 vì phải chờ «Quét sổ»/);
    expect(behind[0].en).toMatch(/^"Approve" of Thành phố Sơn La: [\d,]+ records cannot be done by 14\/03\/2025/);
    expect(behind[0].cell).toBe('Số liệu!B5');
    expect(firstRunAhead(p)).toBeNull();
  });
});

describe('stage lists', () => {
  test('parse and format round-trip, with renamed, custom and books stages', () => {
    const text = 'collect:2025-03-01..2025-03-07,scan=Quét và đặt tên file:..2025-03-15,Kiểm tra chéo:2025-03-05..2025-03-18+1,approve:..2025-03-25+2';
    const stages = stagesOf(text);
    expect(stages.map((s) => [s.key, s.label, s.unit, s.lag])).toEqual([
      ['collect', null, 'books', 0], ['scan', 'Quét và đặt tên file', 'records', 0], ['kiem-tra-cheo', 'Kiểm tra chéo', 'records', 1], ['approve', null, 'records', 2],
    ]);
    expect(stages[1].start).toBe(d('2025-03-01'));
    expect(stagesOf(formatStages(stages))).toEqual(stages);
  });

  test.each([
    ['scan:..2025-03-15', /first stage needs a start/],
    ['scan:2025-03-15..2025-03-01', /ends on 01\/03\/2025, before it starts/],
    ['scan:2025-03-01..2025-03-15,quet:..2025-03-20', /listed twice/],
    ['scan:2025-03-01..2025-03-15,collect:..2025-03-20', /Only the first stage may count books/],
    ['scan 2025-03-01..2025-03-15', /does not read as NAME:START..END/],
    ['scan:2025-03-01..2025-02-30', /not a valid date/],
  ])('%s is refused', (text, message) => {
    const parsed = parseStages(text);
    expect('error' in parsed && parsed.error.en).toMatch(message);
  });
});

describe('properties of staged plans', () => {
  const arbStages = fc
    .array(
      fc.record({ from: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 50 }), lag: fc.integer({ min: 0, max: 4 }) }),
      { minLength: 1, maxLength: 4 },
    )
    .map((list) => list.map((s, i): Stage => ({
      key: `s${i}`, label: `S${i}`, start: d('2025-03-01') + s.from, end: d('2025-03-01') + s.from + s.length, lag: s.lag, unit: 'records',
    })));
  const arbUnits = fc.array(
    fc.record({ KS: fc.integer({ min: 0, max: 5000 }), KT: fc.integer({ min: 0, max: 2000 }), machines: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }),
    { minLength: 1, maxLength: 4 },
  );

  test('every row adds up, no target lies outside its stage, and no stage runs ahead of its predecessor on any day', () => {
    fc.assert(
      fc.property(arbStages, arbUnits, fc.constantFrom(...METHODS), fc.constantFrom(...GRANULARITIES), fc.constantFrom('all', 'mon-fri'), (stages, us, method, granularity, week) => {
        const units = us.map((u, i) => unit(`Xã ${i}`, { KS: u.KS, KT: u.KT }, { machines: u.machines }));
        const settings = stagedSettings(stages, { method, granularity, rate: 100, calendar: { week, holidays: 'vn', daysOff: [], extraWorkdays: [] } });
        const plan = planStages(units, ['KS', 'KT'], settings);
        const P = plan.periods.length;
        plan.rows.forEach((row, i) => {
          const t = Array.from(plan.targets.subarray(i * P, (i + 1) * P));
          expect(t.every((x) => x >= 0)).toBe(true);
          expect(t.reduce((a, b) => a + b, 0) + row.unscheduled).toBe(row.remaining);
          const stage = stages[row.stage!];
          plan.periods.forEach((p, k) => {
            if (p.end < stage.start || p.start > stage.end) expect(t[k]).toBe(0);
          });
        });
        expect(firstRunAhead(plan)).toBeNull();
      }),
      seeded(150),
    );
  });

  test('a plan without stages is planUnits, and a single stage over the whole window plans the same targets', () => {
    fc.assert(
      fc.property(arbUnits, fc.constantFrom(...METHODS), fc.constantFrom(...GRANULARITIES), (us, method, granularity) => {
        const units = us.map((u, i) => unit(`Xã ${i}`, { KS: u.KS, KT: u.KT }, { machines: u.machines }));
        const settings = { ...defaultSettings(d('2025-03-01'), d('2025-05-15')), method, granularity };
        const plain = planUnits(units, ['KS', 'KT'], settings);
        expect(planStages(units, ['KS', 'KT'], settings)).toEqual(plain);
        const one = planStages(units, ['KS', 'KT'], { ...settings, stages: [{ key: 'entry', label: null, start: settings.start, end: settings.end, lag: 0, unit: 'records' }] });
        expect(Array.from(one.targets)).toEqual(Array.from(plain.targets));
        expect(one.rows.map((r) => r.unscheduled)).toEqual(plain.rows.map((r) => r.unscheduled));
      }),
      seeded(60),
    );
  });
});
