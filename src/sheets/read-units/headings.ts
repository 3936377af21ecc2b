import { ALL_REGISTER, matchRegister } from '../../planning/registers';
import { fold } from '../../planning/text';

/**
 * What a header says its column holds. `total` is a count with no register breakdown ("Tổng số", "Số dữ liệu cần
 * số hóa"); `code` is the unit's own code ("Mã xã", "Mã ĐVHC"), which tells apart two units of one name.
 */
export type Role =
  | { kind: 'index' | 'code' | 'registerName' | 'machines' | 'books' | 'notes' | 'total' | 'successor' }
  /** `level`: the level of the hierarchy the header names ("Xã, phường", "Huyện"); none for "Đơn vị", "Parent". */
  | { kind: 'name' | 'parent'; level?: Level }
  /** `codeOf`: the level whose code the column holds ("Mã huyện"), the units' own code when they are of that level. */
  | { kind: 'other'; codeOf?: Level }
  | { kind: 'register'; code: string };
type PlainKind = Exclude<Role['kind'], 'register'>;

/** Levels of Viet Nam's administrative units: province, district (none since 1/7/2025), commune. */
export type Level = 1 | 2 | 3;

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
    // The commune since 1/7/2025 a former commune's books went to (`quota-plan remap`).
    successor: [
      'xa moi', 'ten xa moi', 'don vi moi', 'ten don vi moi', 'xa, phuong moi', 'xa, phuong, dac khu moi', 'xa/phuong moi', 'don vi hanh chinh moi',
      'dvhc moi', 'xa sau sap xep', 'don vi sau sap xep', 'dvhc sau sap xep', 'sau sap xep', 'nhap vao', 'sap nhap vao', 'chuyen ve',
      'new commune', 'new unit', 'merged into', 'successor',
    ],
    total: ['tong', 'tong cong', 'cong', 'total', 'grand total', 'sum'],
  }).flatMap(([kind, keys]) => keys.map((key): [string, PlainKind] => [key, kind as PlainKind])),
);

/**
 * Names of each level of the hierarchy, as headers list them: "Xã, phường, thị trấn", "Phường/Xã", "Quận/huyện",
 * "Tỉnh, thành phố", "Đơn vị hành chính cấp xã". "Thành phố" is a district-level city unless the header also
 * names provinces ("Tỉnh, thành phố").
 */
const LEVEL_WORDS: ReadonlyMap<string, Level> = new Map(
  Object.entries({
    1: ['tinh', 'cap tinh', 'province', 'provinces', 'thanh pho truc thuoc trung uong', 'thanh pho truc thuoc tw', 'thanh pho tw'],
    2: ['huyen', 'quan', 'thi xa', 'thanh pho', 'cap huyen', 'district', 'districts', 'city', 'cities', 'thanh pho thuoc tinh'],
    3: ['xa', 'phuong', 'thi tran', 'dac khu', 'cap xa', 'commune', 'communes', 'ward', 'wards', 'special zone', 'special zones'],
  }).flatMap(([level, words]) => words.map((word): [string, Level] => [word, Number(level) as Level])),
);

const headerKey = (text: string): string =>
  fold(text).replace(/\([^)]*\)/g, ' ').replace(/[.:*]/g, ' ').replace(/\s+/g, ' ').trim();

/** The level a header names ("Tên xã/phường", "UBND cấp xã", "Đơn vị hành chính cấp huyện"), or null. */
function levelOf(key: string): Level | null {
  const phrases = key
    .replace(/^(?:ten |danh sach )?(?:ubnd |uy ban nhan dan )?(?:don vi hanh chinh |don vi |dvhc )?/, '')
    .split(/\s*[,/&;-]\s*|\s+(?:va|hoac|and|or)\s+/);
  const levels = phrases.map((p) => LEVEL_WORDS.get(p));
  if (levels.some((l) => l === undefined)) return null;
  // "Tỉnh, thành phố" lists provinces; "Huyện, thành phố" districts: the highest level named with the ambiguous city.
  return Math.min(...(levels as Level[])) as Level;
}

function levelRole(key: string): Role | null {
  // "Mã xã", "Mã xã, phường, thị trấn": the code of the level the units are; "Mã huyện" a parent's, by default.
  if (key.startsWith('ma ')) {
    const level = levelOf(key.slice(3));
    return level === null ? null : level === 3 ? { kind: 'code' } : { kind: 'other', codeOf: level };
  }
  const level = levelOf(key);
  return level === null ? null : { kind: level === 3 ? 'name' : 'parent', level };
}

export const OTHER: Role = { kind: 'other' };

/** "Mã (huyện)", "Code (district)": the parenthesis names a parent level, so the code is a parent's. */
const parentLevelNamed = (text: string): Level | null => {
  for (const m of fold(text).matchAll(/\(([^)]*)\)/g)) {
    const level = levelOf(m[1].replace(/\s+/g, ' ').trim());
    if (level !== null && level < 3) return level;
  }
  return null;
};

/**
 * The role of a column from its header text alone: Vietnamese with or without diacritics, English, or a code.
 * A level's name reads as the unit column for communes and a parent for higher levels; `resolveRoles` decides
 * from the whole header row.
 */
export function classifyHeader(text: string): Role {
  const key = headerKey(text);
  const alias = ALIASES.get(key);
  const role: Role | null = alias ? ({ kind: alias } as Role) : levelRole(key);
  if (role?.kind === 'code') {
    const level = parentLevelNamed(text);
    if (level !== null) return { kind: 'other', codeOf: level };
  }
  if (role) return role;
  const code = matchRegister(text);
  if (code === null) return OTHER;
  return code === ALL_REGISTER.code ? { kind: 'total' } : { kind: 'register', code };
}

/**
 * The roles of a header row as a whole: the unit column is the lowest level the sheet names. With a column
 * named for the units ("Đơn vị", "Xã, phường") the level columns are its parents; a sheet whose only name
 * columns are districts ("Huyện, thành phố") or provinces lists those as its units, above them their parents.
 * The code of the units' level ("Mã huyện" beside "Huyện") is then the units' code.
 */
export function resolveRoles(roles: readonly Role[]): Role[] {
  if (roles.some((r) => r.kind === 'name')) return [...roles];
  const levels = roles.flatMap((r) => (r.kind === 'parent' && r.level !== undefined ? [r.level] : []));
  if (levels.length === 0) return [...roles];
  const unit = Math.max(...levels) as Level;
  const hasCode = roles.some((r) => r.kind === 'code');
  let codeTaken = hasCode;
  return roles.map((r) => {
    if (r.kind === 'parent' && r.level === unit) return { kind: 'name', level: unit };
    if (r.kind === 'other' && r.codeOf === unit && !codeTaken) {
      codeTaken = true;
      return { kind: 'code' };
    }
    return r;
  });
}
