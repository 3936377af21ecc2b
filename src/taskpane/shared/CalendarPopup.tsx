import { Button, Popover, PopoverSurface, makeStyles, tokens } from '@fluentui/react-components';
import { Calendar, DayOfWeek } from '@fluentui/react-calendar-compat';
import { useMemo } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import { DayNumber } from '../../planning/days';
import { dateFromDay, dayFromDate } from '../dates';

const useStyles = makeStyles({
  surface: { padding: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: 'calc(100vw - 16px)', boxSizing: 'border-box' },
  actions: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export interface CalendarPopupProps {
  t: PaneStrings;
  /** The field's label: the calendar is named after it. */
  label: string;
  /** The field the calendar opens under. */
  target: HTMLElement | null;
  value: DayNumber | null;
  today: DayNumber;
  /** A day picked (the calendar closes), or null when closed without one. */
  onClose: (day: DayNumber | null) => void;
}

/**
 * The month calendar of a date field, loaded when it is first opened (its grid and positioning are a good
 * part of Fluent's code). Days cross to the planner as day numbers, via their calendar fields.
 */
export function CalendarPopup({ t, label, target, value, today, onClose }: CalendarPopupProps) {
  const styles = useStyles();
  const date = useMemo(() => (value === null ? undefined : dateFromDay(value)), [value]);
  const todayDate = useMemo(() => dateFromDay(today), [today]);
  return (
    <Popover open positioning={{ target, position: 'below', align: 'start', fallbackPositions: ['above-start', 'below-end'] }} onOpenChange={(_, d) => !d.open && onClose(null)}>
      <PopoverSurface className={styles.surface} role="dialog" aria-label={t.calendarOf(label)} data-testid="calendar">
        <Calendar
          value={date}
          today={todayDate}
          onSelectDate={(d) => onClose(dayFromDate(d))}
          // Escape in the grid: the calendar handles it, and says so here.
          onDismiss={() => onClose(null)}
          firstDayOfWeek={DayOfWeek.Monday}
          strings={t.calendar}
          // Fluent's own "today" link is grey, as if disabled: a real button below instead.
          showGoToToday={false}
          showMonthPickerAsOverlay
          highlightSelectedMonth
        />
        <div className={styles.actions}>
          <Button size="small" onClick={() => onClose(today)}>
            {t.calendar.goToToday}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => onClose(null)}>
            {t.closeCalendar}
          </Button>
        </div>
      </PopoverSurface>
    </Popover>
  );
}
