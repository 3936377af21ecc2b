import { makeStyles, tokens } from '@fluentui/react-components';

/** The pane's fields: one look for the settings, the document's fields, the stages and the re-split's dates. */
export const useFormStyles = makeStyles({
  // Short fields side by side when the pane is wide enough, one a line at 320 px; each as tall as its own
  // content, so one field's message does not stretch the field beside it.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  // Inputs are as wide as their column, and columns may be narrower than an input's natural width.
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
});
