import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { formatCount } from '../../planning/text';
import { registerLabel } from '../../planning/registers';
import type { Lang } from '../../sheets/forms/text';
import type { SourceState } from './state';
import { FileChooser } from '../shared/FileChooser';
import { FIELD } from '../shared/missing';
import { ProblemList } from '../shared/ProblemList';
import { Step } from '../shared/Step';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  p: { margin: 0 },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { paddingBlock: tokens.spacingVerticalXXS, paddingInlineEnd: tokens.spacingHorizontalS, textAlign: 'start', verticalAlign: 'top' },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
  number: { textAlign: 'end', whiteSpace: 'nowrap', paddingInlineEnd: 0, fontVariantNumeric: 'tabular-nums' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface SourceStepProps {
  t: PaneStrings;
  lang: Lang;
  mode: 'excel' | 'file';
  source: SourceState;
  fileName: string | null;
  busy: boolean;
  onChooseFile: (file: File) => void;
  onReadAgain: () => void;
  /** Excel only: selects a problem's cell. */
  onGoToCell?: (cell: string) => void;
}

/** Step 1: the units table the pane read (standalone: from the file chosen here), with every problem in it. */
export function SourceStep({ t, lang, mode, source, fileName, busy, onChooseFile, onReadAgain, onGoToCell }: SourceStepProps) {
  const styles = useStyles();
  return (
    <Step id="step-source" heading={t.sourceHeading}>
      {mode === 'file' ? (
        <>
          <p className={mergeClasses(styles.p, styles.muted)}>{t.standaloneIntro}</p>
          <FileChooser id={FIELD.sourceFile} label={t.chooseFile} disabled={busy} onFile={onChooseFile} />
          {fileName && <p className={styles.p}>{t.chosenFile(fileName)}</p>}
        </>
      ) : (
        <>
          <p className={mergeClasses(styles.p, styles.muted)}>{t.excelSourceHint}</p>
          <div className={styles.actions}>
            <Button onClick={onReadAgain} disabledFocusable={busy}>
              {t.readAgain}
            </Button>
          </div>
        </>
      )}
      {source.status === 'reading' && <Spinner size="tiny" labelPosition="after" label={t.readingSource} />}
      {source.status === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{source.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {source.status === 'read' && (
        <>
          <div className={styles.summary} data-testid="source-summary">
            <p className={mergeClasses(styles.p, styles.muted)}>{t.readFrom(source.label)}</p>
            <p className={styles.p}>
              {t.readSummary(
                source.summary.units,
                formatCount(source.summary.units, lang),
                source.summary.registers.length,
                formatCount(source.summary.records, lang),
              )}
            </p>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>{t.register}</th>
                  <th scope="col" className={mergeClasses(styles.cell, styles.number)}>{t.records}</th>
                </tr>
              </thead>
              <tbody>
                {source.summary.registers.map((r) => (
                  <tr key={r.code}>
                    <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>
                      {registerLabel(r.code, lang)} ({r.code})
                    </th>
                    <td className={mergeClasses(styles.cell, styles.number)}>{formatCount(r.records, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {source.summary.errors.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <h3 className={styles.subheading}>{t.errorsHeading(source.summary.errors.length)}</h3>
                <p className={styles.p}>{mode === 'excel' ? t.fixInExcel : t.fixInFile}</p>
                <ProblemList problems={source.summary.errors} lang={lang} t={t} onGoToCell={onGoToCell} />
              </MessageBarBody>
            </MessageBar>
          )}
          {source.summary.warnings.length > 0 && (
            <div>
              <h3 className={styles.subheading}>{t.warningsHeading(source.summary.warnings.length)}</h3>
              <ProblemList problems={source.summary.warnings} lang={lang} t={t} onGoToCell={onGoToCell} />
            </div>
          )}
        </>
      )}
    </Step>
  );
}
