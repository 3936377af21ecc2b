import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Bilingual, PaneStrings } from '../../i18n/strings';
import type { Problem } from '../../planning/problems';
import type { Lang } from '../../sheets/forms/text';
import { ProblemList } from './ProblemList';

/**
 * Why a preview came to nothing: an unexpected failure (one message), or a refusal with every problem,
 * each a link to its cell. Shared by the plan and the re-split previews.
 */
export function Refusal(props: {
  lang: Lang;
  t: PaneStrings;
  error?: Bilingual;
  heading?: string;
  /** What to do about the problems, under the heading. */
  hint?: string;
  problems?: Problem[];
  onGoToCell?: (cell: string) => void;
}) {
  const { lang, t, error, heading, hint, problems, onGoToCell } = props;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {error ? error[lang] : <p style={{ margin: 0, fontWeight: 600 }}>{heading}</p>}
        {hint && <p style={{ margin: 0 }}>{hint}</p>}
        {problems && <ProblemList problems={problems} lang={lang} t={t} onGoToCell={onGoToCell} />}
      </MessageBarBody>
    </MessageBar>
  );
}
