import { columnLetters } from '../sheets/grid';

/** XML text helpers for the SpreadsheetML writer: escaping with a fast path, and cached column letters. */

// Characters XML 1.0 forbids (control characters other than tab, LF and CR; U+FFFE, U+FFFF) and the
// ones markup needs escaped. Matching control characters is the point here.
/* eslint-disable no-control-regex */
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const TEXT_ALL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ATTR_SPECIAL = /[&<>"\u0000-\u001f\ufffe\uffff]/;
const ATTR_ALL = /[&<>"\u0000-\u001f\ufffe\uffff]/g;
/* eslint-enable no-control-regex */

function replace(ch: string): string {
  switch (ch) {
    case '&': return '&amp;';
    case '<': return '&lt;';
    case '>': return '&gt;';
    case '"': return '&quot;';
    // In attributes, whitespace other than space would be normalised to a space by the reader.
    case '\t': return '&#9;';
    case '\n': return '&#10;';
    case '\r': return '&#13;';
    default: return ''; // illegal in XML 1.0: dropped
  }
}

/** Element content: `&`, `<`, `>` escaped, characters illegal in XML 1.0 dropped. */
export function escapeText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_ALL, replace) : s;
}

/** Attribute values (double-quoted): also `"`, and tab/LF/CR as character references so they survive. */
export function escapeAttr(s: string): string {
  return ATTR_SPECIAL.test(s) ? s.replace(ATTR_ALL, replace) : s;
}

/** Whether text needs `xml:space="preserve"` to keep its spacing (edge whitespace, tabs, line breaks, runs of spaces). */
export function needsPreserve(s: string): boolean {
  if (s.length === 0) return false;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first <= 32 || last <= 32) return true;
  return s.includes('\n') || s.includes('\t') || s.includes('  ');
}

const LETTERS: string[] = [''];

/** 1 → A, 27 → AA; cached (a sheet's columns are asked for once per cell). */
export function colLetters(col: number): string {
  while (LETTERS.length <= col) {
    LETTERS.push(columnLetters(LETTERS.length));
  }
  return LETTERS[col];
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
