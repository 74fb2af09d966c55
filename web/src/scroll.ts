/**
 * Keeps the newest message in view. After every message, and whenever the log changes size
 * (choices appear or go, the header turns compact, the phone's keyboard opens), the log scrolls
 * so that its last message lies wholly inside it, or, when that message (with the log's padding after it) is taller than the log,
 * so that its start is at the top (the question is read from its beginning). Only the log
 * scrolls: never the page, never focus (focus stays in the message box). Smooth, except for
 * people who ask for reduced motion, and except for size changes, which follow at once.
 * A patient who scrolls back to read stays where they are until the next message arrives.
 */
export interface Follower {
  /** Call after appending a message (or several); `smooth: false` for a restored transcript. */
  newest(smooth?: boolean): void;
}

export function followNewest(log: HTMLElement): Follower {
  const reduced = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
  let following = true;
  let frame = 0;

  const target = (): number => {
    const last = log.lastElementChild as HTMLElement | null;
    const bottom = log.scrollHeight - log.clientHeight;
    if (!last) return bottom;
    // offsetTop is measured from the log when it is the offsetParent (it is positioned in the CSS).
    const top = last.offsetTop - parseFloat(getComputedStyle(log).paddingTop || '0');
    // The end of the log, unless that would hide the message's start: a message a little shorter than the log
    // with the log's bottom padding after it (a long list, round 22) is read from its beginning too.
    return Math.min(top, bottom);
  };

  const scroll = (smooth: boolean): void => {
    cancelAnimationFrame(frame);
    // After layout: a message and the choices that come with it are both in place by then.
    frame = requestAnimationFrame(() => {
      const top = Math.max(0, target());
      if (Math.abs(log.scrollTop - top) < 1) return;
      log.scrollTo({ top, behavior: smooth && !reduced?.matches ? 'smooth' : 'auto' });
    });
  };

  // A patient scrolling up to re-read (wheel, touch, keys in the log) stops the following.
  const userScrolled = (): void => {
    following = false;
  };
  log.addEventListener('wheel', userScrolled, { passive: true });
  log.addEventListener('touchmove', userScrolled, { passive: true });
  log.addEventListener('keydown', (e) => {
    if (['ArrowUp', 'PageUp', 'Home', 'ArrowDown', 'PageDown', 'End', ' '].includes(e.key)) userScrolled();
  });
  log.addEventListener('scroll', () => {
    // Back at the end by themselves: follow again.
    if (log.scrollHeight - log.clientHeight - log.scrollTop < 4) following = true;
  }, { passive: true });

  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(() => following && scroll(false)).observe(log);
  }

  return {
    newest(smooth = true) {
      following = true;
      scroll(smooth);
    },
  };
}
