import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatCount } from '../../planning/text';
import { BookStep, Facts } from '../book/BookStep';
import type { BookState } from '../book/state';
import { PreviewBlock } from '../shared/PreviewBlock';
import { WriteBlock } from '../shared/WriteBlock';
import { FIELD, Missing } from '../shared/missing';
import type { ConsolidationSlice } from './state';
import { FileChooser } from '../shared/FileChooser';
import { PlanWarnings } from '../shared/PlanWarnings';
import { Step } from '../shared/Step';
import type { ViewProps } from '../shared/view-props';

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

export interface ConsolidateViewProps extends ViewProps {
  book: BookState;
  consolidation: ConsolidationSlice;
  onReadBook: () => void;
  onChooseReturned: (files: File[]) => void;
  onRemoveReturned: (name: string) => void;
  onPreview: () => void;
  onWrite: () => void;
}

/**
 * The consolidation ("Tổng hợp số liệu"): the plan workbook read back, the returned files chosen (read in
 * the browser), what copying their actuals would do, and the write that puts them into the plan workbook's
 * Phụ lục 02 (same revision, same targets).
 */
export function ConsolidateView(props: ConsolidateViewProps) {
  const { t, lang, book, consolidation, busy, onChooseReturned, onRemoveReturned, onPreview, onGoToCell } = props;
  const styles = useStyles();
  const { files, reading, preview } = consolidation;
  // What a preview or a write still needs, each a link to its field.
  const missing: Missing[] = [];
  if (book.status !== 'reading' && book.status !== 'read') missing.push({ text: t.needBook, field: props.mode === 'file' ? FIELD.bookFile : FIELD.book });
  if (reading.length === 0 && files.length === 0) missing.push({ text: t.needReturned, field: FIELD.returned });
  return (
    <>
      <BookStep {...props} fileIntro={t.consolidateBookIntro} />
      <Step id="step-returned" heading={t.returnedHeading}>
        <p className={mergeClasses(styles.p, styles.muted)}>{t.returnedHint}</p>
        <FileChooser multiple id={FIELD.returned} label={t.chooseReturned} disabled={busy} testId="returned-input" onFiles={onChooseReturned} />
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
        <PreviewBlock
          t={t}
          lang={lang}
          preview={preview}
          busy={busy}
          missing={missing}
          testId="consolidate-preview"
          pending={t.consolidating}
          refused={t.consolidationRefused}
          refusedHint={t.consolidationFix}
          onPreview={onPreview}
          onGoToCell={onGoToCell}
        >
          {({ model }) => (
            <div data-testid="consolidate-preview-result" className={styles.contents}>
              <p className={styles.p}>
                {model.copied > 0 ? t.consolidationSummary(model.copied, formatCount(model.copied, lang), model.revision) : t.nothingNew}
              </p>
              <Facts
                caption={t.perFileCaption}
                headers={[t.fileColumn, t.newCellsColumn]}
                rows={model.files.map((f): [string, string] => [f.name, formatCount(f.copied, lang)])}
                testId="consolidate-files"
              />
              <PlanWarnings t={t} lang={lang} cannotFinish={NONE} warnings={model.warnings} onGoToCell={onGoToCell} />
            </div>
          )}
        </PreviewBlock>
      </Step>
      <WriteBlock
        {...props}
        id="step-consolidate-write"
        heading={t.consolidateWriteHeading}
        hints={{ excel: t.consolidateWriteHint, file: t.consolidateWriteFileHint }}
        button={t.consolidateWrite}
        testId="consolidate-write"
        write={consolidation.write}
        missing={missing}
        preview={{ shown: consolidation.preview, id: 'step-returned' }}
        onUndo={props.onUndoWrite && (() => props.onUndoWrite!('consolidate'))}
      />
    </>
  );
}
