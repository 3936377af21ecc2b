import { KEPT_NAME, MARKER_NAME, WRITTEN_NAME, parseMarker } from '../../sheets/forms/marker';
import { SheetModel } from '../../sheets/model';
import { HostError, WriteOutcome } from '../host';
import { applyOp } from './apply';
import type { Run } from './run';
import { PAYLOAD_TOO_LARGE, logUnexpected, officeCode, refusedWhole, toHostError } from './errors';
import { nameConstant } from './existing';
import { Batch, Op, PAYLOAD_BUDGET } from './operations';
import { SheetRender } from './render';
import { keptMark, lastWriteOf, markFormula, modelActualsPrint, parseKept, parseWritten, writtenMark } from './undo';

/**
 * Writing the forms into the open workbook, all or nothing. Excel has no transactions, so this keeps a
 * journal and undoes by hand: (1) the generated sheets being replaced are renamed out of the way, and every
 * new sheet is added empty where they were (so formulas across the forms resolve), already carrying its
 * generated-sheet marker and the write's mark; (2) the new sheets are filled batch by batch; (3) the old
 * sheets are hidden and kept for an undo (undo.ts), and those the write before kept are deleted. On
 * any failure calculation is put back first, then the new sheets are deleted and the old ones get their
 * names back (shown again, unmarked); only when the old sheets are found partly gone at the end and every
 * new sheet is still there, is the write finished instead (never once undoing has begun). A sheet people made
 * is never renamed or deleted: only sheets named in `replaced` that carry a generated-sheet marker are.
 *
 * Known Excel behaviour, not worked around: a formula in a sheet people made that points at a replaced form
 * ends as #REF!. Renaming the old sheet makes Excel point the formula at it under its temporary name, and
 * deleting it breaks the reference; the new sheet of the same name is not picked up.
 */

export interface WriteDeps {
  run: Run;
  /** Waits between attempts to put the workbook back: Excel refuses everything while a cell is being edited. */
  sleep: (ms: number) => Promise<void>;
  /** Estimated bytes per request (default PAYLOAD_BUDGET). */
  budget?: number;
}

/** Attempts at putting the workbook back: at once, then after 1 s and 3 s. */
const RECOVERY_WAITS = [0, 1000, 3000];

type CalculationMode = Excel.Application['calculationMode'];

/** What of a write may be in the workbook: old sheets under temporary names, new sheets. */
interface Left {
  temps: string[];
  fresh: string[];
}

/** What has been done to the workbook, for undoing it. */
interface Journal {
  /** The forms' names. */
  names: readonly string[];
  /** Ids of the sheets there before. */
  before: Set<string>;
  activeId: string;
  calculationMode: CalculationMode;
  /** The replaced sheets by id: the temporary name each is given, and the name it had. */
  renamed: Map<string, { temp: string; name: string }>;
  /** Ids of the new sheets, once the request adding them went through. */
  added: string[] | null;
  /** Set just before the first change is sent; cleared when Excel refused that request whole. */
  touched: boolean;
  /** Set once every new sheet is filled. */
  filled: boolean;
  /** Set just before the old sheets' deletion is sent. */
  finishing: boolean;
  /** Set just before the first undo request is sent: from then on the write is only ever undone, never finished. */
  rollingBack: boolean;
  /** Set once putting back has restored the calculation mode. */
  calculationBack: boolean;
  /** What is in the workbook, for the message when it cannot be put back: as last found or sent. */
  left: Left;
  /** False while a request that changes `left` is out, and after one failed partway: `left` is then what may be there. */
  sure: boolean;
  /** Names of replaced sheets found deleted when putting back. */
  lost: string[];
}

const NOTHING: Left = { temps: [], fresh: [] };

/** Sheet names compare case-insensitively in Excel. */
const fold = (name: string): string => name.toLowerCase();

/** A name no sheet has, for a replaced sheet while the new one is written; people can read it if one is ever left. */
function temporaryName(taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const name = `Quota Planner (cũ ${i})`;
    if (!taken.has(fold(name))) {
      taken.add(fold(name));
      return name;
    }
  }
}

/** The hidden name marking a generated sheet, as the sheet's render writes it. */
const markerOp = (marker: string): Op => ({ kind: 'name', name: MARKER_NAME, formula: `="${marker.replace(/"/g, '""')}"` });
const isMarkerOp = (op: Op): boolean => op.kind === 'name' && op.name === MARKER_NAME;

/** Sends one batch; a request Excel finds too large is sent again as two smaller ones. `onRows` counts rows written. */
async function send(ctx: Excel.RequestContext, sheet: string, batch: Batch, onRows: (rows: number) => void): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  // The marker went with the sheet when it was added.
  for (const op of batch.ops()) if (!isMarkerOp(op)) applyOp(ctx, ws, op);
  try {
    await ctx.sync();
  } catch (e) {
    // A refused request changes nothing, so its halves can be sent instead.
    const halves = officeCode(e) === PAYLOAD_TOO_LARGE ? batch.split() : null;
    if (!halves) throw e;
    await send(ctx, sheet, halves[0], onRows);
    await send(ctx, sheet, halves[1], onRows);
    return;
  }
  onRows(batch.rows);
}

/**
 * Sends a request that changes which sheets there are. While it is out, and when it fails partway, `might`
 * is what may be left of the write; once through, `after`. A request Excel refused whole changed nothing.
 */
async function syncChange(ctx: Excel.RequestContext, journal: Journal, might: Left, after: Left): Promise<void> {
  const was = { left: journal.left, sure: journal.sure };
  journal.left = might;
  journal.sure = false;
  try {
    await ctx.sync();
  } catch (e) {
    if (refusedWhole(e)) Object.assign(journal, was);
    throw e;
  }
  journal.left = after;
  journal.sure = true;
}

export async function writeForms(
  deps: WriteDeps,
  sheets: readonly SheetModel[],
  replaced: readonly string[],
  progress: (fraction: number) => void,
): Promise<WriteOutcome> {
  const names = sheets.map((s) => s.name);
  if (new Set(names.map(fold)).size !== names.length) throw new Error(`Two forms share a name: ${names.join(', ')}`);
  // Checked and planned before the workbook is touched.
  const renders = sheets.map((s) => new SheetRender(s));
  if (!sheets.length) return { sheets: [] };
  const totalRows = Math.max(1, sheets.reduce((n, s) => n + s.rows.length, 0));
  const journal: Journal = {
    names,
    before: new Set(),
    activeId: '',
    calculationMode: 'Automatic',
    renamed: new Map(),
    added: null,
    touched: false,
    filled: false,
    finishing: false,
    rollingBack: false,
    calculationBack: false,
    left: NOTHING,
    sure: true,
    lost: [],
  };
  progress(0);
  try {
    await deps.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      const app = ctx.workbook.application;
      worksheets.load('items/id,items/name,items/position');
      const active = worksheets.getActiveWorksheet().load('id,name');
      app.load('calculationMode');
      await ctx.sync();
      // Every sheet's hidden names: the old forms' markers, and what the last write added and kept (undo.ts).
      const sheetNames = worksheets.items.map((w) => w.names.load('items/name,items/formula'));
      await ctx.sync();
      const nameOf = (i: number, name: string) => sheetNames[i].items.find((n) => fold(n.name) === fold(name))?.formula;
      const marks = worksheets.items.map((_, i) => ({ written: parseWritten(nameOf(i, WRITTEN_NAME)), kept: parseKept(nameOf(i, KEPT_NAME)) }));
      const write = lastWriteOf(marks) + 1;
      const keptBefore = worksheets.items.filter((_, i) => marks[i].kept !== null);
      journal.before = new Set(worksheets.items.map((w) => w.id));
      journal.activeId = active.id;
      journal.calculationMode = app.calculationMode;
      const byName = new Map(worksheets.items.map((w) => [fold(w.name), w]));
      const olds = [...new Set(replaced.map((n) => byName.get(fold(n))).filter((w): w is Excel.Worksheet => w !== undefined))];
      for (const name of names) {
        const there = byName.get(fold(name));
        if (there && !olds.includes(there)) {
          throw new HostError(
            `Sổ tính đã có trang «${there.name}»: không ghi đè lên nó.`,
            `The workbook already has a sheet "${there.name}": it is not overwritten.`,
            'sheet-taken',
          );
        }
      }
      if (olds.length) {
        olds.forEach((w) => {
          if (!parseMarker(nameConstant(nameOf(worksheets.items.indexOf(w), MARKER_NAME)))) {
            throw new HostError(
              `Trang «${w.name}» không phải trang do Quota Planner tạo: không ghi đè lên nó.`,
              `Sheet "${w.name}" was not made by Quota Planner: it is not overwritten.`,
              'sheet-taken',
            );
          }
        });
      }

      const taken = new Set([...byName.keys(), ...names.map(fold)]);
      const at = olds.length ? Math.min(...olds.map((w) => w.position)) : worksheets.items.length;
      const temps = olds.map((w) => {
        const temp = temporaryName(taken);
        journal.renamed.set(w.id, { temp, name: w.name });
        return temp;
      });
      journal.touched = true;
      // Manual calculation while writing (every value written would recalculate the forms), put back at the end.
      app.calculationMode = 'Manual';
      app.suspendScreenUpdatingUntilNextSync();
      olds.forEach((w, i) => (w.name = temps[i]));
      const adds = sheets.map((s, k) => {
        const ws = worksheets.add(s.name);
        ws.position = at + k;
        // Marked as generated from the start: a half-written sheet ever left behind is replaced by the next write.
        if (s.marker !== undefined) applyOp(ctx, ws, markerOp(s.marker));
        const mark = writtenMark({ write, kept: olds.length, actuals: modelActualsPrint(s), activeBefore: active.name });
        applyOp(ctx, ws, { kind: 'name', name: WRITTEN_NAME, formula: markFormula(mark) });
        return ws.load('id');
      });
      const all: Left = { temps, fresh: names };
      try {
        await syncChange(ctx, journal, all, all);
      } catch (e) {
        if (refusedWhole(e)) journal.touched = false;
        throw e;
      }
      journal.added = adds.map((w) => w.id);

      let done = 0;
      for (let k = 0; k < sheets.length; k++) {
        for (const batch of renders[k].batches(deps.budget ?? PAYLOAD_BUDGET)) {
          await send(ctx, names[k], batch, (rows) => {
            done += rows;
            progress(Math.min(0.99, done / totalRows));
          });
        }
      }
      journal.filled = true;

      app.suspendScreenUpdatingUntilNextSync();
      worksheets.getItem(names[0]).activate();
      app.calculationMode = journal.calculationMode;
      // The old forms stay, hidden and marked, until the next write: an undo puts them back (undo.ts).
      olds.forEach((w) => {
        w.visibility = 'Hidden';
        applyOp(ctx, w, { kind: 'name', name: KEPT_NAME, formula: markFormula(keptMark({ write, position: w.position, name: journal.renamed.get(w.id)!.name })) });
      });
      for (const w of keptBefore) w.delete();
      journal.finishing = true;
      await syncChange(ctx, journal, all, NOTHING);
    });
  } catch (e) {
    const failure = toHostError(e);
    if (!journal.touched) throw failure;
    let outcome: 'rolled-back' | 'finished';
    try {
      outcome = await recover(deps, journal);
    } catch (last) {
      logUnexpected(last);
      throw notPutBack(failure, journal);
    }
    if (outcome === 'rolled-back') {
      if (!journal.lost.length) throw failure;
      const lost = journal.lost;
      throw new HostError(
        `${failure.vi} Đã bị xoá nên không khôi phục được: ${lost.map((n) => `«${n}»`).join(', ')}.`,
        `${failure.en} Already deleted, so not restored: ${lost.map((n) => `"${n}"`).join(', ')}.`,
        failure.code,
      );
    }
  }
  progress(1);
  return { sheets: names };
}

/** The failure, and what the write left in the workbook as far as it is known, when it could not be put back. */
function notPutBack(failure: HostError, journal: Journal): HostError {
  const { temps, fresh } = journal.left;
  const sure = journal.sure;
  const vi: string[] = [];
  const en: string[] = [];
  if (temps.length) {
    vi.push(`các trang cũ ${sure ? 'đang' : 'có thể còn'} mang tên tạm ${temps.join(', ')}`);
    en.push(`the old sheets ${sure ? 'have' : 'may still have'} the temporary names ${temps.join(', ')}`);
  }
  if (fresh.length) {
    vi.push(`${journal.filled ? 'các trang mới (đã ghi đủ)' : 'các trang mới ghi dở'} ${sure ? 'vẫn còn' : 'có thể vẫn còn'} trong sổ tính: ${fresh.join(', ')}`);
    en.push(`${journal.filled ? 'the new sheets (complete)' : 'the half-written new sheets'} ${sure ? 'are' : 'may be'} still in the workbook: ${fresh.join(', ')}`);
  }
  if (journal.lost.length) {
    vi.push(`đã bị xoá: ${journal.lost.map((n) => `«${n}»`).join(', ')}`);
    en.push(`already deleted: ${journal.lost.map((n) => `"${n}"`).join(', ')}`);
  }
  if (!vi.length) return new HostError(`${failure.vi} Sổ tính không bị thay đổi.`, `${failure.en} Nothing in the workbook was changed.`, failure.code);
  const manual = !journal.calculationBack && journal.calculationMode !== 'Manual';
  return new HostError(
    `${failure.vi} Không đưa được sổ tính về như trước: ${vi.join('; ')}.${manual ? ' Nếu công thức không tự tính lại, hãy chọn Công thức > Tùy chọn tính toán > Tự động.' : ''}`,
    `${failure.en} The workbook could not be put back as it was: ${en.join('; ')}.${manual ? ' If formulas do not recalculate, choose Formulas > Calculation Options > Automatic.' : ''}`,
    failure.code,
  );
}

/** Puts the workbook back, trying again a few times (a cell being edited blocks every change). */
async function recover(deps: WriteDeps, journal: Journal): Promise<'rolled-back' | 'finished'> {
  let last: unknown;
  for (const wait of RECOVERY_WAITS) {
    if (wait) await deps.sleep(wait);
    try {
      return await deps.run((ctx) => putBack(ctx, journal));
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

async function putBack(ctx: Excel.RequestContext, journal: Journal): Promise<'rolled-back' | 'finished'> {
  // Calculation first, in a request of its own: it comes back even when the sheets cannot.
  ctx.workbook.application.calculationMode = journal.calculationMode;
  await ctx.sync();
  journal.calculationBack = true;

  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/id,items/name');
  await ctx.sync();
  const items = worksheets.items;
  const ids = new Set(items.map((w) => w.id));
  const added = journal.added;
  // The new sheets: by id once known, else (the request adding them failed partway) by name among the sheets not there before.
  const mine = new Set(journal.names.map(fold));
  const fresh = items.filter((w) => (added ? added.includes(w.id) : !journal.before.has(w.id) && mine.has(fold(w.name))));
  const temps = items.filter((w) => journal.renamed.get(w.id)?.temp === w.name);
  const olds = [...journal.renamed.keys()].filter((id) => ids.has(id));
  journal.left = { temps: temps.map((w) => w.name), fresh: fresh.map((w) => w.name) };
  journal.sure = true;
  journal.lost = [...journal.renamed].filter(([id]) => !ids.has(id)).map(([, r]) => r.name);

  if (added && added.every((id) => ids.has(id)) && journal.finishing && !journal.rollingBack && olds.length < journal.renamed.size) {
    // The failure came while deleting the old sheets: some are gone and every new one is there, written in
    // full. Finishing is the only whole state left.
    for (const w of temps) w.delete();
    worksheets.getItem(added[0]).activate();
    await syncChange(ctx, journal, journal.left, { temps: [], fresh: journal.left.fresh });
    journal.lost = [];
    return 'finished';
  }
  // A failure in the last request may have hidden and marked some old forms already.
  const kept = temps.map((w) => w.names.getItemOrNullObject(KEPT_NAME).load('name'));
  await ctx.sync();
  for (const w of temps) w.visibility = 'Visible';
  for (const w of fresh) w.delete();
  temps.forEach((w, i) => {
    w.name = journal.renamed.get(w.id)!.name;
    if (!kept[i].isNullObject) kept[i].delete();
  });
  if (ids.has(journal.activeId)) worksheets.getItem(journal.activeId).activate();
  journal.rollingBack = true;
  await syncChange(ctx, journal, journal.left, NOTHING);
  return 'rolled-back';
}
