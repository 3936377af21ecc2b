import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'fs';
import { MARKER_NAME } from '../../src/sheets/forms/marker';
import { SheetModel } from '../../src/sheets/model';
import { workbookFile, writeAtomically } from '../../src/hosts/files/write-file';
import { writeXlsx, xlsxBytes } from '../../src/hosts/files/write-xlsx';
import { unzip } from '../../src/hosts/files/zip';
import { convert } from '../helpers/libreoffice';
import { tempDir } from '../helpers/tmp';
import { MARKER, SUMMARY, sampleSheets } from '../helpers/xlsx-sample';

const tmp = tempDir('quota-xlsx-');
afterAll(() => tmp.cleanup());

const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? []).toString('utf8');

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Each `<tag` of the list that occurs in `xml`, in the order it first occurs. */
function elementOrder(xml: string, tags: readonly string[]): string[] {
  return tags
    .map((t) => ({ t, at: xml.search(new RegExp(`<${t}[ >/]`)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.t);
}

describe('the .xlsx writer, read back by ExcelJS', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await xlsxBytes(sampleSheets());
    wb = await load(bytes);
    ws = wb.getWorksheet(SUMMARY)!;
  });

  it('has the sheets, in order, with their Vietnamese names', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY, "Lịch's"]);
    expect(wb.creator).toBe('quota-planner');
  });

  it('keeps numbers, text, dates and formulas with their cached results', () => {
    expect(ws.getCell('A4').value).toBe(1);
    expect(ws.getCell('C4').value).toBe(1234.5);
    expect(ws.getCell('B4').value).toBe('Xã Đại Lãnh');
    expect(ws.getCell('A1').value).toBe('BẢNG TỔNG HỢP & <KẾT QUẢ>');
    expect(ws.getCell('F6').value).toBe('x & "y"');
    expect(ws.getCell('F5').value).toBe('  thụt lề');
    expect(ws.getCell('D4').value).toEqual(new Date(Date.UTC(2024, 5, 3)));
    expect(ws.getCell('D5').value).toEqual(new Date(Date.UTC(2024, 6, 3)));
    expect(ws.getCell('C6').value).toEqual({ formula: 'SUM(C4:C5)', result: 1234.75 });
    expect(ws.getCell('B7').value).toEqual({ formula: 'IF(C4>1000,"Chậm","Đúng")', result: 'Chậm' });
    expect((ws.getCell('C7').value as ExcelJS.CellFormulaValue).formula).toBe('C4*2');
    expect((ws.getCell('C7').value as ExcelJS.CellFormulaValue).result).toBeUndefined();
    expect(ws.getCell('D7').value).toMatchObject({ formula: 'D4+1' }); // a leading `=` is not doubled
  });

  it('writes text that looks like a formula as text, and drops characters XML cannot hold', () => {
    expect(ws.getCell('B5').value).toBe('=SUM(A1:A3)');
    expect(ws.getCell('B5').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B6').value).toBe('Tab\tand bell gone');
  });

  it('styles cells from their column, row and own style names, in the sheet font', () => {
    const header = ws.getCell('B3');
    expect(header.font).toMatchObject({ name: 'Times New Roman', size: 12, bold: true });
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(header.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('A1').border ?? {}).toEqual({}); // the title row has its own style: no column border
    expect(ws.getCell('C4').numFmt).toBe('#,##0');
    expect(ws.getCell('C4').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('D4').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('C5').numFmt).toBe('0.0%'); // the cell's own style over the column's
    expect(ws.getCell('C5').font).toMatchObject({ italic: true, color: { argb: 'FFC00000' } });
    expect(ws.getCell('B4').alignment).toMatchObject({ vertical: 'top', wrapText: true });
    // the total row spans the table: its fill reaches the last column even where there is no value
    expect(ws.getCell('F8').fill).toMatchObject({ fgColor: { argb: 'FFE2EFDA' } });
    expect(ws.getCell('F8').font).toMatchObject({ bold: true });
    expect(ws.getCell('C8').numFmt).toBe('#,##0');
    // another sheet keeps its own font, and a date with no number format still reads as a date
    const other = wb.getWorksheet("Lịch's")!;
    expect(other.getCell('A1').font).toMatchObject({ name: 'Arial', size: 10 });
    expect(other.getCell('A2').value).toEqual(new Date(Date.UTC(2024, 5, 3)));
  });

  it('locks every cell but the input ones, and protects the sheet', () => {
    expect(ws.getCell('E4').protection).toMatchObject({ locked: false });
    expect(ws.getCell('E5').protection).toMatchObject({ locked: false });
    expect(ws.getCell('C4').protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true });
  });

  it('merges, freezes the header, sizes and hides columns, sets row heights', () => {
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('C1').master.address).toBe('A1');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3, topLeftCell: 'C4' });
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(30);
  });

  it('prints on A4 landscape at its own size, with Decree 30 margins, header rows and columns repeated, breaks placed, pages numbered across then down', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', pageOrder: 'overThenDown' });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.margins).toEqual({ top: 0.7874, bottom: 0.7874, left: 1.1811, right: 0.5906, header: 0.315, footer: 0.315 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.pageSetup.printTitlesColumn).toBe('A:B');
    expect(ws.headerFooter.oddFooter).toBe('Trang &P/&N');
    const xml = text(unzip(bytes).get('xl/worksheets/sheet1.xml'));
    expect(xml).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks>');
    expect(xml).toContain('<colBreaks count="1" manualBreakCount="1"><brk id="4" max="1048575" man="1"/></colBreaks>');
    expect(wb.getWorksheet("Lịch's")!.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true, fitToWidth: 1 });
  });

  it('boxes the input cells with a medium border, underlines, and hides the rows it is told to', () => {
    expect(ws.getCell('E5').border).toMatchObject({ top: { style: 'medium' }, left: { style: 'medium' }, bottom: { style: 'medium' }, right: { style: 'medium' } });
    expect(ws.getCell('A1').font).toMatchObject({ underline: true });
    expect(ws.getRow(2).hidden).toBe(true);
    expect(ws.getRow(3).hidden).toBe(false);
  });

  it('validates typed values with the prompt and error shown', () => {
    expect(ws.getCell('E6').dataValidation).toMatchObject({
      type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, showErrorMessage: true, formulae: [0],
      promptTitle: 'Số đã làm', prompt: 'Nhập số sổ\nđã số hóa', errorTitle: 'Sai', error: 'Số nguyên ≥ 0',
    });
    const date = ws.getCell('D5').dataValidation;
    expect(date).toMatchObject({ type: 'date', operator: 'between' });
    // date bounds are the model's day numbers, written as serials (ExcelJS reads them back as dates)
    expect(date.formulae).toEqual([new Date(Date.UTC(2024, 5, 3)), new Date(Date.UTC(2025, 5, 3))]);
  });
});

describe('the .xlsx package', () => {
  let parts: Map<string, Uint8Array>;
  beforeAll(async () => {
    parts = unzip(await xlsxBytes(sampleSheets()));
  });

  it('has every part a workbook with a chart needs, and declares each', () => {
    expect([...parts.keys()].sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml',
      'xl/_rels/workbook.xml.rels', 'xl/charts/chart1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml',
      'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml',
    ].sort());
    const types = text(parts.get('[Content_Types].xml'));
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('/xl/worksheets/sheet2.xml');
    expect(text(parts.get('docProps/core.xml'))).toContain('<dc:creator>quota-planner</dc:creator>');
    expect(text(parts.get('xl/workbook.xml'))).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  it('links sheet → drawing → chart, and the chart plots the model ranges', () => {
    expect(text(parts.get('xl/worksheets/sheet1.xml'))).toContain('<drawing r:id="rId1"/>');
    expect(text(parts.get('xl/worksheets/_rels/sheet1.xml.rels'))).toMatch(/Id="rId1" Type="[^"]*\/drawing" Target="..\/drawings\/drawing1.xml"/);
    expect(text(parts.get('xl/drawings/_rels/drawing1.xml.rels'))).toMatch(/Id="rId1" Type="[^"]*\/chart" Target="..\/charts\/chart1.xml"/);
    const drawing = text(parts.get('xl/drawings/drawing1.xml'));
    expect(drawing).toContain('<xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>');
    expect(drawing).toContain('r:id="rId1"');
    const chart = text(parts.get('xl/charts/chart1.xml'));
    expect(chart).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(chart).toContain(`<c:cat><c:strRef><c:f>'${SUMMARY}'!$B$4:$B$7</c:f>`);
    expect(chart).toContain(`<c:val><c:numRef><c:f>'${SUMMARY}'!$C$4:$C$7</c:f>`);
    expect(chart).toContain('<c:tx><c:v>Số còn lại</c:v></c:tx>');
    expect(chart).toContain('<a:srgbClr val="4472C4"/>');
    expect(chart).toContain('<a:t>Tiến độ</a:t>');
    expect(chart).toContain('<c:legendPos val="b"/>');
    expect(chart).toContain('<c:dispBlanksAs val="gap"/>');
    expect(chart).toContain('<c:numFmt formatCode="#,##0" sourceLinked="0"/>');
  });

  it('stores the marker as a hidden name scoped to its sheet, next to the print titles and the sheet’s own names', () => {
    const workbook = text(parts.get('xl/workbook.xml'));
    expect(workbook).toContain(`<definedName name="${MARKER_NAME}" localSheetId="0" hidden="1">"${MARKER}"</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'${SUMMARY}'!$A:$B,'${SUMMARY}'!$3:$3</definedName>`);
    expect(workbook).toContain(`<definedName name="QuotaPlanner.Actuals" localSheetId="0" hidden="1">'${SUMMARY}'!$E$4:$E$7</definedName>`);
    expect(workbook).not.toContain('localSheetId="1"');
  });

  it('writes the worksheet elements in the order the schema demands', () => {
    const order = [
      'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetProtection', 'mergeCells',
      'conditionalFormatting', 'dataValidations', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'drawing',
    ];
    expect(elementOrder(text(parts.get('xl/worksheets/sheet1.xml')), order.filter((e) => e !== 'sheetPr'))).toEqual(order.filter((e) => e !== 'sheetPr'));
    const sheet2 = elementOrder(text(parts.get('xl/worksheets/sheet2.xml')), order);
    expect(sheet2).toEqual(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'pageMargins', 'pageSetup']);
  });

  it('writes text inline, marking the text whose spacing must be kept', () => {
    const sheet = text(parts.get('xl/worksheets/sheet1.xml'));
    expect(sheet).toContain('<c r="F5" t="inlineStr"><is><t xml:space="preserve">  thụt lề</t></is></c>');
    expect(sheet).toContain('<c r="F4" t="inlineStr"><is><t>k1</t></is></c>');
    expect(parts.has('xl/sharedStrings.xml')).toBe(false);
  });

  it('writes a conditional format with its look as a dxf', () => {
    const sheet = text(parts.get('xl/worksheets/sheet1.xml'));
    expect(sheet).toContain('<conditionalFormatting sqref="C4:C7"><cfRule type="expression" dxfId="0" priority="1"><formula>C4&gt;1000</formula></cfRule>');
    const styles = text(parts.get('xl/styles.xml'));
    expect(styles).toMatch(/<dxfs count="1"><dxf><font><b\/><color rgb="FF9C0006"\/><\/font><fill><patternFill[^>]*>.*FFFFC7CE.*<\/dxf><\/dxfs>/);
  });

  it('shares one cell format per distinct combination of styles, not one per cell', async () => {
    const rows = [];
    for (let r = 0; r < 3000; r++) {
      rows.push({
        values: [r, `name ${r}`, r * 2, null],
        style: r % 3 === 0 ? 'band' : undefined,
        cellStyles: r % 10 === 0 ? [undefined, undefined, 'warn'] : undefined,
      });
    }
    const sheet: SheetModel = {
      name: 'Many',
      font: { name: 'Times New Roman', size: 12 },
      columns: [{ width: 5, style: 'count' }, { width: 20 }, { width: 9, style: 'count' }, { width: 9 }],
      rows: [{ values: ['title'], ownStyle: true, style: 'title' }, ...rows],
      styles: { count: { numFmt: '#,##0', border: true }, band: { fill: 'FFF2F2F2' }, warn: { bold: true, color: 'FFC00000' }, title: { bold: true } },
      merges: [],
    };
    const xml = unzip(await xlsxBytes([sheet]));
    const styles = text(xml.get('xl/styles.xml'));
    // plain; count; band; count+band; count+warn; count+band+warn; title
    expect(Number(/<cellXfs count="(\d+)"/.exec(styles)![1])).toBe(7);
    expect(styles.match(/<xf /g)!.length).toBe(7 + 1); // + the one cellStyleXfs entry
    const used = new Set([...text(xml.get('xl/worksheets/sheet1.xml')).matchAll(/ s="(\d+)"/g)].map((m) => Number(m[1])));
    expect([...used].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses sheet names Excel would refuse, and names a style the sheet does not define', async () => {
    const base = sampleSheets()[1];
    await expect(xlsxBytes([{ ...base, name: 'a/b' }])).rejects.toThrow(/may not contain/);
    await expect(xlsxBytes([{ ...base, name: 'x'.repeat(32) }])).rejects.toThrow(/31 characters/);
    await expect(xlsxBytes([base, { ...base, name: "LỊCH'S" }])).rejects.toThrow(/Two sheets/);
    await expect(xlsxBytes([{ ...base, rows: [{ values: [1], style: 'nope' }] }])).rejects.toThrow(/style "nope"/);
  });
});

describe('writing files', () => {
  it('writes the same bytes to a file as in memory (for the same time stamp)', async () => {
    const created = new Date(Date.UTC(2024, 5, 1, 8, 0, 0));
    const file = tmp.file('same.xlsx');
    await writeXlsx(sampleSheets(), file, { created });
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(await xlsxBytes(sampleSheets(), { created })))).toBe(true);
  });

  it('leaves no partial file when the model turns out bad midway', async () => {
    const file = tmp.file('bad.xlsx');
    const [good, plain] = sampleSheets();
    await expect(writeXlsx([good, { ...plain, rows: [...plain.rows, { values: [1], style: 'missing' }] }], file)).rejects.toThrow(/style "missing"/);
    expect(existsSync(file)).toBe(false);
  });

  it('is what workbookFile writes, atomically', async () => {
    const target = tmp.file('out/plan.xlsx');
    await writeAtomically([workbookFile(target, sampleSheets())]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    expect(wb.getWorksheet(SUMMARY)!.getCell('B4').value).toBe('Xã Đại Lãnh');
  });

  it('writes a national-scale sheet (60,000 rows × 30 columns) that unzips whole', async () => {
    const COLS = 30;
    const rows = [];
    for (let r = 0; r < 60_000; r++) {
      const values = [];
      for (let c = 0; c < COLS; c++) values.push(c === 1 ? `Xã ${r}` : c === COLS - 1 ? { formula: `SUM(C${r + 2}:AC${r + 2})`, result: r } : r + c);
      rows.push({ values });
    }
    const sheet: SheetModel = {
      name: 'Phụ lục 01 - Giao chỉ tiêu',
      font: { name: 'Times New Roman', size: 12 },
      columns: Array.from({ length: COLS }, () => ({ width: 10, style: 'count' })),
      rows: [{ values: ['header'], style: 'count' }, ...rows],
      styles: { count: { numFmt: '#,##0', border: true } },
      merges: [],
      freeze: { rows: 1, cols: 2 },
    };
    const file = tmp.file('national.xlsx');
    await writeXlsx([sheet], file);
    const xml = text(unzip(readFileSync(file)).get('xl/worksheets/sheet1.xml'));
    expect(xml).toContain('<dimension ref="A1:AD60001"/>');
    expect(xml).toContain('<c r="B60001" s="1" t="inlineStr"><is><t>Xã 59999</t></is></c>');
    expect(xml).toContain('<c r="AD60001" s="1"><f>SUM(C60001:AC60001)</f><v>59999</v></c>');
    expect(xml.endsWith('</worksheet>')).toBe(true);
  }, 60_000);
});

describe('LibreOffice', () => {
  it('opens the workbook, keeps values, recalculates formulas and keeps the marker name', async () => {
    const file = tmp.file('lo.xlsx');
    await writeXlsx(sampleSheets(), file);
    const out = convert(file, 'xlsx', tmp.file('lo-out'));
    const parts = unzip(readFileSync(out));
    expect(text(parts.get('xl/workbook.xml'))).toMatch(new RegExp(`name="${MARKER_NAME.replace('.', '\\.')}"[^>]*>&quot;${MARKER}&quot;<`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(SUMMARY)!;
    expect(ws.getCell('B4').value).toBe('Xã Đại Lãnh');
    expect(ws.getCell('B5').value).toBe('=SUM(A1:A3)');
    expect(ws.getCell('F5').value).toBe('  thụt lề'); // leading spaces kept
    expect(ws.getCell('D4').value).toEqual(new Date(Date.UTC(2024, 5, 3)));
    expect((ws.getCell('C7').value as ExcelJS.CellFormulaValue).result).toBe(2469); // no cached value: calculated
    expect((ws.getCell('C8').value as ExcelJS.CellFormulaValue).result).toBe(4938.5); // stale cached value: recalculated
  }, 120_000);
});
