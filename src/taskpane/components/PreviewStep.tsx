import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { formatVN } from '../../planning/days';
import { stageLabel } from '../../planning/stages';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import type { StagePreview } from '../preview';
import type { PreviewState } from '../state';
import { PeriodTargets } from './PeriodTargets';
import { PlanWarnings } from './PlanWarnings';
import { Refusal } from './Refusal';
import { Step } from './Step';
import { useTableStyles } from './table-styles';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  box: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  window: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** Each stage of the plan: its window, what its periods add up to, and what does not fit (all units together). */
function StageTotals({ t, lang, stages }: { t: PaneStrings; lang: Lang; stages: readonly StagePreview[] }) {
  const styles = { ...useTableStyles(), ...useStyles() };
  const c = (...names: (keyof typeof styles)[]): string => mergeClasses(...names.map((n) => styles[n]));
  return (
    <div className={styles.box}>
      <table className={styles.table} data-testid="preview-stages">
        <caption className={styles.caption}>{t.stagesCaption}</caption>
        <thead>
          <tr>
            <th scope="col" className={c('cell', 'head')}>{t.stageColumn}</th>
            <th scope="col" className={c('cell', 'head', 'number')}>{t.target}</th>
            <th scope="col" className={c('cell', 'head', 'number')}>{t.unscheduledLabel}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map(({ stage, total, unscheduled }, i) => (
            <tr key={stage.key}>
              <th scope="row" className={c('cell', 'rowHeader')}>
                {i + 1}. {stageLabel(stage, lang)}
                {stage.unit === 'books' ? ` ${t.inBooks}` : ''}
                <span className={styles.window}>{t.window(formatVN(stage.start), formatVN(stage.end))}</span>
              </th>
              <td className={c('cell', 'number')}>{formatCount(total, lang)}</td>
              <td className={c('cell', 'number')}>{formatCount(unscheduled, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
      {preview.status === 'failed' && <Refusal lang={lang} t={t} error={preview.error} onGoToCell={onGoToCell} />}
      {preview.status === 'refused' && (
        <Refusal lang={lang} t={t} heading={t.planRefused} problems={preview.problems} onGoToCell={onGoToCell} />
      )}
      {preview.status === 'planned' && (
        <>
          <p className={styles.p}>{t.planSummary(preview.model.periods.length, preview.model.workingDays)}</p>
          {preview.model.stages && <StageTotals t={t} lang={lang} stages={preview.model.stages} />}
          <PeriodTargets
            t={t}
            lang={lang}
            caption={preview.model.stages ? t.finalTotalsCaption(stageLabel(preview.model.stages[preview.model.stages.length - 1].stage, lang)) : t.totalsCaption}
            granularity={preview.model.granularity}
            periods={preview.model.periods}
            total={preview.model.total}
            testId="preview-totals"
          />
          {preview.model.unscheduled > 0 && <p className={styles.p}>{t.unscheduled(formatCount(preview.model.unscheduled, lang))}</p>}
          <PlanWarnings t={t} lang={lang} cannotFinish={preview.model.cannotFinish} warnings={preview.model.warnings} onGoToCell={onGoToCell} />
        </>
      )}
    </Step>
  );
}
