import { Button, Field, Link, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import type { Problem } from '../../planning/problems';
import { focusField } from './missing';
import type { Lang } from '../../sheets/forms/text';
import { type WriteState, phaseStatus } from './write-state';
import { ProblemList } from './ProblemList';

const useStyles = makeStyles({
  p: { margin: 0 },
  sheets: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // As in ProblemList: a wrapping sheet name keeps its bullet by its first line.
  link: { textAlign: 'start', verticalAlign: 'top' },
  undo: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  muted: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface WriteStatusProps {
  t: PaneStrings;
  lang: Lang;
  write: WriteState;
  onShowSheet: (name: string) => void;
  onGoToCell?: (cell: string) => void;
  /** Excel only: undoes the write (offered under its result). */
  onUndo?: () => void;
  /** The problems the preview shows above, when it was refused: a write refused for the same ones says so, not them again. */
  refusedAbove?: readonly Problem[];
  /** The id of the preview those are shown in. */
  previewId?: string;
}

/** How a write goes: its progress, why nothing was written, or the sheets written (links) or the file downloaded. */
export function WriteStatus({ t, lang, write, onShowSheet, onGoToCell, onUndo, refusedAbove, previewId }: WriteStatusProps) {
  const styles = useStyles();
  switch (write.status) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <Field
          label={phaseStatus(t, write.phase)}
          validationState="none"
          validationMessage={write.fraction === null ? undefined : `${Math.round(write.fraction * 100)}%`}
        >
          <ProgressBar value={write.fraction ?? undefined} max={1} thickness="large" />
        </Field>
      );
    case 'refused':
      if (previewId && refusedAbove && JSON.stringify(refusedAbove) === JSON.stringify(write.problems)) {
        return (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <p className={styles.p}>
                {t.writeRefused}{' '}
                <Link as="button" className={styles.link} onClick={() => focusField(previewId)}>
                  {t.refusedAbove(write.problems.length)}
                </Link>
              </p>
            </MessageBarBody>
          </MessageBar>
        );
      }
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <p className={styles.p}>{t.writeRefused}</p>
            <ProblemList problems={write.problems} lang={lang} t={t} onGoToCell={onGoToCell} />
          </MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{write.error[lang]}</MessageBarBody>
        </MessageBar>
      );
    case 'undone':
      return (
        <MessageBar intent="success" layout="multiline" data-testid="undone">
          <MessageBarBody>{t.undone(write.restored.length)}</MessageBarBody>
        </MessageBar>
      );
    case 'done':
      return (
        <>
        <MessageBar intent="success" layout="multiline" data-testid="result">
          <MessageBarBody>
            {write.outcome.download ? (
              <p className={styles.p}>{t.downloaded(write.outcome.download)}</p>
            ) : (
              <>
                <p className={styles.p}>{t.written(write.outcome.sheets.length)}</p>
                <ul className={styles.sheets}>
                  {write.outcome.sheets.map((name) => (
                    <li key={name}>
                      <Link as="button" className={styles.link} title={t.showSheet(name)} onClick={() => onShowSheet(name)}>
                        {name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
        {onUndo && !write.outcome.download && (
          <div className={styles.undo}>
            <Button data-testid="undo" onClick={onUndo} disabledFocusable={write.undo === 'busy'}>
              {t.undo}
            </Button>
            <p className={styles.muted}>{t.undoHint}</p>
            {write.undo !== null && write.undo !== 'busy' && (
              <MessageBar intent="error" layout="multiline" role="alert" data-testid="undo-refused">
                <MessageBarBody>{write.undo.error[lang]}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        )}
        </>
      );
  }
}
