import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

const useStyles = makeStyles({
  // Hidden from sight but not from the keyboard or screen readers: the label below shows its focus.
  input: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    '&:focus-visible + label': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  label: {
    display: 'inline-flex',
    alignItems: 'center',
    alignSelf: 'flex-start',
    maxWidth: '100%',
    boxSizing: 'border-box',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
    ':active': { backgroundColor: tokens.colorBrandBackgroundPressed },
  },
  disabled: {
    cursor: 'default',
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    color: tokens.colorNeutralForegroundDisabled,
    ':hover': { backgroundColor: tokens.colorNeutralBackgroundDisabled },
  },
});

export type FileChooserProps = {
  label: string;
  disabled: boolean;
  /** `file-input` unless given (a view with two choosers tells them apart). */
  testId?: string;
  /** The input's id (a message's link to it), else one of its own. */
  id?: string;
} & ({ multiple?: false; onFile: (file: File) => void } | { multiple: true; onFiles: (files: File[]) => void });

/**
 * A real file input (what browsers, assistive technology and test drivers all understand) shown as a
 * button-like label in the pane's language, instead of the browser's own "Choose file" text. With
 * `multiple`, several files are chosen at once and handed over together.
 */
export function FileChooser(props: FileChooserProps) {
  const styles = useStyles();
  const ownId = useId();
  const id = props.id ?? ownId;
  return (
    <>
      <input
        id={id}
        type="file"
        multiple={props.multiple}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.input}
        data-testid={props.testId ?? 'file-input'}
        // Not `disabled` while the pane is busy: a disabled input loses the focus (to the page), so after a
        // file is read the keyboard would start again from the top. It opens no file dialog meanwhile.
        aria-disabled={props.disabled || undefined}
        onClick={(e) => {
          if (props.disabled) e.preventDefault();
        }}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so that choosing the same file again (after fixing it) reads it again.
          e.currentTarget.value = '';
          if (files.length === 0) return;
          if (props.multiple) props.onFiles(files);
          else props.onFile(files[0]);
        }}
      />
      <label htmlFor={id} className={props.disabled ? `${styles.label} ${styles.disabled}` : styles.label}>
        {props.label}
      </label>
    </>
  );
}
