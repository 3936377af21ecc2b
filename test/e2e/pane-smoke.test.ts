import { axeScan, horizontalOverflow, overflowingElements, screenshot, usePane } from '../helpers/browser';

/**
 * The production pane in Chromium with Office.js unreachable: it must come up standalone in Excel's
 * narrowest pane, offer a workbook file to open, and pass axe. The upload → plan → download flow has its
 * own test.
 */
const pane = usePane();
const WIDTH = 320;

describe('the task pane, standalone in Chromium', () => {
  it('loads at 320 px without scrolling sideways, offers a file input, and has no serious accessibility violation', async () => {
    const page = await pane.openPane({ width: WIDTH, height: 800, locale: 'vi-VN' });
    const input = page.getByTestId('file-input');
    try {
      await input.waitFor({ state: 'attached', timeout: 30_000 });
    } catch (err) {
      const shot = await screenshot(page, 'pane-standalone-320-no-file-input');
      throw new Error(`${(err as Error).message}\nThe page (${shot}) reported:\n${pane.errors.join('\n') || '(no error)'}`);
    }
    await screenshot(page, 'pane-standalone-320');

    // Everything found at once, so one run shows all there is to fix.
    const { scrollWidth } = await horizontalOverflow(page);
    const found = {
      fileInputType: await input.getAttribute('type'),
      sideways: scrollWidth > WIDTH ? { scrollWidth, past: await overflowingElements(page) } : null,
      axe: await axeScan(page),
      // Office.js is asked for and refused; nothing else may try to leave the machine.
      external: pane.external.filter((url) => !url.startsWith('https://appsforoffice.microsoft.com/')),
      errors: pane.errors,
    };
    expect(found).toEqual({ fileInputType: 'file', sideways: null, axe: [], external: [], errors: [] });
  });
});
