import { Button, Checkbox, Field, Input, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { Bilingual, PaneStrings, both } from '../../i18n/strings';
import { DayNumber } from '../../planning/days';
import { stageLabel } from '../../planning/stages';
import type { Lang } from '../../sheets/forms/text';
import {
  SettingsForm,
  StageForm,
  addCatalogStage,
  addNamedStage,
  changeStage,
  moveStage,
  removeStage,
  renameStage,
  stageFormLabel,
  stagesToAdd,
} from './pane-settings';
import { DateField } from '../shared/DateField';
import { useFormStyles } from '../shared/form-styles';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  number: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  arrow: { minWidth: '32px' },
  dates: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalM },
  add: { alignSelf: 'flex-start' },
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
});

export interface StagesEditorProps {
  t: PaneStrings;
  lang: Lang;
  form: SettingsForm;
  today: DayNumber;
  /** What is wrong with the stages, in the pane's language (`stagesFormProblem`). */
  problem: string | null;
  /** While the pane is busy: fields are disabled, buttons stay focusable but change nothing. */
  disabled: boolean;
  onChange: (stages: StageForm[]) => void;
}

/** Where the focus goes once the list has changed: the stage moved keeps it, a removed one hands it on, a new one takes it. */
type Refocus = { key: string; what: 'up' | 'down' | 'name'; select?: boolean } | { what: 'add' };

/**
 * The workflow stages of a plan: each with its name, window, lag and (the first) whether it counts books,
 * moved and removed with buttons, added from the catalog or named by the user. Every change is announced.
 */
export function StagesEditor({ t, lang, form, today, problem, disabled, onChange }: StagesEditorProps) {
  const styles = useStyles();
  const fields = useFormStyles();
  const labelId = useId();
  const hintId = useId();
  const problemId = useId();
  const { stages } = form;
  const [menuOpen, setMenuOpen] = useState(false);
  const [announced, setAnnounced] = useState<Bilingual | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef<Refocus | null>(null);

  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    let el: HTMLElement | null | undefined;
    if (wanted.what === 'add') el = addButton.current;
    else if (wanted.what === 'name') el = elements.current.get(`${wanted.key}:name`);
    else {
      // At the top (or bottom) the button pressed no longer applies: its other one takes the focus.
      const index = stages.findIndex((s) => s.key === wanted.key);
      const atEnd = wanted.what === 'up' ? index === 0 : index === stages.length - 1;
      el = elements.current.get(`${wanted.key}:${atEnd ? (wanted.what === 'up' ? 'down' : 'up') : wanted.what}`);
    }
    // After the menu has closed and handed the focus back to its button.
    const frame = requestAnimationFrame(() => {
      el?.focus();
      if (wanted.what === 'name' && wanted.select && el instanceof HTMLInputElement) el.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [stages]);

  const ref = (id: string) => (el: HTMLElement | null) => {
    if (el) elements.current.set(id, el);
    else elements.current.delete(id);
  };
  const nameOf = (s: StageForm, l: Lang): string => stageFormLabel(s, l) || '…';

  const move = (index: number, what: 'up' | 'down'): void => {
    if (disabled) return;
    const s = stages[index];
    const to = index + (what === 'up' ? -1 : 1);
    refocus.current = { key: s.key, what };
    onChange(moveStage(stages, index, what === 'up' ? -1 : 1));
    setAnnounced(both((x, l) => x.moved(nameOf(s, l), to + 1, stages.length)));
  };
  const remove = (index: number): void => {
    if (disabled || stages.length <= 1) return;
    const s = stages[index];
    const next = removeStage(stages, index);
    const after = next[Math.min(index, next.length - 1)];
    refocus.current = after ? { key: after.key, what: 'name' } : { what: 'add' };
    onChange(next);
    setAnnounced(both((x, l) => x.stageRemoved(nameOf(s, l))));
  };
  const addCatalog = (key: string): void => {
    if (disabled) return;
    refocus.current = { key, what: 'name' };
    onChange(addCatalogStage(stages, key));
    setAnnounced(both((x, l) => x.stageAdded(stageLabel({ key, label: null }, l))));
  };
  const addNamed = (): void => {
    if (disabled) return;
    const name = t.stageNumber(stages.length + 1);
    const added = addNamedStage(stages, name);
    refocus.current = { key: added.key, what: 'name', select: true };
    onChange(added.stages);
    setAnnounced(both((x) => x.stageAdded(name)));
  };

  const choices = stagesToAdd(stages);
  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={problem ? `${hintId} ${problemId}` : hintId} className={styles.group} data-testid="stages">
      <span id={labelId} className={styles.label}>
        {t.stages}
      </span>
      <p id={hintId} className={styles.muted}>
        {t.stagesHint}
      </p>
      <ol className={styles.list}>
        {stages.map((s, i) => {
          const name = nameOf(s, lang);
          return (
            <li key={s.key} className={styles.item} data-testid={`stage-${i}`}>
              <div role="group" aria-label={`${t.stageNumber(i + 1)}: ${name}`} className={styles.group}>
                <div className={styles.head}>
                  <span className={styles.number}>{t.stageNumber(i + 1)}</span>
                  <Button size="small" appearance="subtle" className={styles.arrow} ref={ref(`${s.key}:up`)} aria-label={t.moveStageUp(name)} disabled={i === 0} disabledFocusable={disabled} onClick={() => move(i, 'up')}>
                    ↑
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    className={styles.arrow}
                    ref={ref(`${s.key}:down`)}
                    aria-label={t.moveStageDown(name)}
                    disabled={i === stages.length - 1}
                    disabledFocusable={disabled}
                    onClick={() => move(i, 'down')}
                  >
                    ↓
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    className={styles.arrow}
                    ref={ref(`${s.key}:remove`)}
                    aria-label={t.removeStage(name)}
                    disabled={stages.length === 1}
                    disabledFocusable={disabled}
                    onClick={() => remove(i)}
                    data-testid={`stage-remove-${i}`}
                  >
                    ✕
                  </Button>
                </div>
                <Field className={fields.field} label={t.stageName}>
                  <Input
                    className={fields.input}
                    ref={ref(`${s.key}:name`)}
                    value={stageFormLabel(s, lang)}
                    disabled={disabled}
                    onChange={(_, d) => onChange(renameStage(stages, i, d.value, lang))}
                    data-testid={`stage-name-${i}`}
                  />
                </Field>
                <div className={styles.dates}>
                  <DateField
                    label={t.stageStart}
                    value={s.start ?? form.start}
                    onChange={(start) => onChange(changeStage(form, i, { start }))}
                    t={t}
                    today={today}
                    testId={`stage-start-${i}`}
                    disabled={disabled}
                  />
                  <DateField
                    label={t.stageEnd}
                    value={s.end ?? form.end}
                    onChange={(end) => onChange(changeStage(form, i, { end }))}
                    t={t}
                    today={today}
                    testId={`stage-end-${i}`}
                    disabled={disabled}
                  />
                </div>
                {i === 0 ? (
                  <Checkbox label={t.stageBooks} checked={s.unit === 'books'} disabled={disabled} onChange={(_, d) => onChange(changeStage(form, i, { unit: d.checked ? 'books' : 'records' }))} />
                ) : (
                  <Field className={fields.field} label={t.stageLag}>
                    <Input
                      className={fields.input}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={366}
                      step={1}
                      value={s.lag}
                      disabled={disabled}
                      onChange={(_, d) => onChange(changeStage(form, i, { lag: d.value }))}
                      data-testid={`stage-lag-${i}`}
                    />
                  </Field>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <Menu open={menuOpen && !disabled} onOpenChange={(_, d) => setMenuOpen(d.open)}>
        <MenuTrigger disableButtonEnhancement>
          <Button className={styles.add} ref={addButton} disabledFocusable={disabled} data-testid="stage-add">
            {t.addStage}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {choices.map((key) => (
              <MenuItem key={key} onClick={() => addCatalog(key)}>
                {stageLabel({ key, label: null }, lang)}
              </MenuItem>
            ))}
            <MenuItem onClick={addNamed}>{t.otherStage}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {problem && (
        <MessageBar intent="error" layout="multiline" data-testid="stages-problem">
          <MessageBarBody id={problemId}>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div role="status" className={styles.hidden}>
        {announced?.[lang]}
      </div>
    </div>
  );
}
