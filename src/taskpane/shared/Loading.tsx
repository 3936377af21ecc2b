import { Component, ComponentType, ReactNode, Suspense, lazy } from 'react';
import type { PaneStrings } from '../../i18n/strings';

/**
 * What loads when it is first shown (a view, an editor, the calendar): `lazyPart(() => import('./X').then((m)
 * => m.X))` gives a component that `Loading` shows once its chunk arrived, with a status line meanwhile and a
 * message (not a blank pane) when the chunk cannot be downloaded.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() => load().then((component) => ({ default: component })));
}

class Failed extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  componentDidCatch(error: unknown): void {
    console.error(error); // a chunk that did not download: offline, or a deployment replaced mid-session
  }
  render(): ReactNode {
    return this.state.failed ? <p role="alert">{this.props.message}</p> : this.props.children;
  }
}

export function Loading({ t, children, fallback }: { t: PaneStrings; children: ReactNode; fallback?: ReactNode }) {
  return (
    <Failed message={t.partUnavailable}>
      <Suspense fallback={fallback ?? <p role="status">{t.loading}</p>}>{children}</Suspense>
    </Failed>
  );
}
