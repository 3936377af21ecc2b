import { FluentProvider, MessageBar, MessageBarBody, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Bilingual } from '../../i18n/strings';
import type { Lang } from '../../sheets/forms/text';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

/** The pane cannot work here (opened from Word, no connection to Excel): says so, and nothing else. */
export function Notice({ lang, message }: { lang: Lang; message: Bilingual }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={lang} className={styles.root}>
      <h1 className={styles.title}>Quota Planner</h1>
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>{message[lang]}</MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
