import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';
import { registerLabel } from '../../planning/registers';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  name: { flexGrow: 1, minWidth: 0 },
  arrow: { minWidth: '32px' },
});

export interface PriorityListProps {
  /** Register codes in their current order. */
  codes: readonly string[];
  onMove: (index: number, delta: -1 | 1) => void;
  t: PaneStrings;
  lang: Lang;
  /** While the pane is busy: the buttons stay focusable but move nothing. */
  disabled?: boolean;
}

type Direction = 'up' | 'down';

/**
 * The registers in priority order, each with Up and Down buttons (mouse, touch and keyboard alike). After a
 * move the focus follows the register moved, so pressing again keeps moving it; the parent announces the move.
 */
export function PriorityList({ codes, onMove, t, lang, disabled = false }: PriorityListProps) {
  const styles = useStyles();
  const labelId = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<{ code: string; direction: Direction } | null>(null);

  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    // At the top (or bottom) the button pressed no longer applies: its other one takes the focus.
    const other: Direction = wanted.direction === 'up' ? 'down' : 'up';
    const index = codes.indexOf(wanted.code);
    const atEnd = wanted.direction === 'up' ? index === 0 : index === codes.length - 1;
    buttons.current.get(`${wanted.code}:${atEnd ? other : wanted.direction}`)?.focus();
  }, [codes]);

  // One register has no order to choose.
  if (codes.length === 1) return null;
  const move = (code: string, index: number, direction: Direction): void => {
    refocus.current = { code, direction };
    onMove(index, direction === 'up' ? -1 : 1);
  };
  const ref = (code: string, direction: Direction) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(`${code}:${direction}`, el);
    else buttons.current.delete(`${code}:${direction}`);
  };
  return (
    <div role="group" aria-labelledby={labelId} className={styles.group}>
      <span id={labelId} className={styles.label}>
        {t.priority}
      </span>
      <p className={styles.muted}>{codes.length === 0 ? t.priorityEmpty : t.priorityHint}</p>
      {codes.length > 0 && (
      <ol className={styles.list}>
        {codes.map((code, i) => {
          const name = registerLabel(code, lang);
          return (
            <li key={code} className={styles.item}>
              <span className={styles.name}>
                {i + 1}. {name} ({code})
              </span>
              <Button
                size="small"
                appearance="subtle"
                className={styles.arrow}
                ref={ref(code, 'up')}
                aria-label={t.moveUp(name)}
                disabled={i === 0}
                disabledFocusable={disabled}
                onClick={() => move(code, i, 'up')}
              >
                ↑
              </Button>
              <Button
                size="small"
                appearance="subtle"
                className={styles.arrow}
                ref={ref(code, 'down')}
                aria-label={t.moveDown(name)}
                disabled={i === codes.length - 1}
                disabledFocusable={disabled}
                onClick={() => move(code, i, 'down')}
              >
                ↓
              </Button>
            </li>
          );
        })}
      </ol>
      )}
    </div>
  );
}
