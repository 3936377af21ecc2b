import { cellInput, columnPoints, textInput } from '../../../src/hosts/office/formats';
import { Batch, Op, opBytes, utf8Length } from '../../../src/hosts/office/operations';
import { SheetRender } from '../../../src/hosts/office/render';
import { SheetModel } from '../../../src/sheets/model';
import { columnPoints as pageColumnPoints } from '../../../src/sheets/forms/pages';
import { MARKER, SUMMARY, sampleSheets } from '../../helpers/xlsx-sample';
import { monthlyForms } from './forms';

const opsOf = (batches: Batch[]): Op[] => batches.flatMap((b) => b.ops());
const summary = (): SheetModel => sampleSheets().find((s) => s.name === SUMMARY)!;

describe('planning a sheet into Office.js batches', () => {
  it('keeps every batch of real forms within the budget it is given, and its estimate above what it sends', () => {
    const budget = 200_000;
    const { sheets } = monthlyForms(300);
    for (const sheet of sheets) {
      const batches = [...new SheetRender(sheet).batches(budget)];
      let rows = 0;
      for (const b of batches) {
        const sent = b.ops().reduce((n, op) => n + opBytes(op), 0);
        expect(sent).toBeLessThanOrEqual(b.bytes);
        expect(b.bytes).toBeLessThanOrEqual(budget);
        rows += b.rows;
      }
      expect(rows).toBe(sheet.rows.length);
    }
  });

  it('fills batches: a sheet takes about as many as its size needs, every row in one of them', () => {
    const budget = 200_000;
    const { sheets } = monthlyForms(300);
    const progress = sheets[1];
    const batches = [...new SheetRender(progress).batches(budget)].filter((b) => b.rows > 0);
    const total = batches.reduce((n, b) => n + b.bytes, 0);
    const sent = opsOf(batches).reduce((n, op) => n + opBytes(op), 0);
    expect(batches.reduce((n, b) => n + b.rows, 0)).toBe(progress.rows.length);
    // At least as many as the bytes sent need at the budget, at most one more than 90% full ones would take.
    expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(sent / budget));
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(total / (budget * 0.9)) + 1);
  });

  it('splits a batch into two that write the same rows', () => {
    const [first] = [...new SheetRender(monthlyForms(50).sheets[1]).batches()];
    const halves = first.split()!;
    expect(halves[0].rows + halves[1].rows).toBe(first.rows);
    const cells = (ops: Op[]) => ops.filter((op) => op.kind === 'cells').flatMap((op) => (op.kind === 'cells' ? op.formulas : []));
    expect([...cells(halves[0].ops()), ...cells(halves[1].ops())]).toEqual(cells(first.ops()));
    // Column widths go with the first half only.
    expect(halves[0].ops().filter((op) => op.kind === 'columns').length).toBeGreaterThan(0);
    expect(halves[1].ops().filter((op) => op.kind === 'columns')).toEqual([]);
  });

  it('styles the largest rectangles: a column style is one operation per batch, not one per cell', () => {
    const { sheets } = monthlyForms(300);
    const progress = sheets[1];
    const batches = [...new SheetRender(progress).batches()];
    const formats = opsOf(batches).filter((op) => op.kind === 'format');
    // Each of the 12 columns of boxes (beside its period's target) is one boxed rectangle a batch, over every row of
    // units, subtotals included: a sum row only greys and locks its cell, never redraws the box's border.
    const boxes = formats.filter((op) => op.kind === 'format' && op.format.border === 'medium' && op.rows > 1); // not the report date's box
    expect(boxes.every((op) => op.kind === 'format' && op.cols === 1)).toBe(true);
    // Every batch holding rows of units holds the 12 (a last batch may hold the signatures alone).
    const perBatch = batches.map((b) => b.ops().filter((op) => op.kind === 'format' && op.format.border === 'medium' && op.rows > 1).length);
    expect(perBatch.every((n) => n === 0 || n === 12)).toBe(true);
    expect(boxes.length).toBeGreaterThanOrEqual(12);
    // Besides, one rectangle per subtotal and heading row (a unit's six registers are followed by its subtotal).
    const sums = progress.rows.filter((r) => r.style === 'subtotal' || r.style === 'total').length;
    expect(formats.length).toBeLessThan(sums + 150);
  });

  it('writes a formula with its `=`, a date as its serial, text as text', () => {
    expect(cellInput({ formula: 'SUM(C4:C5)', result: 3 })).toBe('=SUM(C4:C5)');
    expect(cellInput({ formula: '=D4+1' })).toBe('=D4+1');
    expect(cellInput({ date: 45292 - 25569 })).toBe(45292);
    expect(cellInput(1234.5)).toBe(1234.5);
    expect(cellInput(Infinity)).toBe('#NUM!');
    expect(cellInput(null)).toBeNull();
    // Office.js parses strings as if typed: anything that could be read as a number, date, boolean or
    // formula gets the text prefix.
    expect(textInput('=SUM(A1:A3)')).toBe("'=SUM(A1:A3)");
    expect(textInput('+84 912')).toBe("'+84 912");
    expect(textInput('-')).toBe("'-");
    expect(textInput('@home')).toBe("'@home");
    expect(textInput('03/06')).toBe("'03/06");
    expect(textInput('Jan 2024')).toBe("'Jan 2024");
    expect(textInput('TRUE')).toBe("'TRUE");
    expect(textInput("'quoted'")).toBe("''quoted'");
    expect(textInput('Xã Đại Lãnh')).toBe('Xã Đại Lãnh');
    expect(textInput('Xã Đại Lãnh'.normalize('NFD'))).toBe('Xã Đại Lãnh'.normalize('NFD'));
    expect(textInput('Tab\tand bell\u0007 gone')).toBe("'Tab\tand bell gone");
    expect(textInput('x'.repeat(40000))?.length).toBe(32767);
    expect(textInput('')).toBeNull();
  });

  it('measures requests in UTF-8 bytes, as they travel', () => {
    expect(utf8Length('Xa')).toBe(2);
    expect(utf8Length('Xã')).toBe(3);
    expect(utf8Length('Đơn vị')).toBe(Buffer.byteLength('Đơn vị', 'utf8'));
    expect(utf8Length('ệ😀')).toBe(Buffer.byteLength('ệ😀', 'utf8'));
  });

  it('sizes columns in points from the model’s widths in 12 pt digits, as the file and the page breaker do, whatever the sheet’s font', () => {
    // A 12 pt digit is 8 px, 6 pt: a commune's report at 11 pt is as wide in Excel as the page breaker planned it.
    expect(columnPoints(10)).toBe(60);
    for (const w of [4, 8.43, 16, 30]) expect(columnPoints(w)).toBeCloseTo(pageColumnPoints(w, 12), 2);
    const report = new SheetRender({ ...summary(), font: { name: 'Times New Roman', size: 11 }, columns: [{ width: 10 }] }).head();
    expect(report).toContainEqual(expect.objectContaining({ kind: 'columns', range: 'A:A', points: 60 }));
  });

  it('stores the marker and the sheet’s names, adds conditional formats so the first has the top priority, protects last', () => {
    const tail = new SheetRender(summary()).tail();
    expect(tail.filter((op) => op.kind === 'name')).toEqual([
      { kind: 'name', name: 'QuotaPlanner.Form', formula: `="${MARKER}"` },
      { kind: 'name', name: 'QuotaPlanner.Actuals', formula: `='${SUMMARY}'!$E$4:$E$7` },
    ]);
    expect(tail[tail.length - 1]).toEqual({ kind: 'protect' });
    const twoFormats = { ...summary(), conditional: [{ range: 'C4:C7', formula: 'C4>1000', style: 'behind' }, { range: 'C4:C7', formula: 'C4<0', style: 'total' }] };
    const cfs = new SheetRender(twoFormats).tail().filter((op) => op.kind === 'conditional');
    expect(cfs.map((op) => op.kind === 'conditional' && op.formula)).toEqual(['=C4<0', '=C4>1000']);
  });

  it('frames a chart like the file’s anchor: from the corner of `from` to the corner of `to`', () => {
    const chart = new SheetRender(summary()).tail().find((op) => op.kind === 'chart');
    expect(chart).toMatchObject({
      start: 'H3', // from col 7, row 2 (0-based)
      end: 'O20', // the cell before to: col 15, row 20
      categories: { sheet: SUMMARY, address: 'B4:B7' },
      series: [{ name: 'Số còn lại', values: { sheet: SUMMARY, address: 'C4:C7' }, color: '#4472C4' }],
    });
  });

  it('refuses, before anything is written, what the file writer refuses', () => {
    expect(() => new SheetRender({ ...summary(), rows: [{ values: [1], style: 'nope' }] })).toThrow(/style "nope"/);
    expect(() => new SheetRender({ ...summary(), marker: 'x'.repeat(256) })).toThrow(/255/);
    expect(() => new SheetRender({ ...summary(), names: [{ name: '1bad', ref: 'A1' }] })).toThrow(/not a valid name/);
  });
});
