import { RequireUnlocked } from '../../store/require-unlocked.tsx';
import { ConsultPage } from './consult-page.tsx';
import { rememberRoomFromHash } from './pending-room.ts';

/**
 * `/consult#CODE`, the room link: reachable while locked so the code survives the unlock screen
 * (kept for this tab, then prefilled in the join form).
 */
export function ConsultEntry() {
  rememberRoomFromHash(window.location.hash);
  return (
    <RequireUnlocked>
      <ConsultPage />
    </RequireUnlocked>
  );
}
