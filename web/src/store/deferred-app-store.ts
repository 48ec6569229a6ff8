/**
 * The `AppStore` the screens get at once, before RxDB is loaded and opened: the first screen (the
 * welcome or unlock screen) renders from the entry chunk alone, and the database code downloads and
 * opens meanwhile. When the status is known from the hint, opening waits for the person's first
 * input or the first action (main.tsx): a passphrase takes seconds to type, opening takes less, and
 * a page that only looks does not pay for RxDB at all. Until the real store is ready:
 * - `status()` is the last status this browser saw (`vault-hint.ts`), or 'loading' when unknown;
 * - accessors give their empty value (no profiles, no records, no session: the vault is locked);
 * - actions wait for the real store and run there, so a passphrase typed early is not lost.
 * Every member reads the `real` signal when called, so what rendered early updates once it is ready.
 * Another tab closing the account or removing Carnet from this device is heard before the store is
 * open (`hear`, fed from the closure channel by main.tsx): this tab then shows the closure and never
 * opens the database, which would create a new, empty one after the wipe.
 * This module imports types only from the store: the entry chunk stays free of RxDB and libsodium.
 */
import { type Accessor, createEffect, createRoot, createSignal } from 'solid-js';
import { AppError } from '../core/app-error.ts';
import type { PendingShareSlot } from '../shares/pending-share.ts';
import type { AppStore, VaultStatus } from './app-store.ts';
import { type Closure, readClosure } from './closure-channel.ts';

/** What `status()` shows until the store is open: a guess, never acted upon (actions wait). */
export interface VaultHint {
  /** The status to show first ('loading' when nothing is known). */
  initial: VaultStatus;
  /** Resolves to a better guess when one is found (e.g. no database at all); may never resolve. */
  probe?: Promise<VaultStatus | null>;
  /** Called with every status of the real store, to guess better next time. */
  remember(status: VaultStatus): void;
}

/** Accessors that have a value of their own while the store opens: nothing is unlocked yet. */
const WHILE_OPENING: { readonly [K in keyof AppStore]?: AppStore[K] } = {
  kdfProgress: () => null,
  profiles: () => [],
  activeProfile: () => undefined,
  records: () => [],
  profileRecords: () => [],
  autoLockMinutes: () => 0,
  syncStatus: () => null,
  syncEmail: () => null,
  server: () => null,
  recovery: () => null,
  recoveryPrompt: () => null,
  syncKeyringBehind: () => false,
  sharing: () => null,
  messaging: () => null,
  // No session to lock or keep alive yet.
  lock: () => undefined,
  touch: () => undefined,
  checkIdle: () => undefined,
  retrySync: () => undefined,
};

/** Members that answer synchronously with a value only an open store has. */
const NEEDS_OPEN_STORE: ReadonlySet<keyof AppStore> = new Set(['thisDevice', 'backupAccess']);

export interface DeferredAppStore {
  store: AppStore;
  /** The real store once open; undefined before. */
  ready: Accessor<AppStore | undefined>;
  /** Starts opening the real store (idempotent); any action starts it too. */
  start(): void;
  /**
   * A message from the closure channel: before the store is open, a closure another tab posts
   * becomes this tab's (status 'closed') and the store is never opened; once it is open, the
   * store's own listener answers and this does nothing. Anything but a closure is ignored.
   */
  hear(message: unknown): void;
}

export function createDeferredAppStore(open: () => Promise<AppStore>, hint: VaultHint): DeferredAppStore {
  const [real, setReal] = createSignal<AppStore>();
  const [guess, setGuess] = createSignal<VaultStatus>(hint.initial);
  const [failed, setFailed] = createSignal(false);
  const [heard, setHeard] = createSignal<Closure | null>(null);
  let prepareUnlock = false;
  let opening: Promise<AppStore> | null = null;
  const whenOpen = (): Promise<AppStore> => {
    if (heard() && !opening) {
      return Promise.reject(new AppError('storage', 'Carnet was removed from this device in another tab'));
    }
    opening ??= open().then(
      (store) => {
        setReal(() => store);
        // Kept for the life of the page, as the store itself is.
        createRoot(() => createEffect(() => hint.remember(store.status())));
        if (prepareUnlock) store.prepareUnlock();
        return store;
      },
      (error: unknown) => {
        // Never guess 'no-vault' here: that would offer to create a vault over an existing one.
        setFailed(true);
        throw error;
      },
    );
    return opening;
  };
  const start = (): void => {
    // An action waiting for the store sees the error itself; this call only starts the opening.
    whenOpen().catch(() => undefined);
  };
  // A status nobody knows is found out at once; a known one waits for the first input, or for the
  // browser to be idle after the first paint (main.tsx).
  if (hint.initial === 'loading') {
    if (!hint.probe) start();
    hint.probe?.then(
      (better) => {
        if (better && !real()) setGuess(better);
        else start();
      },
      () => start(),
    );
  }

  // The real store starts at 'loading' while it reads the vault's metadata: the guess stays on
  // screen meanwhile, so the unlock form being typed in is not swapped out and back.
  const status: Accessor<VaultStatus> = () => {
    if (heard()) return 'closed';
    const actual = real()?.status();
    if (actual !== undefined && actual !== 'loading') return actual;
    return failed() ? 'error' : guess();
  };

  const pendingShare: PendingShareSlot = {
    current: () => real()?.pendingShare.current() ?? null,
    set: (share) => void whenOpen().then((store) => store.pendingShare.set(share)),
    takeFromLocation: () => whenOpen().then((store) => store.pendingShare.takeFromLocation()),
    takeFromFragment: (fragment) => whenOpen().then((store) => store.pendingShare.takeFromFragment(fragment)),
  };

  const members = new Map<PropertyKey, unknown>([
    ['status', status],
    ['closure', () => real()?.closure() ?? heard()],
    ['pendingShare', pendingShare],
    // The unlock screen asks on mount; libsodium and the KDF worker load once the store does.
    [
      'prepareUnlock',
      () => {
        const store = real();
        if (store) store.prepareUnlock();
        else prepareUnlock = true;
      },
    ],
  ]);
  const member = (key: keyof AppStore): unknown => {
    const early = WHILE_OPENING[key] as ((...args: unknown[]) => unknown) | undefined;
    return (...args: unknown[]) => {
      const store = real();
      if (store) return (store[key] as (...args: unknown[]) => unknown)(...args);
      if (early) return early(...args);
      if (NEEDS_OPEN_STORE.has(key)) throw new AppError('storage', 'the database is still opening');
      return whenOpen().then((opened) => (opened[key] as (...args: unknown[]) => unknown)(...args));
    };
  };
  const store = new Proxy({} as AppStore, {
    get(_target, key) {
      // Not a thenable, and nothing but the store's own names.
      if (typeof key !== 'string' || key === 'then') return undefined;
      if (!members.has(key)) members.set(key, member(key as keyof AppStore));
      return members.get(key);
    },
  });
  const hear = (message: unknown): void => {
    if (real()) return;
    const told = readClosure(message);
    if (told) setHeard(told);
  };
  return { store, ready: real, start, hear };
}
