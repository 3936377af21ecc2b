import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { formatVN } from '../../planning/days';
import { stageLabel } from '../../planning/stages';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import { Loading, lazyPart } from '../shared/Loading';
import { PlanWarnings } from '../shared/PlanWarnings';
import type { Missing } from '../shared/missing';
import { PreviewBlock } from '../shared/PreviewBlock';
import type { Preview } from '../shared/preview-state';
import { Step } from '../shared/Step';
import { useTableStyles } from '../shared/table-styles';
import type { StagePreview } from './preview';
import type { PlanPreview } from './state';

// The table of targets per period (with the forms' period labels) loads when a preview is asked for.
const loadPeriodTargets = () => import(/* webpackChunkName: "period-targets" */ '../shared/PeriodTargets');
const PeriodTargets = lazyPart(() => loadPeriodTargets().then((m) => m.PeriodTargets));

const useStyles = makeStyles({
  p: { margin: 0 },
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
  preview: Preview<PlanPreview>;
  busy: boolean;
  /** What the preview still needs, each with its field. */
  missing: readonly Missing[];
  onPreview: () => void;
  onGoToCell?: (cell: string) => void;
}

/** Step 3: all units' targets per period, and who cannot finish in time with what they would need. */
export function PreviewStep({ t, lang, preview, busy, missing, onPreview, onGoToCell }: PreviewStepProps) {
  const styles = useStyles();
  return (
    <Step id="step-preview" heading={t.previewHeading}>
      <PreviewBlock t={t} lang={lang} preview={preview} busy={busy} missing={missing} testId="preview" pending={t.planning} refused={t.planRefused}
        onPreview={() => {
          void loadPeriodTargets().catch(() => undefined); // said where the table goes, if it cannot load
          onPreview();
        }}
        onGoToCell={onGoToCell}
      >
        {({ model }) => (
          <>
            <p className={styles.p}>{t.planSummary(model.periods.length, model.workingDays)}</p>
            {model.stages && <StageTotals t={t} lang={lang} stages={model.stages} />}
            <Loading t={t}>
              <PeriodTargets
                t={t}
                lang={lang}
                caption={model.stages ? t.finalTotalsCaption(stageLabel(model.stages[model.stages.length - 1].stage, lang)) : t.totalsCaption}
                granularity={model.granularity}
                periods={model.periods}
                total={model.total}
                testId="preview-totals"
              />
            </Loading>
            {model.unscheduled > 0 && <p className={styles.p}>{t.unscheduled(formatCount(model.unscheduled, lang))}</p>}
            <PlanWarnings t={t} lang={lang} cannotFinish={model.cannotFinish} warnings={model.warnings} onGoToCell={onGoToCell} />
          </>
        )}
      </PreviewBlock>
    </Step>
  );
}
