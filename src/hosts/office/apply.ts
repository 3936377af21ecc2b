import { columnLetters } from '../../sheets/grid';
import { FormatProps, Op, SheetRef } from './operations';

/** Planned operations → Office.js calls on a worksheet. Only queues: the caller syncs. Nothing above ExcelApi 1.9. */

type Side = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
const EDGES: Side[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

function applyFormat(format: Excel.RangeFormat, f: FormatProps, rows: number, cols: number): void {
  if (f.bold !== undefined) format.font.bold = f.bold;
  if (f.italic !== undefined) format.font.italic = f.italic;
  if (f.underline !== undefined) format.font.underline = f.underline ? 'Single' : 'None';
  if (f.size !== undefined) format.font.size = f.size;
  if (f.color !== undefined) format.font.color = f.color;
  if (f.fill !== undefined) format.fill.color = f.fill;
  if (f.horizontal) format.horizontalAlignment = f.horizontal;
  if (f.vertical) format.verticalAlignment = f.vertical;
  if (f.wrap !== undefined) format.wrapText = f.wrap;
  if (f.border !== undefined) {
    // A new line is in the automatic colour, thin or medium: the file writer's `style="thin"` or `"medium"`, colour 64.
    const style = f.border ? 'Continuous' : 'None';
    const sides = [...EDGES];
    if (rows > 1) sides.push('InsideHorizontal');
    if (cols > 1) sides.push('InsideVertical');
    for (const side of sides) {
      const border = format.borders.getItem(side);
      border.style = style;
      if (f.border) border.weight = f.border === 'medium' ? 'Medium' : 'Thin';
    }
  }
  if (f.locked !== undefined) format.protection.locked = f.locked;
}

const rangeOf = (ctx: Excel.RequestContext, ref: SheetRef): Excel.Range => ctx.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);

/** Queues the calls of one operation on `ws`. */
export function applyOp(ctx: Excel.RequestContext, ws: Excel.Worksheet, op: Op): void {
  switch (op.kind) {
    case 'columns': {
      const range = ws.getRange(op.range);
      range.format.columnWidth = op.points;
      if (op.hidden) range.columnHidden = true;
      return;
    }
    case 'font': {
      const font = ws.getRange(op.range).format.font;
      font.name = op.name;
      font.size = op.size;
      return;
    }
    case 'cells':
      ws.getRange(op.range).formulas = op.formulas;
      return;
    case 'numberFormat':
      ws.getRange(op.range).numberFormat = op.formats;
      return;
    case 'format':
      applyFormat(ws.getRange(op.range).format, op.format, op.rows, op.cols);
      return;
    case 'rowHeight':
      ws.getRange(op.range).format.rowHeight = op.points;
      return;
    case 'rowHidden':
      ws.getRange(op.range).rowHidden = true;
      return;
    case 'merge':
      ws.getRange(op.range).merge(false);
      return;
    case 'freeze':
      if (op.rows > 0 && op.cols > 0) ws.freezePanes.freezeAt(`A1:${columnLetters(op.cols)}${op.rows}`);
      else if (op.rows > 0) ws.freezePanes.freezeRows(op.rows);
      else ws.freezePanes.freezeColumns(op.cols);
      return;
    case 'page': {
      const p = op.page;
      const page = ws.pageLayout;
      page.orientation = p.landscape ? 'Landscape' : 'Portrait';
      page.paperSize = 'A4';
      [page.topMargin, page.bottomMargin, page.leftMargin, page.rightMargin, page.headerMargin, page.footerMargin] = p.margins;
      // One page wide, as many tall as it takes (the file's fitToWidth="1" fitToHeight="0"); else at its own size.
      page.zoom = p.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
      page.printOrder = p.overThenDown ? 'OverThenDown' : 'DownThenOver';
      page.firstPageNumber = 1; // each form's pages numbered from 1, as the file writer's useFirstPageNumber
      if (p.printArea) page.setPrintArea(p.printArea);
      if (p.titleRows) page.setPrintTitleRows(p.titleRows);
      if (p.titleColumns) page.setPrintTitleColumns(p.titleColumns);
      if (p.header) page.headersFooters.defaultForAllPages.centerHeader = p.header;
      if (p.footer) page.headersFooters.defaultForAllPages.centerFooter = p.footer;
      // A manual break goes before the range's first cell: above its row, left of its column.
      for (const at of p.rowBreaks) ws.horizontalPageBreaks.add(at);
      for (const at of p.colBreaks) ws.verticalPageBreaks.add(at);
      return;
    }
    case 'name':
      ws.names.add(op.name, op.formula).visible = false;
      return;
    case 'validation': {
      const dv = ws.getRange(op.range).dataValidation;
      dv.ignoreBlanks = true;
      dv.rule = op.rule;
      if (op.prompt) dv.prompt = op.prompt;
      dv.errorAlert = op.error;
      return;
    }
    case 'conditional': {
      const cf = ws.getRange(op.range).conditionalFormats.add('Custom');
      cf.custom.rule.formula = op.formula;
      if (op.format.bold !== undefined) cf.custom.format.font.bold = op.format.bold;
      if (op.format.color) cf.custom.format.font.color = op.format.color;
      if (op.format.fill) cf.custom.format.fill.color = op.format.fill;
      return;
    }
    case 'chart': {
      // A chart is made from a range: the first series' values, then each series is set from its own ranges.
      const chart = ws.charts.add('LineMarkers', rangeOf(ctx, op.series[0].values), 'Columns');
      // All the chart's text at 11 pt (nothing prints under 10 pt), the title at 14 after it.
      chart.format.font.size = 11;
      chart.format.font.name = 'Times New Roman';
      chart.title.text = op.title;
      chart.title.format.font.bold = true;
      chart.title.format.font.size = 14;
      chart.legend.position = 'Bottom';
      chart.axes.valueAxis.numberFormat = '#,##0';
      chart.plotVisibleOnly = false; // a hidden series column is plotted
      const categories = rangeOf(ctx, op.categories);
      op.series.forEach((s, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
        if (i > 0) series.setValues(rangeOf(ctx, s.values));
        series.name = s.name;
        series.setXAxisValues(categories);
        series.format.line.color = s.color;
        series.markerStyle = 'Circle';
        series.markerSize = 5;
        series.markerBackgroundColor = s.color;
        series.markerForegroundColor = s.color;
      });
      chart.setPosition(op.start, op.end);
      return;
    }
    case 'protect':
      // No password; as in the file, columns and rows may still be resized and filters used.
      ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
      return;
  }
}
