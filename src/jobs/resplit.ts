import { Problem } from '../planning/problems';
import { keptNames, revisionForms } from '../sheets/book-forms';
import { DocumentSettings } from '../sheets/document-settings';
import { Lang } from '../sheets/forms/text';
import { ReviseInput, Revision, revise } from '../sheets/revise';
import { FormsToWrite, Refused, Target, formsInto, isRefused, refused } from './target';

/**
 * The use case "re-split": a plan workbook read back with its actuals, and what changes (the new end…), in;
 * the next revision and its forms out, every actual carried. The pane previews the revision
 * (`resplitOf`) and hands it back when writing.
 */

/** The next revision, or its errors (warnings stay on it). */
export function resplitOf(input: ReviseInput): { revision: Revision } | Refused {
  const result = revise(input);
  if (result.plan === null) return refused(result.problems.filter((p: Problem) => p.severity === 'error'));
  return { revision: result };
}

export interface ResplitJob extends ReviseInput {
  /** The revision already made from this input (the pane's preview); made anew when absent. */
  revision?: Revision;
  /** The forms' language and document settings: the book's own unless given. */
  lang?: Lang;
  document?: Partial<DocumentSettings>;
  target: Target;
}

export function resplitJob(job: ResplitJob): ({ revision: Revision } & FormsToWrite) | Refused {
  let revision = job.revision;
  if (!revision) {
    const made = resplitOf(job);
    if (isRefused(made)) return made;
    revision = made.revision;
  }
  const { book } = job;
  const lang = job.lang ?? book.lang;
  const next = revision;
  const out = formsInto(job.target, keptNames(book, lang), next.plan, (names) => revisionForms(book, next, { lang, document: job.document, names }));
  return isRefused(out) ? out : { revision, ...out };
}
