import { execFile } from 'child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import type { FakeOfficeConfig } from '../e2e/fake-office';

/**
 * End-to-end harness: the task pane built for production, served from 127.0.0.1 and driven in Debian's
 * Chromium (`scripts/test-prerequisites.sh` installs it; playwright-core never downloads a browser).
 * Office.js is not reachable, so the pane runs standalone, as in a plain browser; every request that
 * would leave the machine is aborted and recorded. Or, with `usePane({ fakeOffice: true })` and `openPane({
 * office })`, office.js's URL serves a FAKE of office.js (test/e2e/fake-office.ts) over the recording fake
 * of the Excel API, and the pane runs in Excel mode.
 *
 *   const pane = usePane();                       // builds, serves and launches once for the test file
 *   it('…', async () => {
 *     const page = await pane.openPane({ width: 320 });
 *     expect(await axeScan(page)).toEqual([]);
 *     const file = await captureDownload(page, () => page.getByRole('button', { name: /Tạo/ }).click());
 *   });
 *
 * `QUOTA_PANE_DIST=<folder>` serves a pane built beforehand (`npx webpack --mode production
 * --output-path <folder>`) instead of building one.
 */

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = path.join(ROOT, 'test-output', 'screens');
/** Building the pane (webpack, production: about 30 s) and starting Chromium. */
const SETUP_TIMEOUT = 240_000;
/** Each test: a page, clicks and a write take seconds, but a loaded CI machine takes more. */
const TEST_TIMEOUT = 90_000;

export interface PaneOptions {
  /** Viewport width in CSS pixels (default 320: Excel's narrowest task pane). */
  width?: number;
  height?: number;
  /** The browser's language (`navigator.language`, Accept-Language), default `vi-VN`. */
  locale?: string;
  /** The page, default `taskpane.html`. */
  path?: string;
  /** Another browser's user agent string (e.g. Internet Explorer's, as old Office panes send). */
  userAgent?: string;
  /**
   * In Excel: office.js's CDN URL serves `script` (the FAKE `buildFakeOffice()` builds, e.g. `pane.fakeOffice`)
   * with `config` (display language, the workbook's sheets) set before the page's scripts run, and the page
   * is opened with the `_host_Info` query Office adds. Without it, office.js is unreachable (standalone).
   */
  office?: { script: string; config: FakeOfficeConfig };
}

export interface UsePaneOptions {
  /** Also build the fake office.js (`buildFakeOffice()`), alongside the pane, for `openPane({ office })`. */
  fakeOffice?: boolean;
}

export interface PaneHarness {
  /** A fresh browser context (no storage shared with other pages) showing the pane, loaded. */
  openPane(options?: PaneOptions): Promise<Page>;
  /** The pane's base URL, ending in `/`. */
  readonly url: string;
  /** The built pane's folder. */
  readonly dist: string;
  /** Requests that tried to leave 127.0.0.1 (aborted): Office.js's CDN, and anything that should not be there. */
  readonly external: string[];
  /** Uncaught errors and `console.error` messages of every page opened, in order. */
  readonly errors: string[];
  /** The fake office.js, built when `usePane({ fakeOffice: true })`. */
  readonly fakeOffice: string;
}

// ------------------------------------------------------------------------------------------- building

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${[command, ...args].join(' ')} failed:\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Builds the pane for production into a new temporary folder (webpack's own config, only the output path differs). */
export async function buildPane(): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'quota-pane-'));
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  await run(process.execPath, [cli, '--mode', 'production', '--output-path', out], ROOT);
  if (!existsSync(path.join(out, 'taskpane.html'))) throw new Error(`webpack wrote no taskpane.html into ${out}`);
  return out;
}

/** Where the pane asks for office.js (taskpane.html). */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Bundles test/e2e/fake-office.ts (the FAKE office.js over test/hosts/office/fake-excel.ts) into one
 * script for the browser: webpack with a config of its own, in a temporary folder; returns the script.
 */
export async function buildFakeOffice(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quota-fake-office-'));
  try {
    const config = path.join(dir, 'webpack.config.js');
    const at = (file: string): string => JSON.stringify(path.join(ROOT, file));
    writeFileSync(config, `module.exports = {
  mode: 'production',
  target: ['web', 'es2020'],
  devtool: false,
  entry: ${at('test/e2e/fake-office.ts')},
  output: { path: ${JSON.stringify(path.join(dir, 'out'))}, filename: 'office.js' },
  resolve: { extensions: ['.ts', '.js'] },
  // Readable stacks when the fake throws.
  optimization: { minimize: false },
  performance: { hints: false },
  module: {
    rules: [{
      test: /\\.ts$/,
      loader: ${JSON.stringify(require.resolve('ts-loader', { paths: [ROOT] }))},
      options: { transpileOnly: true, configFile: ${at('tsconfig.webpack.json')}, compilerOptions: { target: 'ES2020', sourceMap: false } },
    }],
  },
};
`);
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    await run(process.execPath, [cli, '--config', config], ROOT);
    return readFileSync(path.join(dir, 'out', 'office.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------- serving

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server for `dir` on 127.0.0.1, on a port the system picks. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    if ((file !== root && !file.startsWith(root + path.sep)) || !existsSync(file) || !statSync(file).isFile()) {
      // Chromium asks for a favicon of its own accord; its 404 would read as the pane's console error.
      if (pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

// ------------------------------------------------------------------------------------------- Chromium

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/test-prerequisites.sh (Debian package chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Registers the file's beforeAll/afterAll: builds the pane once (or takes `QUOTA_PANE_DIST`), and the fake
 * office.js when asked, serves it and starts Chromium; closes everything after the file's tests. Also sets
 * the file's test timeout.
 */
export function usePane(setup: UsePaneOptions = {}): PaneHarness {
  jest.setTimeout(TEST_TIMEOUT);
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  let dist = '';
  let built = false;
  let fakeOffice = '';
  const contexts: BrowserContext[] = [];
  const external: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const prebuilt = process.env.QUOTA_PANE_DIST;
    [dist, browser, fakeOffice] = await Promise.all([
      prebuilt ? Promise.resolve(path.resolve(prebuilt)) : buildPane(),
      launchChromium(),
      setup.fakeOffice ? buildFakeOffice() : Promise.resolve(''),
    ]);
    built = !prebuilt;
    server = await serve(dist);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (built && dist) rmSync(dist, { recursive: true, force: true });
  }, 60_000);

  return {
    get url() {
      if (!server) throw new Error('usePane(): the pane is served from beforeAll; use it inside tests');
      return server.url;
    },
    get dist() {
      return dist;
    },
    get fakeOffice() {
      if (!fakeOffice) throw new Error('usePane({ fakeOffice: true }) builds the fake office.js in beforeAll; use it inside tests');
      return fakeOffice;
    },
    external,
    errors,
    async openPane(options: PaneOptions = {}): Promise<Page> {
      if (!browser || !server) throw new Error('usePane(): the pane is served from beforeAll; use it inside tests');
      const origin = new URL(server.url).origin;
      const context = await browser.newContext({
        viewport: { width: options.width ?? 320, height: options.height ?? 800 },
        locale: options.locale ?? 'vi-VN',
        userAgent: options.userAgent,
        acceptDownloads: true,
        serviceWorkers: 'block',
      });
      contexts.push(context);
      const office = options.office;
      if (office) await context.addInitScript((config) => void ((window as unknown as { __fakeOfficeConfig: unknown }).__fakeOfficeConfig = config), office.config);
      // Office.js's CDN first (the fake office.js, or unreachable: the pane then runs standalone), then anything else not ours.
      await context.route('https://appsforoffice.microsoft.com/**', (route) => {
        if (office && route.request().url() === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: office.script });
        external.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      await context.route((url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== 'appsforoffice.microsoft.com', (route) => {
        external.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|ERR_BLOCKED_BY_CLIENT|appsforoffice/.test(msg.text() + (msg.location().url ?? ''))) errors.push(`console.error: ${msg.text()}`);
      });
      let target = server.url + (options.path ?? 'taskpane.html');
      // As Office opens an add-in's page: host, platform, version and language in the query.
      if (office) target += `${target.includes('?') ? '&' : '?'}_host_Info=Excel$Web$16.00$${office.config.displayLanguage}$$$$0`;
      await page.goto(target, { waitUntil: 'load' });
      return page;
    },
  };
}

// ------------------------------------------------------------------------------------------- checks

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements, with axe's summary of what to fix. */
  nodes: { target: string; summary: string }[];
}

let axeSource: string | undefined;

/**
 * axe-core's violations, of every impact, on the page as it is now (every rule axe runs by default:
 * WCAG 2.x A/AA and best practices), or within `context` (a selector or axe context object).
 *
 * Every rule runs: nothing is left out (Fluent's hidden focus guards, which axe's aria-hidden-focus flags,
 * are kept out of the pane instead).
 */
export async function axeScan(page: Page, context: unknown = undefined): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (ctx) => {
    type Node = { target: unknown[]; failureSummary?: string };
    type Result = { id: string; impact?: string | null; help: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return violations
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
      }));
  }, context);
}

/** A full-page PNG at `test-output/screens/<name>.png` (ignored by git); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs `trigger` (a click) and saves the download it starts; returns where, and the name the page gave it. */
export async function captureDownload(page: Page, trigger: () => Promise<unknown>, timeout = 60_000): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), trigger()]);
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quota-download-'));
  const name = download.suggestedFilename();
  const target = path.join(dir, name);
  await download.saveAs(target);
  return { path: target, name };
}

/** Whether the page scrolls sideways at its current width (a 320 px pane must not). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

/** The innermost visible elements reaching past the viewport's right edge, described for a failure message. */
export async function overflowingElements(page: Page, limit = 10): Promise<string[]> {
  return page.evaluate((max) => {
    const width = document.documentElement.clientWidth;
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const test = el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
      const text = (el.textContent ?? '').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${id}${test}${cls} right=${Math.round(el.getBoundingClientRect().right)}${text ? ` "${text}"` : ''}`;
    };
    const wide = Array.from(document.body.querySelectorAll('*')).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > width + 0.5;
    });
    return wide.filter((el) => !wide.some((other) => other !== el && el.contains(other))).slice(0, max).map(describe);
  }, limit);
}
