import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import { DayNumber, formatVN } from '../../planning/days';
import { Loading, lazyPart } from '../shared/Loading';
import { DocumentForm } from './pane-settings';

// Loaded when the group is first opened: most writes keep the document as saved.
const DocumentFields = lazyPart(() => import(/* webpackChunkName: "document-fields" */ './DocumentFields').then((m) => m.DocumentFields));

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toggle: { justifyContent: 'flex-start', textAlign: 'start', paddingLeft: 0, paddingRight: 0, minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  summary: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
});

export interface DocumentGroupProps {
  t: PaneStrings;
  form: DocumentForm;
  today: DayNumber;
  disabled: boolean;
  onChange: (patch: Partial<DocumentForm>) => void;
}

/**
 * The document around the forms (Decree 30/2020/NĐ-CP: issuing body, number, place and date, signer,
 * recipients), one group that opens and closes with its button; closed, one line says what is set.
 */
export function DocumentGroup({ t, form, today, disabled, onChange }: DocumentGroupProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const summary = [form.issuer.trim(), form.docNumber.trim(), form.issued !== null ? formatVN(form.issued) : '', form.signer.trim()].filter(Boolean);
  return (
    <div className={styles.group}>
      <Button
        className={styles.toggle}
        appearance="transparent"
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
        data-testid="document-toggle"
      >
        {t.documentGroup}
      </Button>
      {!open && <p className={styles.summary}>{summary.length > 0 ? summary.join(' · ') : t.documentEmpty}</p>}
      {open && (
        <Loading t={t}>
          <DocumentFields t={t} form={form} today={today} disabled={disabled} onChange={onChange} panelId={panelId} />
        </Loading>
      )}
    </div>
  );
}
