import { formatVN, ymdFromDay } from '../../planning/days';
import { DocumentSettings } from '../document-settings';
import { ModelRow, ModelValue, WIDTH_FONT_SIZE } from '../model';
import { textWidth } from './pages';
import { FORM_STYLES } from './styles';
import { cell } from './refs';
import { FORM_TEXT, FormText, Lang } from './text';

/** The document block around a form's table (Decree 30/2020/NĐ-CP): its rows, the date line, the signature block. */
const DOTS = '…………';

/**
 * The date line: "Sơn La, ngày 05 tháng 02 năm 2025" (days below 10 and the months January and February with
 * a leading zero, as Decree 30 writes them); dotted where the place or the date is not set.
 */
export function placeDate(doc: Pick<DocumentSettings, 'place' | 'issued'>, lang: Lang): string {
  const place = doc.place.trim() || DOTS;
  if (doc.issued === null) return lang === 'vi' ? `${place}, ngày … tháng … năm …` : `${place}, …/…/……`;
  const { year, month, day } = ymdFromDay(doc.issued);
  if (lang === 'en') return `${place}, ${formatVN(doc.issued)}`;
  return `${place}, ngày ${day < 10 ? '0' : ''}${day} tháng ${month <= 2 ? '0' : ''}${month} năm ${year}`;
}

/** "(Kèm theo Kế hoạch số 45/KH-STP ngày 28/02/2025 của Sở Tư pháp)", dotted where unset. */
export function attachedTo(doc: DocumentSettings, lang: Lang): string {
  const t = FORM_TEXT[lang].doc;
  return t.attached(doc.number.trim() || DOTS, doc.issued === null ? DOTS : formatVN(doc.issued), doc.issuer.trim() || DOTS);
}

/** A run of columns (0-based, inclusive) of a row holding one value, merged when it spans several. */
export interface Segment {
  from: number;
  to: number;
  value: ModelValue;
  style?: string;
}

/** Rows of a form, with the merges that go with them. */
export class SheetRows {
  readonly rows: ModelRow[] = [];
  readonly merges: string[] = [];

  /** The 1-based number of the next row. */
  get next(): number {
    return this.rows.length + 1;
  }

  push(row: ModelRow): number {
    this.rows.push(row);
    return this.rows.length;
  }

  /** A row outside the table (column styles do not reach it) holding `segments`; returns its number. */
  line(segments: readonly Segment[], height?: number): number {
    const values: ModelValue[] = [];
    const cellStyles: (string | undefined)[] = [];
    const r = this.next;
    for (const s of segments) {
      values[s.from] = s.value;
      if (s.style) for (let c = s.from; c <= s.to; c++) cellStyles[c] = s.style;
      if (s.to > s.from) this.merges.push(`${cell(s.from, r)}:${cell(s.to, r)}`);
    }
    return this.push({ values, ...(cellStyles.length ? { cellStyles } : {}), ownStyle: true, ...(height ? { height } : {}) });
  }

  blank(height?: number): number {
    return this.push({ values: [], ownStyle: true, ...(height ? { height } : {}) });
  }
}

/**
 * The columns the document block (above and under the table) spans: the first page across, but right of the
 * repeated columns when the table runs over several pages across. The repeated columns print on every page
 * across, row for row, so anything of the document there (even text flowing into them) would print again,
 * cut, on each continuation page.
 */
export interface DocumentSpan {
  from: number;
  to: number;
  /** The repeated columns, when the table runs over several pages across; null when it fits one. */
  titles: [number, number] | null;
  /** The column ending the left part when cut at about `share` of the span's width. */
  split(share: number): number;
  /** As `split`, moved left as far as needed for the right part to hold `right` digits of width. */
  splitLeaving(share: number, right: number): number;
  /** Digits of width from column `a` to `b`, inclusive. */
  width(a: number, b: number): number;
}

export function documentSpan(widths: readonly number[], colBreaks: readonly number[], titleEnd: number, last: number): DocumentSpan {
  const from = colBreaks.length > 0 ? titleEnd + 1 : 0;
  const to = colBreaks.length > 0 ? colBreaks[0] - 1 : last;
  return {
    from,
    to,
    titles: colBreaks.length > 0 ? [0, titleEnd] : null,
    width(a: number, b: number): number {
      let w = 0;
      for (let c = a; c <= b; c++) w += widths[c] ?? 0;
      return w;
    },
    split(share: number): number {
      let total = 0;
      for (let c = from; c <= to; c++) total += widths[c] ?? 0;
      let acc = 0;
      for (let c = from; c < to; c++) {
        acc += widths[c] ?? 0;
        if (acc >= total * share) return c;
      }
      return Math.max(from, to - 1);
    },
    splitLeaving(share: number, right: number): number {
      let split = this.split(share);
      while (split > from && this.width(split + 1, to) < right) split--;
      return split;
    },
  };
}

/**
 * The issuing body (left) and the national motto (right) across the document's span, on two rows:
 * the body above (or the issuing body) and the motto's first line, then the issuing body (underlined) and
 * "Độc lập - Tự do - Hạnh phúc" (underlined). `left` gives the left block's lines, top first.
 */
export function headerBlock(out: SheetRows, left: [string, string], span: DocumentSpan, lang: Lang, fontSize = 12): void {
  const t = FORM_TEXT[lang];
  // Widths count digits of a 12 pt font (WIDTH_FONT_SIZE), whatever the sheet's size: the issuing body prints
  // bold in the sheet's font, the motto bold at 12 pt (its second line at 13 is shorter).
  const issuer = Math.max(...left.filter(Boolean).map((l) => textWidth(l, true))) * (fontSize / WIDTH_FONT_SIZE) + 2;
  const motto = textWidth(t.motto[0], true) + 2;
  const room = span.width(span.from, span.to);
  if (room < issuer + motto && span.titles && span.width(...span.titles) >= issuer && room >= motto) {
    // Wide repeated columns (a staged plan's unit, register and stage) leave the first page too little room
    // for both side by side: the issuing body goes over the repeated columns, where it prints again, whole,
    // at the top of the first rows' pages across; the motto keeps the first page's room.
    const [a, b] = span.titles;
    out.line([
      { from: a, to: b, value: left[0] || null, style: left[1] ? 'body' : 'bodyBoldLine' },
      { from: span.from, to: span.to, value: t.motto[0], style: 'motto' },
    ], 18);
    out.line([
      { from: a, to: b, value: left[1] || null, style: 'bodyBoldLine' },
      { from: span.from, to: span.to, value: t.motto[1], style: 'mottoLine' },
    ], 18);
    return;
  }
  // The issuing body takes what it needs (a third of the width at least), the motto the rest; the motto first.
  let split = span.split(0.33);
  while (split < span.to - 1 && span.width(span.from, split) < issuer) split++;
  while (split > span.from && span.width(split + 1, span.to) < motto) split--;
  out.line([
    { from: span.from, to: split, value: left[0] || null, style: left[1] ? 'body' : 'bodyBoldLine' },
    { from: split + 1, to: span.to, value: t.motto[0], style: 'motto' },
  ], 18);
  out.line([
    { from: span.from, to: split, value: left[1] || null, style: 'bodyBoldLine' },
    { from: split + 1, to: span.to, value: t.motto[1], style: 'mottoLine' },
  ], 18);
}

/**
 * A line of the document block across its span (a title, the plan it is attached to…), wrapped on a taller row
 * when its words are wider than the span (a staged plan's first page across leaves little room).
 */
export function spanLine(out: SheetRows, span: DocumentSpan, value: ModelValue, style: 'title' | 'attached' | 'unitOfMeasure', height: number): number {
  const { size = 12, bold = false } = FORM_STYLES[style];
  const words = typeof value === 'string' ? (textWidth(value, bold) * size) / 12 : 0;
  const lines = Math.max(1, Math.ceil(words / (span.width(span.from, span.to) * 0.95)));
  if (lines === 1) return out.line([{ from: span.from, to: span.to, value, style }], height);
  return out.line([{ from: span.from, to: span.to, value, style: `${style}Wrap` }], height * lines);
}

/** The issuing body's two lines: the body above and the body, or the body alone; dotted when unset. */
export function issuerLines(doc: DocumentSettings): [string, string] {
  const issuer = doc.issuer.trim() || DOTS + DOTS;
  const parent = doc.issuerParent.trim();
  return parent ? [parent, issuer] : [issuer, ''];
}

export interface SignatureColumn {
  from: number;
  to: number;
  /** Lines above the room to sign: [text, style]. */
  head: [string, string][];
  /** The name under it (bold), or '' for none. */
  name: string;
}

/** Rows left blank for a signature (and a seal). */
const ROOM_TO_SIGN = 4;

/**
 * Side-by-side blocks under a table (recipients, the preparer, the signer), top-aligned, each block's lines
 * in its own columns; then the room to sign (and seal) and the names, when any block is signed. Returns the rows used.
 */
export function footBlocks(out: SheetRows, blocks: readonly SignatureColumn[], sign = blocks.some((b) => b.name)): [number, number] {
  const heads = Math.max(...blocks.map((b) => b.head.length));
  const first = out.next;
  for (let i = 0; i < heads; i++) {
    out.line(blocks.flatMap((b) => (b.head[i]?.[0] ? [{ from: b.from, to: b.to, value: b.head[i][0], style: b.head[i][1] }] : [])), 17);
  }
  if (sign) {
    for (let i = 0; i < ROOM_TO_SIGN; i++) out.blank();
    out.line(blocks.flatMap((b) => (b.name ? [{ from: b.from, to: b.to, value: b.name, style: 'signName' }] : [])), 18);
  }
  return [first, out.next - 1];
}

/** "Nơi nhận:" and one line per recipient, archived at the clerical office last; dotted lines when none is set. */
export function recipientsHead(doc: DocumentSettings, t: FormText): [string, string][] {
  const list = doc.recipients.length ? doc.recipients : [DOTS + DOTS, DOTS + DOTS];
  const archived = list.some((r) => /^(lưu|archived)\b/i.test(r)) ? [] : [t.doc.archive];
  const lines = [...list, ...archived];
  return [[t.doc.recipients, 'recipientsHead'], ...lines.map((r, i): [string, string] => [`- ${r}${i === lines.length - 1 ? '.' : ';'}`, 'recipient'])];
}

/** The signer's position, a line each (dotted when unset). */
export function signerHead(doc: DocumentSettings): [string, string][] {
  const lines = doc.signerTitle.length ? doc.signerTitle : [DOTS + DOTS];
  return lines.map((l) => [l, 'signTitle']);
}

export { DOTS };
