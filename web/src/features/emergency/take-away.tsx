/**
 * Wallet card (PDF) and wallpaper (PNG) downloads, made from the SAVED profile only (an access-log
 * token in an unsaved draft was never registered), and saying so: with unsaved edits they stay
 * available and the section says the files show the saved version. pdf-lib loads only when asked for.
 */
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { download } from '../../ui/download.ts';
import { errorText } from '../../ui/error-text.ts';
import type { FittedCodes } from './fitted-codes.ts';

export function TakeAway(props: { codes: FittedCodes | undefined; unsaved: boolean; today: string }) {
  const { t } = useI18n();
  const app = useApp();
  const [error, setError] = createSignal('');
  const noted = () => app.noteDeviceEvent('export-made', app.activeProfile()?.id);
  // Always the saved profile, never the draft: what is printed must be what the vault holds.
  const ready = () => props.codes;
  const slug = () => (props.codes?.link.profile.name ?? 'carnet').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const card = async () => {
    const codes = ready();
    if (!codes) return;
    setError('');
    try {
      const { walletCardPdf } = await import('./wallet-card.ts');
      const bytes = await walletCardPdf(codes.link.profile, codes, props.today);
      download(new Blob([bytes as BlobPart], { type: 'application/pdf' }), `emergency-card-${slug()}.pdf`);
      await noted();
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };
  const wallpaper = async () => {
    const codes = ready();
    if (!codes) return;
    setError('');
    try {
      const { wallpaperPng } = await import('./wallpaper.ts');
      download(await wallpaperPng(codes, props.today), `emergency-wallpaper-${slug()}.png`);
      await noted();
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };
  return (
    <section class="card stack" aria-labelledby="emergency-take-away-title">
      <h2 id="emergency-take-away-title">{t('emergency.takeAway.title')}</h2>
      <p class="field__hint">{t('emergency.takeAway.cardHint')}</p>
      <Show
        when={props.codes}
        fallback={
          <p class="message" id="emergency-take-away-state">
            {t('emergency.takeAway.noneSaved')}
          </p>
        }
      >
        <Show
          when={props.unsaved}
          fallback={
            <p class="field__hint" id="emergency-take-away-state">
              {t('emergency.takeAway.fromSaved')}
            </p>
          }
        >
          <p class="message" id="emergency-take-away-state" data-testid="take-away-unsaved">
            {t('emergency.takeAway.unsaved')}
          </p>
        </Show>
      </Show>
      <div class="form-actions">
        <button
          type="button"
          class="button"
          disabled={!ready()}
          aria-describedby="emergency-take-away-state"
          onClick={card}
        >
          {t('emergency.takeAway.card')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={!ready()}
          aria-describedby="emergency-take-away-state"
          onClick={wallpaper}
        >
          {t('emergency.takeAway.wallpaper')}
        </button>
      </div>
      <Show when={error()}>
        <p class="message message--error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}
