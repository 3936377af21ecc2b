import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
});

/** One step of the pane: a section named by its heading, so screen readers can jump from step to step. */
export function Step(props: { id: string; heading: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.step} aria-labelledby={props.id}>
      <h2 id={props.id} className={styles.heading}>
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}
