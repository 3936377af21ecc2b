import { fold } from './text';

/**
 * The register catalog (Law on Civil Status 2014, art. 58): one book per type of event. Codes are what
 * the plan, the CLI and the JSON contract use; aliases are the headers people put on their sheets.
 */
export interface RegisterInfo {
  code: string;
  vi: string;
  en: string;
  /** Folded header texts (see `fold`) that mean this register, besides the code and the names. */
  aliases: string[];
}

export const REGISTERS: readonly RegisterInfo[] = [
  { code: 'KS', vi: 'Khai sinh', en: 'Births', aliases: ['birth', 'birth register', 'dang ky khai sinh'] },
  { code: 'KH', vi: 'Kết hôn', en: 'Marriages', aliases: ['marriage', 'dang ky ket hon'] },
  { code: 'KT', vi: 'Khai tử', en: 'Deaths', aliases: ['death', 'dang ky khai tu'] },
  {
    code: 'NCMC', vi: 'Nhận cha, mẹ, con', en: 'Parent–child recognition',
    aliases: ['nhan cha me con', 'nhan cha, me, con', 'cha me con', 'parent-child recognition', 'parent child recognition', 'recognition'],
  },
  {
    code: 'GH', vi: 'Giám hộ', en: 'Guardianship',
    aliases: ['giam ho, cham dut giam ho', 'giam ho va cham dut giam ho', 'guardianships'],
  },
  {
    code: 'TDCC', vi: 'Thay đổi, cải chính hộ tịch', en: 'Changes and corrections',
    aliases: [
      'thay doi, cai chinh', 'thay doi cai chinh', 'thay doi, cai chinh ho tich', 'thay doi, cai chinh, bo sung ho tich',
      'thay doi, cai chinh, bo sung ho tich, xac dinh lai dan toc', 'cai chinh', 'changes', 'corrections', 'changes/corrections',
    ],
  },
  {
    code: 'XNHN', vi: 'Xác nhận tình trạng hôn nhân', en: 'Marital-status certificates',
    aliases: ['xac nhan tinh trang hon nhan', 'tinh trang hon nhan', 'marital status', 'marital-status certificates', 'marital status certificates'],
  },
  { code: 'GCLH', vi: 'Ghi chú ly hôn', en: 'Divorces recorded', aliases: ['ghi chu ly hon', 'ly hon', 'divorce', 'divorces', 'divorce recorded abroad'] },
  {
    code: 'GCK', vi: 'Ghi vào sổ việc hộ tịch khác', en: 'Other events recorded',
    aliases: ['ghi vao so viec ho tich khac', 'viec ho tich khac', 'ho tich khac', 'other events', 'other events abroad'],
  },
  { code: 'NCN', vi: 'Nuôi con nuôi', en: 'Adoptions', aliases: ['nuoi con nuoi', 'con nuoi', 'adoption'] },
];

/** The register of a sheet that has one count column and no breakdown by register. */
export const ALL_REGISTER: RegisterInfo = {
  code: 'ALL', vi: 'Tất cả', en: 'All registers',
  aliases: [
    'so du lieu can so hoa', 'du lieu can so hoa', 'so truong hop can so hoa', 'so luong can so hoa', 'tong so', 'tong so du lieu',
    'tong so truong hop', 'so truong hop', 'so du lieu', 'so luong', 'so luong du lieu', 'so lieu can so hoa', 'con lai',
    'so truong hop con lai', 'chua so hoa', 'so du lieu con phai so hoa', 'records', 'records to digitize', 'remaining',
    'total records', 'count',
  ],
};

/** The usual order: births, then marriages, then deaths, then the rest in catalog order. */
export const DEFAULT_PRIORITY: readonly string[] = REGISTERS.map((r) => r.code);

const BY_CODE = new Map<string, RegisterInfo>([...REGISTERS, ALL_REGISTER].map((r) => [r.code, r]));

export function registerInfo(code: string): RegisterInfo | undefined {
  return BY_CODE.get(code.toUpperCase());
}

/** A register's name in a language (`Khai sinh`, `Births`); an unknown code as it is. */
export function registerLabel(code: string, lang: 'vi' | 'en'): string {
  const info = registerInfo(code);
  return info ? info[lang] : code;
}

const ALIAS_INDEX: Map<string, string> = (() => {
  const index = new Map<string, string>();
  for (const r of [...REGISTERS, ALL_REGISTER]) {
    for (const name of [r.code, r.vi, r.en, ...r.aliases]) index.set(fold(name), r.code);
  }
  return index;
})();

/** Words around a register name in real headers: "Sổ đăng ký Khai sinh (trường hợp)". */
const NOISE = [/\([^)]*\)/g, /^(so|quyen so) (dang ky )?/, /^dang ky /, / register$/, /^so (viec )?/];

/**
 * The register code a header or a register-column value means, or null. Accepts codes (`KS`), Vietnamese
 * names with or without diacritics (`Khai tử`, `Khai tu`, `Sổ Khai sinh`), English (`Births`).
 */
export function matchRegister(text: string): string | null {
  let key = fold(text).replace(/[.:]+$/, '');
  if (!key) return null;
  const direct = ALIAS_INDEX.get(key);
  if (direct) return direct;
  for (const noise of NOISE) key = key.replace(noise, '').trim();
  return ALIAS_INDEX.get(key) ?? null;
}

/**
 * The full priority order for the registers present: those named in `priority` first, in that order,
 * then the rest in default order (unknown codes last, alphabetically, so the order never depends on input order).
 */
export function priorityOrder(present: readonly string[], priority: readonly string[] = DEFAULT_PRIORITY): string[] {
  const rank = (code: string): number => {
    const p = priority.indexOf(code);
    if (p >= 0) return p;
    const d = DEFAULT_PRIORITY.indexOf(code);
    return priority.length + (d >= 0 ? d : DEFAULT_PRIORITY.length);
  };
  return [...present].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
