import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import { DayNumber, formatVN } from '../../planning/days';
import { sortedDays } from './pane-settings';
import { DateField } from '../shared/DateField';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
  add: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, '& > :first-child': { flexGrow: 1, minWidth: 0 } },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export interface DateListProps {
  label: string;
  addLabel: string;
  days: readonly DayNumber[];
  onChange: (days: DayNumber[]) => void;
  t: PaneStrings;
  today: DayNumber;
  /** While the pane is busy: no date is added or removed. */
  disabled?: boolean;
}

/** A list of dates (own days off, make-up days): each a chip that removes itself, and a picker to add one. */
export function DateList({ label, addLabel, days, onChange, t, today, disabled = false }: DateListProps) {
  const styles = useStyles();
  const labelId = useId();
  const [adding, setAdding] = useState<DayNumber | null>(null);
  const group = useRef<HTMLDivElement>(null);
  // The chip removed had the focus: it goes to the chip now in its place, or to the picker when none is left.
  const removedAt = useRef<number | null>(null);
  useEffect(() => {
    const index = removedAt.current;
    if (index === null || !group.current) return;
    removedAt.current = null;
    const chips = group.current.querySelectorAll<HTMLElement>('[data-date-chip]');
    (chips[Math.min(index, chips.length - 1)] ?? group.current.querySelector<HTMLElement>('input'))?.focus();
  }, [days]);
  const add = (): void => {
    if (adding === null || disabled) return;
    onChange(sortedDays([...days, adding]));
    setAdding(null);
  };
  return (
    <div role="group" aria-labelledby={labelId} className={styles.group} ref={group}>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      {days.length === 0 ? (
        <p className={styles.muted}>{t.noDates}</p>
      ) : (
        // A list of buttons, each removing its date (Fluent's TagGroup puts focusable elements hidden from
        // screen readers around it, and its code would load with the pane).
        <ul className={styles.tags} aria-labelledby={labelId}>
          {days.map((d, i) => (
            <li key={d}>
              <Button
                data-date-chip
                size="small"
                shape="circular"
                icon={<DismissRegular />}
                iconPosition="after"
                aria-label={t.removeDate(formatVN(d))}
                disabledFocusable={disabled}
                onClick={() => {
                  if (disabled) return;
                  removedAt.current = i;
                  onChange(days.filter((x) => x !== d));
                }}
              >
                {formatVN(d)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.add}>
        <DateField label={addLabel} value={adding} onChange={setAdding} t={t} today={today} disabled={disabled} />
        <Button onClick={add} disabledFocusable={adding === null || disabled} aria-label={`${t.add}: ${label}`}>
          {t.add}
        </Button>
      </div>
    </div>
  );
}
