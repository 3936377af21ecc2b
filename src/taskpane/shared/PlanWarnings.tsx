import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import type { Problem } from '../../planning/problems';
import type { Lang } from '../../sheets/forms/text';
import { ProblemList } from './ProblemList';

const useStyles = makeStyles({
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** A plan's warnings: who cannot finish in time (and what it would take), then the others. */
export function PlanWarnings(props: { t: PaneStrings; lang: Lang; cannotFinish: readonly Problem[]; warnings: readonly Problem[]; onGoToCell?: (cell: string) => void }) {
  const { t, lang, cannotFinish, warnings, onGoToCell } = props;
  const styles = useStyles();
  return (
    <>
      {cannotFinish.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <h3 className={styles.subheading}>{t.cannotFinishHeading(cannotFinish.length)}</h3>
            <ProblemList problems={cannotFinish} lang={lang} t={t} onGoToCell={onGoToCell} />
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <div>
          <h3 className={styles.subheading}>{t.warningsHeading(warnings.length)}</h3>
          <ProblemList problems={warnings} lang={lang} t={t} onGoToCell={onGoToCell} />
        </div>
      )}
    </>
  );
}
