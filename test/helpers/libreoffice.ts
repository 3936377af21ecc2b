import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';

/**
 * LibreOffice headless, the real spreadsheet engine the tests open generated workbooks in. Its profile
 * is set to recalculate every formula on load (its default for .xlsx is to trust the cached values).
 */
// One profile per test process (making one takes seconds), in the run's folder, which the run removes.
const PROFILE = path.join(process.env.QUOTA_TEST_TMP ?? require('os').tmpdir(), `quota-planner-lo-${process.pid}`);
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function profile(): string {
  const user = path.join(PROFILE, 'user');
  if (!existsSync(user)) {
    mkdirSync(user, { recursive: true });
    writeFileSync(path.join(user, 'registrymodifications.xcu'), RECALC_ALWAYS);
  }
  return `file://${PROFILE}`;
}

/** Converts `file` with LibreOffice (`xlsx` recalculates and re-saves; `pdf` prints; `ods`, `xls`, `csv` save as those) into `outDir`; returns the new file. */
export function convert(file: string, format: 'xlsx' | 'pdf' | 'ods' | 'xls' | 'csv', outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=${profile()}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${format}`));
  if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${file} to ${format}`);
  return out;
}

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/** Each page's size in points (A4 landscape is 841.9 × 595.3) and its text, from poppler's pdfinfo and pdftotext. */
export function pdfPages(pdf: string): PdfPage[] {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  const pages: PdfPage[] = [];
  for (const m of sizes.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)) {
    const n = m[1];
    const text = execFileSync('pdftotext', ['-f', n, '-l', n, '-layout', pdf, '-'], { encoding: 'utf8' });
    pages.push({ width: Number(m[2]), height: Number(m[3]), text });
  }
  return pages;
}

/** Renders PDF pages to PNG (for a person to look at); returns the files. */
export function pdfToPng(pdf: string, outPrefix: string, dpi = 60): void {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, outPrefix]);
}
