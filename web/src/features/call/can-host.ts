/**
 * Who may open a waiting room: an account signed in to sync (the room needs a server session for its
 * call token) that has a practitioner profile (the role the sharing service learnt, shares/practitioner-role.ts). The server
 * checks the same thing before it issues a room token; this only decides what the screen offers.
 */
import type { AppStore } from '../../store/app-store.ts';

export function canHostWaitingRoom(app: Pick<AppStore, 'server' | 'sharing'>): boolean {
  return app.server() !== null && (app.sharing()?.role.isPractitioner() ?? false);
}
