import { createRoot } from 'react-dom/client';
import { excelHost } from '../hosts/office/excel-host';
import { both } from '../i18n/strings';
import { Notice } from './shared/Notice';
import { Pane } from './Pane';
import { dayFromDate } from './dates';
import { Environment, watchEnvironment } from './environment';
import { HostError } from '../hosts/host';

/**
 * The pane's entry. taskpane.html has already turned Internet Explorer away. Inside Excel the pane talks
 * to Excel; in a plain browser (office.js missing, or answering with no host) it runs standalone on a
 * workbook file the user chooses.
 */
const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  // Today by the user's own calendar: the local date's fields, not its UTC instant.
  const today = dayFromDate(new Date());
  const show = (env: Environment): void => {
    if (env.kind === 'other-office') {
      root.render(<Notice lang={env.lang} message={both((s) => s.otherOffice)} />);
      return;
    }
    try {
      const host = env.kind === 'excel' ? excelHost() : null;
      // The key starts a fresh pane if Excel answers only after the pane came up standalone.
      root.render(<Pane key={env.kind} host={host} lang={env.lang} today={today} />);
    } catch (e) {
      if (!(e instanceof HostError)) console.error(e);
      const message = e instanceof HostError ? { vi: e.vi, en: e.en } : both((s) => s.unexpected);
      root.render(<Notice lang={env.lang} message={message} />);
    }
  };
  watchEnvironment(show, window.location.search, navigator.language);
}
