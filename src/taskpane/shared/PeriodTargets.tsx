import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import type { Granularity, Period } from '../../planning/periods';
import { formatCount } from '../../planning/text';
import type { Lang } from '../../sheets/forms/text';
import { periodLabel } from '../../sheets/forms/text';
import { useTableStyles } from './table-styles';

const useStyles = makeStyles({
  // A daily plan has hundreds of periods: they scroll inside the table's box, which the keyboard can reach.
  scroller: {
    maxHeight: '22rem',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // The header stays in sight while the periods scroll under it.
  sticky: { position: 'sticky', top: 0 },
  total: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
});

export interface PeriodTargetsProps {
  t: PaneStrings;
  lang: Lang;
  caption: string;
  granularity: Granularity;
  periods: readonly (Period & { target: number })[];
  total: number;
  testId?: string;
}

/** All units' targets per period and their total, in a box that scrolls (a daily plan has hundreds of periods). */
export function PeriodTargets({ t, lang, caption, granularity, periods, total, testId }: PeriodTargetsProps) {
  const table = useTableStyles();
  const own = useStyles();
  const styles = { ...table, ...own, head: mergeClasses(table.head, own.sticky) };
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={caption}>
      <table className={styles.table} data-testid={testId}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t.period}</th>
            <th scope="col" className={mergeClasses(styles.cell, styles.head, styles.number)}>{t.target}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.start}>
              <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>{periodLabel(p, granularity, lang)}</th>
              <td className={mergeClasses(styles.cell, styles.number)}>{formatCount(p.target, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className={styles.total}>
            <th scope="row" className={styles.cell}>{t.total}</th>
            <td className={mergeClasses(styles.cell, styles.number)}>{formatCount(total, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
