import { ACTUALS_NAME, INPUTS_NAME, KEPT_NAME, WRITTEN_NAME } from '../../sheets/forms/marker';
import { SheetModel } from '../../sheets/model';
import { HostError, WriteOutcome } from '../host';
import { Box, boxAddress, parseBox, splitAddress } from './address';
import { nameConstant } from './existing';
import type { Run } from './run';

/**
 * Undoing the last write. Excel cannot undo an add-in's write as one step (before ExcelApi 1.19 an add-in's
 * changes clear its undo stack), so a write keeps what it replaced: the old forms stay in the workbook,
 * hidden, under their temporary names, each marked with `KEPT_NAME` (the write, its place, its name), until
 * the next write deletes them. Every sheet a write adds is marked with `WRITTEN_NAME` (the write, how many
 * sheets it kept, a fingerprint of the actuals it wrote, the sheet active before). Undoing deletes the sheets
 * of the last write and puts the kept ones back, visible, with their names, places and the active sheet as
 * before; it refuses when an actual was typed into the new forms since (undoing would lose it), or when what
 * the write kept is no longer all there.
 */

/*
 * WRITTEN_NAME on each sheet a write added: `="<write>/<kept>/<actuals fingerprint>/<sheet active before>"`;
 * KEPT_NAME on each sheet a write replaced and keeps, hidden: `="<write>/<position>/<name>"`.
 */
export { KEPT_NAME, WRITTEN_NAME };

/** A sheet name never holds `/`, so it can end a mark whole. */
const SEP = '/';

export interface WrittenMark {
  write: number;
  kept: number;
  actuals: string;
  activeBefore: string;
}
export interface KeptMark {
  write: number;
  position: number;
  name: string;
}

/** The formula of a hidden name holding `text` (a text constant, `"` doubled). */
export const markFormula = (text: string): string => `="${text.replace(/"/g, '""')}"`;

export const writtenMark = (m: WrittenMark): string => [m.write, m.kept, m.actuals, m.activeBefore].join(SEP);
export const keptMark = (m: KeptMark): string => [m.write, m.position, m.name].join(SEP);

function parts(formula: string | null | undefined, count: number): string[] | null {
  const text = nameConstant(formula);
  if (text === null) return null;
  const p = text.split(SEP);
  if (p.length < count) return null;
  return [...p.slice(0, count - 1), p.slice(count - 1).join(SEP)];
}

export function parseWritten(formula: string | null | undefined): WrittenMark | null {
  const p = parts(formula, 4);
  if (!p || !/^\d+$/.test(p[0]) || !/^\d+$/.test(p[1])) return null;
  return { write: +p[0], kept: +p[1], actuals: p[2], activeBefore: p[3] };
}

export function parseKept(formula: string | null | undefined): KeptMark | null {
  const p = parts(formula, 3);
  if (!p || !/^\d+$/.test(p[0]) || !/^\d+$/.test(p[1]) || p[2] === '') return null;
  return { write: +p[0], position: +p[1], name: p[2] };
}

/** FNV-1a over the non-blank cells of an actuals range, by their place in it: what was typed, not how. */
class ActualsPrint {
  private h = 0x811c9dc5;
  private any = false;
  add(row: number, col: number, value: unknown): void {
    if (value === null || value === undefined || value === '') return;
    this.any = true;
    const text = `${row},${col}=${typeof value === 'object' ? JSON.stringify(value) : String(value)};`;
    for (let i = 0; i < text.length; i++) {
      this.h ^= text.charCodeAt(i);
      this.h = Math.imul(this.h, 0x01000193);
    }
  }
  toString(): string {
    return this.any ? (this.h >>> 0).toString(16).padStart(8, '0') : 'none';
  }
}

/**
 * The fingerprint of an actuals range's cells, `cell(r, c)` each. A keyed range (INPUTS_NAME: Phụ lục 02's boxes
 * under the hidden row of their periods, with the targets, subtotals and other stages' columns between them)
 * counts only the boxes: the columns with a key in its first row, below it. The rest holds formulas, which the
 * model knows as text and Excel gives back as their results, and cannot be typed in anyway.
 */
function actualsPrint(box: Box, keyed: boolean, cell: (r: number, c: number) => unknown): string {
  const print = new ActualsPrint();
  const cols = Array.from({ length: box.cols }, (_, c) => c).filter((c) => !keyed || !isBlank(cell(0, c)));
  for (let r = keyed ? 1 : 0; r < box.rows; r++) for (const c of cols) print.add(r, c, cell(r, c));
  return print.toString();
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** The fingerprint of the actuals a sheet model writes ('' for a sheet without actuals). */
export function modelActualsPrint(sheet: SheetModel): string {
  const inputs = sheet.names?.find((n) => n.name === INPUTS_NAME);
  const ref = (inputs ?? sheet.names?.find((n) => n.name === ACTUALS_NAME))?.ref;
  const local = ref ? splitAddress(ref)?.local : undefined;
  const box = local ? parseBox(local) : null;
  if (!box) return '';
  return actualsPrint(box, inputs !== undefined, (r, c) => {
    const v = sheet.rows[box.row - 1 + r]?.values[box.col - 1 + c];
    return typeof v === 'object' && v !== null && 'formula' in v ? `=${v.formula}` : v;
  });
}

interface Found {
  sheet: Excel.Worksheet;
  name: string;
  written: WrittenMark | null;
  kept: KeptMark | null;
  actualsRef: string | null;
  /** Whether actualsRef is a keyed range (INPUTS_NAME) rather than a plain one (ACTUALS_NAME, older forms). */
  keyed: boolean;
}

/** Every sheet with its write marks: two syncs. */
async function writeMarks(ctx: Excel.RequestContext): Promise<Found[]> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/id,items/position,items/visibility');
  await ctx.sync();
  const names = worksheets.items.map((ws) => ws.names.load('items/name,items/formula'));
  await ctx.sync();
  return worksheets.items.map((ws, i) => {
    const formula = (name: string) => names[i].items.find((n) => n.name.toLowerCase() === name.toLowerCase())?.formula;
    const inputs = formula(INPUTS_NAME);
    return { sheet: ws, name: ws.name, written: parseWritten(formula(WRITTEN_NAME)), kept: parseKept(formula(KEPT_NAME)), actualsRef: inputs ?? formula(ACTUALS_NAME) ?? null, keyed: inputs !== undefined };
  });
}

/** The number of the last write among these sheets (0: none). */
export const lastWriteOf = (found: readonly { written: WrittenMark | null; kept: KeptMark | null }[]): number =>
  found.reduce((n, f) => Math.max(n, f.written?.write ?? 0, f.kept?.write ?? 0), 0);

const refused = (vi: string, en: string): HostError => new HostError(`Không hoàn tác được lần ghi vừa rồi: ${vi}`, `The last write cannot be undone: ${en}`, 'undo-refused');

/** Puts the workbook back as it was before the last write; the sheets it restores, by name. */
export async function undoLastWrite(run: Run): Promise<WriteOutcome> {
  return run(async (ctx) => {
    const found = await writeMarks(ctx);
    // The last write is the newest one whose sheets are still out (not kept by a later write).
    const write = found.reduce((n, f) => (f.kept === null && f.written ? Math.max(n, f.written.write) : n), 0);
    const added = found.filter((f) => f.kept === null && f.written?.write === write);
    if (write === 0 || added.length === 0) throw refused('sổ tính không có lần ghi nào của Quota Planner.', 'the workbook holds no write of Quota Planner.');
    const mark = added[0].written!;
    const kept = found.filter((f) => f.kept?.write === write).sort((a, b) => a.kept!.position - b.kept!.position);
    if (kept.length !== mark.kept) {
      throw refused(
        'các trang mà lần ghi này thay thế không còn đủ trong sổ tính (đã bị xoá?).',
        'the sheets this write replaced are no longer all in the workbook (deleted?).',
      );
    }
    const staying = new Set(found.filter((f) => !added.includes(f)).map((f) => f.name.toLowerCase()));
    for (const k of kept) staying.delete(k.name.toLowerCase());
    const taken = kept.find((k) => staying.has(k.kept!.name.toLowerCase()));
    if (taken) throw refused(`sổ tính đã có một trang khác tên «${taken.kept!.name}».`, `the workbook has another sheet named "${taken.kept!.name}".`);

    // Actuals typed into the new forms since: undoing would lose them.
    const checks = added.flatMap((f) => {
      const local = f.written!.actuals && f.actualsRef ? splitAddress(f.actualsRef.replace(/^=/, ''))?.local : undefined;
      const box = local ? parseBox(local) : null;
      return box ? [{ f, box, range: f.sheet.getRange(boxAddress(box)).load('values') }] : [];
    });
    if (checks.length) await ctx.sync();
    for (const { f, box, range } of checks) {
      if (actualsPrint(box, f.keyed, (r, c) => range.values[r]?.[c]) !== f.written!.actuals) {
        throw refused(
          `đã có số thực hiện được nhập hoặc sửa ở trang «${f.name}» sau lần ghi; hoàn tác sẽ làm mất chúng.`,
          `actuals were typed or changed on sheet "${f.name}" since the write; undoing would lose them.`,
        );
      }
    }

    // Shown first (a workbook needs a visible sheet), then the new sheets go and the old ones take their names and places.
    for (const k of kept) k.sheet.visibility = 'Visible';
    for (const f of added) f.sheet.delete();
    for (const k of kept) {
      k.sheet.name = k.kept!.name;
      k.sheet.position = k.kept!.position;
      k.sheet.names.getItem(KEPT_NAME).delete();
    }
    const active = found.find((f) => f.name.toLowerCase() === mark.activeBefore.toLowerCase() && !added.includes(f)) ?? kept.find((k) => k.kept!.name === mark.activeBefore);
    (active ?? kept[0])?.sheet.activate();
    await ctx.sync();
    return { sheets: kept.map((k) => k.kept!.name) };
  });
}
