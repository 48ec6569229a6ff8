/**
 * Opt-in access log: a random token in the link QR (never health data). While sync runs, the saved
 * token's hash is registered with the server (idempotent, so every visit retries a failed one) and
 * the openings are listed.
 */
import { createResource, For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { toBase64Url } from '../../../../shared/emergency/base64url.ts';
import { emergencyTokenHash } from '../../../../shared/protocol/emergency.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { isServerError } from '../../server/server-error.ts';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import type { EmergencyDraft } from './draft.ts';
import { nameOpenings, tokenOwners } from './opening-owners.ts';
import { useOpeningsNotice } from './openings-notice-scope.tsx';

export function newAccessToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export function AccessLog(props: {
  draft: EmergencyDraft;
  setDraft: SetStoreFunction<EmergencyDraft>;
  /** The token of the saved profile: only a saved token can be on a printed code. */
  savedToken: string | undefined;
  /** Another account holds the saved token's hash: draw and save a new one. */
  onTokenTaken: () => Promise<void>;
  /** The opt-in changed: applied to the saved profile at once (or to the draft if none is saved). */
  onToggle: (on: boolean) => void;
  /** What the last toggle did, announced. */
  toggleStatus: string;
}) {
  const { t, formatDate } = useI18n();
  const app = useApp();
  const notice = useOpeningsNotice();
  const [openings] = createResource(
    () => {
      const api = app.server()?.emergency;
      return api && props.savedToken ? { api, token: props.savedToken } : undefined;
    },
    async ({ api, token }) => {
      try {
        await api.registerEmergencyToken(emergencyTokenHash(token));
      } catch (error) {
        if (!isServerError(error, 'emergency-token-taken')) throw error;
        // The saved token changes, so this resource runs again with the new one.
        await props.onTokenTaken();
        return [];
      }
      const { openings } = await api.emergencyOpenings();
      // Read here: the header note about them goes away.
      notice()?.markSeen(openings);
      return openings;
    },
  );
  // Mapped on this device: the server only knows token hashes, never whose profile they are.
  const named = () => nameOpenings(openings() ?? [], tokenOwners(app.records(), app.profiles()));
  return (
    <section class="card stack" aria-labelledby="emergency-log-title">
      <h2 id="emergency-log-title">{t('emergency.accessLog.title')}</h2>
      <label class="emergency-check">
        <input
          type="checkbox"
          id="emergency-access-log"
          checked={props.draft.token !== undefined}
          aria-describedby="emergency-access-log-hint"
          onChange={(e) => props.onToggle(e.currentTarget.checked)}
        />
        {t('emergency.accessLog.label')}
      </label>
      <p class="field__hint" id="emergency-access-log-hint">
        {t('emergency.accessLog.hint')}
      </p>
      <p role="status" data-testid="access-log-status">
        {props.toggleStatus}
      </p>
      <Show when={app.syncStatus() === null && props.draft.token !== undefined}>
        <p class="message">{t('emergency.accessLog.needsSync')}</p>
      </Show>
      <Show when={props.savedToken && app.server()}>
        <h3>{t('emergency.accessLog.openings')}</h3>
        <Show
          when={!openings.error}
          fallback={
            <p class="message message--error">
              {t('emergency.accessLog.failed', { reason: errorText(t, openings.error) })}
            </p>
          }
        >
          <Show when={named().length > 0} fallback={<p>{t('emergency.accessLog.none')}</p>}>
            <ul class="list" data-testid="emergency-openings">
              <For each={named()}>
                {(opening) => {
                  const time = formatDate(opening.openedAt, { dateStyle: 'medium', timeStyle: 'short' });
                  return (
                    <li class="list__item">
                      {opening.profileName === undefined
                        ? t('emergency.accessLog.opened', { time })
                        : t('emergency.accessLog.openedOf', { name: opening.profileName, time })}
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
