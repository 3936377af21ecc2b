import { Field, Input, makeStyles } from '@fluentui/react-components';
import { Suspense, lazy, useMemo, useState } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import { DayNumber, formatVN } from '../../planning/days';
import { dateFromDay, dayFromDate, formatPickerDate, parsePickerDate } from '../dates';

// Requested with the first date field, so it usually arrives before anyone reaches one.
const DatePicker = lazy(() => import(/* webpackChunkName: "date-picker" */ './DatePickerInput'));

// Inputs are as wide as their column, and columns may be narrower than an input's natural width.
const useStyles = makeStyles({
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
});

/** Calendars start on Monday in Viet Nam (and in the plan's weeks). */
const MONDAY = 1;

export interface DateFieldProps {
  label: string;
  value: DayNumber | null;
  onChange: (day: DayNumber | null) => void;
  t: PaneStrings;
  today: DayNumber;
  /** A message from the form's validation (e.g. the end before the start). */
  error?: string;
  testId?: string;
  /** While the pane is busy: the date cannot change (nor its calendar open). */
  disabled?: boolean;
}

/**
 * A date shown and typed as dd/mm/yyyy (typed text is read when the field loses focus), or picked from a
 * calendar that fits a 320 px pane. Dates cross to the planner as day numbers, via their calendar fields.
 */
export function DateField({ label, value, onChange, t, today, error, testId, disabled = false }: DateFieldProps) {
  const styles = useStyles();
  const [typedWrong, setTypedWrong] = useState(false);
  // The picker re-formats its text whenever `value` changes identity: keep one Date per day.
  const date = useMemo(() => (value === null ? null : dateFromDay(value)), [value]);
  const todayDate = useMemo(() => dateFromDay(today), [today]);
  const message = typedWrong ? t.dateInvalid : error;
  return (
    <Field className={styles.field} label={label} validationMessage={message} validationState={message ? 'error' : 'none'}>
      <Suspense fallback={<Input className={styles.input} readOnly disabled={disabled} value={value === null ? '' : formatVN(value)} placeholder={t.datePlaceholder} />}>
        <DatePicker
          className={styles.input}
          value={date}
          today={todayDate}
          disabled={disabled}
          onSelectDate={(d) => {
            setTypedWrong(false);
            onChange(d ? dayFromDate(d) : null);
          }}
          onValidationResult={(r) => setTypedWrong(r.error === 'invalid-input')}
          allowTextInput
          formatDate={formatPickerDate}
          parseDateFromString={parsePickerDate}
          placeholder={t.datePlaceholder}
          strings={t.calendar}
          firstDayOfWeek={MONDAY}
          showMonthPickerAsOverlay
          data-testid={testId}
        />
      </Suspense>
    </Field>
  );
}
