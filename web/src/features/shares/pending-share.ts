/**
 * The share a practitioner is about to open (from a link's fragment or a redeemed typed code), kept
 * in memory only: it survives the unlock screen and in-app navigation, never storage.
 */
import { createSignal } from 'solid-js';
import { parseShareFragment } from '../../../../shared/crypto/share-key.ts';

export interface PendingShare {
  readonly shareId: string;
  readonly shareKey: Uint8Array;
}

const [pending, setPending] = createSignal<PendingShare | null>(null);

export { pending as pendingShare, setPending as setPendingShare };

/** Takes the key out of the address bar (and so out of the visible URL) once it is in memory. */
export function takeShareFromLocation(): boolean {
  const parsed = parseShareFragment(location.hash);
  if (!parsed) return pending() !== null;
  setPending(parsed);
  history.replaceState(history.state, '', location.pathname);
  return true;
}
