import { planSettingsFrom, stagesOption } from '../../src/cli/plan-options';
import { UsageError } from '../../src/cli/usage-error';
import { formatISO, parseDate } from '../../src/planning/days';
import { MAX_WINDOW_DAYS, isWholeNumber, parseWholeNumber, windowProblem } from '../../src/planning/settings';
import { SettingsForm, defaultForm, validateForm } from '../../src/taskpane/plan/pane-settings';

const d = (text: string): number => parseDate(text)!;
const start = d('2024-06-01');

describe('the settings rules shared by the CLI and the pane', () => {
  it('windowProblem: the end before the start, or a window longer than the limit (both days counted)', () => {
    expect(windowProblem(start, start)).toBeNull();
    expect(windowProblem(start, start - 1)).toBe('end-before-start');
    expect(windowProblem(start, start + MAX_WINDOW_DAYS - 1)).toBeNull();
    expect(windowProblem(start, start + MAX_WINDOW_DAYS)).toBe('window-too-long');
  });

  it('parseWholeNumber: digits only, at least the minimum, exact', () => {
    expect(parseWholeNumber('300', 1)).toBe(300);
    expect(parseWholeNumber('0', 0)).toBe(0);
    expect(parseWholeNumber('007', 1)).toBe(7);
    for (const text of ['0', '', ' 3', '3 ', '-1', '+3', '2.5', '1e3', '0x10', '9007199254740993', 'ba']) {
      expect([text, parseWholeNumber(text, 1)]).toEqual([text, null]);
    }
  });

  it('isWholeNumber: a safe integer at least the minimum, and nothing else', () => {
    expect(isWholeNumber(1, 1)).toBe(true);
    expect(isWholeNumber(0, 0)).toBe(true);
    for (const value of [0, 1.5, NaN, Infinity, 2 ** 53, '3', null, undefined]) expect([value, isWholeNumber(value, 1)]).toEqual([value, false]);
  });

  /** What the CLI says about these options: null when it takes them. */
  const cli = (options: Record<string, string>): { vi: string; en: string } | null => {
    try {
      planSettingsFrom(new Map(Object.entries(options)));
      return null;
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      return { vi: e.vi, en: e.en };
    }
  };

  it('the CLI keeps its own words for each rule', () => {
    const window = (end: number) => cli({ start: '2024-06-01', end: formatISO(end) });
    expect(window(start - 1)).toEqual({ vi: '--end không được trước --start.', en: '--end must not be before --start.' });
    expect(window(start + MAX_WINDOW_DAYS)).toEqual({
      vi: `Khoảng thời gian dài hơn ${MAX_WINDOW_DAYS} ngày: hãy kiểm tra năm của --start và --end.`,
      en: `The window is longer than ${MAX_WINDOW_DAYS} days: check the years of --start and --end.`,
    });
    expect(cli({ start: '2024-06-01', end: '2024-06-30', rate: '2.5' })).toEqual({
      vi: '--rate phải là số nguyên ≥ 1, không phải «2.5».',
      en: '--rate must be a whole number ≥ 1, not "2.5".',
    });
    expect(cli({ start: '2024-06-01', end: '2024-06-30', machines: '-1' })?.en).toBe('--machines must be a whole number ≥ 0, not "-1".');
  });

  it('takes dates as offices type them (dashes, dots, two-digit years) and names the forms it reads', () => {
    expect(cli({ start: '26-05-2023', end: '14.07.23' })).toBeNull();
    const s = planSettingsFrom(new Map(Object.entries({ start: '26.05.2023', end: '27/05/23' })));
    expect([formatISO(s.start), formatISO(s.end)]).toEqual(['2023-05-26', '2023-05-27']);
    expect(cli({ start: '31/02/2023', end: '2023-06-30' })).toEqual({
      vi: '--start: «31/02/2023» không phải là ngày (viết dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy hoặc YYYY-MM-DD).',
      en: '--start: "31/02/2023" is not a date (write dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or YYYY-MM-DD).',
    });
  });

  it('takes the dates of --stages as offices type them too, and names the stage whose date it cannot read', () => {
    const stages = stagesOption('scan:1.3.2025..15-3-25,entry:..20/3/2025+2');
    expect(stages.map((s) => [s.key, formatISO(s.start), formatISO(s.end), s.lag])).toEqual([
      ['scan', '2025-03-01', '2025-03-15', 0],
      ['entry', '2025-03-01', '2025-03-20', 2],
    ]);
    expect(() => stagesOption('scan:1.3.2025..31.2.2025')).toThrow('--stages: "scan:1.3.2025..31.2.2025": not a valid date');
  });

  it('the pane and the CLI take and refuse the same windows, rates and machines', () => {
    const form = defaultForm(start);
    for (const end of [start - 1, start, start + 90, start + MAX_WINDOW_DAYS - 1, start + MAX_WINDOW_DAYS]) {
      const pane = validateForm({ ...form, start, end });
      expect([formatISO(end), pane.ok]).toEqual([formatISO(end), cli({ start: formatISO(start), end: formatISO(end) }) === null]);
    }
    for (const [key, option] of [['rate', 'rate'], ['machines', 'machines']] as const) {
      for (const text of ['0', '1', '300', '-1', '2.5', '1e3', '0x10', '']) {
        const pane = validateForm({ ...form, end: start + 30, [key]: text } as SettingsForm);
        const taken = cli({ start: formatISO(start), end: formatISO(start + 30), [option]: text }) === null;
        expect([key, text, pane.ok]).toEqual([key, text, taken]);
      }
    }
  });
});
