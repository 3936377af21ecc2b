import type { PaneStrings } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';

/** What every view of the pane takes from it. */
export interface ViewProps {
  t: PaneStrings;
  lang: Lang;
  mode: 'excel' | 'file';
  /** Standalone: the file chosen, once there is one. */
  fileName: string | null;
  busy: boolean;
  onChooseFile: (file: File) => void;
  onShowSheet: (name: string) => void;
  /** Excel only: selects a problem's cell. */
  onGoToCell?: (cell: string) => void;
  /** Excel only: undoes a flow's last write (standalone writes a new file: nothing to undo). */
  onUndoWrite?: (flow: 'plan' | 'resplit' | 'consolidate') => void;
}
