import { DayNumber } from '../../planning/days';
import { RevisionEntry } from '../../planning/history';
import { Problem, problem } from '../../planning/problems';
import { METHODS, Method } from '../../planning/settings';
import { CellValue, Grid, gridAddress, isCellDate } from '../grid';
import { ModelColumn, ModelRow, ModelValue, SheetModel } from '../model';
import { textWidth } from './pages';
import { formatMarker } from './marker';
import { FormOptions } from './options';
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { FORM_TEXT } from './text';

const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;
/** Columns, 0-based; the method's code sits hidden at the end so a line reads back in any language. */
const C = { revision: 0, made: 1, asOf: 2, oldEnd: 3, end: 4, method: 5, need: 6, done: 7, left: 8, unscheduled: 9, note: 10, code: 11 } as const;

/** Widths that print a line on one A4 landscape page across (113 digits of 6 pt; the method and note wrap). */
const HISTORY_COLUMNS: ModelColumn[] = [
  { width: 5, style: 'center' },
  { width: 10, style: 'date' },
  { width: 10, style: 'date' },
  { width: 10, style: 'date' },
  { width: 10, style: 'date' },
  { width: 12, style: 'wrapped' },
  { width: 9, style: 'count' },
  { width: 9, style: 'count' },
  { width: 9, style: 'count' },
  { width: 9, style: 'count' },
  { width: 20, style: 'note' },
  { width: 10, hidden: true },
];

/** Lịch sử kế hoạch: one line per revision, the latest last. */
export function historySheet(entries: readonly RevisionEntry[], options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const h = t.history;
  const day = (d: DayNumber | null): ModelValue => (d === null ? null : { date: d });
  const rows: ModelRow[] = [
    { values: [t.historyTitle], style: 'title', ownStyle: true },
    { values: [t.historyHint], style: 'hint', ownStyle: true },
    { values: [] },
    {
      values: [h.revision, h.made, h.asOf, h.oldEnd, h.end, h.method, h.need, h.done, h.left, h.unscheduled, h.note, null],
      style: 'header',
      height: 32,
    },
  ];
  for (const e of entries) {
    const method = t.methods[e.method];
    // Rows grow to show the method and the note whole (hosts do not fit heights to wrapped text on opening).
    const lines = Math.max(1, Math.ceil(textWidth(method) / (HISTORY_COLUMNS[C.method].width - 1)),
      ...(e.note || '').split('\n').map((l) => Math.ceil(textWidth(l) / (HISTORY_COLUMNS[C.note].width - 1))));
    rows.push({
      values: [e.revision, day(e.made), day(e.asOf), day(e.oldEnd), day(e.end), method, e.need, e.done, e.left, e.unscheduled, e.note || null, e.method],
      style: e.revision === options.revision ? 'current' : undefined,
      ...(lines > 1 ? { height: lines * 15.5 } : {}),
    });
  }
  return {
    name: options.names.history,
    font: FORM_FONT,
    columns: HISTORY_COLUMNS,
    rows,
    styles: { ...FORM_STYLES, note: { wrap: true, border: true, valign: 'top' }, wrapped: { wrap: true, border: true, valign: 'top' }, current: { bold: true } },
    merges: ['A1:K1', 'A2:K2'],
    freeze: { rows: HEADER_ROW, cols: 1 },
    page: { ...landscapePage(HEADER_ROW, HEADER_ROW, t.footer, [0, 0]), printArea: { lastRow: rows.length, lastCol: C.note } },
    marker: formatMarker({ kind: 'history', planId: options.planId }),
  };
}

/**
 * The lines of a Lịch sử kế hoạch sheet, so a re-split can add its own after them. A line that cannot be read
 * is refused, naming its cell: a history with a hole in it would be rewritten wrong.
 */
export function readHistory(grid: Grid): { entries: RevisionEntry[]; problems: Problem[] } {
  const entries: RevisionEntry[] = [];
  const problems: Problem[] = [];
  const base = (grid.firstRow ?? 1) - 1;
  for (let r = FIRST_ROW - 1 - base; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.every((v) => v === null || v === '')) continue;
    const bad = (c: number): null => {
      const at = gridAddress(grid, r, c);
      problems.push(problem('error', 'bad-history', at, null,
        `Dòng lịch sử kế hoạch ở ô ${at} không đọc được (đã sửa tay?); không chia lại để khỏi ghi sai lịch sử.`,
        `The plan history line at cell ${at} cannot be read (edited by hand?); nothing is re-split, so the history is not rewritten wrong.`));
      return null;
    };
    const whole = (c: number): number | null => {
      const v = row[c] ?? null;
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : bad(c);
    };
    const date = (c: number, optional: boolean): DayNumber | null | undefined => {
      const v: CellValue = row[c] ?? null;
      if (isCellDate(v)) return v.date;
      if (optional && (v === null || v === '')) return null;
      bad(c);
      return undefined;
    };
    const method = row[C.code];
    const revision = whole(C.revision);
    const made = date(C.made, true);
    const asOf = date(C.asOf, true);
    const oldEnd = date(C.oldEnd, true);
    const end = date(C.end, false);
    const need = whole(C.need);
    const done = whole(C.done);
    const left = whole(C.left);
    const unscheduled = whole(C.unscheduled);
    if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method)) bad(C.code);
    if (problems.length > 0) break;
    const note = row[C.note];
    entries.push({
      revision: revision!, made: made!, asOf: asOf!, oldEnd: oldEnd!, end: end!, method: method as Method,
      need: need!, done: done!, left: left!, unscheduled: unscheduled!, note: typeof note === 'string' ? note : note === null || note === undefined ? '' : String(note),
    });
  }
  return { entries, problems };
}
