import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { Page, Route } from 'playwright-core';
import { STRINGS } from '../../src/i18n/strings';
import { gridOf } from '../../src/hosts/xlsx/read-grid';
import { registerLabel } from '../../src/sheets/forms/text';
import { SCREENS_DIR, axeScan, captureDownload, horizontalOverflow, overflowingElements, screenshot, usePane } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

// The production pane in Debian's Chromium. One file, so the pane is built once per run (webpack takes a
// minute); `QUOTA_PANE_DIST` serves one built beforehand.
const pane = usePane();
const ROOT = path.resolve(__dirname, '../..');
const INPUT = path.join(ROOT, 'examples/chon-thanh-2023.xlsx');
const WIDTH = 320;
const t = STRINGS.vi;
const tmp = tempDir('quota-pane-e2e-');
afterAll(() => tmp.cleanup());

/**
 * The production pane in Chromium with Office.js unreachable: it must come up standalone in Excel's
 * narrowest pane, offer a workbook file to open, and pass axe. The upload → plan → download flow has its
 * own test.
 */

describe('the task pane, standalone in Chromium', () => {
  it('loads at 320 px without scrolling sideways, offers a file input, and has no serious accessibility violation', async () => {
    const page = await pane.openPane({ width: WIDTH, height: 800, locale: 'vi-VN' });
    const input = page.getByTestId('file-input');
    try {
      await input.waitFor({ state: 'attached', timeout: 30_000 });
    } catch (err) {
      const shot = await screenshot(page, 'pane-standalone-320-no-file-input');
      throw new Error(`${(err as Error).message}\nThe page (${shot}) reported:\n${pane.errors.join('\n') || '(no error)'}`);
    }
    await screenshot(page, 'pane-standalone-320');

    // Everything found at once, so one run shows all there is to fix.
    const { scrollWidth } = await horizontalOverflow(page);
    const found = {
      fileInputType: await input.getAttribute('type'),
      sideways: scrollWidth > WIDTH ? { scrollWidth, past: await overflowingElements(page) } : null,
      axe: await axeScan(page),
      // Office.js is asked for and refused; nothing else may try to leave the machine.
      external: pane.external.filter((url) => !url.startsWith('https://appsforoffice.microsoft.com/')),
      errors: pane.errors,
    };
    expect(found).toEqual({ fileInputType: 'file', sideways: null, axe: [], external: [], errors: [] });
  });

  it('tells Office builds that show panes in Internet Explorer what to use instead, in both languages', async () => {
    const page = await pane.openPane({ width: WIDTH, userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko' });
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('không chạy được Quota Planner');
    expect(text).toContain('open this page in a modern browser');
    // Neither the bundle nor office.js ran: no file input, and the page never started the pane.
    expect(await page.getByTestId('file-input').count()).toBe(0);
    expect(await page.evaluate(() => document.getElementById('root'))).toBeNull();
  });
});

/**
 * The whole standalone job in Chromium at Excel's narrowest pane: choose Chơn Thành's workbook, set the
 * window, weekly capacity plan on a 7-day week, preview, write, download; the downloaded workbook's targets
 * must be the CLI's for the same input and settings, to the record.
 */

interface JsonRow {
  unit: string;
  register: string;
  targets: number[];
}

function cliPlan(): { periods: unknown[]; rows: JsonRow[] } {
  const out = tmp.file('cli.json');
  execFileSync(process.execPath, [
    path.join(ROOT, 'bin/quota-plan.js'), 'plan', INPUT, '--start', '2023-05-22', '--end', '2023-07-14',
    '--workdays', 'all', '--method', 'capacity', '--granularity', 'week', '--json', out,
  ]);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** `target` per `unit|register label` read off Phụ lục 01 of a downloaded workbook. */
async function downloadedTargets(file: string, periods: number): Promise<Map<string, number[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets.find((ws) => ws.name.startsWith('Phụ lục 01'));
  if (!sheet) throw new Error(`no Phụ lục 01 in ${workbook.worksheets.map((ws) => ws.name).join(', ')}`);
  const { rows } = gridOf(sheet);
  const header = rows[7];
  const first = header.findIndex((v) => typeof v === 'string' && v.startsWith('Tuần'));
  const found = new Map<string, number[]>();
  for (const row of rows.slice(8)) {
    const [, unit, register] = row;
    // Unit rows only: parent headings and the total carry no register.
    if (typeof unit === 'string' && typeof register === 'string' && register) {
      found.set(`${unit}|${register}`, row.slice(first, first + periods) as number[]);
    }
  }
  return found;
}

const step = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);

async function shot(page: Page, id: string, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await step(page, id).screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
}

describe('standalone mode, end to end in Chromium', () => {
  it('plans an uploaded workbook at 320 px and downloads the CLI’s targets', async () => {
    const expected = cliPlan();
    const page = await pane.openPane({ width: WIDTH, height: 900, locale: 'vi-VN' });
    const axe: Record<string, unknown[]> = {};
    const sideways: Record<string, number> = {};
    const check = async (name: string): Promise<void> => {
      axe[name] = await axeScan(page);
      sideways[name] = (await horizontalOverflow(page)).scrollWidth;
    };

    // 1. Source: the file chosen is read, and what was read is shown.
    await page.getByTestId('file-input').setInputFiles(INPUT);
    const summary = page.getByTestId('source-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toContain('chon-thanh-2023.xlsx');
    await check('source');
    await shot(page, 'step-source', 'flow-1-source');

    // 2. Settings, typed as a planner would: dd/mm/yyyy dates, then the choices.
    for (const [id, text] of [['start-date', '22/05/2023'], ['end-date', '14/07/2023']]) {
      const input = page.getByTestId(id);
      await input.fill(text);
      await input.press('Tab');
    }
    await page.getByLabel(t.granularity).selectOption('week');
    await page.getByRole('radio', { name: new RegExp(`^${t.methods.capacity.name}`) }).check();
    await page.getByLabel(t.week).selectOption('all');
    await check('settings');
    await shot(page, 'step-settings', 'flow-2-settings');

    // 3. Preview: the totals per week are the CLI's.
    await page.getByTestId('preview').click();
    const totals = page.getByTestId('preview-totals');
    await totals.waitFor({ timeout: 60_000 });
    const shown = await totals.locator('tbody td').allTextContents();
    const perWeek = expected.rows.reduce<number[]>((sum, r) => sum.map((v, k) => v + r.targets[k]), new Array(expected.periods.length).fill(0));
    expect(shown.map((s) => Number(s.replace(/\D/g, '')))).toEqual(perWeek);
    await check('preview');
    await shot(page, 'step-preview', 'flow-3-preview');

    // 4. Write: a download, announced, holding the same targets as the CLI's JSON.
    const file = await captureDownload(page, () => page.getByTestId('write').click());
    await page.getByTestId('result').waitFor();
    expect(file.name).toBe('chon-thanh-2023 - ke-hoach.xlsx');
    expect(await page.getByTestId('result').textContent()).toContain(file.name);
    await page.mouse.move(0, 0); // the primary button's hover colour is mid-transition right after the click
    await page.waitForTimeout(300);
    await check('write');
    await shot(page, 'step-write', 'flow-4-write');

    const written = await downloadedTargets(file.path, expected.periods.length);
    const wanted = new Map(expected.rows.map((r) => [`${r.unit}|${registerLabel(r.register, 'vi')}`, r.targets]));
    expect(written.size).toBeGreaterThan(0);
    expect(written).toEqual(wanted);

    expect({ axe, sideways, errors: pane.errors }).toEqual({
      axe: { source: [], settings: [], preview: [], write: [] },
      sideways: { source: WIDTH, settings: WIDTH, preview: WIDTH, write: WIDTH },
      errors: [],
    });
  });
});

/**
 * The production pane in Chromium: while it is busy (here: reading a chosen file, held by holding back the
 * file reader's code), the settings a plan is made from cannot change, nor can another file be chosen.
 * Buttons stay focusable (Fluent's disabledFocusable); fields are disabled. Once read, all is editable again.
 */

/** What can be changed in the settings step and the file chooser, as the page shows it now. */
async function editable(page: Page): Promise<Record<string, boolean>> {
  const settings = page.locator('section[aria-labelledby="step-settings"]');
  const enabled = async (locator: ReturnType<Page['locator']>): Promise<boolean> =>
    (await locator.isEnabled()) && (await locator.getAttribute('aria-disabled')) !== 'true';
  return {
    file: await enabled(page.getByTestId('file-input')),
    start: await enabled(page.getByTestId('start-date')),
    end: await enabled(page.getByTestId('end-date')),
    granularity: await enabled(settings.getByLabel(t.granularity)),
    method: await enabled(settings.getByRole('radio', { name: new RegExp(`^${t.methods.capacity.name}`) })),
    week: await enabled(settings.getByLabel(t.week)),
    holidays: await enabled(settings.getByRole('switch', { name: t.holidays })),
    rate: await enabled(settings.getByRole('spinbutton', { name: t.rate })),
    machines: await enabled(settings.getByRole('spinbutton', { name: t.machines })),
    issuer: await enabled(page.getByRole('textbox', { name: t.issuer })),
  };
}

const all = (value: boolean): Record<string, boolean> =>
  Object.fromEntries(['file', 'start', 'end', 'granularity', 'method', 'week', 'holidays', 'rate', 'machines', 'issuer'].map((k) => [k, value]));

describe('the task pane while it is busy, in Chromium', () => {
  it('locks the settings and the file chooser until the file is read, keeping buttons focusable', async () => {
    const page = await pane.openPane({ width: 320, height: 900, locale: 'vi-VN' });
    await page.getByTestId('file-input').waitFor({ state: 'attached', timeout: 30_000 });
    // Wait for the lazy date picker, so the date fields are the real ones.
    await page.getByTestId('start-date').waitFor({ timeout: 30_000 });
    expect(await editable(page)).toEqual(all(true));

    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/file-host[^/]*\.js$/, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('file-input').setInputFiles(INPUT);
    await page.getByText(t.readingSource).first().waitFor();
    expect(await editable(page)).toEqual(all(false));
    // A button disabled while busy still takes the focus, so keyboard users do not lose their place.
    const add = page.getByRole('button', { name: `${t.add}: ${t.daysOff}` });
    await add.focus();
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);

    release();
    await page.getByTestId('source-summary').waitFor({ timeout: 30_000 });
    expect(await editable(page)).toEqual(all(true));
    expect(pane.errors).toEqual([]);
  });
});
