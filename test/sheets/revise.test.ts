import { documentSettings } from '../../src/sheets/document-settings';
import fc from 'fast-check';
import { dayFromYMD } from '../../src/planning/days';
import { Plan, planUnits } from '../../src/planning/plan';
import { Method, PlanSettings, defaultSettings } from '../../src/planning/settings';
import { revisionForms } from '../../src/sheets/book-forms';
import { groupByParent } from '../../src/sheets/forms/groups';
import { planId } from '../../src/sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../../src/sheets/forms/options';
import { progressCells } from '../../src/sheets/forms/progress-layout';
import { quotaLayout } from '../../src/sheets/forms/quota-assignment';
import { cell } from '../../src/sheets/forms/refs';
import { planForms } from '../../src/sheets/forms/workbook';
import { PlanWorkbook, readPlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { Revision, revise } from '../../src/sheets/revise';
import { put, readSheets, sheetsOf } from '../helpers/grids';
import { seeded } from '../helpers/property';
import { unit } from '../helpers/units';

const REG = ['KS', 'KH', 'KT'];

const read = readSheets;

const arbCase = fc.record({
  units: fc.array(
    fc.record({
      counts: fc.subarray(REG, { minLength: 1 }).chain((regs) => fc.tuple(...regs.map((r) => fc.tuple(fc.constant(r), fc.integer({ min: 0, max: 3_000 }))))),
      parent: fc.constantFrom('Huyện X', 'Huyện Y', undefined),
      machines: fc.option(fc.integer({ min: 1, max: 3 })),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  start: fc.integer({ min: dayFromYMD(2024, 1, 1), max: dayFromYMD(2026, 6, 30) }),
  length: fc.integer({ min: 7, max: 100 }),
  granularity: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
  method: fc.constantFrom<Method>('even', 'workdays', 'priority', 'capacity'),
  actuals: fc.array(fc.option(fc.integer({ min: 0, max: 400 }), { freq: 2 }), { minLength: 1, maxLength: 40 }),
  asOf: fc.integer({ min: 0, max: 99 }),
  extend: fc.integer({ min: 0, max: 45 }),
  asOf2: fc.integer({ min: 0, max: 30 }),
});

describe('a revision written and read back', () => {
  it('carries every actual cell for cell, keeps past targets, and reads back as the next revision, twice over', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const units = c.units.map((u, i) => unit(`Xã ${i + 1}`, Object.fromEntries(u.counts), { parent: u.parent, machines: u.machines ?? undefined, row: i + 2 }));
        // A one-level list and a two-level one do not mix in one sheet.
        if (units.some((u) => u.parent === null)) units.forEach((u) => (u.parent = null));
        const settings: PlanSettings = { ...defaultSettings(c.start, c.start + c.length - 1), granularity: c.granularity, method: c.method };
        const plan = planUnits(units, REG, settings);
        const names = defaultFormNames('vi');
        const options: FormOptions = { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names, made: c.start };
        const forms = planForms(plan, { units, registers: REG }, options);
        const sheets = sheetsOf(forms, options);
        const P = plan.periods.length;
        // Typed into every box: a period without a working day has none (its actual stays blank).
        const typed: (number | null)[] = Array.from({ length: plan.rows.length * P }, (_, i) =>
          progressCells(forms.progress, Math.floor(i / P)).actualCells[i % P] === null ? null : c.actuals[i % c.actuals.length]);
        typed.forEach((v, i) => {
          if (v !== null) put(sheets.progress, progressCells(forms.progress, Math.floor(i / P)).actualCells[i % P], v);
        });

        const first = read(sheets);
        expect(first.actuals).toEqual(typed);
        const asOf = Math.min(settings.start + c.asOf, settings.end - 1);
        const end = settings.end + c.extend;
        const rev = revise({ book: first, asOf, changes: { end }, note: 'QĐ', made: asOf + 1 });
        if (rev.plan === null) throw new Error(JSON.stringify(rev.problems));
        const r2 = rev as Revision;

        const forms2 = revisionForms(first, r2);
        const second = read(sheetsOf(forms2, { names, planId: r2.planId }));
        const P2 = second.plan.periods.length;
        expect(second.revision).toBe(2);
        // Every actual where it was typed; nothing where nothing was.
        for (let r = 0; r < plan.rows.length; r++) {
          for (let k = 0; k < P2; k++) expect(second.actuals[r * P2 + k]).toBe(k < P ? typed[r * P + k] : null);
          for (let k = 0; k < r2.replan.firstOpen; k++) expect(second.plan.targets[r * P2 + k]).toBe(plan.targets[r * P + k]);
          expect(second.plan.rows[r].remaining).toBe(plan.rows[r].remaining);
        }
        expect(Array.from(second.plan.targets)).toEqual(Array.from(r2.plan.targets));
        expect(second.history.map((h) => h.revision)).toEqual([1, 2]);
        expect(second.history[1]).toMatchObject({ asOf, end, note: 'QĐ', need: plan.rows.reduce((s, r) => s + r.remaining, 0) });

        // And once more from the revision: its read-back plan is what the next re-split starts from.
        const rev3 = revise({ book: second, asOf: Math.min(asOf + c.asOf2, end - 1), changes: { end: end + 7 }, note: '', made: asOf + 2 });
        if (rev3.plan === null) throw new Error(JSON.stringify(rev3.problems));
        const third = read(sheetsOf(revisionForms(second, rev3 as Revision), { names, planId: (rev3 as Revision).planId }));
        expect(third.revision).toBe(3);
        expect(third.history).toHaveLength(3);
        const P3 = third.plan.periods.length;
        for (let r = 0; r < plan.rows.length; r++) {
          for (let k = 0; k < P3; k++) expect(third.actuals[r * P3 + k]).toBe(k < P ? typed[r * P + k] : null);
        }
      }),
      seeded(60, 20261123),
    );
  });

  it('refuses a revision whose stored targets were changed: its id no longer matches', () => {
    const units = [unit('Xã A', { KS: 500 }, { parent: 'Huyện X' })];
    const plan = planUnits(units, ['KS'], { ...defaultSettings(dayFromYMD(2024, 6, 3), dayFromYMD(2024, 6, 28)), granularity: 'week' });
    const names = defaultFormNames('vi');
    const options: FormOptions = { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names };
    const first = read(sheetsOf(planForms(plan, { units, registers: ['KS'] }, options), options));
    const rev = revise({ book: first, asOf: dayFromYMD(2024, 6, 7), changes: { end: dayFromYMD(2024, 7, 5) }, note: '', made: 0 }) as Revision;
    const sheets = sheetsOf(revisionForms(first, rev), { names, planId: rev.planId });
    // The last period's target on Phụ lục 02, the sheet unprotected and the cell typed over.
    const layout = revisionForms(first, rev).progress;
    put(sheets.progress, cell(layout.stages[0].target[4], layout.rowOf[0]), 1);
    const back = readPlanWorkbook(sheets);
    expect(back.plan).toBeNull();
    expect(back.problems[0].code).toBe('plan-id-mismatch');
  });
});

describe('held targets, named where the planner typed them', () => {
  // Two communes of one district share a name: only their codes tell them apart. Weekly in June 2024, forms in English.
  const units = [
    unit('Xã Đông Khê', { KS: 500, KH: 100 }, { parent: 'Huyện X', code: '16387', row: 8 }),
    unit('Xã Đông Khê', { KS: 300 }, { parent: 'Huyện X', code: '16390', row: 9 }),
  ];
  const registers = ['KS', 'KH'];
  const names = defaultFormNames('en');
  // Planned in each test, so that mutation testing knows which tests run the planner.
  let plan: Plan;
  let P: number; // 4 weeks; rows: 16387 KS, 16387 KH, 16390 KS
  let quota: ReturnType<typeof quotaLayout>;
  beforeEach(() => {
    plan = planUnits(units, registers, { ...defaultSettings(dayFromYMD(2024, 6, 3), dayFromYMD(2024, 6, 28)), granularity: 'week' });
    P = plan.periods.length;
    quota = quotaLayout(plan, groupByParent(plan));
  });
  const quotaCell = (r: number, k: number): string => `${names.quota}!${cell(quota.target[k], quota.rowOf[r])}`;
  const asOf = dayFromYMD(2024, 6, 12); // the Wednesday of week 2

  /** The first revision with actuals `[row, period, value]` typed on Phụ lục 02 and targets typed over on Phụ lục 01. */
  function book(actuals: [number, number, number][], edits: [number, number, number][]): PlanWorkbook {
    const options: FormOptions = { lang: 'en', document: documentSettings(), planId: planId(plan), revision: 1, names };
    const forms = planForms(plan, { units, registers }, options);
    const sheets = sheetsOf(forms, options);
    for (const [r, k, v] of actuals) put(sheets.progress, progressCells(forms.progress, r).actualCells[k], v);
    for (const [r, k, v] of edits) put(sheets.quota!, quotaCell(r, k), v);
    return read(sheets);
  }
  const refused = (rev: ReturnType<typeof revise>) => {
    expect(rev.plan).toBeNull();
    return rev.problems.filter((p) => p.severity === 'error');
  };

  it('editCell is the target cell on Phụ lục 01, or on Phụ lục 02 when the workbook lacks it', () => {
    const b = book([], []);
    expect(b.editCell(2, 1)).toBe(quotaCell(2, 1));
    const options: FormOptions = { lang: 'en', document: documentSettings(), planId: planId(plan), revision: 1, names };
    const forms = planForms(plan, { units, registers }, options);
    const noQuota = read({ ...sheetsOf(forms, options), quota: undefined, names: { ...names, quota: '' } });
    expect(noQuota.editCell(2, 1)).toBe(`${names.progress}!${cell(forms.progress.stages[0].target[1], forms.progress.rowOf[2])}`);
  });

  it('a target typed over in a past period: at its Phụ lục 01 cell, with the unit\'s code and the register, in the forms\' sheet names', () => {
    const [e] = refused(revise({ book: book([], [[2, 0, 7]]), asOf, changes: { end: dayFromYMD(2024, 7, 12) }, note: '', made: 0 }));
    expect([e.code, e.cell, e.unit]).toEqual(['held-in-past', quotaCell(2, 0), 'Xã Đông Khê']);
    expect(e.en).toBe(`Xã Đông Khê (code 16390), Births: the target of 03/06/2024–09/06/2024 was typed over with 7 at cell ${quotaCell(2, 0)}, ` +
      `but that period is past and cannot be held. Type the planned number (${plan.targets[2 * P]}) back into that cell.`);
    expect(e.vi).toContain('Xã Đông Khê (mã 16390), Khai sinh');
    expect(e.vi).toContain(`ô ${quotaCell(2, 0)}`);
    expect(e.vi).not.toContain('Phụ lục 01'); // the forms are in English: their sheet is "Annex 01 - Quotas"
  });

  it('a target typed over below what is already done in the current period says how to fix it, at its cell', () => {
    const [e] = refused(revise({ book: book([[0, 1, 120]], [[0, 1, 50]]), asOf, changes: { end: dayFromYMD(2024, 7, 12) }, note: '', made: 0 }));
    expect([e.code, e.cell]).toEqual(['held-below-actual', quotaCell(0, 1)]);
    expect(e.en).toContain('Xã Đông Khê (code 16387), Births: the held target 50 of the current period 10/06/2024–16/06/2024');
    expect(e.en).toContain(`Type another figure over cell ${quotaCell(0, 1)}, or the planned number (${plan.targets[1]}) back to stop holding it.`);
    expect(e.vi).toContain(`Hãy gõ số khác đè lên ô ${quotaCell(0, 1)}, hoặc gõ lại số đã giao (${plan.targets[1]})`);
  });

  it('a target held by an earlier re-split, now below what is done: type over it, or --release-held yes', () => {
    const first = book([], [[0, 2, 10]]);
    const r2 = revise({ book: first, asOf, changes: { end: dayFromYMD(2024, 6, 28) }, note: '', made: 0 }) as Revision;
    expect(r2.held).toEqual([2]);
    const forms2 = revisionForms(first, r2);
    const sheets2 = sheetsOf(forms2, { names, planId: r2.planId });
    put(sheets2.progress, progressCells(forms2.progress, 0).actualCells[2], 40);
    const second = read(sheets2);
    const asOf2 = dayFromYMD(2024, 6, 19);
    const [e] = refused(revise({ book: second, asOf: asOf2, changes: { end: dayFromYMD(2024, 7, 5) }, note: '', made: 0 }));
    expect([e.code, e.cell]).toEqual(['held-below-actual', quotaCell(0, 2)]);
    expect(e.en).toContain(`Type another figure over cell ${quotaCell(0, 2)}, or re-split with --release-held yes`);
    expect(e.vi).toContain('--release-held yes');
    expect(revise({ book: second, asOf: asOf2, changes: { end: dayFromYMD(2024, 7, 5) }, note: '', made: 0, releaseHeld: true }).plan).not.toBeNull();
  });

  it('targets held beyond what is left: at the row\'s first held cell, naming them all', () => {
    const [e] = refused(revise({ book: book([], [[2, 2, 200], [2, 3, 200]]), asOf, changes: { end: dayFromYMD(2024, 6, 28) }, note: '', made: 0 }));
    expect([e.code, e.cell]).toEqual(['held-exceeds-remaining', quotaCell(2, 2)]);
    expect(e.en).toContain(`Xã Đông Khê (code 16390), Births: the held targets (cells ${quotaCell(2, 2)}, ${quotaCell(2, 3)})`);
  });

  it('warns, naming the cell, when a target typed over lies after a new, earlier end', () => {
    const rev = revise({ book: book([], [[0, 3, 90]]), asOf, changes: { end: dayFromYMD(2024, 6, 21) }, note: '', made: 0 });
    expect(rev.plan).not.toBeNull();
    const w = rev.problems.filter((p) => p.code === 'held-after-end');
    expect(w.map((p) => [p.severity, p.cell])).toEqual([['warning', quotaCell(0, 3)]]);
    expect(w[0].en).toBe(`Xã Đông Khê (code 16387), Births: the target 90 of 24/06/2024–28/06/2024 was typed over at cell ${quotaCell(0, 3)}, ` +
      'but that period starts after the new end 21/06/2024: the period is no longer in the plan, so the target is dropped.');
  });

  it('the history counts done only up to each row\'s need, so need − done = left', () => {
    // Xã Đông Khê 16387 married 160 couples against 100 to digitize.
    const rev = revise({ book: book([[0, 0, 250], [1, 0, 160]], []), asOf, changes: { end: dayFromYMD(2024, 7, 12) }, note: '', made: 0 }) as Revision;
    const e = rev.history[rev.history.length - 1];
    expect(e).toMatchObject({ need: 900, done: 350, left: 550 });
    expect(e.need - e.done).toBe(e.left);
  });
});
