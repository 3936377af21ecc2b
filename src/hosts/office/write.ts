import { MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
import { SheetModel } from '../../sheets/model';
import { HostError, WriteOutcome } from '../../taskpane/host';
import { applyOp } from './apply';
import { PAYLOAD_TOO_LARGE, officeCode, toHostError } from './errors';
import { nameConstant } from './existing';
import { Batch, PAYLOAD_BUDGET, SheetRender } from './render';

/**
 * Writing the forms into the open workbook, all or nothing. Excel has no transactions, so this keeps a
 * journal and undoes by hand: (1) the generated sheets being replaced are renamed out of the way, (2) every
 * new sheet is added empty where they were (so formulas across the forms resolve), then filled batch by
 * batch, (3) the old sheets are deleted. On any failure the new sheets are deleted and the old ones get
 * their names back. A sheet people made is never renamed or deleted: only sheets named in `replaced`
 * that carry a generated-sheet marker are.
 */

/** `Excel.run`, or a fake of it in tests. */
export type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

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

/** What has been done to the workbook, for undoing it. */
interface Journal {
  /** Ids of the sheets there before. */
  before: Set<string>;
  activeId: string;
  calculationMode: CalculationMode;
  /** Temporary name → the name a replaced sheet had. */
  renamed: Map<string, string>;
  /** Set just before the first change is sent. */
  touched: boolean;
  /** Set just before the old sheets' deletion is sent. */
  finishing: boolean;
}

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

/** Sends one batch; a request Excel finds too large is sent again as two smaller ones. `onRows` counts rows written. */
async function send(ctx: Excel.RequestContext, sheet: string, batch: Batch, onRows: (rows: number) => void): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  for (const op of batch.ops()) applyOp(ctx, ws, op);
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
  const journal: Journal = { before: new Set(), activeId: '', calculationMode: 'Automatic', renamed: new Map(), touched: false, finishing: false };
  progress(0);
  try {
    await deps.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      const app = ctx.workbook.application;
      worksheets.load('items/id,items/name,items/position');
      const active = worksheets.getActiveWorksheet().load('id');
      app.load('calculationMode');
      await ctx.sync();
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
        const markers = olds.map((w) => {
          const name = w.names.getItemOrNullObject(MARKER_NAME);
          name.load('formula');
          return name;
        });
        await ctx.sync();
        olds.forEach((w, i) => {
          if (markers[i].isNullObject || !parseMarker(nameConstant(markers[i].formula))) {
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
      journal.touched = true;
      // Manual calculation while writing (every value written would recalculate the forms), put back at the end.
      app.calculationMode = 'Manual';
      app.suspendScreenUpdatingUntilNextSync();
      for (const w of olds) {
        const temp = temporaryName(taken);
        journal.renamed.set(temp, w.name);
        w.name = temp;
      }
      names.forEach((name, k) => {
        worksheets.add(name).position = at + k;
      });
      await ctx.sync();

      let done = 0;
      for (let k = 0; k < sheets.length; k++) {
        for (const batch of renders[k].batches(deps.budget ?? PAYLOAD_BUDGET)) {
          await send(ctx, names[k], batch, (rows) => {
            done += rows;
            progress(Math.min(0.99, done / totalRows));
          });
        }
      }

      app.suspendScreenUpdatingUntilNextSync();
      worksheets.getItem(names[0]).activate();
      app.calculationMode = journal.calculationMode;
      journal.finishing = true;
      for (const temp of journal.renamed.keys()) worksheets.getItem(temp).delete();
      await ctx.sync();
    });
  } catch (e) {
    const failure = toHostError(e);
    if (!journal.touched) throw failure;
    let outcome: 'rolled-back' | 'finished';
    try {
      outcome = await recover(deps, journal, names);
    } catch {
      const left = [...journal.renamed.keys()].join(', ');
      throw new HostError(
        `${failure.vi} Không đưa được sổ tính về như trước${left ? `: các trang cũ đang mang tên tạm ${left}` : ''}.`,
        `${failure.en} The workbook could not be put back as it was${left ? `: the old sheets have the temporary names ${left}` : ''}.`,
        failure.code,
      );
    }
    if (outcome === 'rolled-back') throw failure;
  }
  progress(1);
  return { sheets: names };
}

/** Puts the workbook back, trying again a few times (a cell being edited blocks every change). */
async function recover(deps: WriteDeps, journal: Journal, names: readonly string[]): Promise<'rolled-back' | 'finished'> {
  let last: unknown;
  for (const wait of RECOVERY_WAITS) {
    if (wait) await deps.sleep(wait);
    try {
      return await deps.run((ctx) => putBack(ctx, journal, names));
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

async function putBack(ctx: Excel.RequestContext, journal: Journal, names: readonly string[]): Promise<'rolled-back' | 'finished'> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/id,items/name');
  await ctx.sync();
  const temps = worksheets.items.filter((w) => journal.renamed.has(w.name));
  ctx.workbook.application.calculationMode = journal.calculationMode;
  if (journal.finishing && temps.length < journal.renamed.size) {
    // Some old sheets are gone already, and the new ones are complete: finishing is the only whole state left.
    for (const w of temps) w.delete();
    await ctx.sync();
    return 'finished';
  }
  const mine = new Set(names.map(fold));
  for (const w of worksheets.items) if (!journal.before.has(w.id) && mine.has(fold(w.name))) w.delete();
  for (const w of temps) w.name = journal.renamed.get(w.name)!;
  worksheets.getItem(journal.activeId).activate();
  await ctx.sync();
  return 'rolled-back';
}
