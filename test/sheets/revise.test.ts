import fc from 'fast-check';
import { dayFromYMD } from '../../src/planning/days';
import { planUnits } from '../../src/planning/plan';
import { Method, PlanSettings, defaultSettings } from '../../src/planning/settings';
import { revisionForms } from '../../src/sheets/book-forms';
import { FormKind, planId } from '../../src/sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../../src/sheets/forms/options';
import { progressCells } from '../../src/sheets/forms/progress-report';
import { cell } from '../../src/sheets/forms/refs';
import { PlanForms, planForms } from '../../src/sheets/forms/workbook';
import { PlanWorkbook, PlanWorkbookSheets, readPlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { Revision, revise } from '../../src/sheets/revise';
import { gridOfModel, put } from '../helpers/grids';
import { unit } from '../helpers/units';

const REG = ['KS', 'KH', 'KT'];

/** The grids a host would read back from forms, found by kind. */
function sheetsOf(forms: PlanForms, options: Pick<FormOptions, 'names' | 'planId'>): PlanWorkbookSheets {
  const grid = (kind: FormKind) => gridOfModel(forms.sheets.find((s) => s.name === options.names[kind])!);
  return {
    calendar: grid('calendar'), units: grid('units'), progress: grid('progress'), quota: grid('quota'), history: grid('history'),
    names: options.names, planId: options.planId,
  };
}

function read(sheets: PlanWorkbookSheets): PlanWorkbook {
  const book = readPlanWorkbook(sheets);
  if (book.plan === null) throw new Error(JSON.stringify(book.problems));
  return book;
}

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
        const options: FormOptions = { lang: 'vi', issuer: '', planId: planId(plan), revision: 1, names, made: c.start };
        const forms = planForms(plan, { units, registers: REG }, options);
        const sheets = sheetsOf(forms, options);
        const P = plan.periods.length;
        const typed: (number | null)[] = Array.from({ length: plan.rows.length * P }, (_, i) => c.actuals[i % c.actuals.length]);
        typed.forEach((v, i) => put(sheets.progress, progressCells(forms.progress, Math.floor(i / P)).actualCells[i % P], v));

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
      { numRuns: 60, seed: 20261123 },
    );
  });

  it('refuses a revision whose stored targets were changed: its id no longer matches', () => {
    const units = [unit('Xã A', { KS: 500 }, { parent: 'Huyện X' })];
    const plan = planUnits(units, ['KS'], { ...defaultSettings(dayFromYMD(2024, 6, 3), dayFromYMD(2024, 6, 28)), granularity: 'week' });
    const names = defaultFormNames('vi');
    const options: FormOptions = { lang: 'vi', issuer: '', planId: planId(plan), revision: 1, names };
    const first = read(sheetsOf(planForms(plan, { units, registers: ['KS'] }, options), options));
    const rev = revise({ book: first, asOf: dayFromYMD(2024, 6, 7), changes: { end: dayFromYMD(2024, 7, 5) }, note: '', made: 0 }) as Revision;
    const sheets = sheetsOf(revisionForms(first, rev), { names, planId: rev.planId });
    // The last period's target on Phụ lục 02, the sheet unprotected and the cell typed over.
    const layout = revisionForms(first, rev).progress;
    put(sheets.progress, cell(layout.cols.target0 + 4, layout.rowOf[0]), 1);
    const back = readPlanWorkbook(sheets);
    expect(back.plan).toBeNull();
    expect(back.problems[0].code).toBe('plan-id-mismatch');
  });
});
