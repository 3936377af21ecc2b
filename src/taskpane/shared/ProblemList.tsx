import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import type { Problem } from '../../planning/problems';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import { inThisWorkbook } from './cells';
import { namesCell, splitAdvice } from './problem-text';

/** Listed in full up to this many: a sheet with thousands of bad cells needs fixing at the source, not scrolling. */
const MAX_LISTED = 100;

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  cell: { fontWeight: tokens.fontWeightSemibold },
  // A <button> lays out as an inline block, whose baseline is its last line: the list's bullet would sit by the
  // last line of a problem that wraps. Aligned to the top, the bullet stays by the first line.
  link: { textAlign: 'start', verticalAlign: 'top' },
  advice: { margin: 0, marginBlockStart: tokens.spacingVerticalXS },
});

export interface ProblemListProps {
  problems: readonly Problem[];
  lang: Lang;
  t: PaneStrings;
  /** Given when the host can select cells (Excel): each problem with a cell becomes a button that does. */
  onGoToCell?: (cell: string) => void;
}

/**
 * Problems in plain words, each naming its cell; in Excel a click (or Enter) selects the cell when it is
 * in the open workbook (see `inThisWorkbook`).
 */
export function ProblemList({ problems, lang, t, onGoToCell }: ProblemListProps) {
  const styles = useStyles();
  const listed = problems.slice(0, MAX_LISTED);
  // Problems of one kind often end with the same advice (one per cell of a file): said once, after the last.
  const split = listed.map((p) => splitAdvice(p[lang]));
  const sharesAdvice = (i: number): boolean => i + 1 < listed.length && listed[i + 1].code === listed[i].code && split[i + 1].advice === split[i].advice && split[i].advice !== '';
  return (
    <>
      <ul className={styles.list}>
        {listed.map((p, i) => {
          const grouped = sharesAdvice(i) || (i > 0 && sharesAdvice(i - 1));
          const text = grouped ? split[i].fact : p[lang];
          // The cell is named by the message already: not again in front of it.
          const prefix = p.cell && !namesCell(text, p.cell) ? p.cell : null;
          const advice = grouped && !sharesAdvice(i) ? <p className={styles.advice}>{split[i].advice}</p> : null;
          return (
            <li key={i}>
              {p.cell && onGoToCell && inThisWorkbook(p.cell) ? (
                <Link as="button" className={styles.link} title={t.goToCell(p.cell)} onClick={() => onGoToCell(p.cell!)}>
                  {prefix && <span className={styles.cell}>{prefix}: </span>}
                  {text}
                </Link>
              ) : (
                <>
                  {prefix && <span className={styles.cell}>{prefix}: </span>}
                  {text}
                </>
              )}
              {advice}
            </li>
          );
        })}
      </ul>
      {problems.length > MAX_LISTED && <p>{t.moreProblems(formatCount(problems.length - MAX_LISTED, lang))}</p>}
    </>
  );
}
