import { fold } from '../planning/text';

/** Words that open an administrative unit's name, longest first: "Thị trấn", "Thành phố", "Đặc khu", "Xã"… */
const LEVEL_PREFIX = /^(?:thanh pho|thi tran|thi xa|dac khu|phuong|huyen|quan|tinh|xa)\s+/;

/**
 * A unit's name as lists are matched on it: diacritics kept (Tân Hòa ≠ Tân Hóa), case and spacing aside,
 * and "UBND xã …" read as "Xã …" (sheets that name the office rather than the unit).
 */
export function placeKey(name: string): string {
  const key = name.normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  return key.replace(/^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân) /, '');
}

/** The name without its level word ("Huyện Vạn Ninh" → "vạn ninh"), for a parent written either way. */
export function bareKey(name: string): string {
  const key = placeKey(name);
  const m = LEVEL_PREFIX.exec(fold(key));
  if (!m) return key;
  // The folded prefix has as many characters as the original's (folding keeps one character per letter).
  return key.slice(m[0].length).trim();
}
