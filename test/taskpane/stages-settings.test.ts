import { gridOf } from '../../src/xlsx/read-grid';
import { chonThanhWorkbook } from '../../src/examples/workbooks';
import { parseDate } from '../../src/planning/days';
import { defaultSettings } from '../../src/planning/settings';
import { planStages } from '../../src/planning/stage-plan';
import { defaultStages, formatStages } from '../../src/planning/stages';
import { createController } from '../../src/taskpane/controller';
import { PaneHost } from '../../src/hosts/host';
import {
  SETTINGS_VERSION,
  SettingsForm,
  StageForm,
  addCatalogStage,
  addNamedStage,
  changeStage,
  defaultForm,
  defaultStageForms,
  formFromStored,
  moveStage,
  removeStage,
  renameStage,
  stageFormLabel,
  stagesFormProblem,
  stagesToAdd,
  storedSettings,
  switchStages,
  validateForm,
} from '../../src/taskpane/plan/pane-settings';
import { previewModel, stagePreviews } from '../../src/taskpane/plan/preview';
import { initialState } from '../../src/taskpane/state';
import { createStore } from '../../src/taskpane/store';
import { unit } from '../helpers/units';

const d = (text: string): number => parseDate(text)!;
const today = d('2025-02-20');
/** Sơn La's peak month: 1–25/3/2025. */
const base: SettingsForm = { ...defaultForm(today), start: d('2025-03-01'), end: d('2025-03-25') };
const on = (stages: StageForm[] = defaultStageForms()): SettingsForm => ({ ...base, stagesOn: true, stages });
const row = (key: string, patch: Partial<StageForm> = {}): StageForm => ({ key, label: null, start: null, end: null, lag: '0', unit: 'records', ...patch });
const keys = (stages: readonly StageForm[]): string[] => stages.map((s) => s.key);

describe('the stages switch in the settings', () => {
  it('is off by default: the plan and the saved settings are what they were, without a stages key', () => {
    const form = defaultForm(today);
    expect([form.stagesOn, form.stages]).toEqual([false, []]);
    const v = validateForm(form);
    expect(v).toEqual({ ok: true, settings: defaultSettings(today, d('2025-03-31')) });
    if (!v.ok) return;
    expect('stages' in v.settings).toBe(false);
    expect('stages' in storedSettings(v.settings, form)).toBe(false);
    // A list kept while the switch is off is neither planned nor saved.
    const off = validateForm({ ...on(), stagesOn: false });
    expect(off.ok && 'stages' in off.settings).toBe(false);
  });

  it('switched on, starts with the five default stages over the plan’s window, and keeps the list when switched off and on', () => {
    const patch = switchStages(base, true);
    expect(patch).toEqual({ stagesOn: true, stages: defaultStageForms() });
    const form = { ...base, ...patch };
    const v = validateForm(form);
    expect(v.ok && v.settings.stages).toEqual(defaultStages(base.start!, base.end!));
    const edited = { ...form, stages: removeStage(form.stages, 1) };
    expect(switchStages(edited, false)).toEqual({ stagesOn: false });
    expect(switchStages({ ...edited, stagesOn: false }, true)).toEqual({ stagesOn: true });
  });

  it('stage dates left blank follow the plan’s window when it changes', () => {
    const form = on([row('scan', { end: d('2025-03-15') }), row('approve')]);
    const later = { ...form, end: d('2025-03-31') };
    const v = validateForm(later);
    expect(v.ok && v.settings.stages!.map((s) => [s.key, s.start, s.end])).toEqual([
      ['scan', d('2025-03-01'), d('2025-03-15')],
      ['approve', d('2025-03-01'), d('2025-03-31')],
    ]);
  });
});

describe('the stages editor’s changes to the list', () => {
  it('moves a stage, and only the first may count books', () => {
    const stages = [row('collect', { unit: 'books' }), row('scan'), row('entry')];
    expect(keys(moveStage(stages, 1, -1))).toEqual(['scan', 'collect', 'entry']);
    expect(moveStage(stages, 1, -1).map((s) => s.unit)).toEqual(['records', 'records', 'records']);
    expect(moveStage(stages, 0, -1)).toEqual(stages);
    expect(moveStage(stages, 2, 1)).toEqual(stages);
    expect(changeStage(on(stages), 2, { unit: 'books' })[2].unit).toBe('records');
    expect(changeStage(on(stages), 0, { unit: 'records' })[0].unit).toBe('records');
  });

  it('removes a stage', () => {
    expect(keys(removeStage(defaultStageForms(), 2))).toEqual(['scan', 'entry', 'attach', 'approve']);
  });

  it('offers the catalog stages not listed, and adds one where the catalog puts it (collecting books first, counting books)', () => {
    const stages = removeStage(defaultStageForms(), 1); // no entry
    expect(stagesToAdd(stages)).toEqual(['collect', 'entry']);
    expect(keys(addCatalogStage(stages, 'entry'))).toEqual(['scan', 'entry', 'cross-check', 'attach', 'approve']);
    const collect = addCatalogStage(stages, 'collect');
    expect(collect.map((s) => [s.key, s.unit])).toEqual([['collect', 'books'], ['scan', 'records'], ['cross-check', 'records'], ['attach', 'records'], ['approve', 'records']]);
    expect(addCatalogStage(collect, 'collect')).toEqual(collect);
    // After a stage of the user's, a catalog stage goes before the first that comes later in the catalog.
    const named = addNamedStage([row('approve')], 'Lưu trữ').stages;
    expect(keys(addCatalogStage(named, 'scan'))).toEqual(['scan', 'approve', 'custom-1']);
  });

  it('adds stages the user names, each with a key of its own in the list', () => {
    const one = addNamedStage(defaultStageForms(), 'Giai đoạn 6');
    const two = addNamedStage(one.stages, 'Giai đoạn 7');
    expect([one.key, two.key]).toEqual(['custom-1', 'custom-2']);
    expect(two.stages.slice(5)).toEqual([row('custom-1', { label: 'Giai đoạn 6' }), row('custom-2', { label: 'Giai đoạn 7' })]);
    const v = validateForm(on(two.stages));
    expect(v.ok && v.settings.stages!.slice(5).map((s) => [s.key, s.label])).toEqual([['giai-doan-6', 'Giai đoạn 6'], ['giai-doan-7', 'Giai đoạn 7']]);
  });

  it('renames: a catalog stage typed with its own name keeps the catalog’s name in both languages', () => {
    const stages = defaultStageForms();
    const renamed = renameStage(stages, 0, 'Quét, chụp sổ', 'vi');
    expect(renamed[0].label).toBe('Quét, chụp sổ');
    expect(renameStage(renamed, 0, 'Quét sổ', 'vi')[0].label).toBeNull();
    expect(renameStage(renamed, 0, 'Scan', 'en')[0].label).toBeNull();
    expect([stageFormLabel(stages[0], 'vi'), stageFormLabel(stages[0], 'en')]).toEqual(['Quét sổ', 'Scan']);
    // A name with a comma cannot be saved: the plan is blocked, saying why in both languages.
    const form = on(renamed);
    expect(validateForm(form)).toEqual({ ok: false, errors: { stages: 'stages' } });
    expect(stagesFormProblem(form)?.vi).toContain('«Quét, chụp sổ» không được trống, có dấu cách ở đầu hay cuối, hay chứa');
    expect(renameStage(renamed, 0, '', 'vi')[0].label).toBe('');
    expect(stagesFormProblem(on(renameStage(renamed, 0, '', 'vi')))?.en).toContain('must not be blank');
  });

  it('a date set to the plan’s own follows the plan’s', () => {
    const form = on();
    expect(changeStage(form, 0, { end: d('2025-03-15') })[0].end).toBe(d('2025-03-15'));
    expect(changeStage(form, 0, { end: d('2025-03-25') })[0].end).toBeNull();
    expect(changeStage(form, 0, { start: d('2025-03-01') })[0].start).toBeNull();
  });
});

describe('stages the plan cannot be made with', () => {
  const problem = (stages: StageForm[]) => {
    const form = on(stages);
    const v = validateForm(form);
    return { blocked: !v.ok && v.errors.stages === 'stages', problem: stagesFormProblem(form) };
  };

  it('are named next to the list, in both languages, and block the plan', () => {
    const outside = problem([row('scan', { end: d('2025-03-28') }), row('approve')]);
    expect(outside).toEqual({
      blocked: true,
      problem: {
        vi: 'Giai đoạn «Quét sổ» (01/03/2025 – 28/03/2025) phải nằm trong thời gian của kế hoạch (01/03/2025 – 25/03/2025).',
        en: 'The stage "Scan" (01/03/2025 – 28/03/2025) must lie inside the plan’s window (01/03/2025 – 25/03/2025).',
      },
    });
    expect(problem([row('scan', { start: d('2025-02-28') })]).blocked).toBe(true);
    expect(problem([row('scan'), row('entry', { lag: '2,5' })]).problem?.en).toBe('The lag of the stage "Data entry" must be 0 to 366 working days.');
    expect(problem([row('scan'), row('entry', { lag: '367' })]).blocked).toBe(true);
    expect(problem([row('scan'), row('entry', { lag: ' 366 ' })])).toEqual({ blocked: false, problem: null });
    expect(problem([row('scan', { start: d('2025-03-20'), end: d('2025-03-10') })]).problem?.vi).toContain('trước khi bắt đầu');
    expect(problem([row('scan'), row('custom-1', { label: 'quét sổ' })]).problem?.vi).toBe('Giai đoạn «quét sổ» có hai lần.');
    expect(problem([row('collect', { unit: 'books' })]).problem?.en).toBe('At least one stage must count records.');
    expect(problem([]).problem?.en).toBe('The list of stages is empty.');
  });

  it('leave the first stage’s lag, which no field shows, out of it', () => {
    expect(problem([row('scan', { lag: 'x' }), row('entry')])).toEqual({ blocked: false, problem: null });
  });

  it('are not checked while the plan’s window is wrong: its own fields say so', () => {
    const form = { ...on([row('scan', { end: d('2025-03-28') })]), end: d('2025-02-01') };
    expect(stagesFormProblem(form)).toBeNull();
    expect(validateForm(form)).toEqual({ ok: false, errors: { end: 'end-before-start' } });
  });
});

describe('stages saved in the document', () => {
  const form: SettingsForm = on([
    row('collect', { unit: 'books', end: d('2025-03-07') }),
    row('scan', { label: 'Quét và chụp', end: d('2025-03-15') }),
    row('entry', { start: d('2025-03-03'), end: d('2025-03-20'), lag: '2' }),
    row('custom-1', { label: 'Lưu trữ hồ sơ', lag: '1' }),
  ]);
  const valid = validateForm(form);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  const stored = storedSettings(valid.settings, form);

  it('are the stages’ text spelling, read back by parseStages', () => {
    expect(stored.stages).toBe(
      'collect:2025-03-01..2025-03-07,scan=Quét và chụp:2025-03-01..2025-03-15,entry:2025-03-03..2025-03-20+2,Lưu trữ hồ sơ:2025-03-01..2025-03-25+1',
    );
    expect(stored.stages).toBe(formatStages(valid.settings.stages!));
  });

  it('come back as the form they were saved from', () => {
    expect(formFromStored(JSON.parse(JSON.stringify(stored)), today)).toEqual(form);
  });

  it('fall back to the switch off, and nothing else, when the stored stages are bad', () => {
    const rest = { ...form, stagesOn: false, stages: [] };
    for (const stages of [42, null, '', 'quét', 'scan:2025-03-01..2025-03-40', 'scan:2025-03-01..2025-03-15,scan:2025-03-01..2025-03-20', 'scan:2025-02-01..2025-03-15', 'entry:2025-03-01..2025-03-15+999']) {
      expect(formFromStored({ ...stored, stages }, today)).toEqual(rest);
    }
    // Stages of a window that did not come back (it falls back whole) are not read.
    const window = formFromStored({ ...stored, end: 'mai' }, today);
    expect([window.stagesOn, window.stages]).toEqual([false, []]);
    // Settings saved before there were stages open with the switch off.
    const older: Record<string, unknown> = { ...stored, version: SETTINGS_VERSION };
    delete older.stages;
    expect(formFromStored(older, today)).toEqual(rest);
  });
});

describe('the preview of a plan by stages', () => {
  const units = [unit('Xã A', { KS: 1000, KT: 200 }), unit('Xã B', { KS: 600 })];
  const settings = (stages: string) => {
    const v = validateForm(on());
    if (!v.ok) throw new Error('valid');
    const parsed = formFromStored({ ...storedSettings(v.settings, on()), granularity: 'week', stages }, today);
    const again = validateForm(parsed);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    return again.settings;
  };

  it('shows each stage’s window, total and unscheduled; the periods and totals are the last stage’s', () => {
    const s = settings('scan:2025-03-01..2025-03-14,entry:2025-03-03..2025-03-21+1,approve:2025-03-03..2025-03-25+1');
    const plan = planStages(units, ['KS', 'KT'], s);
    const model = previewModel(plan);
    expect(model.stages!.map((x) => [x.stage.key, x.stage.start, x.stage.end, x.remaining, x.total + x.unscheduled])).toEqual([
      ['scan', d('2025-03-01'), d('2025-03-14'), 1800, 1800],
      ['entry', d('2025-03-03'), d('2025-03-21'), 1800, 1800],
      ['approve', d('2025-03-03'), d('2025-03-25'), 1800, 1800],
    ]);
    const approve = model.stages![2];
    expect(model.periods.map((p) => p.target)).toEqual(approve.perPeriod);
    expect([model.total, model.unscheduled]).toEqual([approve.total, approve.unscheduled]);
    expect(model.periods.reduce((sum, p) => sum + p.target, 0)).toBe(model.total);
    for (const x of model.stages!) expect(x.perPeriod.reduce((sum, n) => sum + n, 0)).toBe(x.total);
    // Each stage's rows only: the figures of the rows of stage k.
    plan.settings.stages!.forEach((_, k) => {
      const rows = plan.rows.filter((r) => r.stage === k);
      expect(model.stages![k].unscheduled).toBe(rows.reduce((sum, r) => sum + r.unscheduled, 0));
    });
  });

  it('counts what a stage cannot do in its window as unscheduled, with the stage-behind warnings in the list', () => {
    // Approval due the day scanning ends, two working days behind it: the last days' scans cannot be approved.
    const s = settings('scan:2025-03-01..2025-03-14,approve:2025-03-03..2025-03-14+2');
    const model = previewModel(planStages(units, ['KS', 'KT'], s));
    expect(model.stages![0].unscheduled).toBe(0);
    expect(model.stages![1].unscheduled).toBeGreaterThan(0);
    expect(model.unscheduled).toBe(model.stages![1].unscheduled);
    expect(model.warnings.map((p) => p.code)).toContain('stage-behind');
  });

  it('is the plan as before without stages', () => {
    const v = validateForm(base);
    if (!v.ok) throw new Error('valid');
    const plan = planStages(units, ['KS', 'KT'], v.settings);
    expect(stagePreviews(plan)).toBeNull();
    expect(previewModel(plan).stages).toBeNull();
    expect(previewModel(plan).total).toBe(1800);
  });
});

describe('the pane controller with stages', () => {
  it('plans by stage when the switch is on, and saves the stages with the settings', async () => {
    const sources = chonThanhWorkbook().worksheets.map((ws) => ({ grid: gridOf(ws), scope: 'sheet' as const, label: ws.name }));
    let saved: unknown = null;
    const host = {
      kind: 'excel',
      readSources: async () => sources,
      loadSettings: async () => saved,
      saveSettings: async (value: unknown) => void (saved = JSON.parse(JSON.stringify(value))),
    } as unknown as PaneHost;
    const store = createStore(initialState('excel', 'vi', defaultForm(today)));
    const actions = createController({ store, today, host, openFile: () => Promise.reject(new Error('no')), nextPaint: () => Promise.resolve(), log: jest.fn() });
    await actions.start();
    actions.updateForm({ start: d('2023-05-22'), end: d('2023-07-14'), granularity: 'week' });
    actions.updateForm(switchStages(store.get().plan.form, true));
    actions.updateForm({ stages: removeStage(store.get().plan.form.stages, 2) });
    actions.updateForm({ stages: changeStage(store.get().plan.form, 0, { end: d('2023-06-30') }) });
    await actions.preview();
    const { preview } = store.get().plan;
    if (preview.status !== 'ready') throw new Error(JSON.stringify(preview));
    expect(preview.value.model.stages!.map((s) => [s.stage.key, s.stage.end])).toEqual([
      ['scan', d('2023-06-30')], ['entry', d('2023-07-14')], ['attach', d('2023-07-14')], ['approve', d('2023-07-14')],
    ]);
    expect(new Set(preview.value.plan.rows.map((r) => r.stage))).toEqual(new Set([0, 1, 2, 3]));
    expect((saved as { stages?: string }).stages).toBe('scan:2023-05-22..2023-06-30,entry:2023-05-22..2023-07-14,attach:2023-05-22..2023-07-14,approve:2023-05-22..2023-07-14');

    // Stages outside the window: no plan, and why.
    actions.updateForm({ stages: changeStage(store.get().plan.form, 0, { end: d('2023-07-20') }) });
    await actions.preview();
    expect(store.get().plan.preview.status).toBe('none');
    expect(store.get().status).toEqual({ vi: 'Hãy sửa các thiết lập được đánh dấu.', en: 'Fix the settings marked above.' });
  });
});
