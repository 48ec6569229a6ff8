/**
 * Closing the account, or removing Carnet from this device only (docs/architecture.md §7.4).
 *
 * Order, so that a failure never leaves half a closure: the passphrase is checked against this
 * device's vault first (wrong → nothing done); with sync on, the server then deletes the account
 * (a fresh proof, `sync-controller.ts`); only once the server said so is this device wiped. With no
 * network the server step fails and nothing is wiped: no deletion is queued, because a queue would
 * have to keep a credential able to sign the proof (the auth key) on a device otherwise wiped, and
 * would run only if Carnet were ever opened here again, while the person believes it done.
 */
import { type Accessor, batch, createSignal } from 'solid-js';
import type { CarnetDatabase } from '../db/database.ts';
import type { VaultService } from '../vault/vault-service.ts';
import { type WipeTargets, wipeDevice } from '../vault/wipe-device.ts';
import { wipeSession } from '../vault/wipe-session.ts';
import { type Closure, type ClosureKind, closureChannelName, readClosure } from './closure-channel.ts';
import type { SyncController } from './sync-controller.ts';

export type { Closure, ClosureKind } from './closure-channel.ts';

export interface AccountClosure {
  closure: Accessor<Closure | null>;
  closeAccount(passphrase: string): Promise<void>;
  removeFromThisDevice(passphrase: string): Promise<void>;
}

export interface AccountClosureDeps {
  readonly db: CarnetDatabase;
  readonly vault: VaultService;
  readonly sync: SyncController | null;
  /** True while this device syncs with an account. */
  readonly syncOn: () => boolean;
  /** Locks the vault and shows the closure in place of any screen, in one step. */
  readonly endSession: () => void;
  readonly targets: Omit<WipeTargets, 'db'>;
  /**
   * The BroadcastChannel other tabs of this vault listen on (by default named after the database):
   * a wipe here locks them at once and shows them the same confirmation, so no tab stays unlocked
   * on data that is gone.
   */
  readonly channelName?: string;
}

export function browserWipeTargets(): Omit<WipeTargets, 'db'> {
  return {
    indexedDB: globalThis.indexedDB,
    caches: globalThis.caches,
    localStorage: globalThis.localStorage,
    sessionStorage: globalThis.sessionStorage,
  };
}

export function createAccountClosure(deps: AccountClosureDeps): AccountClosure {
  const [closure, setClosure] = createSignal<Closure | null>(null);
  const channel =
    typeof BroadcastChannel === 'undefined'
      ? null
      : new BroadcastChannel(deps.channelName ?? closureChannelName(deps.db.name));
  // Lives as long as the store; in Node it must not keep the process alive.
  (channel as { unref?: () => void } | null)?.unref?.();
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const told = readClosure(event.data);
      if (!told) return;
      batch(() => {
        if (closure() === null) deps.endSession();
        setClosure(told);
      });
      // Let the wiping tab delete the database: this tab's connections close now.
      if (told.state === 'wiping') void deps.db.close().catch(() => undefined);
    };
  }
  const tell = (state: Closure) => {
    setClosure(state);
    const { report: _report, ...shared } = state;
    channel?.postMessage(shared);
  };

  /** Throws `wrong-passphrase` (an AppError) when the passphrase does not open this vault. */
  async function checkPassphrase(passphrase: string): Promise<void> {
    wipeSession(await deps.vault.unlock(passphrase));
  }

  async function wipe(kind: ClosureKind, server: boolean, accountKept: boolean): Promise<void> {
    const what = { kind, server, accountKept };
    batch(() => {
      deps.endSession();
      tell({ ...what, state: 'wiping' });
    });
    try {
      const report = await wipeDevice({ db: deps.db, ...deps.targets });
      tell({ ...what, state: 'done', report });
    } catch {
      tell({ ...what, state: 'failed' });
    }
  }

  return {
    closure,
    async closeAccount(passphrase) {
      await checkPassphrase(passphrase);
      const server = deps.syncOn() && deps.sync !== null;
      // Throws when the server did not delete (offline, signed out, refused): nothing is wiped.
      if (server) await deps.sync?.deleteAccount(passphrase);
      await wipe('account', server, false);
    },
    async removeFromThisDevice(passphrase) {
      await checkPassphrase(passphrase);
      // The account stays; this device's session ends on the server (best effort, offline it expires).
      const synced = deps.syncOn();
      if (synced) await deps.sync?.turnOff();
      await wipe('device', false, synced);
    },
  };
}
