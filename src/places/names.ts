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

/** Parents that name a district, a level Viet Nam has had no more since 1/7/2025. */
const DISTRICT = /^(?:huyen|quan|thi xa|thanh pho) /;

/**
 * Whether a table's units look like communes as they were before 1/7/2025: some sit under a district, or
 * are towns (thị trấn), neither of which exists since. Only a hint, with no list loaded: the pane offers the
 * remap on it, and the remap itself checks each unit against the lists.
 */
export function looksFormer(units: readonly { name: string; parent: string | null; parentKey?: string }[]): boolean {
  return units.some((u) => {
    if (/^thi tran /.test(fold(placeKey(u.name)))) return true;
    const chain = u.parentKey?.split('\u0000') ?? (u.parent === null ? [] : [u.parent]);
    // "Thành phố Hà Nội" is a province: a city is a district only below a province, or with no province above.
    return chain.some((p, i) => DISTRICT.test(fold(placeKey(p))) && !(i === 0 && chain.length === 1 && /^thanh pho (?:ha noi|ho chi minh|hai phong|da nang|can tho|hue)$/.test(fold(placeKey(p)))));
  });
}
