import { ConditionalFormat, ModelValue } from '../model';
import { literal } from './refs';
import { FormText } from './text';

/** The columns that track progress, on Phụ lục 02, the periodic report and Tổng hợp: headings, status and its shading. */
type TrackingColumns = Record<'need' | 'done' | 'left' | 'percent' | 'expected' | 'status', number>;

/** Puts the tracking columns' headings into a header row. */
export function putTrackingLabels(header: ModelValue[], c: TrackingColumns, t: FormText): void {
  header[c.need] = t.remaining;
  header[c.done] = t.done;
  header[c.left] = t.left;
  header[c.percent] = t.percent;
  header[c.expected] = t.expected;
  header[c.status] = t.status;
}

/** The status formula both the report and the roll-up use: finished, ahead, on track or behind. */
export function statusFormula(t: FormText, need: string, done: string, expected: string): string {
  const s = t.statuses;
  return `IF(${done}>=${need},${literal(s.done)},IF(${done}>${expected},${literal(s.ahead)},IF(${done}=${expected},${literal(s.onTrack)},${literal(s.behind)})))`;
}

/** Conditional formats that shade a status range: red when behind, green when finished. */
export function statusFormats(range: string, need: string, done: string, expected: string): ConditionalFormat[] {
  return [
    { range, formula: `AND(${need}<>"",${done}>=${need})`, style: 'finished' }, // not the roll-up's section headings
    { range, formula: `AND(${done}<${expected},${done}<${need})`, style: 'behind' },
  ];
}
