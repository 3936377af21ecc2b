import { FluentProvider, Switch, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { STRINGS } from '../i18n/strings';
import { ConsolidateView } from './consolidate/ConsolidateView';
import { PlanView } from './plan/PlanView';
import { ResplitView } from './resplit/ResplitView';
import { ViewProps } from './shared/view-props';
import { PaneView, isBusy } from './state';
import { PaneSetup, usePane } from './use-pane';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    maxWidth: '40rem',
    marginInline: 'auto',
    paddingInline: tokens.spacingHorizontalM,
    paddingBlockEnd: tokens.spacingVerticalXXL,
    // Long Vietnamese names and sheet references wrap rather than push the pane sideways.
    overflowWrap: 'anywhere',
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalM },
  titles: { minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2 },
  // Three tabs in a 320 px pane: they wrap to a second line rather than push the pane sideways.
  views: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: 'wrap' },
  status: { minHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, paddingBlockEnd: tokens.spacingVerticalS },
});

/**
 * The whole pane: a header with the language switch, the views (planning, re-splitting a plan already
 * written, or consolidating the actuals sent back into it), the status line, and the chosen view's steps in order.
 */
export function Pane(setup: PaneSetup) {
  const styles = useStyles();
  const { state, actions } = usePane(setup);
  const { lang, mode } = state;
  const t = STRINGS[lang];
  const busy = isBusy(state);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Quota Planner – ${t.title}`;
  }, [lang, t]);

  // What every view takes: the language, the mode, the file, and the host's cell and sheet links.
  const common: ViewProps = {
    t,
    lang,
    mode,
    fileName: state.fileName,
    busy,
    onChooseFile: (file) => void actions.chooseFile(file),
    onShowSheet: (name) => void actions.showSheet(name),
    onGoToCell: mode === 'excel' ? (cell) => void actions.goToCell(cell) : undefined,
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang} className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <h1 className={styles.title}>Quota Planner</h1>
          <p className={styles.subtitle}>{t.title}</p>
        </div>
        <Switch label={{ children: t.englishSwitch, lang: 'en' }} checked={lang === 'en'} onChange={(_, d) => actions.setLang(d.checked ? 'en' : 'vi')} />
      </header>
      <TabList size="small" className={styles.views} selectedValue={state.view} onTabSelect={(_, d) => void actions.setView(d.value as PaneView)} aria-label={t.views}>
        <Tab id="tab-plan" value="plan" aria-controls="view" data-testid="view-plan">
          {t.planView}
        </Tab>
        <Tab id="tab-resplit" value="resplit" aria-controls="view" data-testid="view-resplit">
          {t.resplitView}
        </Tab>
        <Tab id="tab-consolidate" value="consolidate" aria-controls="view" data-testid="view-consolidate">
          {t.consolidateView}
        </Tab>
      </TabList>
      <div role="status" className={styles.status}>
        {state.status?.[lang]}
      </div>
      <main>
        <div id="view" role="tabpanel" aria-labelledby={`tab-${state.view}`}>
          {state.view === 'plan' ? (
            <PlanView {...common} plan={state.plan} remap={state.remap} settingsNotSaved={state.settingsNotSaved} today={setup.today} actions={actions} onAnnounce={actions.announce} />
          ) : state.view === 'resplit' ? (
            <ResplitView
              {...common}
              book={state.book}
              resplit={state.resplit}
              today={setup.today}
              onReadBook={() => void actions.readBook()}
              onChange={actions.updateResplit}
              onPreview={() => void actions.previewResplit()}
              onWrite={() => void actions.writeResplit()}
            />
          ) : (
            <ConsolidateView
              {...common}
              book={state.book}
              consolidation={state.consolidation}
              onReadBook={() => void actions.readBook()}
              onChooseReturned={(files) => void actions.chooseReturned(files)}
              onRemoveReturned={actions.removeReturned}
              onPreview={() => void actions.previewConsolidation()}
              onWrite={() => void actions.writeConsolidation()}
            />
          )}
        </div>
      </main>
    </FluentProvider>
  );
}
