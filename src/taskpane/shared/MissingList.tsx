import { Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { useEffect, useState } from 'react';
import { Missing, focusField } from './missing';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  link: { textAlign: 'start' },
});

/**
 * Whether a button was pressed while something is missing (then said where it was pressed), and the press:
 * `onPress` runs the action when nothing is missing. Forgotten once nothing is.
 */
export function useAsked(missing: readonly Missing[], action: () => void): { asked: boolean; onPress: () => void } {
  const [asked, setAsked] = useState(false);
  const ready = missing.length === 0;
  useEffect(() => {
    if (ready) setAsked(false);
  }, [ready]);
  return { asked, onPress: () => (ready ? action() : setAsked(true)) };
}

export interface MissingListProps {
  t: PaneStrings;
  missing: readonly Missing[];
  /** The button was pressed while something is missing: said as an alert, where it was pressed. */
  asked: boolean;
  testId: string;
}

/** What is missing or wrong before a preview or a write, each a link to its field. */
export function MissingList({ t, missing, asked, testId }: MissingListProps) {
  const styles = useStyles();
  if (missing.length === 0) return null;
  const list = (
    <ul className={styles.list}>
      {missing.map((m) => (
        <li key={`${m.field}:${m.text}`}>
          <Link as="button" className={styles.link} onClick={() => focusField(m.field)}>
            {m.text}
          </Link>
        </li>
      ))}
    </ul>
  );
  if (!asked) {
    return (
      <div className={styles.muted} data-testid={testId}>
        <p className={styles.p}>{t.missingFirst}</p>
        {list}
      </div>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid={testId}>
      <MessageBarBody>
        <p className={styles.p}>{t.missingFirst}</p>
        {list}
      </MessageBarBody>
    </MessageBar>
  );
}
