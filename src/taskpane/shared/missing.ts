/**
 * What a flow still needs before it can preview or write, each with the field to go to: the preview and
 * write blocks list them where they were clicked, each a link that puts the focus in its field.
 */
export interface Missing {
  text: string;
  /** The id of the field (or of the box around it) to focus. */
  field: string;
}

/** Ids of the fields a message can send people to. */
export const FIELD = {
  sourceFile: 'field-source-file',
  source: 'step-source',
  start: 'field-start',
  end: 'field-end',
  rate: 'field-rate',
  machines: 'field-machines',
  stages: 'field-stages',
  bookFile: 'field-book-file',
  book: 'step-book',
  asOf: 'field-as-of',
  newEnd: 'field-new-end',
  returned: 'field-returned',
} as const;

/** Puts the focus in a field: the element itself when it takes the focus, else the first control inside it. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const control = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
  const target = control ?? el;
  target.scrollIntoView?.({ block: 'center' });
  if (!control && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}
