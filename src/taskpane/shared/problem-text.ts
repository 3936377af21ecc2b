/** How the problem list reads a message: the cell it names, and where its fact ends and its advice begins. */

/** Whether a message names `cell` (`Sheet!C7`) as its own sheet's cell: `C7`, not `C70`. */
export function namesCell(text: string, cell: string): boolean {
  const local = cell.slice(cell.lastIndexOf('!') + 1);
  return new RegExp(`(^|[^A-Z0-9])${local}(?![0-9])`).test(text);
}

/**
 * A message's first sentence (what is wrong where) and the rest (what to do): split at the first full stop
 * outside parentheses that ends a sentence, not an abbreviation ("e.g.", "i.e.", "v.v.").
 */
export function splitAdvice(text: string): { fact: string; advice: string } {
  let depth = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === '.' && text[i + 1] === ' ' && depth === 0 && !/(^|\s)(e\.g|i\.e|v\.v)$/i.test(text.slice(0, i))) {
      return { fact: text.slice(0, i + 1), advice: text.slice(i + 2) };
    }
  }
  return { fact: text, advice: '' };
}
