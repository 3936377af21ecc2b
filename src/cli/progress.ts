/**
 * Progress on stderr for runs longer than a second: quiet for quick runs, a line per phase (and a
 * heartbeat while one drags on) for national-scale ones.
 */
export interface Progress {
  step(vi: string, en: string): void;
  done(): void;
}

export function createProgress(write: (line: string) => void, now: () => number = Date.now, quietMs = 1000): Progress {
  const started = now();
  let current = '';
  let shown = '';
  const show = (): void => {
    const elapsed = now() - started;
    if (elapsed < quietMs || !current) return;
    write(`[${(elapsed / 1000).toFixed(1)} s] ${current}${current === shown ? ' …' : ''}`);
    shown = current;
  };
  const timer = setInterval(show, quietMs);
  timer.unref?.();
  return {
    step(vi, en) {
      current = `${vi} / ${en}`;
      show();
    },
    done() {
      clearInterval(timer);
    },
  };
}
