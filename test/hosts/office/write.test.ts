import { readFileSync } from 'fs';
import * as path from 'path';
import { excelHost } from '../../../src/hosts/office/excel-host';
import { PAYLOAD_BUDGET } from '../../../src/hosts/office/operations';
import { SheetRender } from '../../../src/hosts/office/render';
import { excelSerialFromDay } from '../../../src/planning/days';
import { columnLetters } from '../../../src/sheets/grid';
import { CellStyle, SheetModel, cellStyle } from '../../../src/sheets/model';
import { HostError, PaneHost } from '../../../src/hosts/host';
import { DAY, MARKER, SUMMARY, sampleSheets } from '../../helpers/xlsx-sample';
import { FakeSheet, FakeWorkbook } from './fake-excel';
import { monthlyForms } from './forms';

const CELL_EDIT = {
  code: 'cell-edit',
  vi: 'Hãy kết thúc việc sửa ô trong Excel (nhấn Enter hoặc Esc), rồi thử lại.',
  en: 'Finish editing the cell in Excel (press Enter or Esc), then try again.',
};

/** A workbook with the sheet people keep their data in. */
function peoplesWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('Số liệu').setCells('A1', [['Đơn vị', 'KS'], ['Xã A', 1200]]);
  return wb;
}

function hostOf(wb: FakeWorkbook, budget?: number, sleeps: number[] = []): PaneHost {
  return excelHost({ run: wb.run, budget, sleep: async (ms) => void sleeps.push(ms) });
}

/** Plans the forms for `units` communes among the sheets already there, and writes them. */
async function plan(wb: FakeWorkbook, units: number, seed?: number): Promise<{ sheets: SheetModel[]; replaced: string[] }> {
  const host = hostOf(wb);
  const forms = monthlyForms(units, await host.existingSheets(), seed);
  await host.writeForms(forms.sheets, forms.replaced, () => {});
  return forms;
}

/** The look of a style as the fake records it (keys of `formatAt`), in the sheet's font. */
function look(style: CellStyle, font: SheetModel['font']): Record<string, unknown> {
  const out: Record<string, unknown> = { 'font.name': font.name, 'font.size': style.size ?? font.size };
  if (style.bold !== undefined) out['font.bold'] = style.bold;
  if (style.italic !== undefined) out['font.italic'] = style.italic;
  if (style.underline !== undefined) out['font.underline'] = style.underline ? 'Single' : 'None';
  if (style.color) out['font.color'] = `#${style.color.slice(2)}`;
  if (style.fill) out['fill.color'] = `#${style.fill.slice(2)}`;
  if (style.align) out.horizontalAlignment = { left: 'Left', center: 'Center', right: 'Right' }[style.align];
  if (style.valign) out.verticalAlignment = { top: 'Top', middle: 'Center', bottom: 'Bottom' }[style.valign];
  if (style.wrap !== undefined) out.wrapText = style.wrap;
  if (style.border !== undefined) out['borders.EdgeLeft.style'] = style.border ? 'Continuous' : 'None';
  if (style.border) out['borders.EdgeLeft.weight'] = style.border === 'medium' ? 'Medium' : 'Thin';
  if (style.unlocked !== undefined) out['protection.locked'] = !style.unlocked;
  return out;
}
const LOOK_KEYS = ['font.name', 'font.size', 'font.bold', 'font.italic', 'font.underline', 'font.color', 'fill.color', 'horizontalAlignment', 'verticalAlignment', 'wrapText', 'borders.EdgeLeft.style', 'borders.EdgeLeft.weight', 'protection.locked'];

describe('writing the forms into the open workbook', () => {
  it('writes every cell as the model says (value, formula, date, text, number format, look), across many small batches', async () => {
    const wb = peoplesWorkbook();
    const { sheets } = monthlyForms(30);
    await hostOf(wb, 30_000).writeForms(sheets, [], () => {});
    expect(wb.syncs).toBeGreaterThan(30);
    for (const model of sheets) {
      const sheet = wb.sheet(model.name);
      const render = new SheetRender(model);
      model.rows.forEach((row, r) => {
        for (let c = 0; c < render.rowWidth(r); c++) {
          const address = `${columnLetters(c + 1)}${r + 1}`;
          const v = row.values[c] ?? null;
          const cell = sheet.cell(address);
          const style = cellStyle(model, r, c);
          if (v !== null && typeof v === 'object' && 'formula' in v) expect([address, cell.formula]).toEqual([address, `=${v.formula}`]);
          else if (v !== null && typeof v === 'object') expect([address, cell.value]).toEqual([address, excelSerialFromDay(v.date)]);
          // An empty text is no content in Excel: the cell stays blank.
          else expect([address, cell.value, cell.formula]).toEqual([address, v === '' ? null : v, null]);
          const dated = v !== null && typeof v === 'object' && 'date' in v;
          expect([address, cell.numberFormat]).toEqual([address, style.numFmt ?? (dated ? 'dd/mm/yyyy' : 'General')]);
          const at = sheet.formatAt(address);
          expect([address, Object.fromEntries(LOOK_KEYS.filter((k) => at[k] !== undefined).map((k) => [k, at[k]]))]).toEqual([address, look(style, model.font)]);
        }
      });
    }
  });

  it('writes what the file writer writes besides cells: sizes, merges, panes, page, hidden names, protection, validations, conditional formats, charts', async () => {
    const wb = peoplesWorkbook();
    await hostOf(wb).writeForms(sampleSheets(), [], () => {});
    const s = wb.sheet(SUMMARY);
    // Widths in points: Times New Roman 12 digits are 6 pt; column F is hidden; row 1 is 30 pt high.
    expect([...s.columnWidths]).toEqual([[0, 36], [1, 180], [2, 72], [3, 84], [4, 72], [5, 54]]);
    expect([...s.hiddenColumns]).toEqual([5]);
    expect([...s.rowHeights]).toEqual([[0, 30]]);
    expect([...s.hiddenRows]).toEqual([1]);
    expect(s.merges).toEqual(['A1:F1']);
    expect(s.frozen).toEqual({ rows: 3, cols: 2 });
    // A4 at its own size, Decree 30's margins in points, rows and columns repeated, across then down, breaks by hand.
    expect(s.page).toEqual({
      orientation: 'Landscape', paperSize: 'A4', zoom: { scale: 100 }, printOrder: 'OverThenDown', firstPageNumber: 1,
      topMargin: 56.69, bottomMargin: 56.69, leftMargin: 85.04, rightMargin: 42.52, headerMargin: 22.68, footerMargin: 22.68,
      printTitleRows: '$3:$3', printTitleColumns: '$A:$B', 'headersFooters.defaultForAllPages.centerFooter': 'Trang &P/&N',
    });
    expect(s.pageBreaks).toEqual({ horizontal: ['A6'], vertical: ['E1'] });
    expect(wb.sheet("Lịch's").page).toMatchObject({ orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(s.formatAt('E5')).toMatchObject({ 'borders.EdgeTop.style': 'Continuous', 'borders.EdgeTop.weight': 'Medium' });
    expect(s.formatAt('A1')['font.underline']).toBe('Single');
    expect(s.names).toEqual([
      { name: 'QuotaPlanner.Form', formula: `="${MARKER}"`, visible: false },
      // The write's mark (undo.ts): the first write, nothing kept, the actuals it wrote, the sheet active before.
      { name: 'QuotaPlanner.Written', formula: expect.stringMatching(/^="1\/0\/[0-9a-f]{8}\/Số liệu"$/), visible: false },
      { name: 'QuotaPlanner.Actuals', formula: `='${SUMMARY}'!$E$4:$E$7`, visible: false },
    ]);
    expect(s.protection).toEqual({ protected: true, options: { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true } });
    expect(s.formatAt('E5')['protection.locked']).toBe(false);
    expect(s.formatAt('C5')['protection.locked']).toBeUndefined(); // locked, as every cell is by default
    // One validation over two areas of boxes: one per area, as a Range is one area.
    expect(s.validations.map((v) => v.range)).toEqual(['E4:E5', 'E6:E7', 'D4:D7']);
    expect(s.validations[1].props).toEqual(s.validations[0].props);
    expect(s.validations.slice(1)).toEqual([
      {
        range: 'E6:E7',
        props: {
          ignoreBlanks: true,
          rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
          prompt: { showPrompt: true, title: 'Số đã làm', message: 'Nhập số sổ\nđã số hóa' },
          errorAlert: { showAlert: true, style: 'Stop', title: 'Sai', message: 'Số nguyên ≥ 0' },
        },
      },
      {
        range: 'D4:D7',
        props: {
          ignoreBlanks: true,
          rule: { date: { formula1: '2024-06-03', formula2: '2025-06-03', operator: 'Between' } },
          errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
        },
      },
    ]);
    expect(s.conditionalFormats).toEqual([
      { range: 'C4:C7', type: 'Custom', props: { 'custom.rule.formula': '=C4>1000', 'custom.format.font.bold': true, 'custom.format.font.color': '#9C0006', 'custom.format.fill.color': '#FFC7CE' } },
    ]);
    expect(s.charts).toEqual([
      {
        type: 'LineMarkers', source: `'${SUMMARY}'!C4:C7`, seriesBy: 'Columns', position: ['H3', 'O20'],
        props: {
          'format.font.name': 'Times New Roman', 'format.font.size': 11, 'title.text': 'Tiến độ', 'title.format.font.bold': true, 'title.format.font.size': 14, 'legend.position': 'Bottom',
          'axes.valueAxis.numberFormat': '#,##0', plotVisibleOnly: false,
        },
        series: [{
          name: 'Số còn lại', values: `'${SUMMARY}'!C4:C7`, xValues: `'${SUMMARY}'!B4:B7`,
          props: { 'format.line.color': '#4472C4', markerStyle: 'Circle', markerSize: 5, markerBackgroundColor: '#4472C4', markerForegroundColor: '#4472C4' },
        }],
      },
    ]);
    // The plain sheet: Arial 10, a date in a cell with no number format shows as a date.
    const plain = wb.sheet("Lịch's");
    expect(plain.cell('A2')).toMatchObject({ value: excelSerialFromDay(DAY), numberFormat: 'dd/mm/yyyy' });
    expect(plain.formatAt('A1')).toMatchObject({ 'font.name': 'Arial', 'font.size': 10 });
  });

  it('writes text that starts like a formula as text, not a formula', async () => {
    const wb = peoplesWorkbook();
    await hostOf(wb).writeForms(sampleSheets(), [], () => {});
    const s = wb.sheet(SUMMARY);
    expect(s.cell('B5')).toMatchObject({ value: '=SUM(A1:A3)', formula: null });
    expect(s.cell('C6')).toMatchObject({ formula: '=SUM(C4:C5)' });
    expect(s.cell('B6').value).toBe('Tab\tand bell gone');
  });

  it('writes 10 and 10,000 units in the same number of syncs give or take the row chunks, no request over 4 MB', async () => {
    const counts: Record<number, { syncs: number; chunks: number }> = {};
    for (const units of [10, 10_000]) {
      const { sheets } = monthlyForms(units);
      const batches = sheets.map((s) => [...new SheetRender(s).batches()]);
      const chunks = batches.reduce((n, b) => n + b.filter((x) => x.rows > 0).length, 0);
      const wb = peoplesWorkbook();
      await hostOf(wb).writeForms(sheets, [], () => {});
      counts[units] = { syncs: wb.syncs, chunks };
      // Four syncs for the workbook (look at its sheets and their names, make room, finish), then one per
      // batch: the row chunks, and a sheet's merges, names and protection when they do not fit in its last chunk.
      expect(wb.syncs).toBe(4 + batches.flat().length);
      expect(wb.syncs).toBeLessThanOrEqual(4 + sheets.length + chunks);
      expect(wb.maxPayload).toBeLessThanOrEqual(4_000_000);
      expect(wb.refused).toBe(0);
      // Batches are full: the chunks are about as many as the bytes need.
      const sent = wb.payloads.reduce((a, b) => a + b, 0);
      expect(chunks).toBeLessThanOrEqual(Math.ceil(sent / (0.8 * PAYLOAD_BUDGET)) + sheets.length);
      // Complete: every value and formula of the model is in the workbook.
      for (const model of sheets) {
        const sheet = wb.sheet(model.name);
        let expected = 0;
        for (const row of model.rows) for (const v of row.values) if (v !== null && v !== undefined && v !== '') expected++;
        let found = 0;
        for (const row of sheet.rows.values()) for (let c = 0; c < Math.max(row.values.length, row.formulas.length); c++) if (row.values[c] !== undefined || row.formulas[c] !== undefined) found++;
        expect([model.name, found]).toEqual([model.name, expected]);
      }
    }
    expect(counts[10].syncs).toBe(4 + 7);
    expect(counts[10_000].syncs - counts[10].syncs).toBeLessThanOrEqual(counts[10_000].chunks - counts[10].chunks + 7);
  }, 60_000);

  it('sends again in smaller pieces a request the fake refuses as too large, as Excel on the web does over 5 MB, and writes the same workbook', async () => {
    const { sheets } = monthlyForms(150);
    const normal = peoplesWorkbook();
    await hostOf(normal).writeForms(sheets, [], () => {});
    const small = peoplesWorkbook();
    small.payloadLimit = 150_000;
    await hostOf(small).writeForms(sheets, [], () => {});
    expect(normal.refused).toBe(0);
    expect(small.refused).toBeGreaterThan(0);
    expect(small.maxPayload).toBeLessThanOrEqual(150_000);
    expect(small.snapshot()).toEqual(normal.snapshot());
  }, 30_000);

  it('asks to finish editing the cell when the fake refuses a request in cell-edit mode, as Excel does, and leaves the workbook as it was', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 40);
    const before = wb.snapshot();
    const host = hostOf(wb);
    const forms = monthlyForms(45, await host.existingSheets());
    expect(forms.replaced).toHaveLength(7);
    const failing = wb.syncs + 6; // while filling the forms, old sheets renamed and new ones half written
    wb.failSync('InvalidOperationInCellEditMode', failing);
    await expect(host.writeForms(forms.sheets, forms.replaced, () => {})).rejects.toMatchObject(CELL_EDIT);
    expect(wb.syncs).toBeGreaterThan(failing);
    expect(wb.snapshot()).toEqual(before);
  });

  it('puts the workbook back when the last step fails, and when the fake refuses from the start', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const before = wb.snapshot();
    const host = hostOf(wb);
    const forms = monthlyForms(25, await host.existingSheets());
    // The last step hides the old forms (kept for an undo).
    wb.failSync('InvalidOperationInCellEditMode', (s) => s.names.includes('visibility'));
    await expect(host.writeForms(forms.sheets, forms.replaced, () => {})).rejects.toBeInstanceOf(HostError);
    expect(wb.snapshot()).toEqual(before);
    const syncs = wb.syncs;
    wb.failSync('InvalidOperationInCellEditMode', syncs + 1);
    await expect(host.writeForms(forms.sheets, forms.replaced, () => {})).rejects.toMatchObject(CELL_EDIT);
    expect(wb.syncs).toBe(syncs + 1); // nothing was touched, so nothing to undo
    expect(wb.snapshot()).toEqual(before);
  });

  it('names the sheets holding the old forms when the workbook cannot be put back', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const sleeps: number[] = [];
    const host = hostOf(wb, undefined, sleeps);
    const forms = monthlyForms(25, await host.existingSheets());
    const from = wb.syncs + 6;
    for (let i = 0; i < 4; i++) wb.failSync('InvalidOperationInCellEditMode', from + i);
    const error: HostError = await host.writeForms(forms.sheets, forms.replaced, () => {}).then(() => { throw new Error('written'); }, (e) => e);
    expect(error.code).toBe('cell-edit');
    // Every try is refused before anything: what is left is what the write had made, calculation still by hand.
    const temps = [1, 2, 3, 4, 5, 6, 7].map((i) => `Quota Planner (cũ ${i})`).join(', ');
    const names = forms.sheets.map((s) => s.name).join(', ');
    expect(error.vi).toBe(
      `${CELL_EDIT.vi} Không đưa được sổ tính về như trước: các trang cũ đang mang tên tạm ${temps}; các trang mới ghi dở vẫn còn trong sổ tính: ${names}.` +
        ' Nếu công thức không tự tính lại, hãy chọn Công thức > Tùy chọn tính toán > Tự động.',
    );
    expect(error.en).toBe(
      `${CELL_EDIT.en} The workbook could not be put back as it was: the old sheets have the temporary names ${temps}; the half-written new sheets are still in the workbook: ${names}.` +
        ' If formulas do not recalculate, choose Formulas > Calculation Options > Automatic.',
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['Số liệu', ...forms.sheets.map((s) => s.name), ...temps.split(', ')]);
    expect(wb.calculationMode).toBe('Manual');
    expect(sleeps).toEqual([1000, 3000]);
  });

  it('keeps undoing once the undo has begun: a rollback that half applies is completed on the next try, never turned into a write', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const before = wb.snapshot();
    const sleeps: number[] = [];
    const host = hostOf(wb, undefined, sleeps);
    const forms = monthlyForms(25, await host.existingSheets(), 7);
    // The last step is refused; the undo then deletes the new sheets and gives one old sheet its name back before failing.
    let undoing = false;
    wb.failSync('InvalidOperationInCellEditMode', (s) => s.names.includes('visibility') && (undoing = true));
    let renames = 0;
    wb.failAction('GeneralException', (a) => undoing && a.name === 'name' && ++renames === 2);
    await expect(host.writeForms(forms.sheets, forms.replaced, () => {})).rejects.toMatchObject(CELL_EDIT);
    expect(wb.snapshot()).toEqual(before);
    expect(sleeps).toEqual([1000]);
  });

  it('puts calculation back in its own first request, even when the sheets cannot be put back', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const host = hostOf(wb);
    const forms = monthlyForms(25, await host.existingSheets());
    wb.failSync('InvalidOperationInCellEditMode', wb.syncs + 5); // the first batch filling the new forms
    for (let i = 0; i < 3; i++) wb.failSync('InvalidOperationInCellEditMode', (s) => s.names.includes('delete'));
    await expect(host.writeForms(forms.sheets, forms.replaced, () => {})).rejects.toMatchObject({ code: 'cell-edit' });
    expect(wb.calculationMode).toBe('Automatic');
  });

  it('marks a new sheet as generated in the request that adds it, so a half-written one left behind is replaced by the next write', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const host = hostOf(wb);
    const forms = monthlyForms(25, await host.existingSheets());
    const names = forms.sheets.map((s) => s.name);
    wb.failSync('InvalidOperationInCellEditMode', wb.syncs + 5);
    for (let i = 0; i < 3; i++) wb.failSync('InvalidOperationInCellEditMode', (s) => s.names.includes('delete'));
    await expect(host.writeForms(forms.sheets, forms.replaced, () => {})).rejects.toMatchObject({ code: 'cell-edit' });
    const existing = await host.existingSheets();
    for (const model of forms.sheets) expect([model.name, existing.find((e) => e.name === model.name)?.marker]).toEqual([model.name, expect.objectContaining({ kind: expect.any(String) })]);
    // Planned again, the forms go where the half-written ones are, under the same names, and are complete.
    const again = monthlyForms(25, existing);
    expect(again.sheets.map((s) => s.name)).toEqual(names);
    expect(again.replaced).toEqual(names);
    await host.writeForms(again.sheets, again.replaced, () => {});
    expect(shown(wb)).toEqual(['Số liệu', ...names, ...[1, 2, 3, 4, 5, 6, 7].map((i) => `Quota Planner (cũ ${i})`)]);
    const last = again.sheets[0].rows.findIndex((r) => r.values[1] === 'Tổng cộng') + 1;
    expect(wb.sheet(names[0]).cell(`D${last}`).formula).toBe(`=${(again.sheets[0].rows[last - 1].values[3] as { formula: string }).formula}`);
  });

  it('says only what the undo found left when it gives up: deleted half-written sheets are not named, and a half-applied undo is hedged', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const host = hostOf(wb);
    const forms = monthlyForms(25, await host.existingSheets());
    const from = wb.syncs + 4;
    wb.failSync('InvalidOperationInCellEditMode', from);
    // Every try deletes the new sheets it finds, then fails giving the first old sheet its name back.
    for (let i = 0; i < 3; i++) wb.failAction('GeneralException', (a) => wb.syncs > from && a.name === 'name');
    const error: HostError = await host.writeForms(forms.sheets, forms.replaced, () => {}).then(() => { throw new Error('written'); }, (e) => e);
    const temps = [1, 2, 3, 4, 5, 6, 7].map((i) => `Quota Planner (cũ ${i})`);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Số liệu', ...temps]);
    expect(error.vi).toBe(`${CELL_EDIT.vi} Không đưa được sổ tính về như trước: các trang cũ có thể còn mang tên tạm ${temps.join(', ')}.`);
    expect(error.en).toBe(`${CELL_EDIT.en} The workbook could not be put back as it was: the old sheets may still have the temporary names ${temps.join(', ')}.`);
  });

  it('says nothing was put under a temporary name when the fake refused the renaming itself, and has nothing to undo', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const before = wb.snapshot();
    const sleeps: number[] = [];
    const host = hostOf(wb, undefined, sleeps);
    const forms = monthlyForms(25, await host.existingSheets());
    const from = wb.syncs + 3; // the request renaming the old forms and adding the new ones
    for (let i = 0; i < 4; i++) wb.failSync('InvalidOperationInCellEditMode', from + i);
    const error: HostError = await host.writeForms(forms.sheets, forms.replaced, () => {}).then(() => { throw new Error('written'); }, (e) => e);
    expect(error).toMatchObject(CELL_EDIT);
    expect(sleeps).toEqual([]);
    expect(wb.snapshot()).toEqual(before);
  });

  it('gives other errors of the Excel API (one the fake is told to raise) with their code, in both languages, without a stack', async () => {
    const wb = peoplesWorkbook();
    wb.failSync('GeneralException', 3);
    const error: HostError = await hostOf(wb).writeForms(sampleSheets(), [], () => {}).then(() => { throw new Error('written'); }, (e) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error.code).toBe('office');
    expect(error.vi).toBe('Excel không thực hiện được yêu cầu (mã lỗi GeneralException): Injected GeneralException.');
    expect(error.en).toBe('Excel could not do it (error code GeneralException): Injected GeneralException.');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Số liệu']);
  });

  it('never touches a sheet people made: a form takes another name, and one of theirs is never overwritten', async () => {
    const wb = peoplesWorkbook();
    wb.addSheet('Tổng hợp').setCells('A1', [['Ghi chú của tôi']]);
    wb.addSheet('Lịch').setCells('B2', [[42]]);
    const before = wb.snapshot() as { sheets: unknown[] };
    const forms = await plan(wb, 15);
    expect(forms.replaced).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Số liệu', 'Tổng hợp', 'Lịch', 'Phụ lục 01 - Giao chỉ tiêu', 'Phụ lục 02 - Báo cáo tiến độ', 'Báo cáo định kỳ', 'Tổng hợp (2)', 'Lịch (2)', 'Đơn vị đã đọc', 'Lịch sử kế hoạch']);
    expect((wb.snapshot() as { sheets: unknown[] }).sheets.slice(0, 3)).toEqual(before.sheets);

    // Asked directly to write over theirs, the host refuses and changes nothing.
    const again = wb.snapshot();
    const theirs = { ...sampleSheets()[0], name: 'Tổng hợp' };
    await expect(hostOf(wb).writeForms([theirs], [], () => {})).rejects.toMatchObject({ code: 'sheet-taken' });
    await expect(hostOf(wb).writeForms([theirs], ['Tổng hợp'], () => {})).rejects.toMatchObject({ code: 'sheet-taken' });
    expect(wb.snapshot()).toEqual(again);
  });

  it('replaces the generated sheets where they were, shows the first form, and calculates only once written', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 12);
    wb.addSheet('Ghi chú');
    wb.select('Ghi chú', 'A1');
    const ids = wb.sheets.map((s) => s.id);
    const modes: string[] = [];
    wb.failSync('never', () => {
      modes.push(wb.calculationMode);
      return false;
    });
    const host = hostOf(wb);
    const forms = monthlyForms(14, await host.existingSheets());
    const fractions: number[] = [];
    await host.writeForms(forms.sheets, forms.replaced, (f) => fractions.push(f));
    expect(shown(wb)).toEqual(['Số liệu', ...forms.sheets.map((s) => s.name), 'Ghi chú']);
    // The old forms stay, hidden, each marked with the write, its place and its name, for an undo.
    const kept = wb.sheets.filter((s) => s.visibility === 'Hidden');
    expect(kept.map((s) => s.names.find((n) => n.name === 'QuotaPlanner.Kept')?.formula)).toEqual(forms.replaced.map((name, i) => `="2/${i + 1}/${name}"`));
    // Kept forms are no forms: the next write's placing passes them by (their names stay taken).
    const existing = await host.existingSheets();
    expect(existing.filter((s) => s.kept).map((s) => s.name)).toEqual(kept.map((s) => s.name));
    expect(monthlyForms(14, existing).replaced).toEqual(forms.sheets.map((s) => s.name));
    wb.sheets.splice(0, wb.sheets.length, ...wb.sheets.filter((s) => s.visibility === 'Visible'));
    expect(wb.sheets[0].id).toBe(ids[0]);
    expect(wb.sheets[8].id).toBe(ids[8]);
    expect(wb.sheets.slice(1, 8).every((s) => !ids.includes(s.id))).toBe(true);
    expect(wb.active.name).toBe(forms.sheets[0].name);
    expect(modes).toContain('Manual');
    expect(wb.calculationMode).toBe('Automatic');
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);

    // A workbook calculated by hand stays so.
    wb.calculationMode = 'Manual';
    await host.writeForms(forms.sheets, forms.replaced, () => {});
    expect(wb.calculationMode).toBe('Manual');
  });
});

/** The sheets a sheet's formulas name (quoted, as the forms write them), each once, sorted. */
function sheetsNamed(sheet: FakeSheet): string[] {
  const named = new Set<string>();
  for (const row of sheet.rows.values()) {
    for (const formula of row.formulas) for (const m of formula?.matchAll(/'((?:[^']|'')+)'!/g) ?? []) named.add(m[1].replace(/''/g, "'"));
  }
  return [...named].sort();
}

/** The cells of a sheet showing #REF!, in their formula or value. */
const refErrors = (sheet: FakeSheet): string[] => sheet.grid().filter((line) => line.includes('#REF!'));

/**
 * Why forms are written in the order they are (write.ts): the fake keeps references to sheets as Excel does
 * (a renamed sheet is followed, a deleted one leaves #REF!), and a user typing in a cell holds every request
 * up until they leave it.
 */
/** The sheets people see, in order (the old forms a write keeps for an undo are hidden). */
const shown = (wb: FakeWorkbook): string[] => wb.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);

describe('the order of a write, against the fake’s sheet references and cell-edit mode, modelled on Excel’s', () => {
  const P02 = 'Phụ lục 02 - Báo cáo tiến độ';

  it('keeps a formula of your own that points at a form being replaced on the old form (kept hidden for an undo) until the next write deletes it: then #REF!, as the README says', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const mine = wb.addSheet('Ghi chú');
    mine.setCells('A1', [[`='${P02}'!D10`, "='Số liệu'!B2"]]);
    expect(mine.cell('A1').error).toBe(false);
    const forms = await plan(wb, 25);
    expect(forms.replaced).toContain(P02);
    expect(mine.cell('A1')).toMatchObject({ formula: "='Quota Planner (cũ 2)'!D10", error: false });
    await plan(wb, 30);
    expect(mine.cell('A1')).toMatchObject({ formula: '=#REF!D10', value: '#REF!', error: true });
    expect(mine.cell('B1')).toMatchObject({ formula: "='Số liệu'!B2", value: null, error: false });
    const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain('a formula in a sheet of your own that points at a form being replaced follows the old form, kept hidden for an undo, and shows `#REF!` once the next write deletes it');
  });

  it('points the new forms’ formulas across forms at the new forms: none shows #REF! once the old ones are deleted', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const forms = await plan(wb, 25);
    expect(forms.replaced).toHaveLength(7);
    // The progress report reads the calendar, the roll-up both: forms named before and after them.
    expect(sheetsNamed(wb.sheet(P02))).toEqual(['Lịch']);
    expect(sheetsNamed(wb.sheet('Tổng hợp'))).toEqual(['Lịch', P02]);
    expect(forms.sheets.flatMap((s) => refErrors(wb.sheet(s.name)))).toEqual([]);
    expect(shown(wb)).toEqual(['Số liệu', ...forms.sheets.map((s) => s.name)]);
  });

  it('puts the workbook back, your formulas too, once you leave the cell you began typing in mid-write, and writes in full when asked again', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const mine = wb.addSheet('Ghi chú');
    mine.setCells('A1', [[`='${P02}'!D10`]]);
    const before = wb.snapshot();
    const sleeps: number[] = [];
    // You leave the cell while the pane waits to try putting back again.
    const host = excelHost({ run: wb.run, sleep: async (ms) => void (sleeps.push(ms), wb.leaveCell()) });
    const forms = monthlyForms(25, await host.existingSheets());
    wb.editCell(wb.syncs + 5); // the second batch filling the new forms: old ones renamed aside, new ones half written
    await expect(host.writeForms(forms.sheets, forms.replaced, () => {})).rejects.toMatchObject(CELL_EDIT);
    expect(sleeps).toEqual([1000]); // the first try at putting back was refused as well
    expect(wb.snapshot()).toEqual(before);
    expect(mine.cell('A1')).toMatchObject({ formula: `='${P02}'!D10`, error: false });

    await host.writeForms(forms.sheets, forms.replaced, () => {});
    expect(shown(wb)).toEqual(['Số liệu', ...forms.sheets.map((s) => s.name), 'Ghi chú']);
    expect(forms.sheets.flatMap((s) => refErrors(wb.sheet(s.name)))).toEqual([]);
    const last = forms.sheets[0].rows.findIndex((r) => r.values[1] === 'Tổng cộng') + 1;
    expect(wb.sheet(forms.sheets[0].name).cell(`D${last}`).formula).toBe(`=${(forms.sheets[0].rows[last - 1].values[3] as { formula: string }).formula}`);
  });
});

/**
 * Undoing the last write (undo.ts): a write keeps the forms it replaced, hidden and marked, until the next
 * write; the undo puts them back, as they were, and the workbook equals what it was before the write.
 */
describe('undoing the last write in the open workbook', () => {
  const undo = (wb: FakeWorkbook) => hostOf(wb).undoLastWrite!();

  it('puts back the forms a write replaced, their names, order and the active sheet: the workbook equals what it was, write after write', async () => {
    const wb = peoplesWorkbook();
    const blank = wb.snapshot();
    const first = await plan(wb, 20);
    wb.addSheet('Ghi chú').setCells('A1', [[`='${first.sheets[1].name}'!D10`]]);
    wb.select('Ghi chú', 'A1');
    const planned = wb.snapshot();
    const second = await plan(wb, 25, 7);
    expect(second.replaced).toEqual(first.sheets.map((s) => s.name));
    expect(wb.snapshot()).not.toEqual(planned);

    await expect(undo(wb)).resolves.toEqual({ sheets: first.sheets.map((s) => s.name) });
    expect(wb.snapshot()).toEqual(planned);
    // Your formula points at the form put back, not at #REF!.
    expect(wb.sheet('Ghi chú').cell('A1')).toMatchObject({ formula: `='${first.sheets[1].name}'!D10`, error: false });

    // The write before that (which replaced nothing) can be undone in turn.
    wb.deleteSheet('Ghi chú');
    await expect(undo(wb)).resolves.toEqual({ sheets: [] });
    expect(wb.snapshot()).toEqual(blank);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Số liệu']);
  });

  it('refuses, saying why, when an actual was typed into the new forms since, and changes nothing', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    const second = await plan(wb, 25, 7);
    const progress = wb.sheets.find((s) => s.visibility === 'Visible' && s.names.some((n) => n.name === 'QuotaPlanner.Inputs'))!;
    progress.setCells(progress.firstBox(), [[12]]);
    const typed = wb.snapshot();
    const error: HostError = await undo(wb).then(() => { throw new Error('undone'); }, (e) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error.vi).toBe(`Không hoàn tác được lần ghi vừa rồi: đã có số thực hiện được nhập hoặc sửa ở trang «${progress.name}» sau lần ghi; hoàn tác sẽ làm mất chúng.`);
    expect(error.en).toBe(`The last write cannot be undone: actuals were typed or changed on sheet "${progress.name}" since the write; undoing would lose them.`);
    expect(wb.snapshot()).toEqual(typed);
    // Typed and cleared again: nothing would be lost, so it is undone.
    progress.setCells(progress.firstBox(), [['']]);
    await expect(undo(wb)).resolves.toEqual({ sheets: second.replaced });
  });

  it('refuses when the forms the write kept are gone, and when there is no write to undo', async () => {
    const wb = peoplesWorkbook();
    await expect(undo(wb)).rejects.toMatchObject({ en: 'The last write cannot be undone: the workbook holds no write of Quota Planner.' });
    await plan(wb, 20);
    await plan(wb, 25, 7);
    wb.deleteSheet(wb.sheets.find((s) => s.visibility === 'Hidden')!.name);
    const before = wb.snapshot();
    await expect(undo(wb)).rejects.toMatchObject({ en: 'The last write cannot be undone: the sheets this write replaced are no longer all in the workbook (deleted?).' });
    expect(wb.snapshot()).toEqual(before);
  });

  it('keeps only the last write’s old forms: the next write deletes those kept before', async () => {
    const wb = peoplesWorkbook();
    await plan(wb, 20);
    await plan(wb, 25, 7);
    await plan(wb, 30, 9);
    const hidden = wb.sheets.filter((s) => s.visibility === 'Hidden');
    expect(hidden).toHaveLength(7);
    expect(hidden.every((s) => s.names.find((n) => n.name === 'QuotaPlanner.Kept')?.formula.startsWith('="3/'))).toBe(true);
  });
});
