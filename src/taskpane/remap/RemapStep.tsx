import type { Missing } from '../shared/missing';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatCount } from '../../planning/text';
import { PlanWarnings } from '../shared/PlanWarnings';
import { PreviewBlock } from '../shared/PreviewBlock';
import { Step } from '../shared/Step';
import type { ViewProps } from '../shared/view-props';
import { WriteStatus } from '../shared/WriteStatus';
import type { RemapActions } from './controller';
import type { RemapSlice } from './state';
import { REMAP_STRINGS } from './strings';

const NONE = [] as const;

/** New communes listed in the pane; the sheet written holds them all. */
const LISTED = 40;

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  number: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  contents: { display: 'contents' },
});

export interface RemapStepProps extends Pick<ViewProps, 't' | 'lang' | 'mode' | 'busy' | 'onShowSheet' | 'onGoToCell'> {
  remap: RemapSlice;
  actions: RemapActions;
}

/**
 * Offered when the units read are former communes: what merges into what since 1/7/2025, then the new units
 * sheet written beside the planner's (never over it), or the plan made from it.
 */
/** A remap needs nothing the planner types: the units read are all it takes. */
const NOTHING_MISSING: readonly Missing[] = [];

export function RemapStep({ t, lang, mode, busy, remap, actions, onShowSheet, onGoToCell }: RemapStepProps) {
  const styles = useStyles();
  const r = REMAP_STRINGS[lang];
  const { preview } = remap;
  return (
    <Step id="step-remap" heading={r.heading}>
      <p className={mergeClasses(styles.p, styles.muted)}>{r.intro}</p>
      <PreviewBlock
        t={t}
        lang={lang}
        preview={preview}
        busy={busy}
        missing={NOTHING_MISSING}
        testId="remap-preview"
        pending={t.remapping}
        refused={r.refused}
        refusedHint={r.refusedHint}
        onPreview={() => void actions.previewRemap()}
        onGoToCell={onGoToCell}
      >
        {(value) => (
          <div className={styles.contents} data-testid="remap-result">
            <p className={styles.p}>{r.summary(formatCount(value.former, lang), formatCount(value.rows.length, lang), formatCount(value.records, lang))}</p>
            <ul className={styles.list}>
              {value.rows.slice(0, LISTED).map((row) => (
                <li key={row.code}>
                  <strong>{row.unit}</strong> ({row.code}) {r.from} {row.from.map((f) => f.unit).join(', ')}:{' '}
                  <span className={styles.number}>
                    {formatCount(row.records, lang)} {r.records}
                  </span>
                </li>
              ))}
            </ul>
            {value.rows.length > LISTED && <p className={styles.p}>{r.more(formatCount(value.rows.length - LISTED, lang))}</p>}
            <PlanWarnings t={t} lang={lang} cannotFinish={NONE} warnings={value.warnings} onGoToCell={onGoToCell} />
            <p className={mergeClasses(styles.p, styles.muted)}>{mode === 'excel' ? r.writeHintExcel(value.sheet.name) : r.writeHintFile}</p>
            <div className={styles.actions}>
              <Button appearance="primary" data-testid="remap-write" onClick={() => void actions.writeRemap()} disabledFocusable={busy}>
                {r.write}
              </Button>
              <Button data-testid="remap-plan" onClick={() => void actions.planRemapped()} disabledFocusable={busy}>
                {r.plan}
              </Button>
            </div>
            <p className={mergeClasses(styles.p, styles.muted)}>{r.planHint}</p>
            <WriteStatus t={t} lang={lang} write={remap.write} onShowSheet={onShowSheet} onGoToCell={onGoToCell} />
          </div>
        )}
      </PreviewBlock>
    </Step>
  );
}
