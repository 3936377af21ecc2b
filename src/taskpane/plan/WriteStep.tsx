import { Field, Input } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';
import { WriteBlock } from '../shared/WriteBlock';
import type { Missing } from '../shared/missing';
import type { WriteState } from '../shared/write-state';

export interface WriteStepProps {
  t: PaneStrings;
  lang: Lang;
  mode: 'excel' | 'file';
  issuer: string;
  write: WriteState;
  /** What the write still needs, each with its field. */
  missing: readonly Missing[];
  busy: boolean;
  onIssuer: (issuer: string) => void;
  onWrite: () => void;
  onShowSheet: (name: string) => void;
  onGoToCell?: (cell: string) => void;
  onUndo?: () => void;
}

/** Step 4: the forms written into the workbook (Excel) or a new file to download (standalone). */
export function WriteStep({ t, lang, mode, issuer, write, missing, busy, onIssuer, onWrite, onShowSheet, onGoToCell, onUndo }: WriteStepProps) {
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
      <Field label={t.issuer} hint={t.issuerHint}>
        <Input value={issuer} disabled={busy} onChange={(_, d) => onIssuer(d.value)} />
      </Field>
    </WriteBlock>
  );
}
