import { Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { CalendarRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import { DayNumber, formatVN } from '../../planning/days';
import { Loading, lazyPart } from './Loading';
import { useFormStyles } from './form-styles';

// The calendar loads when it is first opened; the parser (date-fns) when a date field first takes the focus.
const CalendarPopup = lazyPart(() => import(/* webpackChunkName: "calendar" */ './CalendarPopup').then((m) => m.CalendarPopup));
let parser: Promise<typeof import('../../planning/typed-date')> | null = null;
const loadParser = () => (parser ??= import(/* webpackChunkName: "typed-date" */ '../../planning/typed-date').catch((err: unknown) => {
  parser = null; // not downloaded (offline, a deployment replaced): tried again the next time
  throw err;
}));

const useStyles = makeStyles({
  // The box is a grid item of the field: without this it is as wide as the input's own size (20 characters).
  box: { minWidth: 0 },
});

export interface DateFieldProps {
  label: string;
  value: DayNumber | null;
  /** A day read or picked; null when the field is cleared or what was typed is not a date. */
  onChange: (day: DayNumber | null) => void;
  t: PaneStrings;
  today: DayNumber;
  /** A message from the form's validation (e.g. the end before the start). */
  error?: string;
  testId?: string;
  /** While the pane is busy: the date cannot change (nor its calendar open). */
  disabled?: boolean;
  /** The id of the box around the input (a message's link to the field focuses the input in it). */
  id?: string;
}

/**
 * A date typed as offices type it (26/05/2023, 26-05-2023, 26.05.2023, 27/05/23; read when the field loses
 * the focus or on Enter) or picked from a calendar. What cannot be read stays as it was typed, with a message
 * under the field, and the form gets no date (so nothing is planned from the date before).
 */
export function DateField({ label, value, onChange, t, today, error, testId, disabled = false, id }: DateFieldProps) {
  const styles = useStyles();
  const fields = useFormStyles();
  const [text, setText] = useState(value === null ? '' : formatVN(value));
  const [unread, setUnread] = useState<string | null>(null);
  // The parser could not be downloaded: what was typed is not read, and the field says so.
  const [unavailable, setUnavailable] = useState(false);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // The shown text follows the value when it changes from outside (a setting loaded, a day picked).
  const shown = useRef(value);
  useEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    // Cleared from outside too (a list's field after its date was added): the text goes with the value.
    setText(value === null ? '' : formatVN(value));
    setUnread(null);
  }, [value]);

  const commit = async (typed: string): Promise<void> => {
    const trimmed = typed.trim();
    if (trimmed === '') {
      setUnread(null);
      setUnavailable(false);
      shown.current = null;
      if (value !== null) onChange(null);
      return;
    }
    let parse: (text: string) => DayNumber | null;
    try {
      parse = (await loadParser()).parseTypedDate;
    } catch {
      setUnavailable(true);
      shown.current = null;
      if (value !== null) onChange(null);
      return;
    }
    setUnavailable(false);
    const day = parse(trimmed);
    if (day === null) {
      // Kept as typed, said under the field; the form has no date until one is read.
      setUnread(trimmed);
      shown.current = null;
      if (value !== null) onChange(null);
      return;
    }
    setUnread(null);
    setText(formatVN(day));
    shown.current = day;
    if (day !== value) onChange(day);
  };

  const message = unavailable ? t.partUnavailable : unread !== null ? t.dateUnread(unread) : error;
  return (
    <Field className={fields.field} label={label} validationMessage={message} validationState={message ? 'error' : 'none'}>
      <div ref={box} id={id} className={styles.box}>
        <Input
          className={fields.input}
          value={text}
          disabled={disabled}
          placeholder={t.datePlaceholder}
          data-testid={testId}
          autoComplete="off"
          onFocus={() => void loadParser().catch(() => undefined)}
          onChange={(_, d) => setText(d.value)}
          onBlur={() => void commit(text)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit(text);
            if (e.key === 'ArrowDown' && e.altKey) setOpen(true);
          }}
          contentAfter={
            <Button
              ref={button}
              appearance="transparent"
              size="small"
              icon={<CalendarRegular />}
              aria-label={t.openCalendar(label)}
              aria-expanded={open}
              disabledFocusable={disabled}
              onClick={() => !disabled && setOpen((o) => !o)}
            />
          }
        />
      </div>
      {open && (
        <Loading t={t} fallback={null}>
          <CalendarPopup
            t={t}
            label={label}
            target={box.current}
            value={value}
            today={today}
            onClose={(day) => {
              setOpen(false);
              button.current?.focus();
              if (day !== null) {
                setUnread(null);
                setText(formatVN(day));
                shown.current = day;
                if (day !== value) onChange(day);
              }
            }}
          />
        </Loading>
      )}
    </Field>
  );
}
