import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Missing } from './missing';
import { MissingList, useAsked } from './MissingList';
import { Step } from './Step';
import type { Preview } from './preview-state';
import type { ViewProps } from './view-props';
import type { WriteState } from './write-state';
import { Loading, lazyPart } from './Loading';

// How a write goes (its progress bar, the sheets written, the undo) loads when Write is first pressed.
const loadWriteStatus = () => import(/* webpackChunkName: "write-status" */ './WriteStatus');
const WriteStatus = lazyPart(() => loadWriteStatus().then((m) => m.WriteStatus));

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
  /** What the write still needs, each with its field (empty: nothing). */
  missing: readonly Missing[];
  onWrite: () => void;
  /** Excel only: undoes this write, offered under its result. */
  onUndo?: () => void;
  /** The flow's preview and its id: a write refused for what the preview shows refers to it. */
  preview?: { shown: Preview<unknown>; id: string };
  /** Fields to fill before writing. */
  children?: ReactNode;
}

/** Every flow's last step: what it does, its button, and under it how the write goes. */
export function WriteBlock({ t, lang, mode, id, heading, hints, button, testId, write, missing, busy, onWrite, onShowSheet, onGoToCell, onUndo, preview, children }: WriteBlockProps) {
  const styles = useStyles();
  const hint = hints[mode];
  // Pressed while something is missing: said here, where it was pressed, until nothing is missing.
  const { asked, onPress } = useAsked(missing, () => {
    void loadWriteStatus().catch(() => undefined); // said where the status goes, if it cannot load
    onWrite();
  });
  return (
    <Step id={id} heading={heading}>
      {children}
      {hint && <p className={mergeClasses(styles.p, styles.muted)}>{hint}</p>}
      <div>
        <Button appearance="primary" data-testid={testId} onClick={onPress} disabledFocusable={busy}>
          {button}
        </Button>
      </div>
      {asked && <MissingList t={t} missing={missing} asked testId={`${testId}-missing`} />}
      {write.status !== 'idle' && (
        <Loading t={t} fallback={null}>
          <WriteStatus
            t={t}
            lang={lang}
            write={write}
            onShowSheet={onShowSheet}
            onGoToCell={onGoToCell}
            onUndo={onUndo}
            refusedAbove={preview?.shown.status === 'refused' ? preview.shown.problems : undefined}
            previewId={preview?.id}
          />
        </Loading>
      )}
    </Step>
  );
}
