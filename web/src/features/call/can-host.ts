/**
 * Who may open a waiting room. For now: anyone signed in to sync (the room needs a server session
 * for its call token). When practitioner accounts land (issue 6), this becomes "signed in with the
 * practitioner role": this is the one place to change.
 */
import type { AppStore } from '../../app/app-store.ts';

export function canHostWaitingRoom(app: Pick<AppStore, 'syncSession'>): boolean {
  return app.syncSession() !== null;
}
