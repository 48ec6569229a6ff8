/**
 * Time as the app's services take it: injected, so tests drive timers and the wall clock by hand
 * instead of waiting for them.
 */

/** Runs `fn` after `ms` milliseconds; the returned function cancels it. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

/** Milliseconds since the epoch, like `Date.now`. */
export type Now = () => number;

export const realTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};
