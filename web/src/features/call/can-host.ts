/**
 * Who may open a waiting room: an account signed in to sync (the room needs a server session for its
 * call token) that has a practitioner profile (features/shares/practitioner-role.ts). The server
 * checks the same thing before it issues a room token; this only decides what the screen offers.
 */
import type { AppStore } from '../../store/app-store.ts';
import { isPractitioner } from '../shares/practitioner-role.ts';

export function canHostWaitingRoom(app: Pick<AppStore, 'server'>): boolean {
  return app.server() !== null && isPractitioner();
}
