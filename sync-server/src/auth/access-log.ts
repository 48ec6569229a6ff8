/**
 * The account's access events (docs/architecture.md §7.5): what happened, when, from which session
 * and device name. Never an address, never anything from the request beyond the session: the
 * patient sees this history, and the server keeps nothing it could not already tell.
 */
import { ACCESS_EVENTS_KEPT, type AccessEventKind } from '../../../shared/protocol/devices.ts';
import type { Store } from '../store/store.ts';

export function recordAccess(
  store: Store,
  accountId: string,
  kind: AccessEventKind,
  by: { readonly id: string; readonly deviceName: string },
  at: number,
  target?: { readonly id: string; readonly name: string },
): Promise<void> {
  return store.addAccessEvent(
    accountId,
    {
      at,
      kind,
      sessionId: by.id,
      deviceName: by.deviceName,
      ...(target ? { targetSessionId: target.id, targetDeviceName: target.name } : {}),
    },
    ACCESS_EVENTS_KEPT,
  );
}
