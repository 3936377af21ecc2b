import { Button, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';
import type { WriteState } from '../state';
import { Step } from './Step';
import { WriteStatus } from './WriteStatus';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface WriteStepProps {
  t: PaneStrings;
  lang: Lang;
  mode: 'excel' | 'file';
  issuer: string;
  write: WriteState;
  busy: boolean;
  onIssuer: (issuer: string) => void;
  onWrite: () => void;
  onShowSheet: (name: string) => void;
  onGoToCell?: (cell: string) => void;
}

/** Step 4: the forms written into the workbook (Excel) or a new file to download (standalone). */
export function WriteStep({ t, lang, mode, issuer, write, busy, onIssuer, onWrite, onShowSheet, onGoToCell }: WriteStepProps) {
  const styles = useStyles();
  return (
    <Step id="step-write" heading={t.writeHeading}>
      <Field label={t.issuer} hint={t.issuerHint}>
        <Input value={issuer} disabled={busy} onChange={(_, d) => onIssuer(d.value)} />
      </Field>
      {mode === 'file' && <p className={mergeClasses(styles.p, styles.muted)}>{t.writeFileHint}</p>}
      <div>
        <Button appearance="primary" data-testid="write" onClick={onWrite} disabledFocusable={busy}>
          {t.write}
        </Button>
      </div>
      <WriteStatus t={t} lang={lang} write={write} onShowSheet={onShowSheet} onGoToCell={onGoToCell} />
    </Step>
  );
}
