import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { DayNumber, formatVN } from '../../planning/days';
import { METHODS, Method } from '../../planning/settings';
import { formatCount } from '../../planning/text';
import { BookStep, Facts } from '../book/BookStep';
import type { BookState } from '../book/state';
import { PreviewBlock } from '../shared/PreviewBlock';
import { WriteBlock } from '../shared/WriteBlock';
import { FIELD, Missing } from '../shared/missing';
import { ResplitError, ResplitForm, validateResplit } from './model';
import type { ResplitSlice } from './state';
import { DateField } from '../shared/DateField';
import { PeriodTargets } from '../shared/PeriodTargets';
import { PlanWarnings } from '../shared/PlanWarnings';
import { Step } from '../shared/Step';
import type { ViewProps } from '../shared/view-props';
import { useFormStyles } from '../shared/form-styles';

const useStyles = makeStyles({
  p: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  // The preview's parts stay items of the step's column (its gap), grouped for tests.
  contents: { display: 'contents' },
});

export interface ResplitViewProps extends ViewProps {
  book: BookState;
  resplit: ResplitSlice;
  today: DayNumber;
  onReadBook: () => void;
  onChange: (patch: Partial<ResplitForm>) => void;
  onPreview: () => void;
  onWrite: () => void;
}

function errorText(t: PaneStrings, error: ResplitError | undefined): string | undefined {
  return error === 'as-of-missing' ? t.asOfMissing : error === 'end-missing' ? t.newEndMissing : undefined;
}

/**
 * The re-split ("Chia lại"): the plan workbook read back with its actuals, what changes (as-of date, new
 * end, method, grounds), a preview of the new revision, and the write that replaces the forms with it.
 */
export function ResplitView(props: ResplitViewProps) {
  const { t, lang, book, resplit, busy, today, onChange, onPreview, onGoToCell } = props;
  const styles = useStyles();
  const fields = useFormStyles();
  const { form, preview } = resplit;
  const valid = validateResplit(form);
  const errors = valid.ok ? {} : valid.errors;
  const current = book.status === 'read' ? t.methods[book.summary.method].name : null;
  // What a preview or a write still needs, each a link to its field.
  const missing: Missing[] = [];
  if (book.status !== 'reading' && book.status !== 'read') missing.push({ text: t.needBook, field: props.mode === 'file' ? FIELD.bookFile : FIELD.book });
  if (errors.asOf) missing.push({ text: `${t.asOf}: ${errorText(t, errors.asOf)}`, field: FIELD.asOf });
  if (errors.end) missing.push({ text: `${t.newEnd}: ${errorText(t, errors.end)}`, field: FIELD.newEnd });
  return (
    <>
      <BookStep {...props} fileIntro={t.bookFileIntro} />
      <Step id="step-resplit" heading={t.resplitHeading}>
        <div className={fields.pair}>
          <DateField id={FIELD.asOf} label={t.asOf} value={form.asOf} onChange={(asOf) => onChange({ asOf })} t={t} today={today} error={errorText(t, errors.asOf)} testId="as-of-date" disabled={busy} />
          <DateField id={FIELD.newEnd} label={t.newEnd} value={form.end} onChange={(end) => onChange({ end })} t={t} today={today} error={errorText(t, errors.end)} testId="new-end-date" disabled={busy} />
        </div>
        <p className={styles.hint}>{t.asOfHint}</p>
        <Field label={t.resplitMethod}>
          <Select value={form.method ?? ''} disabled={busy} onChange={(_, d) => onChange({ method: d.value === '' ? null : (d.value as Method) })}>
            <option value="">{current ? t.keepMethod(current) : t.keepMethodPlain}</option>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t.methods[m].name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.note} hint={t.noteHint}>
          <Input value={form.note} placeholder={t.notePlaceholder} disabled={busy} onChange={(_, d) => onChange({ note: d.value })} />
        </Field>
        <PreviewBlock
          t={t}
          lang={lang}
          preview={preview}
          busy={busy}
          missing={missing}
          testId="resplit-preview"
          pending={t.revising}
          refused={t.resplitRefused}
          onPreview={onPreview}
          onGoToCell={onGoToCell}
        >
          {({ model }) => (
            <div data-testid="resplit-preview-result" className={styles.contents}>
              <p className={styles.p}>{t.revisionSummary(model.revision, formatVN(model.asOf), formatVN(model.oldEnd), formatVN(model.end))}</p>
              <Facts
                caption={t.figuresCaption}
                rows={[
                  [t.need, formatCount(model.need, lang)],
                  [t.done, formatCount(model.done, lang)],
                  [t.left, formatCount(model.left, lang)],
                  ...(model.unscheduled > 0 ? [[t.unscheduledLabel, formatCount(model.unscheduled, lang)] as [string, string]] : []),
                ]}
              />
              <p className={styles.p}>{t.carried(formatCount(model.carried, lang), model.held)}</p>
              <PeriodTargets
                t={t}
                lang={lang}
                caption={t.newTargetsCaption}
                granularity={model.granularity}
                periods={model.periods}
                total={model.total}
                testId="resplit-totals"
              />
              <PlanWarnings t={t} lang={lang} cannotFinish={model.cannotFinish} warnings={model.warnings} onGoToCell={onGoToCell} />
            </div>
          )}
        </PreviewBlock>
      </Step>
      <WriteBlock
        {...props}
        id="step-resplit-write"
        heading={t.resplitWriteHeading}
        hints={{ excel: t.resplitWriteHint, file: t.resplitWriteFileHint }}
        button={t.resplitWrite}
        testId="resplit-write"
        write={resplit.write}
        missing={missing}
        preview={{ shown: resplit.preview, id: 'step-resplit' }}
        onUndo={props.onUndoWrite && (() => props.onUndoWrite!('resplit'))}
      />
    </>
  );
}
