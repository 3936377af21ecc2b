import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';
import { WriteBlock } from '../shared/WriteBlock';
import type { Missing } from '../shared/missing';
import type { WriteState } from '../shared/write-state';
import type { DayNumber } from '../../planning/days';
import { DocumentGroup } from './DocumentGroup';
import type { DocumentForm } from './pane-settings';

export interface WriteStepProps {
  t: PaneStrings;
  lang: Lang;
  mode: 'excel' | 'file';
  /** The document around the forms, edited in its group above the button. */
  document: DocumentForm;
  today: DayNumber;
  write: WriteState;
  /** What the write still needs, each with its field. */
  missing: readonly Missing[];
  busy: boolean;
  onDocument: (patch: Partial<DocumentForm>) => void;
  onWrite: () => void;
  onShowSheet: (name: string) => void;
  onGoToCell?: (cell: string) => void;
  onUndo?: () => void;
}

/** Step 4: the forms written into the workbook (Excel) or a new file to download (standalone). */
export function WriteStep({ t, lang, mode, document, today, write, missing, busy, onDocument, onWrite, onShowSheet, onGoToCell, onUndo }: WriteStepProps) {
  return (
    <WriteBlock
      t={t}
      lang={lang}
      id="step-write"
      heading={t.writeHeading}
      mode={mode}
      hints={{ excel: null, file: t.writeFileHint }}
      button={t.write}
      testId="write"
      write={write}
      missing={missing}
      busy={busy}
      onWrite={onWrite}
      onShowSheet={onShowSheet}
      onGoToCell={onGoToCell}
      onUndo={onUndo}
    >
      <DocumentGroup t={t} form={document} today={today} disabled={busy} onChange={onDocument} />
    </WriteBlock>
  );
}
