/**
 * `/emergency/lock-screen`: opens without the passphrase, from the unlock screen's Emergency
 * button. It shows only the copies the patient opted in to store unencrypted on this device.
 */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localDate } from '../../../../shared/emergency/local-date.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { renderProfile } from '../../responder/render-profile.ts';
import { fittedCodes } from './fitted-codes.ts';
import { lockScreenCopies } from './lock-screen-copy.ts';
import { QrCode } from './qr-code.tsx';
import './emergency.css';

export function LockScreenPage() {
  const { t, locale } = useI18n();
  const copies = lockScreenCopies(localStorage);
  const today = localDate();
  return (
    <div class="stack">
      <h1>{t('emergency.lockScreen.pageTitle')}</h1>
      <Show when={copies.length > 0} fallback={<p>{t('emergency.lockScreen.none')}</p>}>
        <For each={copies}>
          {(copy) => (
            <section class="stack emergency-view" data-testid="lock-screen-profile">
              {renderProfile(copy.profile, locale() === 'fr' ? 'fr' : 'en', today)}
              <QrCode
                text={fittedCodes(copy.profile, location.origin).link.text}
                label={t('emergency.qr.linkAlt')}
                testId="lock-screen-qr"
              />
            </section>
          )}
        </For>
      </Show>
      <p>
        <A href="/" class="button button--secondary">
          {t('emergency.lockScreen.back')}
        </A>
      </p>
    </div>
  );
}
