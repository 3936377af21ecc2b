import { FluentProvider, Switch, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { STRINGS } from '../i18n/strings';
import { PlanView } from './plan/PlanView';
import { Loading, lazyPart } from './shared/Loading';
import { ViewProps } from './shared/view-props';
import { ViewTabs } from './shared/ViewTabs';
import { PaneView, isBusy } from './state';
import { PaneSetup, usePane } from './use-pane';

// The view shown first is in the pane's first download; the others load when their tab is opened.
const ResplitView = lazyPart(() => import(/* webpackChunkName: "resplit-view" */ './resplit/ResplitView').then((m) => m.ResplitView));
const ConsolidateView = lazyPart(() => import(/* webpackChunkName: "consolidate-view" */ './consolidate/ConsolidateView').then((m) => m.ConsolidateView));

const useStyles = makeStyles({
  // On a box inside the provider: the provider's own class also goes to every popup (calendars, menus), which
  // would then be as tall as the pane, white, over it.
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
    onUndoWrite: mode === 'excel' ? (flow) => void actions.undoWrite(flow) : undefined,
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <h1 className={styles.title}>Quota Planner</h1>
            <p className={styles.subtitle}>{t.title}</p>
          </div>
          <Switch label={{ children: t.englishSwitch, lang: 'en' }} checked={lang === 'en'} onChange={(_, d) => actions.setLang(d.checked ? 'en' : 'vi')} />
        </header>
        <main>
          <ViewTabs
            label={t.views}
            panel="view"
            selected={state.view}
            onSelect={(view: PaneView) => void actions.setView(view)}
            tabs={[
              { value: 'plan', label: t.planView },
              { value: 'resplit', label: t.resplitView },
              { value: 'consolidate', label: t.consolidateView },
            ]}
          />
          <div role="status" className={styles.status}>
            {state.status?.[lang]}
          </div>
          <div id="view" role="tabpanel" aria-labelledby={`tab-${state.view}`}>
            {state.view === 'plan' ? (
              <PlanView {...common} plan={state.plan} remap={state.remap} settingsNotSaved={state.settingsNotSaved} today={setup.today} actions={actions} onAnnounce={actions.announce} />
            ) : (
              <Loading t={t}>
                {state.view === 'resplit' ? (
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
              </Loading>
            )}
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}
