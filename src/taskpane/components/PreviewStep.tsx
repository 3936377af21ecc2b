import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import { periodLabel } from '../../sheets/forms/text';
import type { PreviewState } from '../state';
import { ProblemList } from './ProblemList';
import { Step } from './Step';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // A daily plan has hundreds of periods: they scroll inside the table's box, which the keyboard can reach.
  scroller: {
    maxHeight: '22rem',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', width: '100%' },
  caption: { textAlign: 'start', padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  cell: {
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalS,
    textAlign: 'start',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: { position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground3 },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
  number: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
});

export interface PreviewStepProps {
  t: PaneStrings;
  lang: Lang;
  preview: PreviewState;
  busy: boolean;
  /** Why the preview cannot be made yet, when it cannot. */
  notReady: string | null;
  onPreview: () => void;
  onGoToCell?: (cell: string) => void;
}

/** Step 3: all units' targets per period, and who cannot finish in time with what they would need. */
export function PreviewStep({ t, lang, preview, busy, notReady, onPreview, onGoToCell }: PreviewStepProps) {
  const styles = useStyles();
  return (
    <Step id="step-preview" heading={t.previewHeading}>
      <div>
        <Button data-testid="preview" onClick={onPreview} disabledFocusable={busy}>
          {t.preview}
        </Button>
      </div>
      {notReady && <p className={mergeClasses(styles.p, styles.muted)}>{notReady}</p>}
      {preview.status === 'planning' && <Spinner size="small" labelPosition="after" label={t.planning} />}
      {preview.status === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{preview.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {preview.status === 'refused' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <p className={styles.p}>{t.planRefused}</p>
            <ProblemList problems={preview.problems} lang={lang} t={t} onGoToCell={onGoToCell} />
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.status === 'planned' && (
        <>
          <p className={styles.p}>{t.planSummary(preview.model.periods.length, preview.model.workingDays)}</p>
          <div className={styles.scroller} tabIndex={0} role="region" aria-label={t.totalsCaption}>
            <table className={styles.table} data-testid="preview-totals">
              <caption className={styles.caption}>{t.totalsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t.period}</th>
                  <th scope="col" className={mergeClasses(styles.cell, styles.head, styles.number)}>{t.target}</th>
                </tr>
              </thead>
              <tbody>
                {preview.model.periods.map((p) => (
                  <tr key={p.start}>
                    <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>{periodLabel(p, preview.model.granularity, lang)}</th>
                    <td className={mergeClasses(styles.cell, styles.number)}>{formatCount(p.target, lang)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className={styles.total}>
                  <th scope="row" className={styles.cell}>{t.total}</th>
                  <td className={mergeClasses(styles.cell, styles.number)}>{formatCount(preview.model.total, lang)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {preview.model.unscheduled > 0 && <p className={styles.p}>{t.unscheduled(formatCount(preview.model.unscheduled, lang))}</p>}
          {preview.model.cannotFinish.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <h3 className={styles.subheading}>{t.cannotFinishHeading(preview.model.cannotFinish.length)}</h3>
                <ProblemList problems={preview.model.cannotFinish} lang={lang} t={t} onGoToCell={onGoToCell} />
              </MessageBarBody>
            </MessageBar>
          )}
          {preview.model.warnings.length > 0 && (
            <div>
              <h3 className={styles.subheading}>{t.warningsHeading(preview.model.warnings.length)}</h3>
              <ProblemList problems={preview.model.warnings} lang={lang} t={t} onGoToCell={onGoToCell} />
            </div>
          )}
        </>
      )}
    </Step>
  );
}
