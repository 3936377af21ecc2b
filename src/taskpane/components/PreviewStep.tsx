import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import type { PreviewState } from '../state';
import { PeriodTargets } from './PeriodTargets';
import { PlanWarnings } from './PlanWarnings';
import { Refusal } from './Refusal';
import { Step } from './Step';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
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
      {preview.status === 'failed' && <Refusal lang={lang} t={t} error={preview.error} onGoToCell={onGoToCell} />}
      {preview.status === 'refused' && (
        <Refusal lang={lang} t={t} heading={t.planRefused} problems={preview.problems} onGoToCell={onGoToCell} />
      )}
      {preview.status === 'planned' && (
        <>
          <p className={styles.p}>{t.planSummary(preview.model.periods.length, preview.model.workingDays)}</p>
          <PeriodTargets
            t={t}
            lang={lang}
            caption={t.totalsCaption}
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
