import { formatVN } from '../planning/days';
import { formatCount } from '../planning/text';
import { MAX_COUNT } from '../planning/units';
import { CellValue, NO_RESULT, isCellDate, isCellError } from './grid';


/** A count cell read: empty, a whole number of records, or refused with the reason in both languages. */
export type ParsedCount =
  | { kind: 'blank' }
  | { kind: 'count'; value: number }
  | { kind: 'refused'; code: string; vi: string; en: string };

const BLANK: ParsedCount = { kind: 'blank' };

/** Null or only spaces: what a person sees as an empty cell. */
export const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * A number typed as text. Thousands groups of exactly three digits with one separator (`1.972`, `12 400`,
 * `1,972,000`), then an optional decimal part with the other separator (`1.972,5`). `1,5` and `2.50` are
 * decimals because their groups are not three digits long. Null when the text is not a number.
 */
const NUMBER_TEXT = /^(\d{1,3}(?:([., ])\d{3})(?:\2\d{3})*|\d+)(?:([.,])(\d+))?$/;

function numberFromText(text: string): number | null {
  const negative = /^[-−]/.test(text);
  const m = NUMBER_TEXT.exec(negative ? text.slice(1).trim() : text);
  if (!m || (m[2] !== undefined && m[2] === m[3])) return null;
  const value = Number(m[1].replace(/\D/g, '') + '.' + (m[4] ?? '0'));
  return negative ? -value : value;
}

const refuse = (code: string, vi: string, en: string): ParsedCount => ({ kind: 'refused', code, vi, en });

function notACount(shown: string): ParsedCount {
  return refuse(
    'not-a-count',
    `Ô này phải là số trường hợp (số nguyên không âm), nhưng đang có «${shown}».`,
    `This cell must hold a count of records (a whole number ≥ 0) but holds "${shown}".`,
  );
}

/**
 * The checks every figure passes, typed or computed. `typed` is the text as typed; a number is shown as
 * each reader writes it (2,5 / 2.5), built only when refused since nearly every cell passes.
 */
function checkNumber(n: number, typed: string | null): ParsedCount {
  // A formula result like 3.0000000000000004 is binary rounding of a whole count, not a fraction.
  if (typed === null && Number.isFinite(n) && Math.abs(n - Math.round(n)) < 1e-9) n = Math.round(n);
  if (Number.isInteger(n) && n >= 0 && n <= MAX_COUNT) return { kind: 'count', value: n + 0 }; // + 0 turns -0 into 0
  const en = typed ?? String(n);
  const vi = typed ?? en.replace('.', ',');
  if (!Number.isFinite(n)) return notACount(en);
  if (n < 0) {
    return refuse(
      'negative-count',
      `Số trường hợp không thể âm, nhưng ô này có «${vi}».`,
      `A count of records cannot be negative, but this cell holds "${en}".`,
    );
  }
  if (!Number.isInteger(n)) {
    return refuse(
      'fractional-count',
      `Số trường hợp phải là số nguyên, nhưng ô này có «${vi}».`,
      `A count of records must be a whole number, but this cell holds "${en}".`,
    );
  }
  return refuse(
    'count-too-large',
    `Số «${vi}» quá lớn cho một ô (tối đa ${formatCount(MAX_COUNT, 'vi')} trường hợp); hãy kiểm tra lại.`,
    `"${en}" is too large for one cell (at most ${formatCount(MAX_COUNT, 'en')} records); please check it.`,
  );
}

/**
 * Reads a count as people enter it: a number (or a formula's result), or text typed the Vietnamese way
 * (`1.972`, `12 400`, `1,972,000`, spaces around). Blank is `blank`; a lone dash, which Vietnamese tables
 * print for "none", is 0. Everything else is refused with a reason a clerk can act on.
 */
export function parseCount(v: CellValue | undefined): ParsedCount {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'number') return checkNumber(v, null);
  if (typeof v === 'string') {
    const text = v.replace(/\s+/g, ' ').trim();
    if (text === '') return BLANK;
    if (/^[-–—]$/.test(text)) return { kind: 'count', value: 0 };
    const n = numberFromText(text);
    return n === null ? notACount(text) : checkNumber(n, text);
  }
  if (typeof v === 'boolean') return notACount(v ? 'TRUE' : 'FALSE');
  if (isCellError(v) && v.error === NO_RESULT) {
    return refuse(
      'no-formula-result',
      'Công thức trong ô này chưa được tính (tệp chưa được lưu bằng Excel); hãy mở tệp bằng Excel, lưu lại rồi thử lại.',
      'The formula in this cell has never been calculated (the file was not saved by Excel); open it in Excel, save it, and try again.',
    );
  }
  if (isCellError(v)) {
    return refuse(
      'error-value',
      `Ô này đang báo lỗi «${v.error}» (công thức hỏng?); hãy sửa công thức hoặc nhập số trường hợp.`,
      `This cell shows the error "${v.error}" (a broken formula?); fix the formula or type the count.`,
    );
  }
  if (isCellDate(v)) {
    const shown = formatVN(v.date);
    return refuse(
      'date-in-count',
      `Ô này chứa ngày ${shown}, không phải số trường hợp; hãy định dạng ô là số (Number) và nhập lại.`,
      `This cell holds a date (${shown}), not a count; format the cell as a number and type the count again.`,
    );
  }
  return notACount(String(v)); // only a malformed host value gets here: refuse it rather than throw
}
