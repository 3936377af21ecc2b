import { matchRegister, priorityOrder } from '../../src/planning/registers';

describe('register headers', () => {
  it.each([
    ['Sổ Khai sinh', 'KS'], ['Khai sinh', 'KS'], ['KS', 'KS'], ['Births', 'KS'], ['khai sinh (trường hợp)', 'KS'],
    ['Khai tu', 'KT'], ['Sổ đăng ký khai tử', 'KT'], ['Deaths', 'KT'], ['Ket hon', 'KH'], ['SỔ KẾT HÔN', 'KH'],
    ['Nhận cha, mẹ, con', 'NCMC'], ['Thay đổi, cải chính hộ tịch', 'TDCC'], ['Nuôi con nuôi', 'NCN'],
    ['Số dữ liệu cần số hóa', 'ALL'], ['Tổng số', 'ALL'],
  ])('reads %s as %s', (header, code) => {
    expect(matchRegister(header)).toBe(code);
  });
  it.each(['Ghi chú', 'STT', 'Đơn vị', 'Số máy', ''])('does not take %s for a register', (header) => {
    expect(matchRegister(header)).toBeNull();
  });
});

describe('priority order', () => {
  it('defaults to births, marriages, deaths, then the rest', () => {
    expect(priorityOrder(['KT', 'NCN', 'KS', 'KH'])).toEqual(['KS', 'KH', 'KT', 'NCN']);
  });
  it('puts the registers the user names first, the rest in default order', () => {
    expect(priorityOrder(['KS', 'KT', 'KH', 'TDCC'], ['KT'])).toEqual(['KT', 'KS', 'KH', 'TDCC']);
  });
});
