/**
 * What one tab tells the others when it closes the account or removes Carnet from this device:
 * the message, its check, and the BroadcastChannel's name. Kept apart from `account-closure.ts`
 * (which needs RxDB's types and the wipe) so the entry chunk can listen before the store is open
 * (main.tsx, deferred-app-store.ts): a tab that never opened the database still shows the closure.
 */
import type { WipeReport } from '../vault/wipe-device.ts';

export type ClosureKind = 'account' | 'device';

/** What the confirmation says: what went, and whether the device's wipe finished. */
export interface Closure {
  readonly kind: ClosureKind;
  /** The server deleted the account (closing with sync on). */
  readonly server: boolean;
  /** The account stays on the server (this device only, with sync on). */
  readonly accountKept: boolean;
  readonly state: 'wiping' | 'done' | 'failed';
  readonly report?: WipeReport;
}

/** The channel the tabs of the database named `databaseName` share. */
export const closureChannelName = (databaseName: string): string => `carnet-closure:${databaseName}`;

/** A closure as another tab posts it (its own report stays with it), or null for anything else. */
export function readClosure(value: unknown): Closure | null {
  const c = value as Closure | null;
  const valid =
    typeof c === 'object' &&
    c !== null &&
    (c.kind === 'account' || c.kind === 'device') &&
    (c.state === 'wiping' || c.state === 'done' || c.state === 'failed');
  if (!valid) return null;
  return { kind: c.kind, server: c.server === true, accountKept: c.accountKept === true, state: c.state };
}
