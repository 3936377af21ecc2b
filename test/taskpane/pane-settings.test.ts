import { SETTINGS_KEY } from '../../src/hosts/host';
import { parseDate } from '../../src/planning/days';
import { MAX_WINDOW_DAYS, defaultSettings } from '../../src/planning/settings';
import ExcelJS from 'exceljs';
import { openWorkbookFile } from '../../src/hosts/browser/file-host';
import { saveSettings as saveOfficeSettings } from '../../src/hosts/office/settings';
import { EMPTY_DOCUMENT_FORM, SETTINGS_VERSION, SettingsForm, defaultForm, defaultWindow, documentOf, formFromStored, storedSettings, validateForm } from '../../src/taskpane/plan/pane-settings';

const d = (text: string): number => parseDate(text)!;
const today = d('2024-05-10');

describe('the default window', () => {
  it('runs from today to the end of the quarter', () => {
    expect(defaultWindow(d('2024-05-10'))).toEqual({ start: d('2024-05-10'), end: d('2024-06-30') });
    expect(defaultWindow(d('2024-01-01'))).toEqual({ start: d('2024-01-01'), end: d('2024-03-31') });
  });
  it('runs to the end of the next quarter when this one ends within two weeks, across the new year too', () => {
    expect(defaultWindow(d('2024-06-20'))).toEqual({ start: d('2024-06-20'), end: d('2024-09-30') });
    expect(defaultWindow(d('2024-12-20'))).toEqual({ start: d('2024-12-20'), end: d('2025-03-31') });
    expect(defaultWindow(d('2024-12-10')).end).toBe(d('2024-12-31'));
  });
});

describe('validateForm', () => {
  it('gives the CLI defaults for the default form', () => {
    const v = validateForm(defaultForm(today));
    expect(v).toEqual({ ok: true, settings: defaultSettings(today, d('2024-06-30')) });
  });

  it('turns every field into plan settings', () => {
    const form: SettingsForm = {
      ...defaultForm(today),
      granularity: 'week',
      method: 'capacity',
      priority: ['KH', 'KS'],
      week: 'mon-sat',
      holidays: false,
      daysOff: [d('2024-05-20')],
      extraWorkdays: [d('2024-05-25')],
      rate: ' 250 ',
      machines: '0',
    };
    const v = validateForm(form);
    expect(v.ok && v.settings).toEqual({
      start: today,
      end: d('2024-06-30'),
      granularity: 'week',
      method: 'capacity',
      priority: ['KH', 'KS'],
      calendar: { week: 'mon-sat', holidays: 'none', daysOff: [d('2024-05-20')], extraWorkdays: [d('2024-05-25')] },
      rate: 250,
      defaultMachines: 0,
    });
  });

  it('names what is wrong with each field, with the CLI rules', () => {
    const base = defaultForm(today);
    const errors = (patch: Partial<SettingsForm>) => {
      const v = validateForm({ ...base, ...patch });
      return v.ok ? {} : v.errors;
    };
    expect(errors({ start: null, end: null })).toEqual({ start: 'start-missing', end: 'end-missing' });
    expect(errors({ end: today - 1 })).toEqual({ end: 'end-before-start' });
    expect(errors({ end: today + MAX_WINDOW_DAYS - 1 })).toEqual({});
    expect(errors({ end: today + MAX_WINDOW_DAYS })).toEqual({ end: 'window-too-long' });
    expect(errors({ rate: '0', machines: '-1' })).toEqual({ rate: 'rate', machines: 'machines' });
    expect(errors({ rate: '1.5', machines: '' })).toEqual({ rate: 'rate', machines: 'machines' });
    expect(errors({ rate: '1e3' })).toEqual({ rate: 'rate' });
  });
});

describe('settings stored in the document', () => {
  const form: SettingsForm = {
    ...defaultForm(today),
    start: d('2023-05-22'),
    end: d('2023-07-14'),
    granularity: 'day',
    method: 'priority',
    priority: ['KT', 'KS'],
    week: 'all',
    holidays: false,
    daysOff: [d('2023-06-01'), d('2023-06-02')],
    extraWorkdays: [d('2023-06-03')],
    rate: '300',
    machines: '2',
    issuer: 'UBND THỊ XÃ CHƠN THÀNH',
  };
  const valid = validateForm(form);
  if (!valid.ok) throw new Error('the form should be valid');
  const stored = storedSettings(valid.settings, form);

  it('are plain JSON with a version and ISO dates', () => {
    expect(JSON.parse(JSON.stringify(stored))).toEqual({
      version: SETTINGS_VERSION,
      start: '2023-05-22',
      end: '2023-07-14',
      granularity: 'day',
      method: 'priority',
      priority: ['KT', 'KS'],
      week: 'all',
      holidays: 'none',
      daysOff: ['2023-06-01', '2023-06-02'],
      extraWorkdays: ['2023-06-03'],
      rate: 300,
      defaultMachines: 2,
      issuer: 'UBND THỊ XÃ CHƠN THÀNH',
    });
  });

  it('come back as the form they were saved from', () => {
    expect(formFromStored(JSON.parse(JSON.stringify(stored)), today)).toEqual(form);
  });

  it('fall back to the defaults when they are not ours (nothing, text, another version)', () => {
    for (const value of [null, undefined, 'settings', 42, [], {}, { ...stored, version: 2 }]) {
      expect(formFromStored(value, today)).toEqual(defaultForm(today));
    }
  });

  it('fall back field by field when a value is bad', () => {
    const form = formFromStored(
      {
        ...stored,
        granularity: 'year',
        method: 42,
        priority: ['KH', 'ALL', 'kt', 'XX', 'KH', 7],
        week: '0000011',
        daysOff: ['2023-06-02', 'mai', '2023-02-30', '2023-06-01', '2023-06-02'],
        extraWorkdays: 'none',
        rate: 0,
        defaultMachines: 1.5,
        issuer: { name: 'x' },
      },
      today,
    );
    const defaults = defaultForm(today);
    expect(form).toEqual({
      ...defaults,
      start: d('2023-05-22'),
      end: d('2023-07-14'),
      priority: ['KH'],
      holidays: false,
      daysOff: [d('2023-06-01'), d('2023-06-02')],
    });
  });

  it('fall back to the default window when the saved one is not a window', () => {
    const window = defaultWindow(today);
    for (const patch of [{ start: '2024-07-01', end: '2024-06-01' }, { start: '2020-01-01', end: '2024-01-01' }, { start: 'hôm nay' }, { end: null }]) {
      const form = formFromStored({ ...stored, ...patch }, today);
      expect([form.start, form.end]).toEqual([window.start, window.end]);
    }
  });
});

describe('where the hosts keep the settings', () => {
  it('Excel and a plain browser both keep them under the one key the pane defines', async () => {
    const office = new Map<string, unknown>();
    const documentSettings = {
      get: (name: string) => office.get(name),
      set: (name: string, value: unknown) => void office.set(name, value),
      saveAsync: (callback?: (result: Office.AsyncResult<void>) => void) => callback?.({ error: undefined } as unknown as Office.AsyncResult<void>),
    };
    await saveOfficeSettings(documentSettings, { version: SETTINGS_VERSION });
    expect([...office.keys()]).toEqual([SETTINGS_KEY]);

    const local = new Map<string, string>();
    const localStorage = { getItem: (k: string) => local.get(k) ?? null, setItem: (k: string, v: string) => void local.set(k, v) };
    const had = 'window' in globalThis;
    Object.assign(globalThis, { window: { localStorage } });
    try {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Số liệu').getCell('A1').value = 'Đơn vị';
      const bytes = await workbook.xlsx.writeBuffer();
      const file = { name: 'Số liệu.xlsx', arrayBuffer: async () => bytes } as unknown as File;
      const host = await openWorkbookFile(file);
      await host.saveSettings({ version: SETTINGS_VERSION });
      expect([...local.keys()]).toEqual([SETTINGS_KEY]);
      expect(await host.loadSettings()).toEqual({ version: SETTINGS_VERSION });
    } finally {
      if (!had) delete (globalThis as { window?: unknown }).window;
    }
    expect(SETTINGS_KEY).toBe('QuotaPlanner.PaneSettings');
  });
});

describe('the document’s settings (Decree 30/2020/NĐ-CP) in the pane', () => {
  const form: SettingsForm = {
    ...defaultForm(today),
    issuer: 'SỞ TƯ PHÁP',
    issuerParent: 'UBND TỈNH SƠN LA',
    docNumber: '45/KH-STP',
    place: 'Sơn La',
    issued: d('2025-02-28'),
    signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    signer: 'Nguyễn Văn An',
    preparer: '=Lê Thị Bình',
    recipients: 'UBND tỉnh (b/c);\nBộ Tư pháp (b/c)\n- Lưu: VT.',
  };
  const valid = validateForm(form);
  if (!valid.ok) throw new Error('the form should be valid');

  it('are saved with the other settings, each only when set, and come back as typed', () => {
    const stored = storedSettings(valid.settings, form);
    expect(stored).toMatchObject({
      issuer: 'SỞ TƯ PHÁP', issuerParent: 'UBND TỈNH SƠN LA', number: '45/KH-STP', place: 'Sơn La', issued: '2025-02-28',
      signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', signer: 'Nguyễn Văn An', preparer: '=Lê Thị Bình',
    });
    expect(formFromStored(JSON.parse(JSON.stringify(stored)), today)).toEqual(form);
    const bare = storedSettings(valid.settings, { ...form, ...EMPTY_DOCUMENT_FORM });
    expect(Object.keys(bare).filter((k) => ['issuerParent', 'number', 'place', 'issued', 'signerTitle', 'signer', 'preparer', 'recipients'].includes(k))).toEqual([]);
  });

  it('fall back one by one when a saved value is bad: a date of issue that is not one, a name that is not text, a name far too long', () => {
    const stored = storedSettings(valid.settings, form);
    const back = formFromStored({ ...stored, issued: 'hôm qua', signer: { name: 'x' }, place: 'x'.repeat(500) }, today);
    expect(back).toEqual({ ...form, issued: null, signer: '', place: 'x'.repeat(200) });
  });

  it('print as typed: a position a line each (or " / "), recipients a line each (or ";"), text like a formula as text', () => {
    expect(documentOf(form)).toEqual({
      issuer: 'SỞ TƯ PHÁP', issuerParent: 'UBND TỈNH SƠN LA', number: '45/KH-STP', place: 'Sơn La', issued: d('2025-02-28'),
      signerTitle: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], signer: 'Nguyễn Văn An', preparer: '=Lê Thị Bình',
      recipients: ['UBND tỉnh (b/c)', 'Bộ Tư pháp (b/c)', 'Lưu: VT'],
    });
    expect(documentOf({ ...form, signerTitle: 'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH' }).signerTitle).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });
});
