import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import type { Problem } from '../../planning/problems';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import { inThisWorkbook } from './cells';

/** Listed in full up to this many: a sheet with thousands of bad cells needs fixing at the source, not scrolling. */
const MAX_LISTED = 100;

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  cell: { fontWeight: tokens.fontWeightSemibold },
  // A <button> lays out as an inline block, whose baseline is its last line: the list's bullet would sit by the
  // last line of a problem that wraps. Aligned to the top, the bullet stays by the first line.
  link: { textAlign: 'start', verticalAlign: 'top' },
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
  return (
    <>
      <ul className={styles.list}>
        {listed.map((p, i) => (
          <li key={i}>
            {p.cell && onGoToCell && inThisWorkbook(p.cell) ? (
              <Link as="button" className={styles.link} title={t.goToCell(p.cell)} onClick={() => onGoToCell(p.cell!)}>
                <span className={styles.cell}>{p.cell}</span>: {p[lang]}
              </Link>
            ) : (
              <>
                {p.cell && <span className={styles.cell}>{p.cell}: </span>}
                {p[lang]}
              </>
            )}
          </li>
        ))}
      </ul>
      {problems.length > MAX_LISTED && <p>{t.moreProblems(formatCount(problems.length - MAX_LISTED, lang))}</p>}
    </>
  );
}
