import { formatVN } from '../days';
import { problem } from '../problems';
import { rowLabel, rowNoun } from '../row-labels';
import { isWholeNumber } from '../settings';
import { formatCount } from '../text';
import { Unit } from '../units';
import { Frame, inputError } from './frame';
import { Left } from './left';
import { ReplanInput } from './types';

/** A row's held cells as messages say them: its unit and register, the cells, and what to do about them. */
export interface HeldAbout {
  u: Unit;
  cell: string;
  vi: string;
  en: string;
  noun: { vi: string; en: string };
  at: { vi: string; en: string };
  fix: { vi: string; en: string };
}

/** The held targets kept, and what they take out of what each row has left. */
export interface Held {
  /** r·P + k → the held target (the period's whole target). */
  at: Map<number, number>;
  /** Per row: its held targets less the current period's actual. */
  future: Float64Array;
  /** Per row: its held periods, in order. */
  periods: number[][];
  about(r: number, ks: readonly number[]): HeldAbout;
  /** A problem about a row's held cells, with the advice on them. */
  report(severity: 'error' | 'warning', code: string, a: HeldAbout, vi: string, en: string): void;
}

/** The held targets checked against the new periods and what is left (errors and warnings go to `f.problems`). */
export function heldCells(f: Frame, input: Pick<ReplanInput, 'held' | 'heldSource'>, { left, current }: Left): Held {
  const { old, periods, P, R, firstOpen } = f;
  const at = new Map<number, number>();
  const future = new Float64Array(R);
  const heldPeriods: number[][] = old.rows.map(() => []);
  const span = (k: number): string => `${formatVN(periods[k].start)}–${formatVN(periods[k].end)}`;
  const about = (r: number, ks: readonly number[]): HeldAbout => {
    const u = old.units[old.rows[r].unitIndex];
    const sources = input.heldSource ? ks.map((k) => input.heldSource!(r, k)) : [];
    const cells = sources.map((s) => s.cell);
    const fixes = (lang: 'vi' | 'en'): string => [...new Set(sources.map((s) => s.fix[lang]))].map((fix) => ` ${fix}`).join('');
    return {
      u,
      cell: cells[0] ?? u.cell,
      vi: rowLabel(old, r, 'vi'),
      en: rowLabel(old, r, 'en'),
      noun: { vi: rowNoun(old, r, 'vi'), en: rowNoun(old, r, 'en') },
      at: cells.length === 0 ? { vi: '', en: '' } : { vi: ` (ô ${cells.join(', ')})`, en: ` (cell${cells.length === 1 ? '' : 's'} ${cells.join(', ')})` },
      fix: { vi: fixes('vi'), en: fixes('en') },
    };
  };
  const report = (severity: 'error' | 'warning', code: string, a: HeldAbout, vi: string, en: string): void => {
    f.problems.push(problem(severity, code, a.cell, a.u.name, vi + a.fix.vi, en + a.fix.en));
  };
  for (const [key, value] of input.held ?? []) {
    const m = /^(0|[1-9]\d*):(0|[1-9]\d*)$/.exec(key); // one spelling per cell, so none is counted twice
    const r = m ? Number(m[1]) : -1;
    const k = m ? Number(m[2]) : -1;
    if (r < 0 || r >= R) {
      inputError(f.problems, 'bad-held', null, `Chỉ tiêu giữ nguyên "${key}" = ${value} không hợp lệ.`, `The held target "${key}" = ${value} is not valid.`);
    } else if (k >= P || !isWholeNumber(value, 0)) {
      const a = about(r, k >= 0 && k < P ? [k] : []);
      report('error', 'bad-held', a,
        `${a.vi}: chỉ tiêu giữ nguyên "${key}" = ${value}${a.at.vi} không hợp lệ.`,
        `${a.en}: the held target "${key}" = ${value}${a.at.en} is not valid.`);
    } else if (k < firstOpen) {
      const a = about(r, [k]);
      report('error', 'held-in-past', a,
        `${a.vi}: kỳ ${span(k)}${a.at.vi} đã qua, chỉ tiêu của nó không đổi nên không giữ được.`,
        `${a.en}: the period ${span(k)}${a.at.en} is past; its target does not change and cannot be held.`);
    } else if (k === firstOpen && value < current[r]) {
      // A held target is the period's whole target, and what was already done in it cannot be undone.
      const a = about(r, [k]);
      report('error', 'held-below-actual', a,
        `${a.vi}: chỉ tiêu giữ nguyên ${formatCount(value, 'vi')} của kỳ hiện tại ${span(k)}${a.at.vi} thấp hơn ${formatCount(current[r], 'vi')} ${a.noun.vi} đã làm trong kỳ; ` +
          `chỉ tiêu giữ nguyên là cả chỉ tiêu của kỳ nên phải ít nhất ${formatCount(current[r], 'vi')}.`,
        `${a.en}: the held target ${formatCount(value, 'en')} of the current period ${span(k)}${a.at.en} is below the ${formatCount(current[r], 'en')} ${a.noun.en} already done in it; ` +
          `a held target is the whole period's, so it must be at least ${formatCount(current[r], 'en')}.`);
    } else {
      at.set(r * P + k, value);
      heldPeriods[r].push(k);
      future[r] += value - (k === firstOpen ? current[r] : 0);
    }
  }
  heldPeriods.forEach((ks) => ks.sort((a, b) => a - b));
  old.rows.forEach((_, r) => {
    if (future[r] <= left[r]) return;
    const a = about(r, heldPeriods[r]);
    report('error', 'held-exceeds-remaining', a,
      `${a.vi}: chỉ tiêu giữ nguyên${a.at.vi} (trừ số đã làm trong kỳ hiện tại) là ${formatCount(future[r], 'vi')}, nhiều hơn ${formatCount(left[r], 'vi')} ${a.noun.vi} còn lại.`,
      `${a.en}: the held targets${a.at.en} (less what was done in the current period) come to ${formatCount(future[r], 'en')}, more than the ${formatCount(left[r], 'en')} ${a.noun.en} left.`);
  });
  return { at, future, periods: heldPeriods, about, report };
}
