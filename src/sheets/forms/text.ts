import { formatVN, ymdFromDay } from '../../planning/days';
import { Granularity, Period } from '../../planning/periods';
import { registerInfo } from '../../planning/registers';
import { Method } from '../../planning/settings';

/** The language of a workbook's labels (numbers and dates are formats, so they follow Excel's locale). */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** Every label the forms write, in both languages. Sheet names are at most 31 characters (Excel's limit). */
const VI = {
  sheets: {
    quota: 'Phụ lục 01 - Giao chỉ tiêu',
    progress: 'Phụ lục 02 - Báo cáo tiến độ',
    rollup: 'Tổng hợp',
    calendar: 'Lịch',
    units: 'Đơn vị đã đọc',
  },
  motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  issuerBlank: '……………………',
  quotaTitle: ['PHỤ LỤC 01', 'BẢNG GIAO CHỈ TIÊU SỐ HÓA SỔ HỘ TỊCH'],
  progressTitle: ['PHỤ LỤC 02', 'BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH'],
  rollupTitle: 'TỔNG HỢP KẾT QUẢ VÀ XẾP HẠNG SỐ HÓA SỔ HỘ TỊCH',
  calendarTitle: 'LỊCH LÀM VIỆC VÀ THIẾT LẬP CỦA KẾ HOẠCH',
  window: (start: number, end: number, method: Method) =>
    `Từ ngày ${formatVN(start)} đến ngày ${formatVN(end)}; chia ${VI.methods[method]}`,
  methods: { even: 'đều', workdays: 'theo số ngày làm việc', priority: 'theo thứ tự ưu tiên', capacity: 'theo năng lực máy' } as Record<Method, string>,
  granularities: { day: 'ngày', week: 'tuần', month: 'tháng' } as Record<Granularity, string>,
  stt: 'STT',
  unit: 'Đơn vị',
  unitCode: 'Mã đơn vị',
  parent: 'Cấp trên',
  register: 'Loại sổ',
  remaining: 'Số cần số hóa',
  machines: 'Số máy',
  books: 'Số quyển',
  sourceCell: 'Ô nguồn',
  dailyQuota: 'Chỉ tiêu/ngày',
  targetsBy: 'Chỉ tiêu theo kỳ',
  unscheduled: 'Chưa xếp lịch',
  finish: 'Ngày hoàn thành',
  note: 'Ghi chú',
  subtotal: 'Cộng',
  total: 'Tổng cộng',
  reportDate: 'Ngày báo cáo:',
  workdaysGone: 'Số ngày làm việc đã qua:',
  howToFill: 'Nhập số hồ sơ đã số hóa của từng kỳ vào các ô màu vàng; các cột khác tự tính.',
  actualsBy: 'Số đã thực hiện (nhập)',
  tracking: 'Theo dõi đến ngày báo cáo',
  done: 'Đã thực hiện',
  left: 'Còn lại',
  percent: '% hoàn thành',
  expected: 'Chỉ tiêu lũy kế',
  status: 'Tình trạng',
  statuses: { done: 'Hoàn thành', ahead: 'Vượt tiến độ', onTrack: 'Đúng tiến độ', behind: 'Chậm tiến độ' },
  elapsed: 'Phần kỳ đã qua',
  projected: 'Dự kiến hoàn thành',
  rank: 'Xếp hạng',
  byParent: 'Theo đơn vị cấp trên',
  byUnit: 'Theo đơn vị',
  afterCalendar: 'Sau',
  chartTitle: 'Tiến độ lũy kế: kế hoạch và thực hiện',
  period: 'Kỳ',
  plannedCum: 'Kế hoạch lũy kế',
  actualCum: 'Thực hiện lũy kế',
  inputTitle: 'Số đã thực hiện',
  inputPrompt: 'Nhập số hồ sơ đã số hóa trong kỳ: số nguyên từ 0 trở lên.',
  inputError: 'Chỉ nhập số nguyên không âm.',
  dateTitle: 'Ngày báo cáo',
  datePrompt: 'Nhập ngày báo cáo dạng dd/mm/yyyy; mặc định là hôm nay.',
  dateError: 'Ngày không hợp lệ.',
  settings: 'Thiết lập',
  settingLabels: {
    planId: 'Mã kế hoạch', revision: 'Lần lập', start: 'Ngày bắt đầu', end: 'Ngày kết thúc', granularity: 'Chia theo kỳ',
    method: 'Cách chia', priority: 'Thứ tự ưu tiên', week: 'Tuần làm việc', holidays: 'Ngày lễ Việt Nam', daysOff: 'Ngày nghỉ riêng',
    extraWorkdays: 'Ngày làm bù', rate: 'Hồ sơ/máy/ngày', defaultMachines: 'Số máy mặc định',
  },
  day: 'Ngày',
  weekday: 'Thứ',
  weekdays: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  working: 'Làm việc',
  workdayNo: 'Ngày làm việc thứ',
  afterEnd: 'Sau kỳ kế hoạch (để dự báo)',
  footer: 'Trang &P/&N',
  monthLabel: (month: number, year: number) => `Tháng ${month}/${year}`,
  weekLabel: 'Tuần',
};

export type FormText = typeof VI;

const EN: FormText = {
  ...VI,
  sheets: { quota: 'Annex 01 - Quotas', progress: 'Annex 02 - Progress report', rollup: 'Roll-up', calendar: 'Calendar', units: 'Units read' },
  motto: ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness'],
  quotaTitle: ['ANNEX 01', 'QUOTA ASSIGNMENT FOR DIGITIZING CIVIL-STATUS REGISTERS'],
  progressTitle: ['ANNEX 02', 'PROGRESS REPORT ON DIGITIZING CIVIL-STATUS REGISTERS'],
  rollupTitle: 'ROLL-UP AND RANKING',
  calendarTitle: 'WORKING CALENDAR AND PLAN SETTINGS',
  window: (start, end, method) => `From ${formatVN(start)} to ${formatVN(end)}; split ${EN.methods[method]}`,
  methods: { even: 'evenly', workdays: 'by working days', priority: 'in priority order', capacity: 'by machine capacity' },
  granularities: { day: 'day', week: 'week', month: 'month' },
  stt: 'No.',
  unit: 'Unit',
  unitCode: 'Unit code',
  parent: 'Parent',
  register: 'Register',
  remaining: 'To digitize',
  machines: 'Machines',
  books: 'Books',
  sourceCell: 'Source cell',
  dailyQuota: 'Daily quota',
  targetsBy: 'Targets by period',
  unscheduled: 'Unscheduled',
  finish: 'Finish date',
  note: 'Note',
  subtotal: 'Subtotal',
  total: 'Total',
  reportDate: 'Report date:',
  workdaysGone: 'Working days gone:',
  howToFill: 'Type the records digitized in each period into the yellow cells; the other columns calculate themselves.',
  actualsBy: 'Done (type here)',
  tracking: 'Tracking to the report date',
  done: 'Done',
  left: 'Left',
  percent: '% done',
  expected: 'Expected by now',
  status: 'Status',
  statuses: { done: 'Finished', ahead: 'Ahead', onTrack: 'On track', behind: 'Behind' },
  elapsed: 'Share of period gone',
  projected: 'Projected finish',
  rank: 'Rank',
  byParent: 'By parent unit',
  byUnit: 'By unit',
  afterCalendar: 'After',
  chartTitle: 'Cumulative progress: planned and actual',
  period: 'Period',
  plannedCum: 'Planned, cumulative',
  actualCum: 'Actual, cumulative',
  inputTitle: 'Records done',
  inputPrompt: 'Type the records digitized in the period: a whole number, 0 or more.',
  inputError: 'Only whole numbers of 0 or more.',
  dateTitle: 'Report date',
  datePrompt: 'Type the report date as dd/mm/yyyy; it is today by default.',
  dateError: 'Not a valid date.',
  settings: 'Settings',
  settingLabels: {
    planId: 'Plan id', revision: 'Revision', start: 'Start date', end: 'End date', granularity: 'Periods',
    method: 'Method', priority: 'Priority order', week: 'Working week', holidays: 'Vietnamese holidays', daysOff: 'Own days off',
    extraWorkdays: 'Extra working days', rate: 'Records/machine/day', defaultMachines: 'Default machines',
  },
  day: 'Date',
  weekday: 'Weekday',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  working: 'Working',
  workdayNo: 'Working day no.',
  afterEnd: 'After the plan (for projections)',
  footer: 'Page &P/&N',
  monthLabel: (month, year) => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${year}`,
  weekLabel: 'Week',
};

export const FORM_TEXT: Record<Lang, FormText> = { vi: VI, en: EN };

/** Column heading for a period, as the plans write them: "Tháng 6/2024", "Tuần 03/06–09/06", "22/05". */
export function periodLabel(period: Period, granularity: Granularity, lang: Lang): string {
  const t = FORM_TEXT[lang];
  const { month, year } = ymdFromDay(period.start);
  if (granularity === 'month') return t.monthLabel(month, year);
  const short = (d: number): string => formatVN(d).slice(0, 5);
  if (granularity === 'week') return `${t.weekLabel} ${short(period.start)}–${short(period.end)}`;
  return short(period.start);
}

export function registerLabel(code: string, lang: Lang): string {
  const info = registerInfo(code);
  return info ? info[lang] : code;
}
