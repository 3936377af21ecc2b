import { excelHost } from '../../../src/hosts/office/excel-host';
import { toHostError } from '../../../src/hosts/office/errors';
import { HostError } from '../../../src/hosts/host';
import { FakeOfficeError } from './fake-excel';

const UNEXPECTED = {
  code: 'unexpected',
  vi: 'Đã có lỗi không mong đợi khi làm việc với Excel; sổ tính không bị thay đổi nếu việc ghi chưa bắt đầu. Chi tiết đã ghi vào bảng điều khiển (console).',
  en: 'Something unexpected went wrong while working with Excel; the workbook was not changed if writing had not started. Details are in the console.',
};

describe('errors of the Excel host', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => logged.mockRestore());

  it('logs a programming error, stack and all, and shows a generic message in both languages; Excel errors and our own are shown, not logged', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'items')");
    expect(toHostError(bug)).toMatchObject(UNEXPECTED);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][0]).toMatch(/^Quota Planner/);
    expect(logged.mock.calls[0]).toContain(bug);

    // Through the host: once, however many layers turn it into a HostError.
    const host = excelHost({ run: async () => { throw bug; } });
    await expect(host.readSources()).rejects.toMatchObject(UNEXPECTED);
    await expect(host.writeForms([{ name: 'A' }, { name: 'a' }] as never, [], () => {})).rejects.toMatchObject(UNEXPECTED);
    expect(logged).toHaveBeenCalledTimes(3);

    logged.mockClear();
    expect(toHostError(new FakeOfficeError('GeneralException', 'Injected GeneralException.'))).toMatchObject({
      code: 'office',
      en: 'Excel could not do it (error code GeneralException): Injected GeneralException.',
    });
    const ours = new HostError('vi', 'en', 'sheet-taken');
    expect(toHostError(ours)).toBe(ours);
    expect(logged).not.toHaveBeenCalled();
  });
});
