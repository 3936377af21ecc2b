import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Spinner, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { FocusEvent, useMemo, useState } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import { DayNumber } from '../../planning/days';
import { GRANULARITIES, Granularity } from '../../planning/periods';
import { METHODS, Method } from '../../planning/settings';
import type { Lang } from '../../sheets/forms/text';
import { SettingsError, SettingsField, SettingsForm, WEEKS, WeekChoice, stagesFormProblem, switchStages } from './pane-settings';
import { DateField } from '../shared/DateField';
import { DateList } from './DateList';
import { PriorityList } from './PriorityList';
import { Loading, lazyPart } from '../shared/Loading';
import { FIELD } from '../shared/missing';
import { Step } from '../shared/Step';
import { useFormStyles } from '../shared/form-styles';

// Loaded when stages are switched on: its menu and list are not needed by a plan without stages.
const StagesEditor = lazyPart(() => import(/* webpackChunkName: "stages-editor" */ './StagesEditor').then((m) => m.StagesEditor));

const useStyles = makeStyles({
  methodName: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  methodHint: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface SettingsStepProps {
  t: PaneStrings;
  lang: Lang;
  form: SettingsForm;
  errors: Partial<Record<SettingsField, SettingsError>>;
  /** The registers to order, in their current order. */
  priority: readonly string[];
  today: DayNumber;
  settingsNotSaved: boolean;
  /**
   * While the pane is busy (reading, planning, writing): a plan is being made from these settings, so
   * they cannot change until it is done. Buttons stay focusable; fields are disabled.
   */
  disabled: boolean;
  onChange: (patch: Partial<SettingsForm>) => void;
  onMovePriority: (index: number, delta: -1 | 1) => void;
}

/** What a setting's error says under its field (stages: said next to the stages, by `stagesFormProblem`). */
export function errorText(t: PaneStrings, error: SettingsError | undefined): string | undefined {
  switch (error) {
    case undefined:
      return undefined;
    case 'start-missing':
      return t.startMissing;
    case 'end-missing':
      return t.endMissing;
    case 'end-before-start':
      return t.endBeforeStart;
    case 'window-too-long':
      return t.windowTooLong;
    case 'rate':
      return t.rateInvalid;
    case 'machines':
      return t.machinesInvalid;
    case 'stages': // worded by stagesFormProblem, next to the stages
      return undefined;
  }
}

/** Step 2: everything that decides the plan besides the units. */
export function SettingsStep({ t, lang, form, errors, priority, today, settingsNotSaved, disabled, onChange, onMovePriority }: SettingsStepProps) {
  const styles = useStyles();
  const fields = useFormStyles();
  const stagesProblem = useMemo(() => stagesFormProblem(form), [form]);
  // What the two dates say together (the end before the start, a window too long) waits until the focus
  // leaves them: typing the start first must not flash a window made with the end still to be typed.
  const [inDates, setInDates] = useState(false);
  const pairError = errors.end === 'end-before-start' || errors.end === 'window-too-long';
  const endError = pairError && inDates ? undefined : errorText(t, errors.end);
  const leaveDates = (e: FocusEvent<HTMLDivElement>): void => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setInDates(false);
  };
  const numberField = (key: 'rate' | 'machines', label: string, hint: string, min: number) => {
    const error = errorText(t, errors[key]);
    return (
      <Field id={FIELD[key]} className={fields.field} label={label} hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Input className={fields.input} type="number" inputMode="numeric" min={min} step={1} disabled={disabled} value={form[key]} onChange={(_, d) => onChange({ [key]: d.value })} />
      </Field>
    );
  };
  return (
    <Step id="step-settings" heading={t.settingsHeading}>
      <div className={fields.pair} onFocus={() => setInDates(true)} onBlur={leaveDates}>
        <DateField id={FIELD.start} label={t.start} value={form.start} onChange={(start) => onChange({ start })} t={t} today={today} error={errorText(t, errors.start)} testId="start-date" disabled={disabled} />
        <DateField id={FIELD.end} label={t.end} value={form.end} onChange={(end) => onChange({ end })} t={t} today={today} error={endError} testId="end-date" disabled={disabled} />
      </div>
      <Switch id={FIELD.stages} label={t.stagesSwitch} checked={form.stagesOn} disabled={disabled} onChange={(_, d) => onChange(switchStages(form, d.checked))} data-testid="stages-switch" />
      {form.stagesOn && (
        <Loading t={t} fallback={<Spinner size="tiny" />}>
          <StagesEditor t={t} lang={lang} form={form} today={today} problem={stagesProblem?.[lang] ?? null} disabled={disabled} onChange={(stages) => onChange({ stages })} />
        </Loading>
      )}
      <Field label={t.granularity}>
        <Select value={form.granularity} disabled={disabled} onChange={(_, d) => onChange({ granularity: d.value as Granularity })}>
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {t.granularities[g]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.method}>
        <RadioGroup value={form.method} disabled={disabled} onChange={(_, d) => onChange({ method: d.value as Method })}>
          {METHODS.map((m) => (
            <Radio
              key={m}
              value={m}
              label={
                <>
                  <span className={styles.methodName}>{t.methods[m].name}</span>
                  <span className={styles.methodHint}>{t.methods[m].hint}</span>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <PriorityList codes={priority} onMove={onMovePriority} t={t} lang={lang} disabled={disabled} />
      <Field label={t.week}>
        <Select value={form.week} disabled={disabled} onChange={(_, d) => onChange({ week: d.value as WeekChoice })}>
          {WEEKS.map((w) => (
            <option key={w} value={w}>
              {t.weeks[w]}
            </option>
          ))}
        </Select>
      </Field>
      <Switch label={t.holidays} checked={form.holidays} disabled={disabled} onChange={(_, d) => onChange({ holidays: d.checked })} />
      <DateList label={t.daysOff} addLabel={t.addDayOff} days={form.daysOff} onChange={(daysOff) => onChange({ daysOff })} t={t} today={today} disabled={disabled} />
      <DateList
        label={t.extraWorkdays}
        addLabel={t.addExtraWorkday}
        days={form.extraWorkdays}
        onChange={(extraWorkdays) => onChange({ extraWorkdays })}
        t={t}
        today={today}
        disabled={disabled}
      />
      <div className={fields.pair}>
        {numberField('rate', t.rate, t.rateHint, 1)}
        {numberField('machines', t.machines, t.machinesHint, 0)}
      </div>
      {settingsNotSaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.settingsNotSaved}</MessageBarBody>
        </MessageBar>
      )}
    </Step>
  );
}
