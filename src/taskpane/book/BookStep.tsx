import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { formatVN } from '../../planning/days';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import type { BookState } from './state';
import { FileChooser } from '../shared/FileChooser';
import { FIELD } from '../shared/missing';
import { Refusal } from '../shared/Refusal';
import { Step } from '../shared/Step';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { paddingBlock: tokens.spacingVerticalXXS, paddingInlineEnd: tokens.spacingHorizontalS, textAlign: 'start', verticalAlign: 'top' },
  rowHeader: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  colHeader: { fontWeight: tokens.fontWeightSemibold, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  number: { textAlign: 'end', whiteSpace: 'nowrap', paddingInlineEnd: 0, fontVariantNumeric: 'tabular-nums' },
});

/** Rows of label and value, read as a table (the labels are its row headers; `headers`, when given, name the columns). */
export function Facts({ rows, caption, headers, testId }: { rows: [string, string][]; caption: string; headers?: [string, string]; testId?: string }) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={caption} data-testid={testId}>
      {headers && (
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.colHeader)}>{headers[0]}</th>
            <th scope="col" className={mergeClasses(styles.cell, styles.colHeader, styles.number)}>{headers[1]}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map(([label, value], i) => (
          <tr key={`${i}-${label}`}>
            <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>{label}</th>
            <td className={mergeClasses(styles.cell, styles.number)}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface BookStepProps {
  t: PaneStrings;
  lang: Lang;
  mode: 'excel' | 'file';
  book: BookState;
  fileName: string | null;
  busy: boolean;
  /** Standalone: what the file chosen is for, and what becomes of it. */
  fileIntro: string;
  onChooseFile: (file: File) => void;
  onReadBook: () => void;
  /** Excel only: selects a problem's cell. */
  onGoToCell?: (cell: string) => void;
}

/**
 * The plan workbook a re-split or a consolidation starts from: in Excel the open one (read again on
 * request), standalone a file chosen; what was read, or why it could not be.
 */
export function BookStep({ t, lang, mode, book, fileName, busy, fileIntro, onChooseFile, onReadBook, onGoToCell }: BookStepProps) {
  const styles = useStyles();
  return (
    <Step id="step-book" heading={t.bookHeading}>
      {mode === 'file' ? (
        <>
          <p className={mergeClasses(styles.p, styles.muted)}>{fileIntro}</p>
          <FileChooser id={FIELD.bookFile} label={t.chooseBook} disabled={busy} onFile={onChooseFile} />
          {fileName && <p className={styles.p}>{t.chosenFile(fileName)}</p>}
        </>
      ) : (
        <>
          <p className={mergeClasses(styles.p, styles.muted)}>{t.bookExcelHint}</p>
          <div>
            <Button onClick={onReadBook} disabledFocusable={busy}>
              {t.readBookAgain}
            </Button>
          </div>
        </>
      )}
      {book.status === 'reading' && <Spinner size="tiny" labelPosition="after" label={t.readingBook} />}
      {book.status === 'failed' && <Refusal lang={lang} t={t} error={book.error} onGoToCell={onGoToCell} />}
      {book.status === 'refused' && (
        <Refusal lang={lang} t={t} heading={t.bookRefused} hint={mode === 'excel' ? t.bookFixExcel : t.fixInFile} problems={book.problems} onGoToCell={onGoToCell} />
      )}
      {book.status === 'read' && (
        <div data-testid="book-summary">
          <Facts
            caption={t.bookHeading}
            rows={[
              [t.planIdLabel, book.summary.planId],
              [t.revisionLabel, String(book.summary.revision)],
              [t.windowLabel, t.window(formatVN(book.summary.start), formatVN(book.summary.end))],
              [t.method, t.methods[book.summary.method].name],
              [t.unitsLabel, formatCount(book.summary.units, lang)],
              [t.actualsLabel, formatCount(book.summary.actuals, lang)],
              ...(book.summary.edits > 0 ? [[t.editsLabel, formatCount(book.summary.edits, lang)] as [string, string]] : []),
            ]}
          />
        </div>
      )}
    </Step>
  );
}
