import { ALL_REGISTER, matchRegister } from '../../planning/registers';
import { fold } from '../../planning/text';

/**
 * What a header says its column holds. `total` is a count with no register breakdown ("Tổng số", "Số dữ liệu cần
 * số hóa"); `code` is the unit's own code ("Mã xã", "Mã ĐVHC"), which tells apart two units of one name.
 */
export type Role =
  | { kind: 'index' | 'name' | 'code' | 'parent' | 'registerName' | 'machines' | 'books' | 'notes' | 'total' | 'other' }
  | { kind: 'register'; code: string };
type PlainKind = Exclude<Role['kind'], 'register'>;

/** Folded header texts (see `headerKey`) and what they mean; register names are left to `matchRegister`. */
const ALIASES: ReadonlyMap<string, PlainKind> = new Map(
  Object.entries({
    index: ['stt', 'so tt', 'tt', 'so thu tu', 'thu tu', 'no', 'number', '#'],
    name: [
      'don vi', 'ten don vi', 'don vi hanh chinh', 'ten don vi hanh chinh', 'dia phuong', 'ten dia phuong', 'don vi thuc hien',
      'unit', 'units', 'unit name', 'name', 'locality',
    ],
    // The unit's code; a parent's code ("Mã huyện", "Mã tỉnh") is not one and stays unread.
    code: ['ma', 'ma dv', 'ma dvhc', 'ma don vi', 'ma don vi hanh chinh', 'ma dia phuong', 'code', 'unit code', 'commune code'],
    parent: ['parent', 'parent unit', 'don vi cap tren', 'cap tren'],
    // Not a bare "Loại" / "Type": sheets also use it for the kind of commune (xã, phường).
    registerName: ['loai so', 'loai so ho tich', 'so ho tich', 'ten so', 'ten so ho tich', 'loai viec ho tich', 'viec ho tich', 'register', 'registers', 'register type'],
    machines: ['so may', 'may', 'may tinh', 'so may tinh', 'so may nhap lieu', 'may nhap lieu', 'machines', 'machine', 'computers'],
    books: ['so quyen', 'quyen', 'so so', 'so quyen so', 'quyen so', 'so luong so', 'so luong quyen', 'books', 'book', 'volumes'],
    notes: ['ghi chu', 'notes', 'note', 'remarks', 'comments'],
    total: ['tong', 'tong cong', 'cong', 'total', 'grand total', 'sum'],
  }).flatMap(([kind, keys]) => keys.map((key): [string, PlainKind] => [key, kind as PlainKind])),
);

/** Names of one level of the hierarchy, as headers list them: "Xã, phường, thị trấn", "Quận/huyện", "Tên xã". */
const COMMUNE_WORDS = new Set(['xa', 'phuong', 'thi tran', 'dac khu', 'cap xa', 'commune', 'communes', 'ward', 'wards']);
const DISTRICT_WORDS = new Set(['huyen', 'quan', 'thi xa', 'thanh pho', 'tinh', 'cap huyen', 'cap tinh', 'district', 'districts', 'province', 'city']);

const headerKey = (text: string): string =>
  fold(text).replace(/\([^)]*\)/g, ' ').replace(/[.:*]/g, ' ').replace(/\s+/g, ' ').trim();

function levelKind(key: string): PlainKind | null {
  // "Mã xã", "Mã xã, phường, thị trấn": the code of the level the units are.
  if (key.startsWith('ma ')) return levelKind(key.slice(3)) === 'name' ? 'code' : null;
  const phrases = key.replace(/^(ten|don vi) /, '').split(/\s*[,/&]\s*|\s+(?:va|hoac|and|or)\s+/);
  if (phrases.every((p) => COMMUNE_WORDS.has(p))) return 'name';
  if (phrases.every((p) => DISTRICT_WORDS.has(p))) return 'parent';
  return null;
}

export const OTHER: Role = { kind: 'other' };

/** "Mã (huyện)", "Code (district)": the parenthesis names a parent level, so the code is a parent's. */
const namesParentLevel = (text: string): boolean =>
  [...fold(text).matchAll(/\(([^)]*)\)/g)].some((m) => levelKind(m[1].replace(/\s+/g, ' ').trim()) === 'parent');

/** The role of a column from its header text: Vietnamese with or without diacritics, English, or a code. */
export function classifyHeader(text: string): Role {
  const key = headerKey(text);
  const kind = ALIASES.get(key) ?? levelKind(key);
  if (kind === 'code' && namesParentLevel(text)) return OTHER;
  if (kind) return { kind };
  const code = matchRegister(text);
  if (code === null) return OTHER;
  return code === ALL_REGISTER.code ? { kind: 'total' } : { kind: 'register', code };
}

