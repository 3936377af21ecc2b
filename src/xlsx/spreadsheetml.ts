import { MARKER_NAME } from '../sheets/forms/marker';
import { SheetModel } from '../sheets/model';
import { chartXml, drawingRelsXml, drawingXml } from './chart-xml';
import { StyleRegistry } from './styles-xml';
import { worksheetXml } from './worksheet-xml';
import { quoteSheet } from '../sheets/grid';
import { NS_MAIN, NS_R, XML_HEAD, colLetters, escapeAttr, escapeText } from './xml';

/**
 * Sheet models → the parts of an .xlsx package (SpreadsheetML), as strings or streams of string chunks.
 * No shared-strings table (text is written inline) and no theme. Pure: no Node modules, so the browser can
 * use it with its own ZIP writer.
 */

export const CREATOR = 'quota-planner';

export interface XlsxPart {
  /** The part's path inside the package, e.g. `xl/worksheets/sheet1.xml`. */
  name: string;
  /** The part's XML: one string, or chunks. */
  content: string | Iterable<string>;
}

export interface XlsxOptions {
  /** Written as the workbook's creation and modification time (default now). */
  created?: Date;
}

const NS_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

/** Excel's rules for sheet names; it refuses a workbook that breaks them. */
function checkNames(sheets: readonly SheetModel[]): void {
  if (sheets.length === 0) throw new Error('A workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (name.length === 0 || name.length > 31) throw new Error(`Sheet name "${name}" must be 1 to 31 characters long`);
    if (/[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new Error(`Sheet name "${name}" may not contain \\ / ? * [ ] : or begin or end with '`);
    }
    const folded = name.toLocaleUpperCase();
    if (seen.has(folded)) throw new Error(`Two sheets are named "${name}"`);
    seen.add(folded);
  }
}

/** A formula's string constant: `"…"` with `"` doubled. */
const stringConstant = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function contentTypes(sheets: readonly SheetModel[], chartCount: number): string {
  let xml = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`;
  xml += '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>';
  xml += '<Default Extension="xml" ContentType="application/xml"/>';
  xml += `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`;
  sheets.forEach((_, i) => {
    xml += `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`;
  });
  let drawing = 0;
  for (const s of sheets) {
    if (s.charts?.length) xml += `<Override PartName="/xl/drawings/drawing${++drawing}.xml" ContentType="${CT}.drawing+xml"/>`;
  }
  for (let n = 1; n <= chartCount; n++) {
    xml += `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT}.drawingml.chart+xml"/>`;
  }
  xml += `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>`;
  xml += '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
  xml += `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>`;
  return xml + '</Types>';
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS_RELS}">` +
  `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${NS_R}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

function appXml(sheets: readonly SheetModel[]): string {
  let xml = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" `;
  xml += 'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">';
  xml += `<Application>${CREATOR}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>`;
  xml += '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>';
  xml += `<vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>`;
  xml += `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">`;
  for (const s of sheets) xml += `<vt:lpstr>${escapeText(s.name)}</vt:lpstr>`;
  xml += '</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>';
  return xml;
}

function coreXml(created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${CREATOR}</dc:creator><cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

function workbookXml(sheets: readonly SheetModel[]): string {
  let xml = `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`;
  xml += '<workbookPr/>';
  xml += '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>';
  xml += '<sheets>';
  sheets.forEach((s, i) => {
    xml += `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
  });
  xml += '</sheets>';
  const names: string[] = [];
  sheets.forEach((s, i) => {
    const area = s.page?.printArea;
    if (area) {
      const ref = `${quoteSheet(s.name)}!$A$1:$${colLetters(area.lastCol + 1)}$${area.lastRow}`;
      names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeText(ref)}</definedName>`);
    }
    const titles = printTitles(s);
    if (titles) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(titles)}</definedName>`);
  });
  sheets.forEach((s, i) => {
    if (s.marker !== undefined) {
      if (s.marker.length > 255) throw new Error(`Sheet "${s.name}": a marker is at most 255 characters`);
      names.push(`<definedName name="${MARKER_NAME}" localSheetId="${i}" hidden="1">${escapeText(stringConstant(s.marker))}</definedName>`);
    }
  });
  sheets.forEach((s, i) => {
    const seen = new Set(s.marker !== undefined ? [MARKER_NAME.toUpperCase()] : []);
    for (const n of s.names ?? []) {
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(n.name)) throw new Error(`Sheet "${s.name}": "${n.name}" is not a valid name`);
      if (seen.has(n.name.toUpperCase())) throw new Error(`Sheet "${s.name}" has two names "${n.name}"`);
      seen.add(n.name.toUpperCase());
      const ref = n.ref.startsWith('=') ? n.ref.slice(1) : n.ref;
      names.push(`<definedName name="${escapeAttr(n.name)}" localSheetId="${i}" hidden="1">${escapeText(ref)}</definedName>`);
    }
  });
  if (names.length) xml += `<definedNames>${names.join('')}</definedNames>`;
  xml += '<calcPr calcId="191029" fullCalcOnLoad="1"/>';
  return xml + '</workbook>';
}

/** `'Sheet'!$A:$C,'Sheet'!$8:$10`: the columns and rows repeated on every printed page, or null. */
function printTitles(s: SheetModel): string | null {
  const cols = s.page?.printTitleCols;
  const rows = s.page?.printTitleRows;
  const parts: string[] = [];
  if (cols) parts.push(`${quoteSheet(s.name)}!$${colLetters(cols[0] + 1)}:$${colLetters(cols[1] + 1)}`);
  if (rows) parts.push(`${quoteSheet(s.name)}!$${rows[0]}:$${rows[1]}`);
  return parts.length ? parts.join(',') : null;
}

function workbookRels(sheets: readonly SheetModel[]): string {
  let xml = `${XML_HEAD}<Relationships xmlns="${NS_RELS}">`;
  sheets.forEach((_, i) => {
    xml += `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
  });
  xml += `<Relationship Id="rId${sheets.length + 1}" Type="${NS_R}/styles" Target="styles.xml"/>`;
  return xml + '</Relationships>';
}

const sheetRels = (drawing: number): string =>
  `${XML_HEAD}<Relationships xmlns="${NS_RELS}"><Relationship Id="rId1" Type="${NS_R}/drawing" Target="../drawings/drawing${drawing}.xml"/></Relationships>`;

/**
 * The package's parts, in the order they must be written: the worksheets register the cell formats they
 * use, so `xl/styles.xml` comes last and is made only once the worksheets have been read through.
 * Throws at once on sheet names Excel refuses.
 */
export function xlsxParts(sheets: readonly SheetModel[], options: XlsxOptions = {}): Iterable<XlsxPart> {
  checkNames(sheets);
  const chartCount = sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0);
  const workbook = workbookXml(sheets);
  return (function* (): Generator<XlsxPart> {
    yield { name: '[Content_Types].xml', content: contentTypes(sheets, chartCount) };
    yield { name: '_rels/.rels', content: ROOT_RELS };
    yield { name: 'docProps/app.xml', content: appXml(sheets) };
    yield { name: 'docProps/core.xml', content: coreXml(options.created ?? new Date()) };
    yield { name: 'xl/workbook.xml', content: workbook };
    yield { name: 'xl/_rels/workbook.xml.rels', content: workbookRels(sheets) };

    const registry = new StyleRegistry(sheets[0].font);
    let drawing = 0;
    let chart = 0;
    for (let i = 0; i < sheets.length; i++) {
      const sheet = sheets[i];
      const charts = sheet.charts ?? [];
      const hasDrawing = charts.length > 0;
      if (hasDrawing) drawing++;
      yield {
        name: `xl/worksheets/sheet${i + 1}.xml`,
        content: worksheetXml(sheet, registry, { first: i === 0, drawingRelId: hasDrawing ? 'rId1' : undefined }),
      };
      if (hasDrawing) {
        yield { name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, content: sheetRels(drawing) };
        yield { name: `xl/drawings/drawing${drawing}.xml`, content: drawingXml(charts) };
        const numbers = charts.map(() => ++chart);
        yield { name: `xl/drawings/_rels/drawing${drawing}.xml.rels`, content: drawingRelsXml(numbers) };
        for (let k = 0; k < charts.length; k++) yield { name: `xl/charts/chart${numbers[k]}.xml`, content: chartXml(charts[k]) };
      }
    }
    // Lazy: made when read, after the worksheets.
    yield { name: 'xl/styles.xml', content: (function* () { yield registry.xml(); })() };
  })();
}
