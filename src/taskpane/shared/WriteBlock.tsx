import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Step } from './Step';
import type { ViewProps } from './view-props';
import type { WriteState } from './write-state';
import { WriteStatus } from './WriteStatus';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface WriteBlockProps extends Pick<ViewProps, 't' | 'lang' | 'mode' | 'busy' | 'onShowSheet' | 'onGoToCell'> {
  id: string;
  heading: string;
  /** What the write does in each mode (into the workbook, or a file to download); null says nothing. */
  hints: Record<ViewProps['mode'], string | null>;
  button: string;
  testId: string;
  write: WriteState;
  onWrite: () => void;
  /** Fields to fill before writing. */
  children?: ReactNode;
}

/** Every flow's last step: what it does, its button, and under it how the write goes. */
export function WriteBlock({ t, lang, mode, id, heading, hints, button, testId, write, busy, onWrite, onShowSheet, onGoToCell, children }: WriteBlockProps) {
  const styles = useStyles();
  const hint = hints[mode];
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
