/** Whether a sync reason means the server no longer accepts this device: sign in again. */
import type { SyncReason } from '../../server/reasons.ts';

export function isSignedOutReason(reason: SyncReason | undefined): boolean {
  return (
    reason === 'unauthorized' || reason === 'signed-out-keyring-changed' || reason === 'signed-out-elsewhere'
  );
}
