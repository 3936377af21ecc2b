import { readFileSync } from 'fs';
import { PlanJson } from '../../src/planning/plan-json';
import { openWorkbookFile } from '../../src/hosts/browser/file-host';
import { sheetMarkers } from '../../src/hosts/browser/workbook-markers';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { workbookFile, writeAtomically } from '../../src/hosts/files/write-file';
import { KEPT_NAME, parseMarker } from '../../src/sheets/forms/marker';
import { SheetModel } from '../../src/sheets/model';
import { besidesProgress, run } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { writeTwoDistricts } from '../helpers/xlsx-sample';
import { monthlyForms } from '../hosts/office/forms';
import { fileOf } from '../taskpane/file-pane';

/**
 * A workbook written twice in Excel and saved: besides its forms, the forms the last write replaced, kept for an
 * undo under temporary names, each with `KEPT_NAME` (undo.ts). The CLI and the standalone pane read it from the
 * file: the kept forms are neither the plan nor someone's sheets.
 */

jest.setTimeout(120_000);
const tmp = tempDir('quota-kept-');
afterAll(() => tmp.cleanup());

const forms = monthlyForms(3);
const current = forms.sheets;
/** Another plan's forms (other counts), as the write before the last one left them. */
const oldForms = monthlyForms(3, [], 7);
const old = oldForms.sheets;
const planIdOf = (sheets: readonly SheetModel[]): string => parseMarker(sheets[0].marker)!.planId;
const remaining = (rows: readonly { remaining: number }[]): number[] => rows.map((r) => r.remaining);

/** The old forms as Excel keeps them: renamed (its names follow), marked with the write, their place and name. */
const kept = (sheets: readonly SheetModel[]): SheetModel[] => sheets.map((s, i) => {
  const temp = `Quota Planner (cũ ${i + 1})`;
  const names = (s.names ?? []).map((n) => ({ ...n, ref: n.ref.replace(s.name, temp) }));
  return { ...s, name: temp, names: [...names, { name: KEPT_NAME, ref: `"2/${i + 1}/${s.name}"` }] };
});

/**
 * The kept forms first (Excel leaves them after the new ones; moved, a reader going by the first form of each kind
 * takes them for the plan). Visible here (our writer hides no sheet): the readers go by the names only.
 */
async function savedFromExcel(): Promise<string> {
  const file = tmp.file(`excel-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeAtomically([workbookFile(file, [...kept(old), ...current])]);
  return file;
}

describe('forms Excel keeps for an undo, in a saved workbook', () => {
  it('are flagged kept by the file readers, and the standalone pane reads the plan of the forms, listing no other sheets', async () => {
    const book = await savedFromExcel();
    const found = await existingSheets(book);
    expect(found.filter((s) => s.kept).map((s) => s.name)).toEqual(kept(old).map((s) => s.name));
    expect(found.filter((s) => !s.kept).map((s) => s.name)).toEqual(current.map((s) => s.name));
    expect((await sheetMarkers(new Uint8Array(readFileSync(book)))).map((s) => s.kept)).toEqual(found.map((s) => s.kept));

    const host = await openWorkbookFile(fileOf(book, 'so-ke-hoach.xlsx'));
    const read = await host.readPlanSheets();
    if (read.sheets === null) throw new Error(JSON.stringify(read.problems));
    expect(read.sheets.planId).toBe(planIdOf(current));
    expect(read.sheets.names.progress).toBe('Phụ lục 02 - Báo cáo tiến độ');
    expect(read.others).toEqual([]);
  });

  it('replan re-splits the plan of the forms and says nothing of the kept ones; the copy written holds the new forms only', async () => {
    const book = await savedFromExcel();
    const out = tmp.file('r2.xlsx');
    const r = await run('replan', book, '--as-of', '2024-04-01', '--end', '2024-12-31', '--out', out, '--json', tmp.file('r2.json'));
    expect(besidesProgress(r.err)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('not copied');
    // Nothing typed: what each row has left is what the forms' plan gave it, not the kept plan's counts.
    const plan: PlanJson = JSON.parse(readFileSync(tmp.file('r2.json'), 'utf8'));
    expect(remaining(plan.rows)).toEqual(remaining(forms.plan.rows));
    expect(remaining(plan.rows)).not.toEqual(remaining(oldForms.plan.rows));
    const written = await existingSheets(out);
    expect(written.map((s) => s.name)).toEqual(current.map((s) => s.name));
    expect(written.some((s) => s.kept)).toBe(false);
  });

  it('plan --out over such a workbook replaces its forms and drops the kept ones, not refusing them as sheets of someone’s', async () => {
    const units = tmp.file('units.xlsx');
    await writeTwoDistricts(units);
    const book = await savedFromExcel();
    const r = await run('plan', units, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', book);
    expect(besidesProgress(r.err)).toEqual([]);
    expect(r.code).toBe(0);
    const written = await existingSheets(book);
    expect(written.map((s) => s.name)).toEqual(current.map((s) => s.name));
    expect(written.some((s) => s.kept)).toBe(false);
  });
});
