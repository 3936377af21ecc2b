import { makeStyles, tokens } from '@fluentui/react-components';

/** The pane's small figure tables (targets per period, totals per stage): one look for both. */
export const useTableStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  caption: { textAlign: 'start', padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  cell: {
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalS,
    textAlign: 'start',
    verticalAlign: 'top',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: { backgroundColor: tokens.colorNeutralBackground3 },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
  number: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
});
