/**
 * Mounted in the header while unlocked (loaded lazily): keeps the lock-screen copies true to the
 * vault, keeps the server's access-log tokens in step with the saved profiles on every sync start,
 * and shows a short note when an emergency code was opened since the user last looked.
 */
import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, Show, untrack } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { refreshLockScreenCopies } from './lock-screen-refresh.ts';
import { useOpeningsNotice } from './openings-notice-scope.tsx';
import { pendingRemovals, reconcileTokens, savedTokens } from './token-ledger.ts';

export function EmergencyUpkeep() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const notice = useOpeningsNotice();
  // A saved code another account holds: the emergency page draws a new one when it opens.
  const [taken, setTaken] = createSignal(false);

  createEffect(() => {
    if (app.status() !== 'unlocked') return;
    refreshLockScreenCopies(
      localStorage,
      app.profiles().map((p) => p.id),
      app.records(),
    );
  });

  const tokens = createMemo(() => savedTokens(app.records()).join(' '));
  const online = createMemo(() => {
    const state = app.syncStatus()?.state;
    return state === 'syncing' || state === 'synced';
  });
  createEffect(
    on([tokens, online], ([list, isOnline]) => {
      const api = untrack(() => app.server()?.emergency);
      const saved = list ? list.split(' ') : [];
      // With no access log in use, sync start sends nothing more than before.
      if (!isOnline || !api || (saved.length === 0 && pendingRemovals(localStorage).length === 0)) return;
      reconcileTokens(api, localStorage, saved)
        .then(async (outcome) => {
          setTaken(outcome.taken.length > 0);
          notice()?.note(saved.length > 0 ? (await api.emergencyOpenings()).openings : []);
        })
        // Best effort: the next sync start tries again; /emergency shows the error in full.
        .catch(() => undefined);
    }),
  );

  return (
    <>
      <Show when={taken()}>
        <A class="sync-badge" href="/emergency" data-testid="emergency-code-taken">
          {t('emergency.accessLog.codeTaken')}
        </A>
      </Show>
      <Show when={notice()?.unseen()}>
        {(at) => (
          <A class="sync-badge" href="/emergency" data-testid="emergency-opened-notice">
            {t('emergency.accessLog.notice', {
              time: formatDate(at(), { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </A>
        )}
      </Show>
    </>
  );
}
