import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';
import type { Preview } from './preview-state';
import { Refusal } from './Refusal';

const useStyles = makeStyles({
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface PreviewBlockProps<T> {
  t: PaneStrings;
  lang: Lang;
  preview: Preview<T>;
  busy: boolean;
  /** Why the preview cannot be made yet, when it cannot. */
  notReady: string | null;
  testId: string;
  /** The spinner's label while it is made. */
  pending: string;
  /** The refusal's heading, and a hint under it. */
  refused: string;
  refusedHint?: string;
  onPreview: () => void;
  onGoToCell?: (cell: string) => void;
  /** What the preview shows once made. */
  children: (value: T) => ReactNode;
}

/** Every flow's preview: its button, why it cannot be made yet, a spinner, the refusal, or what it shows. */
export function PreviewBlock<T>({ t, lang, preview, busy, notReady, testId, pending, refused, refusedHint, onPreview, onGoToCell, children }: PreviewBlockProps<T>) {
  const styles = useStyles();
  return (
    <>
      <div>
        <Button data-testid={testId} onClick={onPreview} disabledFocusable={busy}>
          {t.preview}
        </Button>
      </div>
      {notReady && <p className={mergeClasses(styles.p, styles.muted)}>{notReady}</p>}
      {preview.status === 'pending' && <Spinner size="small" labelPosition="after" label={pending} />}
      {preview.status === 'failed' && <Refusal lang={lang} t={t} error={preview.error} onGoToCell={onGoToCell} />}
      {preview.status === 'refused' && <Refusal lang={lang} t={t} heading={refused} hint={refusedHint} problems={preview.problems} onGoToCell={onGoToCell} />}
      {preview.status === 'ready' && children(preview.value)}
    </>
  );
}
