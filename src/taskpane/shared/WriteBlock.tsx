import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';
import { Step } from './Step';
import type { WriteState } from './write-state';
import { WriteStatus } from './WriteStatus';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface WriteBlockProps {
  t: PaneStrings;
  lang: Lang;
  id: string;
  heading: string;
  /** What the write does here (into the workbook, or a file to download). */
  hint: string | null;
  button: string;
  testId: string;
  write: WriteState;
  busy: boolean;
  onWrite: () => void;
  onShowSheet: (name: string) => void;
  onGoToCell?: (cell: string) => void;
  /** Fields to fill before writing. */
  children?: ReactNode;
}

/** Every flow's last step: what it does, its button, and under it how the write goes. */
export function WriteBlock({ t, lang, id, heading, hint, button, testId, write, busy, onWrite, onShowSheet, onGoToCell, children }: WriteBlockProps) {
  const styles = useStyles();
  return (
    <Step id={id} heading={heading}>
      {children}
      {hint && <p className={mergeClasses(styles.p, styles.muted)}>{hint}</p>}
      <div>
        <Button appearance="primary" data-testid={testId} onClick={onWrite} disabledFocusable={busy}>
          {button}
        </Button>
      </div>
      <WriteStatus t={t} lang={lang} write={write} onShowSheet={onShowSheet} onGoToCell={onGoToCell} />
    </Step>
  );
}
