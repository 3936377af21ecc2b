import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import type { BookState, ConsolidationState } from '../state';
import { BookStep, Facts } from './BookStep';
import { FileChooser } from './FileChooser';
import { PlanWarnings } from './PlanWarnings';
import { Refusal } from './Refusal';
import { Step } from './Step';
import { WriteStatus } from './WriteStatus';

const NONE = [] as const;

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  files: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  file: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fileName: { flexGrow: 1, flexBasis: '10rem', minWidth: 0 },
  why: { flexBasis: '100%', margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  // The preview's parts stay items of the step's column (its gap), grouped for tests.
  contents: { display: 'contents' },
});

export interface ConsolidateViewProps {
  t: PaneStrings;
  lang: Lang;
  mode: 'excel' | 'file';
  book: BookState;
  consolidation: ConsolidationState;
  fileName: string | null;
  busy: boolean;
  onChooseFile: (file: File) => void;
  onReadBook: () => void;
  onChooseReturned: (files: File[]) => void;
  onRemoveReturned: (name: string) => void;
  onPreview: () => void;
  onWrite: () => void;
  onShowSheet: (name: string) => void;
  /** Excel only: selects a problem's cell (cells of the returned files are not in the open workbook: not linked). */
  onGoToCell?: (cell: string) => void;
}

/**
 * The consolidation ("Tổng hợp số liệu"): the plan workbook read back, the returned files chosen (read in
 * the browser), what copying their actuals would do, and the write that puts them into the plan workbook's
 * Phụ lục 02 (same revision, same targets).
 */
export function ConsolidateView(props: ConsolidateViewProps) {
  const { t, lang, mode, book, consolidation, busy, onChooseReturned, onRemoveReturned, onPreview, onWrite, onShowSheet, onGoToCell } = props;
  const styles = useStyles();
  const { files, reading, preview } = consolidation;
  const notReady =
    book.status === 'reading' || reading.length > 0 ? null : book.status !== 'read' ? t.needBook : files.length === 0 ? t.needReturned : null;
  return (
    <>
      <BookStep {...props} fileIntro={t.consolidateBookIntro} />
      <Step id="step-returned" heading={t.returnedHeading}>
        <p className={mergeClasses(styles.p, styles.muted)}>{t.returnedHint}</p>
        <FileChooser multiple label={t.chooseReturned} disabled={busy} testId="returned-input" onFiles={onChooseReturned} />
        {reading.length > 0 && <Spinner size="tiny" labelPosition="after" label={t.readingReturned(reading.length, formatCount(reading.length, lang))} />}
        {files.length === 0 ? (
          reading.length === 0 && <p className={mergeClasses(styles.p, styles.muted)}>{t.noReturned}</p>
        ) : (
          <ul className={styles.files} aria-label={t.returnedCaption} data-testid="returned-files">
            {files.map((f) => (
              <li key={f.name} className={styles.file}>
                <span className={styles.fileName}>{f.name}</span>
                <Button size="small" appearance="subtle" aria-label={t.removeReturned(f.name)} disabledFocusable={busy} onClick={() => onRemoveReturned(f.name)}>
                  {t.remove}
                </Button>
                {f.status === 'refused' && (
                  <p className={styles.why}>
                    {t.returnedNotRead}: {f.problems.map((p) => p[lang]).join(' ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        <div>
          <Button data-testid="consolidate-preview" onClick={onPreview} disabledFocusable={busy}>
            {t.preview}
          </Button>
        </div>
        {notReady && <p className={mergeClasses(styles.p, styles.muted)}>{notReady}</p>}
        {preview.status === 'checking' && <Spinner size="small" labelPosition="after" label={t.consolidating} />}
        {preview.status === 'failed' && <Refusal lang={lang} t={t} error={preview.error} />}
        {preview.status === 'refused' && (
          <Refusal lang={lang} t={t} heading={t.consolidationRefused} hint={t.consolidationFix} problems={preview.problems} onGoToCell={onGoToCell} />
        )}
        {preview.status === 'checked' && (
          <div data-testid="consolidate-preview-result" className={styles.contents}>
            <p className={styles.p}>
              {preview.model.copied > 0
                ? t.consolidationSummary(preview.model.copied, formatCount(preview.model.copied, lang), preview.model.revision)
                : t.nothingNew}
            </p>
            <Facts
              caption={t.perFileCaption}
              headers={[t.fileColumn, t.newCellsColumn]}
              rows={preview.model.files.map((f): [string, string] => [f.name, formatCount(f.copied, lang)])}
              testId="consolidate-files"
            />
            <PlanWarnings t={t} lang={lang} cannotFinish={NONE} warnings={preview.model.warnings} onGoToCell={onGoToCell} />
          </div>
        )}
      </Step>
      <Step id="step-consolidate-write" heading={t.consolidateWriteHeading}>
        <p className={mergeClasses(styles.p, styles.muted)}>{mode === 'file' ? t.consolidateWriteFileHint : t.consolidateWriteHint}</p>
        <div>
          <Button appearance="primary" data-testid="consolidate-write" onClick={onWrite} disabledFocusable={busy}>
            {t.consolidateWrite}
          </Button>
        </div>
        <WriteStatus t={t} lang={lang} write={consolidation.write} onShowSheet={onShowSheet} onGoToCell={onGoToCell} />
      </Step>
    </>
  );
}
