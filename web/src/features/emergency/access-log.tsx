/** Opt-in access log: a random token in the link QR; openings fetched from the server when sync is on. */
import { Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { toBase64Url } from '../../../../shared/emergency/base64url.ts';
import { useApp } from '../../app/app-context.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { EmergencyDraft } from './draft.ts';

export function newAccessToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export function AccessLog(props: { draft: EmergencyDraft; setDraft: SetStoreFunction<EmergencyDraft> }) {
  const { t } = useI18n();
  const app = useApp();
  return (
    <section class="card stack" aria-labelledby="emergency-log-title">
      <h2 id="emergency-log-title">{t('emergency.accessLog.title')}</h2>
      <label class="emergency-check">
        <input
          type="checkbox"
          id="emergency-access-log"
          checked={props.draft.token !== undefined}
          aria-describedby="emergency-access-log-hint"
          onChange={(e) => props.setDraft('token', e.currentTarget.checked ? newAccessToken() : undefined)}
        />
        {t('emergency.accessLog.label')}
      </label>
      <p class="field__hint" id="emergency-access-log-hint">
        {t('emergency.accessLog.hint')}
      </p>
      <Show when={app.syncStatus() === null && props.draft.token !== undefined}>
        <p class="message">{t('emergency.accessLog.needsSync')}</p>
      </Show>
    </section>
  );
}
