/**
 * Argon2id gives no progress callback, so progress is estimated from how long the last derivation
 * took on this device (a duration, not health data, kept in localStorage). The bar moves while the
 * Worker runs and completes when it answers; the UI thread stays free throughout.
 */
import { type Accessor, createSignal } from 'solid-js';
import type { KdfRunner } from '../vault/kdf-runner.ts';

const KEY = 'carnet.kdfMs';
const FALLBACK_MS = 1500;
const TICK_MS = 50;

export function createKdfProgress(storage?: Pick<Storage, 'getItem' | 'setItem'>): {
  value: Accessor<number | null>;
  wrap(runner: KdfRunner): KdfRunner;
} {
  const [value, setValue] = createSignal<number | null>(null);
  return {
    value,
    wrap: (runner) => async (passphrase, salt, params) => {
      const expected = Number(storage?.getItem(KEY)) || FALLBACK_MS;
      const started = performance.now();
      setValue(0);
      const timer = setInterval(() => {
        // Approaches 95 % asymptotically: never claims to be done before it is.
        const ratio = (performance.now() - started) / expected;
        setValue(Math.min(0.95, 1 - Math.exp(-2 * ratio)));
      }, TICK_MS);
      try {
        const keys = await runner(passphrase, salt, params);
        storage?.setItem(KEY, String(Math.round(performance.now() - started)));
        return keys;
      } finally {
        clearInterval(timer);
        setValue(null);
      }
    },
  };
}
