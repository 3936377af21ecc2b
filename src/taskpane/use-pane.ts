import { useEffect, useState, useSyncExternalStore } from 'react';
import { DayNumber } from '../planning/days';
import type { Lang } from '../sheets/forms/text';
import { PaneActions, createController } from './controller';
import type { PaneHost } from '../hosts/host';
import { openWorkbookFile } from './hosts';
import { defaultForm } from './plan/pane-settings';
import { PaneState, initialState } from './state';
import { createStore } from './store';

export interface PaneSetup {
  /** Inside Excel, its host; null standalone (a file is chosen in the pane). */
  host: PaneHost | null;
  lang: Lang;
  today: DayNumber;
}

/** Lets the browser paint before the main thread is held by planning, even in a pane that is not visible. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 100); // animation frames stop while the pane is hidden
  });
}

/** The pane's state and what components may ask of it: the one place React meets the controller. */
export function usePane(setup: PaneSetup): { state: PaneState; actions: PaneActions } {
  const [{ store, actions }] = useState(() => {
    const store = createStore(initialState(setup.host ? 'excel' : 'file', setup.lang, defaultForm(setup.today)));
    const actions = createController({
      store, today: setup.today, host: setup.host, openFile: openWorkbookFile, nextPaint, log: console.error,
      // The lists of units (≈4 MB of the package's JSON) load on the first remap only.
      loadReform: () => import(/* webpackChunkName: "reform-data" */ './remap/reform-data').then((m) => m.loadReform()),
    });
    return { store, actions };
  });
  const state = useSyncExternalStore(store.subscribe, store.get);
  useEffect(() => void actions.start(), [actions]);
  return { state, actions };
}
