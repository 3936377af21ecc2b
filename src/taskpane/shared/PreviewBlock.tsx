import { Button, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';
import type { Preview } from './preview-state';
import type { Missing } from './missing';
import { MissingList, useAsked } from './MissingList';
import { Refusal } from './Refusal';

export interface PreviewBlockProps<T> {
  t: PaneStrings;
  lang: Lang;
  preview: Preview<T>;
  busy: boolean;
  /** What the preview still needs, each with its field (empty: nothing). */
  missing: readonly Missing[];
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

/** Every flow's preview: its button, what it still needs (each a link to its field), a spinner, the refusal, or what it shows. */
export function PreviewBlock<T>({ t, lang, preview, busy, missing, testId, pending, refused, refusedHint, onPreview, onGoToCell, children }: PreviewBlockProps<T>) {
  // Pressed while something is missing: said here, where it was pressed, until nothing is missing.
  const { asked, onPress } = useAsked(missing, onPreview);
  return (
    <>
      <div>
        <Button data-testid={testId} onClick={onPress} disabledFocusable={busy}>
          {t.preview}
        </Button>
      </div>
      {asked && <MissingList t={t} missing={missing} asked testId={`${testId}-missing`} />}
      {preview.status === 'pending' && <Spinner size="small" labelPosition="after" label={pending} />}
      {preview.status === 'failed' && <Refusal lang={lang} t={t} error={preview.error} onGoToCell={onGoToCell} />}
      {preview.status === 'refused' && <Refusal lang={lang} t={t} heading={refused} hint={refusedHint} problems={preview.problems} onGoToCell={onGoToCell} />}
      {preview.status === 'ready' && children(preview.value)}
    </>
  );
}
