import { Bilingual, both } from '../../i18n/strings';
import { Problem } from '../../planning/problems';
import { formatCount } from '../../planning/text';
import { PlanWorkbook } from '../../sheets/read-plan-workbook';
import { BookSummary, bookSummary } from './summary';

/** The plan workbook a re-split or a consolidation starts from: its forms, read back with their typed actuals. */
export type BookState =
  | { status: 'none' }
  | { status: 'reading' }
  | { status: 'read'; book: PlanWorkbook; summary: BookSummary }
  /** No plan in the workbook, or forms that cannot be read back (an actual that is not a number…): each problem names its cell. */
  | { status: 'refused'; problems: Problem[] }
  | { status: 'failed'; error: Bilingual };

export type BookAction =
  /** `keepResult`: reading again after a write, whose result stays shown. */
  | { type: 'book-reading'; keepResult?: boolean }
  /** `defaults` fill the re-split form's blank dates (today, the plan's end). */
  | { type: 'book-read'; book: PlanWorkbook; defaults: { asOf: number; end: number } }
  | { type: 'book-refused'; problems: Problem[] }
  | { type: 'book-failed'; error: Bilingual };

/** The book after `action`, and what the status line says. */
export function reduceBook(action: BookAction): { book: BookState; status: Bilingual } {
  switch (action.type) {
    case 'book-reading':
      return { book: { status: 'reading' }, status: both((s) => s.readingBook) };
    case 'book-read': {
      const summary = bookSummary(action.book);
      return {
        book: { status: 'read', book: action.book, summary },
        status: both((s, lang) => s.bookRead(summary.revision, formatCount(summary.units, lang), formatCount(summary.actuals, lang))),
      };
    }
    case 'book-refused':
      return { book: { status: 'refused', problems: action.problems }, status: both((s) => s.bookRefused) };
    case 'book-failed':
      return { book: { status: 'failed', error: action.error }, status: action.error };
  }
}
