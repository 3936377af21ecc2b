import { useMemo } from 'react';
import { both } from '../../i18n/strings';
import { DayNumber } from '../../planning/days';
import { hasErrors } from '../../planning/problems';
import { registerLabel } from '../../planning/registers';
import type { PlanActions } from './controller';
import { looksFormer } from '../../places/names';
import type { RemapActions } from '../remap/controller';
import type { RemapSlice } from '../remap/state';
import { SettingsField, stagesFormProblem, validateForm } from './pane-settings';
import { PreviewStep } from './PreviewStep';
import { movePriority, shownPriority } from './priority';
import { SettingsStep, errorText } from './SettingsStep';
import { Loading, lazyPart } from '../shared/Loading';
import { FIELD, Missing } from '../shared/missing';
import { SourceStep } from './SourceStep';
import type { PlanSlice } from './state';
import type { ViewProps } from '../shared/view-props';
import { WriteStep } from './WriteStep';

const NO_REGISTERS: readonly string[] = [];

// Loaded only for a table of former communes: most tables never need it.
const RemapStep = lazyPart(() => import(/* webpackChunkName: "remap-step" */ '../remap/RemapStep').then((m) => m.RemapStep));

export interface PlanViewProps extends ViewProps {
  plan: PlanSlice;
  remap: RemapSlice;
  settingsNotSaved: boolean;
  today: DayNumber;
  actions: PlanActions & RemapActions;
  onAnnounce: (status: { vi: string; en: string }) => void;
}

/** Planning ("Lập kế hoạch") in four steps: the units table, the settings, the preview, the forms written. */
export function PlanView({ t, lang, mode, plan, remap, fileName, settingsNotSaved, busy, today, actions, onChooseFile, onAnnounce, onShowSheet, onGoToCell, onUndoWrite }: PlanViewProps) {
  const { form, source } = plan;
  const validation = useMemo(() => validateForm(form), [form]);
  const present = source.status === 'read' ? source.table.registers : NO_REGISTERS;
  const priority = useMemo(() => shownPriority(present, form.priority), [present, form.priority]);
  const tableOk = source.status === 'read' && !hasErrors(source.table.problems);
  const former = useMemo(() => source.status === 'read' && looksFormer(source.table.units), [source]);
  // What a preview or a write still needs, each a link to its field.
  const missing = useMemo((): Missing[] => {
    const out: Missing[] = [];
    if (mode === 'file' && source.status === 'none') out.push({ text: t.needFile, field: FIELD.sourceFile });
    else if (source.status !== 'reading' && !tableOk) out.push({ text: t.needTable, field: FIELD.source });
    if (!validation.ok) {
      const labels: Record<SettingsField, string> = { start: t.start, end: t.end, rate: t.rate, machines: t.machines, stages: t.stages };
      for (const [key, error] of Object.entries(validation.errors) as [SettingsField, NonNullable<(typeof validation.errors)[SettingsField]>][]) {
        const said = errorText(t, error) ?? stagesFormProblem(form)?.[lang] ?? t.fixSettings;
        out.push({ text: `${labels[key]}: ${said}`, field: FIELD[key] });
      }
    }
    return out;
  }, [t, lang, mode, source.status, tableOk, validation, form]);

  const onMovePriority = (index: number, delta: -1 | 1): void => {
    actions.updateForm({ priority: movePriority(present, form.priority, index, delta) });
    const code = priority[index];
    const count = priority.length;
    onAnnounce(both((s, l) => s.moved(registerLabel(code, l), index + delta + 1, count)));
  };

  return (
    <>
      <SourceStep
        t={t}
        lang={lang}
        mode={mode}
        source={source}
        fileName={fileName}
        busy={busy}
        onChooseFile={onChooseFile}
        onReadAgain={() => void actions.readSource()}
        onGoToCell={onGoToCell}
      />
      {tableOk && former && (
        <Loading t={t} fallback={null}>
          <RemapStep t={t} lang={lang} mode={mode} busy={busy} remap={remap} actions={actions} onShowSheet={onShowSheet} onGoToCell={onGoToCell} />
        </Loading>
      )}
      <SettingsStep
        t={t}
        lang={lang}
        form={form}
        errors={validation.ok ? {} : validation.errors}
        priority={priority}
        today={today}
        settingsNotSaved={settingsNotSaved}
        disabled={busy}
        onChange={actions.updateForm}
        onMovePriority={onMovePriority}
      />
      <PreviewStep t={t} lang={lang} preview={plan.preview} busy={busy} missing={missing} onPreview={() => void actions.preview()} onGoToCell={onGoToCell} />
      <WriteStep
        t={t}
        lang={lang}
        mode={mode}
        document={form}
        today={today}
        write={plan.write}
        missing={missing}
        busy={busy}
        onDocument={actions.updateForm}
        onWrite={() => void actions.write()}
        onShowSheet={onShowSheet}
        onGoToCell={onGoToCell}
        onUndo={onUndoWrite && (() => onUndoWrite('plan'))}
      />
    </>
  );
}
