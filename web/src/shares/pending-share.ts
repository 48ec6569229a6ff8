/**
 * The share a practitioner is about to open (from a link's fragment or a redeemed typed code), kept
 * in memory only: it survives the unlock screen and in-app navigation, never storage. One per app
 * store (a link opened while locked must outlive the unlock), not per unlocked session.
 */
import { type Accessor, createSignal } from 'solid-js';
import { parseShareFragment } from '../../../shared/crypto/share-key.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';

export interface PendingShare {
  readonly shareId: string;
  readonly shareKey: Uint8Array;
  /** Known to have no passcode (the link says so, or the typed code's lookup did): opened at once. */
  readonly noPasscode?: boolean;
}

export interface PendingShareSlot {
  readonly current: Accessor<PendingShare | null>;
  set(share: PendingShare | null): void;
  /** Takes the key out of the address bar (and so out of the visible URL) once it is in memory. */
  takeFromLocation(): Promise<boolean>;
  /** A link's fragment read in the app (a scanned code): straight into memory; false if not a share. */
  takeFromFragment(fragment: string): Promise<boolean>;
}

/** `initialHash`: the fragment when the app started, in case the router rewrites the address first. */
export function createPendingShare(initialHash: string): PendingShareSlot {
  const [pending, setPending] = createSignal<PendingShare | null>(null);
  let atStart = initialHash;
  return {
    current: pending,
    set: setPending,
    async takeFromLocation() {
      await initCrypto(); // decoding the key needs libsodium, which loads on demand
      const parsed = parseShareFragment(location.hash) ?? parseShareFragment(atStart);
      atStart = ''; // used once: a later share (by typed code) must not be replaced by the first link
      if (!parsed) return pending() !== null;
      setPending(parsed);
      history.replaceState(history.state, '', location.pathname);
      return true;
    },
    async takeFromFragment(fragment) {
      await initCrypto();
      const parsed = parseShareFragment(fragment);
      if (parsed) setPending(parsed);
      return parsed !== null;
    },
  };
}

/** The share fragment of the address the app started at, if it started on `/s`. */
export function startingShareHash(): string {
  return typeof location !== 'undefined' && location.pathname === '/s' ? location.hash : '';
}
