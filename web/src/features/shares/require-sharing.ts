/** The unlocked session's sharing service; when locked, the `failed` problem sharing always gave. */
import { ShareProblem } from '../../shares/share-problem.ts';
import type { Sharing } from '../../shares/sharing.ts';
import type { AppStore } from '../../store/app-store.ts';

export function requireSharing(app: Pick<AppStore, 'sharing'>): Sharing {
  const sharing = app.sharing();
  if (!sharing) throw new ShareProblem('failed', 'locked');
  return sharing;
}
