import type { Lang } from '../../sheets/forms/text';

/** The remap step's words: loaded with it, not with the pane. The English table is typed by the Vietnamese one. */
const VI = {
  heading: 'Xã, phường từ 1/7/2025',
  intro:
    'Bảng này ghi các xã như trước 1/7/2025 (có cấp huyện hoặc thị trấn). Từ 1/7/2025 không còn cấp huyện; sổ của các xã cũ nay do xã, phường, đặc khu mới giữ (Nghị quyết 202/2025/QH15). Ngăn có thể cộng số liệu của các xã cũ vào xã mới.',
  refused: 'Không chuyển được:',
  refusedHint: 'Xã cũ bị chia cho nhiều xã mới thì không tự đoán: hãy thêm cột «Xã mới» ghi xã nhận sổ, rồi đọc lại bảng.',
  summary: (former: string, units: string, records: string) => `${former} xã cũ thành ${units} xã, phường, đặc khu từ 1/7/2025; ${records} trường hợp, không thiếu, không trùng.`,
  from: 'gồm',
  records: 'trường hợp',
  more: (n: string) => `… và ${n} xã mới nữa (xem ở trang được ghi).`,
  writeHeading: 'Bảng đơn vị mới',
  writeHintExcel: (sheet: string) => `Ghi thành trang mới «${sheet}» bên cạnh, không ghi đè trang nào; bảng đang đọc giữ nguyên.`,
  writeHintFile: 'Bảng đơn vị mới được tải xuống thành một tệp mới; tệp đã chọn không bị thay đổi.',
  write: 'Ghi bảng đơn vị mới',
  plan: 'Lập kế hoạch từ bảng mới',
  planHint: 'Các bước dưới đây dùng các xã mới thay cho bảng đang đọc.',
  nameTaken: (name: string) => `Sổ tính vừa có thêm trang «${name}»; không ghi đè. Hãy xem trước lại.`,
  source: (sheet: string, from: string) => `${sheet} (chuyển từ ${from})`,
};

export type RemapStrings = typeof VI;

const EN: RemapStrings = {
  heading: 'Communes since 1/7/2025',
  intro:
    'This table lists communes as they were before 1/7/2025 (under districts, or towns). Since 1/7/2025 there is no district level and the former communes’ books are held by the new communes, wards and special zones (Resolution 202/2025/QH15). The pane can add up the former communes into the new ones.',
  refused: 'Cannot remap:',
  refusedHint: 'A former commune split among several new ones is not guessed: add a "Xã mới" column naming the commune that holds its books, then read the table again.',
  summary: (former, units, records) => `${former} former communes into ${units} communes since 1/7/2025; ${records} records, none lost, none counted twice.`,
  from: 'from',
  records: 'records',
  more: (n) => `… and ${n} more new communes (see the sheet written).`,
  writeHeading: 'The new units table',
  writeHintExcel: (sheet) => `Written as a new sheet "${sheet}" beside the others, over none; the table read stays as it is.`,
  writeHintFile: 'The new units table downloads as a new file; the file chosen is not changed.',
  write: 'Write the new units table',
  plan: 'Plan from the new table',
  planHint: 'The steps below use the new communes instead of the table read.',
  nameTaken: (name) => `The workbook now has a sheet "${name}"; it is not written over. Preview again.`,
  source: (sheet, from) => `${sheet} (remapped from ${from})`,
};

export const REMAP_STRINGS: Record<Lang, RemapStrings> = { vi: VI, en: EN };
