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
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { registerLabel } from '../../planning/registers';
import { FORM_TEXT, periodLabel } from './text';

const HEADER_ROW = 8;

/**
 * Where Phụ lục 01 puts everything (1-based rows, 0-based columns), computed once and shared by the sheet,
 * the readers (targets typed over, a returned copy's figures) and the consolidation.
 */
export interface QuotaLayout {
  rowOf: Int32Array;
  headerRow: number;
  firstRow: number;
  /** The stage column, after the register; -1 without stages. */
  stage: number;
  /** The records-to-digitize column. */
  remaining: number;
  machines: number;
  /** Machines × rate, for the capacity method only; -1 otherwise. */
  dailyQuota: number;
  target0: number;
  /** Unscheduled records, for the capacity method only; -1 otherwise. */
  unscheduled: number;
  finish: number;
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
function quotaColumns(plan: Plan): Omit<QuotaLayout, 'rowOf'> {
  const P = plan.periods.length;
  const capacity = plan.settings.method === 'capacity';
  let c = 3;
  const stage = hasStages(plan) ? c++ : -1;
  const remaining = c++;
  const machines = c++;
  const dailyQuota = capacity ? c++ : -1;
  const target0 = c;
  c += P;
  const unscheduled = capacity ? c++ : -1;
  const finish = c++;
  const note = c++;
  return { headerRow: HEADER_ROW, firstRow: HEADER_ROW + 1, stage, remaining, machines, dailyQuota, target0, unscheduled, finish, note, width: c };
}

/** The column of the first period's target: after the unit, register, stage, records, machines and daily quota. */
export const quotaTarget0 = (plan: Plan): number => quotaColumns(plan).target0;

const hasStages = (plan: Plan): boolean => (plan.settings.stages?.length ?? 0) > 0;

/** `$D10`: a column fixed, for a criteria range. */
const absCol = (c: number, row: number): string => `$${col(c)}${row}`;

/** I, II, III… for the parents' heading rows, as Vietnamese tables number groups. */
function roman(n: number): string {
  const digits: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, d] of digits) for (; n >= v; n -= v) s += d;
  return s;
}

/**
 * Phụ lục 01 – the quota assignment table: units under their parents with subtotals, one row per unit ×
 * register with its target per period, the finish date and the engine's warnings. Targets are the
 * engine's; the subtotals are SUBTOTAL formulas, cached with the engine's sums. The other forms take
 * their targets from the plan, not from this sheet: a target changed here by hand does not reach them.
 */
export function quotaAssignmentSheet(plan: Plan, groups: readonly RowGroup[], options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const { periods, settings } = plan;
  const P = periods.length;
  const L = quotaLayout(plan, groups);
  const staged = L.stage >= 0;
  const capacity = L.dailyQuota >= 0;
  const stageName = (stage: Stage): string => `${stageLabel(stage, options.lang)}${stage.unit === 'books' ? ` (${t.booksUnit})` : ''}`;
  /** With stages, the subtotals add up the final stage (the records finished), named in the stage column. */
  const finalLabel = staged ? stageName(settings.stages![settings.stages!.length - 1]) : '';
  const header: ModelValue[] = [t.stt, t.unit, t.register];
  if (staged) header[L.stage] = t.stage;
  header[L.remaining] = t.remaining;
  header[L.machines] = t.machines;
  if (capacity) header[L.dailyQuota] = t.dailyQuota;
  periods.forEach((p, k) => (header[L.target0 + k] = periodLabel(p, settings.granularity, options.lang)));
  if (capacity) header[L.unscheduled] = t.unscheduled;
  header[L.finish] = t.finish;
  header[L.note] = t.note;
  const last = col(L.width - 1);
  /** Columns that add up: remaining, the targets, unscheduled. */
  const summed = [L.remaining, ...periods.map((_, k) => L.target0 + k), ...(capacity ? [L.unscheduled] : [])];
  const notes = notesByCell(plan.problems);
  const labels = unitLabels(plan, options.lang);
  const held = new Set(options.held ?? []);

  const rows: ModelRow[] = [
    { values: [options.issuer || t.issuerBlank, null, null, t.motto[0]], style: 'heading', ownStyle: true },
    { values: [null, null, null, t.motto[1]], style: 'heading', ownStyle: true },
    { values: [] },
    { values: [t.quotaTitle[0]], style: 'title', ownStyle: true },
    { values: [t.quotaTitle[1]], style: 'title', ownStyle: true },
    { values: [t.window(settings.start, settings.end, settings.method)], style: 'subtitle', ownStyle: true },
    { values: [] },
    { values: header, style: 'header', height: 36 },
  ];

  const subtotalRow = (label: ModelValue, name: string, first: number, lastRow: number, planRows: readonly number[], style: string): ModelRow => {
    // The cached results: the plan's own totals of these rows (with stages, the final stage's).
    const totals = groupTotals(plan, planRows);
    const sums = [totals.remaining, ...totals.perPeriod, ...(capacity ? [totals.unscheduled] : [])];
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

  const totalRows: number[] = [];
  groups.forEach((group, g) => {
    const headed = group.parent !== null;
    const headingIndex = rows.length;
    if (headed) rows.push({ values: [] }); // filled once the group's rows are placed
    let stt = 0;
    let lastUnit = -1;
    for (const planRow of group.rows) {
      const row = plan.rows[planRow];
      const unit = plan.units[row.unitIndex];
      const first = row.unitIndex !== lastUnit;
      if (first) stt++;
      lastUnit = row.unitIndex;
      const values: ModelValue[] = [first ? stt : null, labels[row.unitIndex], registerLabel(row.register, options.lang)];
      if (staged) values[L.stage] = stageName(settings.stages![row.stage ?? 0]);
      values[L.remaining] = row.remaining;
      values[L.machines] = unit.machines;
      if (capacity) values[L.dailyQuota] = dailyQuota(unit, settings);
      for (let k = 0; k < P; k++) values[L.target0 + k] = options.quotaEdits?.get(planRow * P + k) ?? plan.targets[planRow * P + k];
      if (capacity) values[L.unscheduled] = row.unscheduled;
      const note = first ? notes.get(unit.cell) ?? null : null;
      values[L.finish] = row.finish === null ? null : { date: row.finish };
      values[L.note] = note;
      let cellStyles: (string | undefined)[] | undefined;
      for (let k = 0; k < P; k++) if (held.has(planRow * P + k)) (cellStyles ??= [])[L.target0 + k] = 'held';
      rows.push({ values, height: note ? noteHeight(note) : undefined, ...(cellStyles ? { cellStyles } : {}) });
      totalRows.push(planRow);
    }
    if (headed) {
      const first = headingIndex + 2; // 1-based row after the heading
      rows[headingIndex] = subtotalRow(roman(g + 1), group.parent ?? '', first, rows.length, group.rows, 'subtotal');
    }
  });
  rows.push(subtotalRow(null, t.total, L.firstRow, Math.max(L.firstRow, rows.length), totalRows, 'total'));

  const columns: ModelColumn[] = new Array(L.width);
  columns[0] = { width: 5, style: 'center' };
  columns[1] = { width: 26, style: 'text' };
  columns[2] = { width: 26, style: 'text' };
  if (staged) columns[L.stage] = { width: 18, style: 'text' };
  columns[L.remaining] = { width: 11, style: 'count' };
  columns[L.machines] = { width: 7, style: 'count' };
  if (capacity) columns[L.dailyQuota] = { width: 10, style: 'count' };
  for (let k = 0; k < P; k++) columns[L.target0 + k] = { width: 11, style: 'count' };
  if (capacity) columns[L.unscheduled] = { width: 10, style: 'count' };
  columns[L.finish] = { width: 12, style: 'date' };
  columns[L.note] = { width: NOTE_WIDTH, style: 'note' };

  return {
    name: options.names.quota,
    font: FORM_FONT,
    columns,
    rows,
    styles: { ...FORM_STYLES, note: { wrap: true, border: true, valign: 'top', size: 10 } },
    merges: ['A1:C1', `D1:${last}1`, 'A2:C2', `D2:${last}2`, `A4:${last}4`, `A5:${last}5`, `A6:${last}6`],
    freeze: { rows: L.headerRow, cols: 2 },
    page: landscapePage(L.headerRow, L.headerRow, t.footer),
    marker: formatMarker({ kind: 'quota', planId: options.planId }),
  };
}

const NOTE_WIDTH = 48;

/** Rows grow to show a wrapped note whole: hosts do not fit row heights to text when they open a file. */
function noteHeight(note: string): number {
  const lines = note.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (NOTE_WIDTH * 1.15))), 0);
  return Math.max(15, lines * 13);
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
