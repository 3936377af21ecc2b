import { Plan } from '../../planning/plan';
import { Problem } from '../../planning/problems';
import { ModelColumn, ModelRow, ModelValue, SheetModel } from '../model';
import { RowGroup, unitLabels } from './groups';
import { formatMarker } from './marker';
import { FormOptions } from './options';
import { cell, col, literal } from './refs';
import { groupTotals } from '../../planning/plan-totals';
import { dailyQuota } from '../../planning/settings';
import { Stage, stageLabel } from '../../planning/stages';
import { DOTS, SheetRows, attachedTo, documentSpan, footBlocks, headerBlock, issuerLines, recipientsHead, signerHead, spanLine } from './document';
import { columnBreaks, countWidth, defaultRowHeight, fitWidth, printPage, textWidth, withRunAbove } from './pages';
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { registerLabel } from '../../planning/registers';
import { FORM_TEXT, periodLabel } from './text';

/** Rows of the document block above the table: issuing body and motto, titles, the plan it is attached to, window, unit. */
const HEADER_ROW = 9;

/**
 * Where Phụ lục 01 puts everything (1-based rows, 0-based columns), computed once and shared by the sheet,
 * the readers (targets typed over, a returned copy's figures) and the consolidation. A period without a
 * working day (a weekend in a daily plan) has no column: nothing is planned in it.
 */
export interface QuotaLayout {
  rowOf: Int32Array;
  headerRow: number;
  firstRow: number;
  /** The stage column, after the register; -1 without stages. */
  stage: number;
  /** The records-to-digitize column. */
  remaining: number;
  /** Machines, when the sheet gives some or the plan is by capacity; -1 otherwise. */
  machines: number;
  /** Machines × rate, for the capacity method only; -1 otherwise. */
  dailyQuota: number;
  /** The column of period k's target, -1 for a period without a working day. */
  target: Int32Array;
  /** Unscheduled records, for the capacity method only; -1 otherwise. */
  unscheduled: number;
  finish: number;
  /** The engine's warnings, when there are some; -1 otherwise. */
  note: number;
  width: number;
}

/** Rows as `quotaAssignmentSheet` writes them: a heading row before each named parent's units. */
export function quotaLayout(plan: Plan, groups: readonly RowGroup[]): QuotaLayout {
  const rowOf = new Int32Array(plan.rows.length);
  let r = HEADER_ROW;
  for (const g of groups) {
    if (g.parent !== null) r++;
    for (const planRow of g.rows) rowOf[planRow] = ++r;
  }
  return { rowOf, ...quotaColumns(plan) };
}

/** Phụ lục 01's columns, from the plan alone (the size estimate made before the forms are built reads them too). */
export function quotaColumns(plan: Plan): Omit<QuotaLayout, 'rowOf'> {
  const capacity = plan.settings.method === 'capacity';
  let c = 3;
  const stage = hasStages(plan) ? c++ : -1;
  const remaining = c++;
  const machines = capacity || plan.units.some((u) => u.machines !== null) ? c++ : -1;
  const dailyQuota = capacity ? c++ : -1;
  const target = new Int32Array(plan.periods.length).fill(-1);
  plan.periods.forEach((p, k) => {
    if (p.workingDays > 0) target[k] = c++;
  });
  const unscheduled = capacity ? c++ : -1;
  const finish = c++;
  const note = notesByCell(plan.problems).size > 0 ? c++ : -1;
  return { headerRow: HEADER_ROW, firstRow: HEADER_ROW + 1, stage, remaining, machines, dailyQuota, target, unscheduled, finish, note, width: c };
}

const hasStages = (plan: Plan): boolean => (plan.settings.stages?.length ?? 0) > 0;

/** `$D10`: a column fixed, for a criteria range. */
const absCol = (c: number, row: number): string => `$${col(c)}${row}`;

/** I, II, III… for the parents' heading rows, as Vietnamese tables number groups. */
export function roman(n: number): string {
  const digits: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, d] of digits) for (; n >= v; n -= v) s += d;
  return s;
}

/**
 * Phụ lục 01 – the quota assignment table, an appendix of the plan (Decree 30's layout): issuing body and
 * motto, title, the plan it is attached to, the unit of measure; units under their parents with subtotals,
 * one row per unit × register with its target per period, the finish date and the engine's warnings; then
 * the recipients and the signature. Targets are the engine's; the subtotals are SUBTOTAL formulas, cached with
 * the plan's own group totals. The other forms take their targets from the plan, not from this sheet: a target
 * changed here by hand does not reach them (the next re-split holds it).
 */
export function quotaAssignmentSheet(plan: Plan, groups: readonly RowGroup[], options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const doc = options.document;
  const { periods, settings } = plan;
  const P = periods.length;
  const L = quotaLayout(plan, groups);
  const staged = L.stage >= 0;
  const capacity = L.dailyQuota >= 0;
  // The unit of measure line above the table says which stage counts books ("Thu thập, phân loại sổ: quyển"):
  // the stage column, repeated on every page across, keeps to the stage's name.
  const stageName = (stage: Stage): string => stageLabel(stage, options.lang);
  /** With stages, the subtotals add up the final stage (the records finished), named in the stage column. */
  const finalLabel = staged ? stageName(settings.stages![settings.stages!.length - 1]) : '';
  const present = [...L.target].map((c, k) => (c >= 0 ? k : -1)).filter((k) => k >= 0);
  const header: ModelValue[] = [t.stt, t.unit, t.register];
  if (staged) header[L.stage] = t.stage;
  header[L.remaining] = t.remaining;
  if (L.machines >= 0) header[L.machines] = t.machines;
  if (capacity) header[L.dailyQuota] = t.dailyQuota;
  for (const k of present) header[L.target[k]] = periodLabel(periods[k], settings.granularity, options.lang);
  if (capacity) header[L.unscheduled] = t.unscheduled;
  header[L.finish] = t.finish;
  if (L.note >= 0) header[L.note] = t.note;
  /** Columns that add up: remaining, the targets, unscheduled. */
  const summed = [L.remaining, ...present.map((k) => L.target[k]), ...(capacity ? [L.unscheduled] : [])];
  const notes = notesByCell(plan.problems);
  const labels = unitLabels(plan, options.lang);
  const held = new Set(options.held ?? []);

  const columns: ModelColumn[] = new Array(L.width);
  columns[0] = { width: 5, style: 'center' };
  columns[1] = { width: fitWidth(labels, 16, 34), style: 'text' };
  columns[2] = { width: fitWidth(plan.registers.map((r) => registerLabel(r, options.lang)), 10, 30), style: 'text' };
  if (staged) columns[L.stage] = { width: fitWidth(settings.stages!.map(stageName), 10, 24), style: 'text' };
  columns[L.remaining] = { width: 11, style: 'count' };
  if (L.machines >= 0) columns[L.machines] = { width: 7, style: 'count' };
  if (capacity) columns[L.dailyQuota] = { width: 10, style: 'count' };
  const targetWidth = countWidth(plan.rows, settings.granularity === 'day' ? 8 : 10);
  for (const k of present) columns[L.target[k]] = { width: targetWidth, style: 'count' };
  if (capacity) columns[L.unscheduled] = { width: 10, style: 'count' };
  columns[L.finish] = { width: 12, style: 'date' };
  if (L.note >= 0) columns[L.note] = { width: NOTE_WIDTH, style: 'note' };
  const titleCols: [number, number] = [0, staged ? L.stage : 2];
  const page = landscapePage(L.headerRow, L.headerRow, t.footer, titleCols);
  const colBreaks = columnBreaks(columns, FORM_FONT.size, page);
  const span = documentSpan(columns.map((c) => c.width), colBreaks, titleCols[1], L.width - 1);

  const out = new SheetRows();
  headerBlock(out, issuerLines(doc), span, options.lang);
  out.blank(8);
  spanLine(out, span, t.quotaTitle[0], 'title', 20);
  spanLine(out, span, t.quotaTitle[1], 'title', 20);
  spanLine(out, span, attachedTo(doc, options.lang), 'attached', 17);
  spanLine(out, span, t.window(settings.start, settings.end, settings.method), 'attached', 17);
  const books = settings.stages?.find((s) => s.unit === 'books');
  spanLine(out, span, books ? t.doc.unitOfMeasureBooks(stageLabel(books, options.lang)) : t.doc.unitOfMeasure, 'unitOfMeasure', 17);
  if (out.next !== L.headerRow) throw new Error('Phụ lục 01: the document block is not where the layout puts it');
  // A week's label ("Tuần 22/05–28/05") wraps on three lines.
  out.push({ values: header, style: 'header', height: settings.granularity === 'week' ? 48 : 36 });

  const subtotalRow = (label: ModelValue, name: string, first: number, lastRow: number, planRows: readonly number[], style: string): ModelRow => {
    // The cached results: the plan's own totals of these rows (with stages, the final stage's).
    const totals = groupTotals(plan, planRows);
    const sums = [totals.remaining, ...present.map((k) => totals.perPeriod[k]), ...(capacity ? [totals.unscheduled] : [])];
    const values: ModelValue[] = [label, name];
    const stages = `${absCol(L.stage, first)}:${absCol(L.stage, lastRow)}`;
    summed.forEach((c, i) => (values[c] = {
      // SUMIFS on the stage column counts the final stage's rows only; a subtotal row's stage cell says
      // "Σ …", so the grand total does not count the parents' subtotals again.
      formula: staged ? `SUMIFS(${cell(c, first)}:${cell(c, lastRow)},${stages},${literal(finalLabel)})` : `SUBTOTAL(9,${cell(c, first)}:${cell(c, lastRow)})`,
      result: sums[i],
    }));
    if (staged) values[L.stage] = `Σ ${finalLabel}`;
    return { values, style };
  };

  const keepRows: [number, number][] = [];
  const totalRows: number[] = [];
  /** Each unit's note, and the rows it may flow down: [first row, last row, note], 1-based. */
  const noteRuns: [number, number, string][] = [];
  groups.forEach((group, g) => {
    const headed = group.parent !== null;
    const heading = headed ? out.push({ values: [] }) : 0; // filled once the group's rows are placed
    let stt = 0;
    let lastUnit = -1;
    let unitStart = 0;
    for (const planRow of group.rows) {
      const row = plan.rows[planRow];
      const unit = plan.units[row.unitIndex];
      const first = row.unitIndex !== lastUnit;
      if (first) {
        stt++;
        unitStart = out.next;
      }
      lastUnit = row.unitIndex;
      const values: ModelValue[] = [first ? stt : null, labels[row.unitIndex], registerLabel(row.register, options.lang)];
      if (staged) values[L.stage] = stageName(settings.stages![row.stage ?? 0]);
      values[L.remaining] = row.remaining;
      if (L.machines >= 0) values[L.machines] = unit.machines ?? (capacity ? settings.defaultMachines : null);
      if (capacity) values[L.dailyQuota] = dailyQuota(unit, settings);
      for (const k of present) values[L.target[k]] = options.quotaEdits?.get(planRow * P + k) ?? plan.targets[planRow * P + k];
      if (capacity) values[L.unscheduled] = row.unscheduled;
      const note = first ? notes.get(unit.cell) ?? null : null;
      values[L.finish] = row.finish === null ? null : { date: row.finish };
      if (L.note >= 0) values[L.note] = note;
      let cellStyles: (string | undefined)[] | undefined;
      for (const k of present) if (held.has(planRow * P + k)) (cellStyles ??= [])[L.target[k]] = 'held';
      const r = out.push({ values, ...(cellStyles ? { cellStyles } : {}) });
      if (note) noteRuns.push([r, r, note]);
      else if (!first && noteRuns.length && noteRuns[noteRuns.length - 1][1] === r - 1 && notes.has(unit.cell)) noteRuns[noteRuns.length - 1][1] = r;
      totalRows.push(planRow);
      // A unit's rows print on one page; a district's heading goes with its first unit.
      const keepFrom = headed && stt === 1 ? heading : unitStart;
      if (keepRows.length && keepRows[keepRows.length - 1][0] === keepFrom) keepRows[keepRows.length - 1][1] = r;
      else keepRows.push([keepFrom, r]);
    }
    if (headed) out.rows[heading - 1] = subtotalRow(roman(g + 1), group.parent ?? '', heading + 1, out.rows.length, group.rows, 'subtotal');
  });
  for (const [from, to, note] of noteRuns) flowNote(out, L.note, from, to, note);
  const lastData = out.rows.length;
  const total = out.push(subtotalRow(null, t.total, L.firstRow, Math.max(L.firstRow, lastData), totalRows, 'total'));

  // Recipients on the left, the signer on the right, under the table, on its first page across.
  out.blank();
  const split = span.split(0.45);
  const foot = footBlocks(out, [
    { from: span.from, to: split, head: recipientsHead(doc, t), name: '' },
    { from: split + 1, to: span.to, head: signerHead(doc), name: doc.signer.trim() || DOTS + DOTS },
  ]);
  keepRows.push([withRunAbove(keepRows, total), foot[1]]);

  return {
    name: options.names.quota,
    font: FORM_FONT,
    columns,
    rows: out.rows,
    styles: { ...FORM_STYLES, note: { wrap: true, border: true, valign: 'top', size: 11 } },
    merges: out.merges,
    freeze: { rows: L.headerRow, cols: 2 },
    page: printPage(page, colBreaks, out.rows, keepRows),
    marker: formatMarker({ kind: 'quota', planId: options.planId }),
  };
}

const NOTE_WIDTH = 60;

/** The points a wrapped note (11 pt) needs to show whole: hosts do not fit row heights to text when they open a file. */
function noteHeight(note: string): number {
  const lines = note.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / (NOTE_WIDTH * 1.05))), 0);
  return Math.max(16, lines * 14.5);
}

/**
 * A unit's note flows down beside all of the unit's rows (one cell merged over them) rather than stretching its
 * first row; the rows grow evenly only when together they are still too short for it.
 */
function flowNote(out: SheetRows, col: number, from: number, to: number, note: string): void {
  if (to > from) out.merges.push(`${cell(col, from)}:${cell(col, to)}`);
  const rows = out.rows.slice(from - 1, to);
  const own = rows.reduce((h, row) => h + (row.height ?? defaultRowHeight(FORM_FONT.size)), 0);
  const need = noteHeight(note);
  if (need <= own) return;
  const each = Math.ceil((need / rows.length) * 4) / 4;
  for (const row of rows) row.height = Math.max(row.height ?? 0, each);
}

/** The Vietnamese text of each unit's warnings, keyed by the unit's cell (which names one unit). */
function notesByCell(problems: readonly Problem[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const p of problems) {
    if (p.cell === null || p.unit === null) continue;
    const before = notes.get(p.cell);
    notes.set(p.cell, before ? `${before}\n${p.vi}` : p.vi);
  }
  return notes;
}
