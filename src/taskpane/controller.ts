import { Bilingual, both } from '../i18n/strings';
import { DayNumber } from '../planning/days';
import { Plan } from '../planning/plan';
import { Problem, hasErrors } from '../planning/problems';
import { PlanSettings } from '../planning/settings';
import { planStages } from '../planning/stage-plan';
import { keptNames, revisionForms, sameRevisionForms } from '../sheets/book-forms';
import { FormKind, planId } from '../sheets/forms/marker';
import { defaultFormNames } from '../sheets/forms/options';
import type { Lang } from '../sheets/forms/text';
import { PlanForms, planForms, sizeProblems } from '../sheets/forms/workbook';
import { SheetModel } from '../sheets/model';
import { pickTable } from '../sheets/pick-table';
import { placeForms } from '../sheets/placement';
import { PlanWorkbook, readPlanWorkbook } from '../sheets/read-plan-workbook';
import { UnitsTable } from '../sheets/read-units';
import { RevisionResult, revise } from '../sheets/revise';
import { ConsolidationCheck, ReturnedFile, checkConsolidation, unreadableReturned } from './consolidation';
import { HostError, PaneHost, WriteOutcome } from '../hosts/host';
import { SettingsForm, formFromStored, storedSettings, validateForm } from './pane-settings';
import { ResplitForm, sameBook, validateResplit } from './resplit';
import { Flow, PaneView, WritePhase, isBusy } from './state';
import { Store } from './store';

/** What the controller needs from outside: the only place the pane touches a host, a clock or the page. */
export interface ControllerDeps {
  store: Store;
  today: DayNumber;
  /** Inside Excel, its host; standalone, null until a file is opened. */
  host: PaneHost | null;
  /**
   * Reads a chosen workbook file: standalone, the one to plan from (or the plan workbook); in either mode,
   * the returned files of a consolidation (only their forms are read, with `readPlanSheets`).
   */
  openFile(file: File): Promise<PaneHost>;
  /** Resolves once the page has painted, so a spinner shows before a long computation blocks it. */
  nextPaint(): Promise<void>;
  /** Where unexpected errors go (the console): people see a generic message, never a stack. */
  log(error: unknown): void;
}

/** Everything the components can ask for. Each returns when the pane is settled again. */
export interface PaneActions {
  start(): Promise<void>;
  setLang(lang: Lang): void;
  updateForm(patch: Partial<SettingsForm>): void;
  announce(status: Bilingual): void;
  chooseFile(file: File): Promise<void>;
  readSource(): Promise<void>;
  goToCell(cell: string): Promise<void>;
  preview(): Promise<void>;
  write(): Promise<void>;
  showSheet(name: string): Promise<void>;
  /** Shows a view; the re-split's reads the plan workbook the first time. */
  setView(view: PaneView): Promise<void>;
  updateResplit(patch: Partial<ResplitForm>): void;
  /** Reads the plan workbook (Excel: the open one; standalone: the file chosen) again. */
  readBook(): Promise<void>;
  previewResplit(): Promise<void>;
  writeResplit(): Promise<void>;
  /** Reads returned files, adding them to those chosen (one of the same name is replaced), then previews. */
  chooseReturned(files: readonly File[]): Promise<void>;
  removeReturned(name: string): void;
  previewConsolidation(): Promise<void>;
  writeConsolidation(): Promise<void>;
}

/** What a write over the plan workbook makes from the book read again: forms, or why none (nothing written). */
type Rebuilt = { forms: (names: Record<FormKind, string>) => PlanForms } | { problems: Problem[] } | { error: Bilingual };

/** At most this many progress updates reach the state while writing (one per percent). */
const PROGRESS_STEPS = 100;

export function createController(deps: ControllerDeps): PaneActions {
  const { store } = deps;
  let host = deps.host;
  let settingsLoaded = false;
  /** The last save asked for: saves run one after the other, so the settings asked for last are the ones kept. */
  let saving: Promise<void> = Promise.resolve();

  const message = (error: unknown): Bilingual => {
    if (error instanceof HostError) return { vi: error.vi, en: error.en };
    deps.log(error);
    return both((s) => s.unexpected);
  };

  /** Settings saved in the document win over the defaults, once: later files do not undo what was typed. */
  async function loadSettings(from: PaneHost): Promise<void> {
    if (settingsLoaded) return;
    settingsLoaded = true;
    try {
      const saved = await from.loadSettings();
      if (saved !== null && saved !== undefined) store.dispatch({ type: 'form-loaded', form: formFromStored(saved, deps.today) });
    } catch (e) {
      deps.log(e); // the defaults are a fine start
    }
  }

  function saveSettings(from: PaneHost, settings: PlanSettings, form: SettingsForm): Promise<void> {
    const value = storedSettings(settings, form.week, form.issuer.trim());
    saving = saving.then(async () => {
      try {
        await from.saveSettings(value);
        store.dispatch({ type: 'settings-saved', ok: true });
      } catch (e) {
        deps.log(e);
        store.dispatch({ type: 'settings-saved', ok: false });
      }
    });
    return saving;
  }

  async function read(from: PaneHost): Promise<void> {
    store.dispatch({ type: 'source-reading' });
    try {
      const sources = await from.readSources();
      await deps.nextPaint(); // a national table takes a moment to read
      const pick = pickTable(sources);
      if (pick.kind === 'table') store.dispatch({ type: 'source-read', table: pick.table, label: pick.source.label });
      else store.dispatch({ type: 'source-failed', error: both((s) => s.noSource) });
    } catch (e) {
      store.dispatch({ type: 'source-failed', error: message(e) });
    }
  }

  /**
   * The table and settings to plan with, and their generation (see `PaneState.generation`), or null (and
   * why, announced) when there are none yet or the pane is busy.
   */
  function ready(): { host: PaneHost; table: UnitsTable; settings: PlanSettings; form: SettingsForm; generation: number } | null {
    const state = store.get();
    if (isBusy(state) || !host) return null;
    if (state.source.status !== 'read' || hasErrors(state.source.table.problems)) {
      store.dispatch({ type: 'announce', status: both((s) => s.needTable) });
      return null;
    }
    const valid = validateForm(state.form);
    if (!valid.ok) {
      store.dispatch({ type: 'announce', status: both((s) => s.fixSettings) });
      return null;
    }
    return { host, table: state.source.table, settings: valid.settings, form: state.form, generation: state.generation };
  }

  /**
   * Plans on the main thread (a national daily plan takes a second or two) once the spinner has painted.
   * Returns the plan, or the planner's errors. The preview shows it only if the settings and table are still
   * those of `generation` (nothing changed during the wait): see `kept`.
   */
  async function plan(table: UnitsTable, settings: PlanSettings, generation: number): Promise<Plan | Problem[]> {
    await deps.nextPaint();
    // Without stages, planStages is planUnits.
    const made = planStages(table.units, table.registers, settings);
    const errors = made.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      store.dispatch({ type: 'preview-refused', problems: errors, generation });
      return errors;
    }
    store.dispatch({ type: 'preview-planned', plan: made, generation });
    return made;
  }

  /**
   * Writes forms with the progress bar: at most PROGRESS_STEPS updates reach the state. All or nothing (the
   * host's promise), so a failure leaves the workbook as it was.
   */
  async function writeSheets(target: PaneHost, sheets: readonly SheetModel[], replaced: readonly string[], flow?: Flow): Promise<WriteOutcome> {
    store.dispatch(flow ? { type: 'write-phase', phase: 'writing', flow } : { type: 'write-phase', phase: 'writing' });
    let step = 0;
    return target.writeForms(sheets, replaced, (fraction) => {
      const next = Math.floor(Math.min(1, Math.max(0, fraction)) * PROGRESS_STEPS);
      if (next === step) return;
      step = next;
      const fractionDone = next / PROGRESS_STEPS;
      store.dispatch(flow ? { type: 'write-progress', fraction: fractionDone, flow } : { type: 'write-progress', fraction: fractionDone });
    });
  }

  /** The plan workbook in a host read back with its actuals, or the problems (each naming its cell) why it cannot be. */
  async function loadBook(from: PaneHost): Promise<PlanWorkbook | Problem[]> {
    const found = await from.readPlanSheets();
    await deps.nextPaint(); // rebuilding a national plan to check its id takes a moment
    if (found.sheets === null) return found.problems;
    const book = readPlanWorkbook(found.sheets);
    return book.plan === null ? book.problems : book;
  }

  async function readBook(from: PaneHost, keepResult = false): Promise<void> {
    store.dispatch({ type: 'book-reading', keepResult });
    try {
      const book = await loadBook(from);
      if (Array.isArray(book)) store.dispatch({ type: 'book-refused', problems: book });
      else store.dispatch({ type: 'book-read', book, defaults: { asOf: deps.today, end: book.plan.settings.end } });
    } catch (e) {
      store.dispatch({ type: 'book-failed', error: message(e) });
    }
  }

  /** The book and form to re-split, and their generation, or null (and why, announced) when there are none yet or the pane is busy. */
  function resplitReady(): { host: PaneHost; book: PlanWorkbook; form: ResplitForm; asOf: DayNumber; end: DayNumber; generation: number } | null {
    const state = store.get();
    if (isBusy(state) || !host) return null;
    const { book } = state;
    const { form, generation } = state.resplit;
    if (book.status !== 'read') {
      store.dispatch({ type: 'announce', status: both((s) => s.needBook) });
      return null;
    }
    const valid = validateResplit(form);
    if (!valid.ok) {
      store.dispatch({ type: 'announce', status: both((s) => s.fixResplit) });
      return null;
    }
    return { host, book: book.book, form, asOf: valid.asOf, end: valid.end, generation };
  }

  const reviseBook = (book: PlanWorkbook, input: { form: ResplitForm; asOf: DayNumber; end: DayNumber }): RevisionResult =>
    revise({ book, asOf: input.asOf, changes: { end: input.end, method: input.form.method ?? undefined }, note: input.form.note, made: deps.today });

  const errorsOf = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');

  /**
   * Shared by the re-split and the consolidation. Reads the plan workbook again (an actual typed since it
   * was read must not be lost) and refuses when it changed since `read` (reading it again, for the planner
   * to look before writing); makes the forms from it (`rebuild`, during `phase`), and replaces its forms with
   * them, which carry every actual typed: in the open workbook, or in a new file to download.
   */
  async function rewriteBook(flow: Flow, target: PaneHost, read: PlanWorkbook, phase: WritePhase, rebuild: (book: PlanWorkbook) => Rebuilt): Promise<void> {
    // Busy from here, before the first wait.
    store.dispatch({ type: 'write-phase', phase: 'reading', flow });
    try {
      const book = await loadBook(target);
      if (Array.isArray(book)) {
        store.dispatch({ type: 'write-refused', problems: book, flow });
        return;
      }
      if (!sameBook(book, read)) {
        store.dispatch({ type: 'write-failed', error: both((s) => s.bookChanged), flow });
        await readBook(target, true);
        return;
      }
      store.dispatch({ type: 'write-phase', phase, flow });
      await deps.nextPaint();
      const made = rebuild(book);
      if ('problems' in made) {
        store.dispatch({ type: 'write-refused', problems: made.problems, flow });
        return;
      }
      if ('error' in made) {
        store.dispatch({ type: 'write-failed', error: made.error, flow });
        return;
      }
      store.dispatch({ type: 'write-phase', phase: 'checking', flow });
      // Phụ lục 02 holds typed actuals: it is replaced all the same, the new one carries every one of them.
      const placement = placeForms(await target.existingSheets(), keptNames(book, book.lang), { actualsCarried: true });
      if (hasErrors(placement.problems)) {
        store.dispatch({ type: 'write-refused', problems: placement.problems, flow });
        return;
      }
      store.dispatch({ type: 'write-phase', phase: 'building', flow });
      await deps.nextPaint();
      const forms = made.forms(placement.names);
      const tooLarge = sizeProblems(forms.sheets);
      if (tooLarge.length > 0) {
        store.dispatch({ type: 'write-refused', problems: tooLarge, flow });
        return;
      }
      const outcome = await writeSheets(target, forms.sheets, placement.replaced, flow);
      store.dispatch({ type: 'write-done', outcome, flow });
    } catch (e) {
      store.dispatch({ type: 'write-failed', error: message(e), flow });
      return;
    }
    // The open workbook now holds what was written: read it, so that the next re-split or consolidation starts from it.
    if (target.kind === 'excel') await readBook(target, true);
  }

  /** A returned file's forms, read in the browser; a file that cannot be read, or holds no plan, is refused naming it. */
  async function readReturned(file: File): Promise<ReturnedFile> {
    try {
      const found = await (await deps.openFile(file)).readPlanSheets();
      if (found.sheets === null) return { name: file.name, status: 'refused', problems: found.problems };
      return { name: file.name, status: 'read', book: { file: file.name, sheets: found.sheets } };
    } catch (e) {
      return unreadableReturned(file.name, message(e));
    }
  }

  /** The book and returned files to consolidate, and their generation, or null (and why, announced) when there are none yet or the pane is busy. */
  function consolidationReady(): { host: PaneHost; book: PlanWorkbook; files: ReturnedFile[]; generation: number } | null {
    const state = store.get();
    if (isBusy(state) || !host) return null;
    if (state.book.status !== 'read') {
      store.dispatch({ type: 'announce', status: both((s) => s.needBook) });
      return null;
    }
    const { files, generation } = state.consolidation;
    if (files.length === 0) {
      store.dispatch({ type: 'announce', status: both((s) => s.needReturned) });
      return null;
    }
    return { host, book: state.book.book, files, generation };
  }

  const showCheck = (check: ConsolidationCheck, generation: number): void =>
    store.dispatch(check.ok ? { type: 'consolidation-checked', model: check.model, generation } : { type: 'consolidation-refused', problems: check.problems, generation });

  async function previewConsolidation(): Promise<void> {
    const input = consolidationReady();
    if (!input) return;
    store.dispatch({ type: 'consolidation-checking' });
    try {
      await deps.nextPaint(); // every returned file is matched row by row against the plan
      showCheck(checkConsolidation(input.book, input.files), input.generation);
    } catch (e) {
      store.dispatch({ type: 'consolidation-failed', error: message(e), generation: input.generation });
    }
  }

  /**
   * In the consolidation's view, once both the plan workbook and returned files are there, what the files
   * bring is shown at once: there is nothing else to set.
   */
  async function consolidationShown(): Promise<void> {
    const state = store.get();
    if (state.view === 'consolidate' && state.book.status === 'read' && state.consolidation.files.length > 0 && state.consolidation.preview.status === 'none') {
      await previewConsolidation();
    }
  }

  /** The preview shows this plan: it was not made from settings changed while it was being made. */
  const kept = (planned: Plan | Problem[]): boolean => {
    const { preview } = store.get();
    return preview.status === 'planned' && preview.plan === planned;
  };

  return {
    async start() {
      if (!host) return;
      await loadSettings(host);
      await read(host);
    },

    setLang: (lang) => store.dispatch({ type: 'lang', lang }),
    updateForm: (patch) => store.dispatch({ type: 'form', patch }),
    announce: (status) => store.dispatch({ type: 'announce', status }),

    async chooseFile(file) {
      if (isBusy(store.get())) return;
      store.dispatch({ type: 'file-chosen', fileName: file.name });
      store.dispatch({ type: 'source-reading' });
      try {
        host = await deps.openFile(file);
      } catch (e) {
        host = null;
        store.dispatch({ type: 'source-failed', error: message(e) });
        return;
      }
      await loadSettings(host);
      await read(host);
      if (store.get().view !== 'plan') {
        await readBook(host);
        await consolidationShown();
      }
    },

    async readSource() {
      if (host && !isBusy(store.get())) await read(host);
    },

    async goToCell(cell) {
      if (!host) return;
      let selected = false;
      try {
        selected = await host.goToCell(cell);
      } catch (e) {
        store.dispatch({ type: 'announce', status: message(e) });
        return;
      }
      if (!selected) store.dispatch({ type: 'announce', status: both((s) => s.cannotGoTo(cell)) });
    },

    async preview() {
      const input = ready();
      if (!input) return;
      store.dispatch({ type: 'preview-planning' });
      try {
        const planned = await plan(input.table, input.settings, input.generation);
        // Not the settings of a plan dropped because they changed meanwhile: those are not the ones shown.
        if (kept(planned)) await saveSettings(input.host, input.settings, input.form);
      } catch (e) {
        store.dispatch({ type: 'preview-failed', error: message(e), generation: input.generation });
      }
    },

    async write() {
      const input = ready();
      if (!input) return;
      const { host: target, table, settings, form, generation } = input;
      const { lang, preview } = store.get();
      // The preview's plan only if it was made from the settings and table as they are now; else plan again.
      const previewed = preview.status === 'planned' && preview.generation === generation ? preview.plan : null;
      // Busy from here, before the first wait: a second press, another file or reading again are refused.
      store.dispatch({ type: 'write-phase', phase: previewed ? 'checking' : 'planning' });
      try {
        let planned: Plan;
        if (previewed) {
          planned = previewed;
        } else {
          store.dispatch({ type: 'preview-planning' });
          const made = await plan(table, settings, generation);
          if (Array.isArray(made)) {
            store.dispatch({ type: 'write-refused', problems: made });
            return;
          }
          planned = made;
          store.dispatch({ type: 'write-phase', phase: 'checking' });
        }
        // Again, even after a preview: the issuer may have been typed since.
        await saveSettings(target, settings, form);
        const placement = placeForms(await target.existingSheets(), defaultFormNames(lang));
        if (hasErrors(placement.problems)) {
          store.dispatch({ type: 'write-refused', problems: placement.problems });
          return;
        }
        store.dispatch({ type: 'write-phase', phase: 'building' });
        await deps.nextPaint();
        const options = { lang, issuer: form.issuer.trim(), planId: planId(planned), revision: 1, names: placement.names, made: deps.today };
        const forms = planForms(planned, table, options);
        const tooLarge = sizeProblems(forms.sheets);
        if (tooLarge.length > 0) {
          store.dispatch({ type: 'write-refused', problems: tooLarge });
          return;
        }
        const outcome = await writeSheets(target, forms.sheets, placement.replaced);
        store.dispatch({ type: 'write-done', outcome });
      } catch (e) {
        store.dispatch({ type: 'write-failed', error: message(e) });
      }
    },

    async showSheet(name) {
      if (!host) return;
      try {
        await host.showSheet(name);
      } catch (e) {
        store.dispatch({ type: 'announce', status: message(e) });
      }
    },

    async setView(view) {
      store.dispatch({ type: 'view', view });
      const state = store.get();
      if (view !== 'plan' && host && state.book.status === 'none' && !isBusy(state)) await readBook(host);
      await consolidationShown();
    },

    updateResplit: (patch) => store.dispatch({ type: 'resplit-form', patch }),

    async readBook() {
      if (!host || isBusy(store.get())) return;
      await readBook(host);
      await consolidationShown();
    },

    async previewResplit() {
      const input = resplitReady();
      if (!input) return;
      store.dispatch({ type: 'resplit-revising' });
      try {
        await deps.nextPaint(); // a national daily plan takes a second or two
        const result = reviseBook(input.book, input);
        if (result.plan === null) store.dispatch({ type: 'resplit-refused', problems: errorsOf(result.problems), generation: input.generation });
        else store.dispatch({ type: 'resplit-revised', revision: result, generation: input.generation });
      } catch (e) {
        store.dispatch({ type: 'resplit-failed', error: message(e), generation: input.generation });
      }
    },

    /**
     * Re-splits the plan workbook read again (see `rewriteBook`) and replaces its forms with the new
     * revision's, which carry every actual typed.
     */
    async writeResplit() {
      const input = resplitReady();
      if (!input) return;
      const { generation } = input;
      const { preview } = store.get().resplit;
      const previewed = preview.status === 'revised' && preview.generation === generation;
      await rewriteBook('resplit', input.host, input.book, 'revising', (book) => {
        const result = reviseBook(book, input);
        if (result.plan === null) return { problems: errorsOf(result.problems) };
        if (!previewed) {
          // What is written is shown, as the plan's write shows the plan it made.
          store.dispatch({ type: 'resplit-revising' });
          store.dispatch({ type: 'resplit-revised', revision: result, generation });
        }
        return { forms: (names) => revisionForms(book, result, { names }) };
      });
    },

    async chooseReturned(files) {
      if (files.length === 0 || isBusy(store.get())) return;
      store.dispatch({ type: 'returned-reading', names: files.map((f) => f.name) });
      const read: ReturnedFile[] = [];
      // One after the other: a national plan's parts are many, and each is read whole into memory.
      for (const file of files) read.push(await readReturned(file));
      store.dispatch({ type: 'returned-read', files: read });
      await consolidationShown();
    },

    removeReturned(name) {
      if (!isBusy(store.get())) store.dispatch({ type: 'returned-removed', name });
    },

    previewConsolidation,

    /**
     * Copies the returned actuals into the plan workbook read again (see `rewriteBook`): the same revision's
     * forms, with the actuals consolidated. Refused as a whole when any file is refused; nothing is written
     * when no file brings a new figure.
     */
    async writeConsolidation() {
      const input = consolidationReady();
      if (!input) return;
      const { generation } = input;
      const { preview } = store.get().consolidation;
      const previewed = preview.status === 'checked' && preview.generation === generation;
      await rewriteBook('consolidate', input.host, input.book, 'consolidating', (book) => {
        const check = checkConsolidation(book, input.files);
        if (!previewed) {
          store.dispatch({ type: 'consolidation-checking' });
          showCheck(check, generation);
        }
        if (!check.ok) return { problems: check.problems };
        if (check.model.copied === 0) return { error: both((s) => s.nothingToWrite) };
        return { forms: (names) => sameRevisionForms(book, check.actuals, names) };
      });
    },
  };
}
