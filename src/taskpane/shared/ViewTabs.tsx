import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { KeyboardEvent, useRef } from 'react';

const useStyles = makeStyles({
  // Tabs in a 320 px pane wrap to a second line rather than push the pane sideways.
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS, marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tab: {
    position: 'relative',
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      insetInline: tokens.spacingHorizontalS,
      insetBlockEnd: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

export interface ViewTab<V extends string> {
  value: V;
  label: string;
}

export interface ViewTabsProps<V extends string> {
  tabs: readonly ViewTab<V>[];
  selected: V;
  label: string;
  /** The id of the panel the tabs control. */
  panel: string;
  onSelect: (value: V) => void;
}

/**
 * The pane's views as an ARIA tab list: one tab in the Tab order (the selected one), the arrow keys, Home and
 * End move between tabs and select them. Plain buttons rather than Fluent's TabList, whose focus manager puts
 * focusable elements hidden from screen readers around the list (axe's aria-hidden-focus) and whose code
 * would load with the pane.
 */
export function ViewTabs<V extends string>({ tabs, selected, label, panel, onSelect }: ViewTabsProps<V>) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const last = tabs.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[to]?.focus();
    onSelect(tabs[to].value);
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list} ref={list}>
      {tabs.map((tab, i) => {
        const on = tab.value === selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            id={`tab-${tab.value}`}
            data-testid={`view-${tab.value}`}
            aria-selected={on}
            aria-controls={panel}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(styles.tab, on && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
