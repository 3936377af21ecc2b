import { Button, Field, Input, Link, MessageBar, MessageBarBody, ProgressBar, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';
import type { WritePhase, WriteState } from '../state';
import { ProblemList } from './ProblemList';
import { Step } from './Step';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  sheets: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // As in ProblemList: a wrapping sheet name keeps its bullet by its first line.
  link: { textAlign: 'start', verticalAlign: 'top' },
});

export interface WriteStepProps {
  t: PaneStrings;
  lang: Lang;
  mode: 'excel' | 'file';
  issuer: string;
  write: WriteState;
  busy: boolean;
  onIssuer: (issuer: string) => void;
  onWrite: () => void;
  onShowSheet: (name: string) => void;
  onGoToCell?: (cell: string) => void;
}

const phaseText = (t: PaneStrings, phase: WritePhase): string =>
  ({ planning: t.planning, checking: t.checkingSheets, building: t.building, writing: t.writing })[phase];

/** Step 4: the forms written into the workbook (Excel) or a new file to download (standalone). */
export function WriteStep({ t, lang, mode, issuer, write, busy, onIssuer, onWrite, onShowSheet, onGoToCell }: WriteStepProps) {
  const styles = useStyles();
  return (
    <Step id="step-write" heading={t.writeHeading}>
      <Field label={t.issuer} hint={t.issuerHint}>
        <Input value={issuer} disabled={busy} onChange={(_, d) => onIssuer(d.value)} />
      </Field>
      {mode === 'file' && <p className={mergeClasses(styles.p, styles.muted)}>{t.writeFileHint}</p>}
      <div>
        <Button appearance="primary" data-testid="write" onClick={onWrite} disabledFocusable={busy}>
          {t.write}
        </Button>
      </div>
      {write.status === 'busy' && (
        <Field
          label={phaseText(t, write.phase)}
          validationState="none"
          validationMessage={write.fraction === null ? undefined : `${Math.round(write.fraction * 100)}%`}
        >
          <ProgressBar value={write.fraction ?? undefined} max={1} thickness="large" />
        </Field>
      )}
      {write.status === 'refused' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <p className={styles.p}>{t.writeRefused}</p>
            <ProblemList problems={write.problems} lang={lang} t={t} onGoToCell={onGoToCell} />
          </MessageBarBody>
        </MessageBar>
      )}
      {write.status === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{write.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {write.status === 'done' && (
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
      )}
    </Step>
  );
}
