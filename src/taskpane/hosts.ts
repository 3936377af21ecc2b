import { both } from '../i18n/strings';
import { FilePurpose, HostError, PaneHost } from '../hosts/host';

/**
 * A workbook file chosen in a plain browser (standalone mode). The file host is loaded on demand, so
 * ExcelJS is downloaded only by people who open a workbook file in a plain browser, never inside Excel.
 */
export async function openWorkbookFile(file: File, purpose: FilePurpose): Promise<PaneHost> {
  let host: typeof import('../hosts/browser/file-host');
  try {
    host = await import(/* webpackChunkName: "file-host" */ '../hosts/browser/file-host');
  } catch (e) {
    console.error(e); // a chunk that did not download: offline, or a deployment replaced mid-session
    const { vi, en } = both((s) => s.fileReaderUnavailable);
    throw new HostError(vi, en, 'file-host-not-loaded');
  }
  return host.openWorkbookFile(file, purpose);
}
