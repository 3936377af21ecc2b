import { execFile } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';

/**
 * The size of the task pane people wait for: the gzipped JavaScript `taskpane.html` loads before the user
 * does anything (its own `<script src>`s, not Office.js from Microsoft's CDN), against a 150 KB goal
 * (Microsoft's React add-in template loads 167 KB for hello world). Nothing else loads before the user acts:
 * the Chromium test checks that the page asks for no script besides these until someone does something, so
 * this figure is the whole first load. The
 * chunks loaded later with `import()` (standalone mode: ExcelJS, the file host, our writer) are reported
 * beside it, for information.
 *
 * The bench builds the pane itself, every run, into a temporary folder: a check of modification times
 * would miss what changes a bundle without touching src/ (a dependency upgraded, webpack.config.js,
 * tsconfig, the environment), a stale figure is worse than 30 seconds, and dist/web/ (perhaps being served
 * by the dev server) is left alone.
 */

export const PANE_GOAL_KB = 150;

export interface PaneBench {
  /** Gzipped KB of the scripts taskpane.html loads at once. */
  initialKb: number;
  initialFiles: string[];
  /** Gzipped KB of the chunks `import()` loads for standalone mode (ExcelJS and the file host); null when the pane has none yet. */
  lazyKb: number | null;
  lazyFiles: string[];
  /** Gzipped KB of React and ReactDOM's production builds alone: the floor of a React pane. */
  reactKb: number;
  buildS: number;
}

const ROOT = path.resolve(__dirname, '../..');
/** React 18's production builds, as webpack takes them: package, file, and the package it is a dependency of. */
const REACT: [string, string, string?][] = [
  ['react', 'cjs/react.production.min.js'],
  ['react-dom', 'cjs/react-dom.production.min.js'],
  ['scheduler', 'cjs/scheduler.production.min.js', 'react-dom'],
];

/** A file of a package (their `exports` hide the cjs/ files from `require.resolve`). */
function resolveFrom([pkg, file, parent]: [string, string, string?]): string | undefined {
  try {
    const base = parent ? path.dirname(require.resolve(`${parent}/package.json`, { paths: [ROOT] })) : ROOT;
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [base] })), file);
  } catch {
    return undefined;
  }
}

/** gzip -9: what size-limit tools and a static pre-compressing server measure. */
const gzKb = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length / 1024;

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`webpack failed:\n${String(stdout).slice(-4000)}\n${String(stderr).slice(-4000)}`));
      else resolve();
    });
  });
}

interface StatsModule {
  name: string;
  chunks: (string | number)[];
  modules?: StatsModule[];
}
interface StatsChunk {
  id: string | number;
  initial: boolean;
  files: string[];
  origins: { moduleName?: string; request?: string }[];
}
interface Stats {
  modules: StatsModule[];
  chunks: StatsChunk[];
}

/** The `<script src>`s of a page that are served with it (not absolute or protocol-relative URLs). */
export function ownScripts(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const url = src?.[1] ?? src?.[2] ?? src?.[3];
    if (!url || /^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) continue;
    out.push(url.split(/[?#]/)[0]);
  }
  return out;
}

/** The async chunks that come with the one holding the browser file host (ExcelJS is split off beside it). */
export function lazyChunks(stats: Stats): StatsChunk[] {
  const holds = (m: StatsModule): boolean => /src[\\/]hosts[\\/]browser[\\/]file-host/.test(m.name) || (m.modules ?? []).some(holds);
  const ids = new Set(stats.modules.filter((m) => m.chunks.length && holds(m)).flatMap((m) => m.chunks.map(String)));
  const seeds = stats.chunks.filter((c) => !c.initial && ids.has(String(c.id)));
  const origins = new Set(seeds.flatMap((c) => c.origins.map((o) => `${o.moduleName} → ${o.request}`)));
  return stats.chunks.filter((c) => !c.initial && (ids.has(String(c.id)) || c.origins.some((o) => origins.has(`${o.moduleName} → ${o.request}`))));
}

export async function benchPane(): Promise<PaneBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quota-bench-pane-'));
  try {
    const out = path.join(dir, 'web');
    const statsFile = path.join(dir, 'stats.json');
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    const t0 = performance.now();
    await run([cli, '--mode', 'production', '--output-path', out, '--json', statsFile]);
    const buildS = (performance.now() - t0) / 1000;

    const initialFiles = ownScripts(readFileSync(path.join(out, 'taskpane.html'), 'utf8'));
    if (initialFiles.length === 0) throw new Error('taskpane.html loads no script of its own');
    const initialKb = initialFiles.reduce((kb, f) => kb + gzKb(readFileSync(path.join(out, f))), 0);

    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats;
    const lazyFiles = lazyChunks(stats).flatMap((c) => c.files.filter((f) => f.endsWith('.js')));
    const lazyKb = lazyFiles.length ? lazyFiles.reduce((kb, f) => kb + gzKb(readFileSync(path.join(out, f))), 0) : null;

    const reactKb = gzKb(Buffer.concat(REACT.map(resolveFrom).filter((f): f is string => !!f && existsSync(f)).map((f) => readFileSync(f))));
    return { initialKb, initialFiles, lazyKb, lazyFiles, reactKb, buildS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
