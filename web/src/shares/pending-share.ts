/**
 * The share a practitioner is about to open (from a link's fragment or a redeemed typed code), kept
 * in memory only: it survives the unlock screen and in-app navigation, never storage.
 */
import { createSignal } from 'solid-js';
import { parseShareFragment } from '../../../../shared/crypto/share-key.ts';
import { initCrypto } from '../../../../shared/crypto/sodium.ts';

export interface PendingShare {
  readonly shareId: string;
  readonly shareKey: Uint8Array;
}

const [pending, setPending] = createSignal<PendingShare | null>(null);

/** Read when this module loads (with the share page), in case the router rewrites the address first. */
let atStart = typeof location !== 'undefined' && location.pathname === '/s' ? location.hash : '';

export { pending as pendingShare, setPending as setPendingShare };

/** Takes the key out of the address bar (and so out of the visible URL) once it is in memory. */
export async function takeShareFromLocation(): Promise<boolean> {
  await initCrypto(); // decoding the key needs libsodium, which loads on demand
  const parsed = parseShareFragment(location.hash) ?? parseShareFragment(atStart);
  atStart = ''; // used once: a later share (by typed code) must not be replaced by the first link
  if (!parsed) return pending() !== null;
  setPending(parsed);
  history.replaceState(history.state, '', location.pathname);
  return true;
}
