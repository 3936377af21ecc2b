import { Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import { DayNumber } from '../../planning/days';
import { DateField } from '../shared/DateField';
import { DocumentForm } from './pane-settings';
import { useFormStyles } from '../shared/form-styles';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingLeft: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface DocumentFieldsProps {
  t: PaneStrings;
  form: DocumentForm;
  today: DayNumber;
  disabled: boolean;
  onChange: (patch: Partial<DocumentForm>) => void;
  panelId: string;
}

/** The document's fields, loaded when the group is first opened (the pane's first load does without them). */
export function DocumentFields({ t, form, today, disabled, onChange, panelId }: DocumentFieldsProps) {
  const styles = useStyles();
  const fields = useFormStyles();
  const text = (key: 'issuer' | 'issuerParent' | 'docNumber' | 'place' | 'signer' | 'preparer', label: string, hint?: string) => (
    <Field className={fields.field} label={label} hint={hint}>
      <Input className={fields.input} value={form[key]} disabled={disabled} onChange={(_, d) => onChange({ [key]: d.value })} />
    </Field>
  );
  const lines = (key: 'signerTitle' | 'recipients', label: string, hint: string, rows: number) => (
    <Field className={fields.field} label={label} hint={hint}>
      <Textarea className={fields.input} value={form[key]} rows={rows} resize="vertical" disabled={disabled} onChange={(_, d) => onChange({ [key]: d.value })} />
    </Field>
  );
  return (
    <div id={panelId} className={styles.panel} role="group" aria-label={t.documentGroup}>
      <p className={styles.intro}>{t.documentIntro}</p>
      {text('issuerParent', t.issuerParent, t.issuerParentHint)}
      {text('issuer', t.issuer, t.issuerHint)}
      <div className={fields.pair}>
        {text('docNumber', t.docNumber, t.docNumberHint)}
        <DateField label={t.issued} value={form.issued} onChange={(issued) => onChange({ issued })} t={t} today={today} testId="issued-date" disabled={disabled} />
      </div>
      {text('place', t.place, t.placeHint)}
      {lines('signerTitle', t.signerTitle, t.signerTitleHint, 2)}
      <div className={fields.pair}>
        {text('signer', t.signer)}
        {text('preparer', t.preparer)}
      </div>
      {lines('recipients', t.recipients, t.recipientsHint, 3)}
    </div>
  );
}
