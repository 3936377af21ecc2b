import { registerInfo } from '../../planning/registers';
import { Grid } from '../grid';
import { Findings, quoted } from './findings';
import { Closest, MissingRole } from './header';
import { Role } from './headings';

/** What a recognised column is read as, in both languages. */
function roleName(role: Role): [string, string] | null {
  switch (role.kind) {
    case 'index': return ['số thứ tự', 'row number'];
    case 'name': return ['tên đơn vị', 'unit name'];
    case 'code': return ['mã đơn vị', 'unit code'];
    case 'parent': return ['đơn vị cấp trên', 'parent unit'];
    case 'registerName': return ['loại sổ', 'register'];
    case 'machines': return ['số máy', 'machines'];
    case 'books': return ['số quyển', 'books'];
    case 'notes': return ['ghi chú', 'notes'];
    case 'successor': return ['đơn vị mới', 'new unit'];
    case 'total': return ['số trường hợp cần số hóa', 'records to digitize'];
    case 'register': {
      const info = registerInfo(role.code);
      return [`sổ ${info?.vi ?? role.code}`, info?.en ?? role.code];
    }
    case 'other': return null;
  }
}

const NEEDS: Record<MissingRole, [string, string]> = {
  unit: [
    'một cột tên đơn vị (như «Đơn vị», «Xã, phường», «Huyện, thành phố»)',
    'a unit column (such as "Unit", "Xã, phường", "Huyện, thành phố")',
  ],
  counts: [
    'các cột sổ (như «Khai sinh», «Khai tử», «Kết hôn») hoặc một cột «Số dữ liệu cần số hóa»',
    'register columns (such as "Births", "Deaths", "Marriages") or one "Records to digitize" column',
  ],
  'unit-and-counts': [
    'một cột tên đơn vị (như «Đơn vị», «Xã, phường», «Huyện, thành phố») và các cột sổ (như «Khai sinh») hoặc một cột «Số dữ liệu cần số hóa»',
    'a unit column (such as "Unit", "Xã, phường", "Huyện, thành phố") and register columns (such as "Births") or one "Records to digitize" column',
  ],
  count: ['một cột số lượng (như «Số trường hợp») bên cạnh cột loại sổ', 'a count column (such as "Số trường hợp") beside the register column'],
};

/** Columns named in the message: a row wider than this is summed up. */
const LISTED = 10;

/**
 * The refusal of a sheet with no header: the row that looked most like one, what each of its columns was
 * read as, and only the role it lacks, so that it never asks for a column that is there.
 */
export function reportNoHeader(grid: Grid, closest: Closest | null, out: Findings): void {
  if (closest === null) {
    out.add(0, 0, 'error', 'no-header', null,
      `Không tìm thấy dòng tiêu đề của bảng trong «${grid.sheet}». Cần ${NEEDS['unit-and-counts'][0]}; với một đơn vị, cần cột «Loại sổ» và cột số lượng.`,
      `No table header found in "${grid.sheet}". It needs ${NEEDS['unit-and-counts'][1]}; for one unit, a "Register" column and a count column.`);
    return;
  }
  const { row, columns, missing } = closest;
  const listed = columns.slice(0, LISTED).map(({ c, label, role }) => {
    const name = roleName(role);
    const at = out.address(row, c);
    return name
      ? [`${quoted(label, 'vi')} (${at}: ${name[0]})`, `${quoted(label, 'en')} (${at}: ${name[1]})`]
      : [`${quoted(label, 'vi')} (${at}: không rõ)`, `${quoted(label, 'en')} (${at}: not known)`];
  });
  const more = columns.length > LISTED ? [`, và ${columns.length - LISTED} cột nữa`, `, and ${columns.length - LISTED} more`] : ['', ''];
  const first = columns[0];
  const rowNumber = (grid.firstRow ?? 1) + row;
  out.add(row, first.c, 'error', 'no-header', null,
    `Không tìm thấy dòng tiêu đề của bảng trong «${grid.sheet}». Dòng gần giống nhất là dòng ${rowNumber}: ` +
      `${listed.map((l) => l[0]).join(', ')}${more[0]}; còn thiếu ${NEEDS[missing][0]}.`,
    `No table header found in "${grid.sheet}". The closest is row ${rowNumber}: ` +
      `${listed.map((l) => l[1]).join(', ')}${more[1]}; it lacks ${NEEDS[missing][1]}.`);
}
