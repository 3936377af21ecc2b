import { parseDate } from '../../src/planning/days';
import { planUnits } from '../../src/planning/plan';
import { Problem } from '../../src/planning/problems';
import { PlanSettings, defaultSettings } from '../../src/planning/settings';
import { Unit } from '../../src/planning/units';
import { unit } from '../helpers/units';

/*
 * The warnings a planner reads under the plan: a unit whose machines cannot finish by the end (capacity), and a
 * unit whose machines cannot do a period's targets (even, workdays, priority). Mon–Fri with the Vietnamese
 * holidays, 300 records a machine a day: June 2024 has 20 working days, July 23, August 22, September 19.
 */

const d = (text: string): number => parseDate(text)!;
const settings = (start: string, end: string, extra: Partial<PlanSettings> = {}): PlanSettings => ({ ...defaultSettings(d(start), d(end)), ...extra });
const warnings = (units: Unit[], registers: string[], cfg: PlanSettings): Pick<Problem, 'severity' | 'code' | 'unit' | 'cell' | 'vi' | 'en'>[] =>
  planUnits(units, registers, cfg).problems.map(({ severity, code, unit: u, cell, vi, en }) => ({ severity, code, unit: u, cell, vi, en }));

describe('capacity: who cannot finish by the end', () => {
  // 26/8–6/9/2024 has 8 working days (31/8–3/9 is the National Day break).
  const cfg = settings('2024-08-26', '2024-09-06', { method: 'capacity', granularity: 'week' });

  it('says when the unit would finish, counting only working days, what is left and how many machines it needs', () => {
    expect(warnings([unit('Xã A', { KS: 3000 }, { machines: 1, row: 4 })], ['KS'], cfg)).toEqual([{
      severity: 'warning', code: 'cannot-finish', unit: 'Xã A', cell: 'Số liệu!B4',
      vi: 'Xã A không thể hoàn thành trước 06/09/2024: với 1 máy, dự kiến xong ngày 10/09/2024; còn 600 trường hợp chưa xếp lịch; cần 2 máy để kịp hạn.',
      en: 'Xã A cannot finish by 06/09/2024: with 1 machine it would finish on 10/09/2024; 600 records are left unscheduled; it needs 2 machines to finish on time.',
    }]);
  });

  it('counts every register of the unit: 2.400 births fit, 1.200 deaths after them do not', () => {
    const [w] = warnings([unit('Xã A', { KS: 2400, KT: 1200 }, { machines: 1 })], ['KS', 'KT'], cfg);
    expect(w.en).toBe('Xã A cannot finish by 06/09/2024: with 1 machine it would finish on 12/09/2024; 1,200 records are left unscheduled; it needs 2 machines to finish on time.');
    expect(w.vi).toBe('Xã A không thể hoàn thành trước 06/09/2024: với 1 máy, dự kiến xong ngày 12/09/2024; còn 1.200 trường hợp chưa xếp lịch; cần 2 máy để kịp hạn.');
  });

  it('a unit with no machine has no finish date, and needs one machine', () => {
    expect(warnings([unit('Xã A', { KS: 600 }, { machines: 0 })], ['KS'], cfg).map((w) => [w.vi, w.en])).toEqual([[
      'Xã A không thể hoàn thành trước 06/09/2024: với 0 máy, không có ngày hoàn thành dự kiến; còn 600 trường hợp chưa xếp lịch; cần 1 máy để kịp hạn.',
      'Xã A cannot finish by 06/09/2024: with 0 machines it has no foreseeable finish date; 600 records are left unscheduled; it needs 1 machine to finish on time.',
    ]]);
  });

  it('the sheet\'s default machines count for a unit whose row gives none', () => {
    const [w] = warnings([unit('Xã A', { KS: 6000 })], ['KS'], { ...cfg, defaultMachines: 2 });
    expect(w.en).toBe('Xã A cannot finish by 06/09/2024: with 2 machines it would finish on 10/09/2024; 1,200 records are left unscheduled; it needs 3 machines to finish on time.');
  });

  it('work beyond ten years after the end has no finish date', () => {
    // One record a day: 3.000 records take about 12 years of working days.
    const slow = settings('2024-06-03', '2024-06-28', { method: 'capacity', rate: 1 });
    expect(warnings([unit('Xã A', { KS: 3000 }, { machines: 1 })], ['KS'], slow).map((w) => w.en)).toEqual([
      'Xã A cannot finish by 28/06/2024: with 1 machine it has no foreseeable finish date; 2,980 records are left unscheduled; it needs 150 machines to finish on time.',
    ]);
  });

  it('a unit whose machines finish exactly on the last day is not warned about', () => {
    expect(warnings([unit('Xã A', { KS: 2400 }, { machines: 1 })], ['KS'], cfg)).toEqual([]);
  });

  it('in a window with no working day, says when the unit would finish but asks for no number of machines', () => {
    // 27–31/1/2025 is the Tết break; work resumes on Monday 3/2.
    const problems = warnings([unit('Xã A', { KS: 600 }, { machines: 1 })], ['KS'], settings('2025-01-27', '2025-01-31', { method: 'capacity' }));
    expect(problems.map((p) => p.code)).toEqual(['no-working-day', 'cannot-finish']);
    expect(problems[1].en).toBe('Xã A cannot finish by 31/01/2025: with 1 machine it would finish on 04/02/2025; 600 records are left unscheduled.');
    expect(problems[1].vi).toBe('Xã A không thể hoàn thành trước 31/01/2025: với 1 máy, dự kiến xong ngày 04/02/2025; còn 600 trường hợp chưa xếp lịch.');
  });
});

describe('a window with no working day', () => {
  it('is an error, in both languages, only when there is something to do', () => {
    const tet = settings('2025-01-27', '2025-01-31');
    expect(warnings([unit('Xã A', { KS: 10 })], ['KS'], tet)).toEqual([{
      severity: 'error', code: 'no-working-day', unit: null, cell: null,
      vi: 'Không có ngày làm việc nào từ 27/01/2025 đến 31/01/2025 theo lịch đã chọn.',
      en: 'There is no working day from 27/01/2025 to 31/01/2025 on the chosen calendar.',
    }]);
    expect(warnings([unit('Xã A', { KS: 0 })], ['KS'], tet)).toEqual([]);
    expect(warnings([unit('Xã A', { KS: 0, KT: 10 })], ['KS', 'KT'], tet).map((p) => p.code)).toEqual(['no-working-day']);
  });
});

describe('even, workdays and priority: a period whose targets the machines cannot do', () => {
  it('names the period, its target, its working days and the machines needed, in both languages', () => {
    // 6.900 births a month: June's 20 working days need 2 machines, July's 23 only 1.
    expect(warnings([unit('Xã A', { KS: 13_800 }, { machines: 1, row: 6 })], ['KS'], settings('2024-06-01', '2024-07-31'))).toEqual([{
      severity: 'warning', code: 'over-capacity', unit: 'Xã A', cell: 'Số liệu!B6',
      vi: 'Xã A: chỉ tiêu 01/06/2024–30/06/2024 là 6.900 trường hợp trong 20 ngày làm việc, vượt năng lực của 1 máy × 300 trường hợp/ngày; cần 2 máy.',
      en: 'Xã A: the 01/06/2024–30/06/2024 target of 6,900 records in 20 working days exceeds what 1 machine × 300 records/day can do; it needs 2 machines.',
    }]);
  });

  it('names a unit by its code too, in both languages', () => {
    const [w] = warnings([unit('Xã Đông Khê', { KS: 13_800 }, { machines: 1, code: '16387' })], ['KS'], settings('2024-06-01', '2024-07-31'));
    expect(w.vi).toMatch(/^Xã Đông Khê \(mã 16387\): chỉ tiêu 01\/06\/2024–30\/06\/2024 là 6\.900 trường hợp/);
    expect(w.en).toMatch(/^Xã Đông Khê \(code 16387\): the 01\/06\/2024–30\/06\/2024 target of 6,900 records/);
  });

  it('adds up all the registers of a unit, and reads only that unit\'s targets', () => {
    // Xã B's births and deaths: 3.450 + 3.450 in June's 20 working days need 2 machines; Xã A, before it, has little.
    const units = [unit('Xã A', { KS: 100 }, { machines: 1 }), unit('Xã B', { KS: 6900, KT: 6900 }, { machines: 1 }), unit('Xã C', { KS: 50 }, { machines: 1 })];
    const problems = warnings(units, ['KS', 'KT'], settings('2024-06-01', '2024-07-31'));
    expect(problems.map((p) => p.en)).toEqual([
      'Xã B: the 01/06/2024–30/06/2024 target of 6,900 records in 20 working days exceeds what 1 machine × 300 records/day can do; it needs 2 machines.',
    ]);
  });

  it('names the busiest period even when it is not the first: September 2024, with its 19 working days', () => {
    const [w] = warnings([unit('Xã A', { KS: 13_200 }, { machines: 1 })], ['KS'], settings('2024-08-01', '2024-09-30'));
    expect(w.en).toBe('Xã A: the 01/09/2024–30/09/2024 target of 6,600 records in 19 working days exceeds what 1 machine × 300 records/day can do; it needs 2 machines.');
  });

  it('of periods that need as many machines, names the first', () => {
    // Four weeks of 5 working days, 2.000 records each: every week needs 2 machines.
    const [w] = warnings([unit('Xã A', { KS: 8000 }, { machines: 1 })], ['KS'], settings('2024-06-03', '2024-06-30', { granularity: 'week' }));
    expect(w.en).toBe('Xã A: the 03/06/2024–09/06/2024 target of 2,000 records in 5 working days exceeds what 1 machine × 300 records/day can do; it needs 2 machines.');
  });

  it('no warning when the machines exactly suffice, nor when they more than suffice', () => {
    // 12.000 records in June's 20 working days: 600 a day, two machines' worth.
    const june = settings('2024-06-01', '2024-06-30');
    expect(warnings([unit('Xã A', { KS: 12_000 }, { machines: 2 })], ['KS'], june)).toEqual([]);
    expect(warnings([unit('Xã A', { KS: 12_000 }, { machines: 3 })], ['KS'], june)).toEqual([]);
    expect(warnings([unit('Xã A', { KS: 12_001 }, { machines: 2 })], ['KS'], june).map((p) => p.en)).toEqual([
      'Xã A: the 01/06/2024–30/06/2024 target of 12,001 records in 20 working days exceeds what 2 machines × 300 records/day can do; it needs 3 machines.',
    ]);
  });

  it('a unit that gives no machines is checked against the default machines (issue 17), and one with none at all needs one', () => {
    const june = settings('2024-06-01', '2024-06-30');
    expect(warnings([unit('Xã A', { KS: 12_000 })], ['KS'], june).map((p) => p.en)).toEqual([
      'Xã A: the 01/06/2024–30/06/2024 target of 12,000 records in 20 working days exceeds what 1 machine (the default) × 300 records/day can do; it needs 2 machines.',
    ]);
    expect(warnings([unit('Xã A', { KS: 12_000 })], ['KS'], { ...june, defaultMachines: 2 })).toEqual([]);
    expect(warnings([unit('Xã A', { KS: 20 }, { machines: 0 })], ['KS'], june).map((p) => p.en)).toEqual([
      'Xã A: the 01/06/2024–30/06/2024 target of 20 records in 20 working days exceeds what 0 machines × 300 records/day can do; it needs 1 machine.',
    ]);
  });

  it('checks workdays and priority plans as well', () => {
    const june = settings('2024-06-01', '2024-07-31');
    for (const method of ['workdays', 'priority'] as const) {
      expect(warnings([unit('Xã A', { KS: 13_800 }, { machines: 1 })], ['KS'], { ...june, method }).map((p) => p.code)).toEqual(['over-capacity']);
    }
  });
});
