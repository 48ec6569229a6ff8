/**
 * `/practitioner`: the practitioner home. The self-declared profile, the shares this practitioner
 * opened and their state, opening a share with a typed code (shares/open-share.ts), and this
 * device's signing key fingerprint, which patients compare with the one shown on their entries.
 */
import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { isShareCode } from '../../shares/open-share.ts';
import { useApp } from '../../store/app-context.tsx';
import { PractitionerProfileForm } from './practitioner-profile-form.tsx';
import { requireSharing } from './require-sharing.ts';
import { sectionTitle, shareErrorText } from './share-error-text.ts';
import './shares.css';

export function PractitionerPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const [loaded, setLoaded] = createSignal(false);
  const [code, setCode] = createSignal('');
  const [codeError, setCodeError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const isPractitioner = () => app.sharing()?.role.isPractitioner() ?? false;
  onMount(() => void (app.sharing()?.role.refresh() ?? Promise.resolve()).finally(() => setLoaded(true)));
  const [received] = createResource(
    () => (isPractitioner() && app.syncStatus() ? app.server() : null),
    (server) => server.practitioners.receivedShares(),
  );

  async function openCode(event: SubmitEvent) {
    event.preventDefault();
    setCodeError(null);
    if (!isShareCode(code())) {
      setCodeError(t('shares.practitioner.codeInvalid'));
      return;
    }
    setBusy(true);
    try {
      app.pendingShare.set(await requireSharing(app).redeemCode(code()));
      navigate('/s');
    } catch (caught) {
      setCodeError(shareErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="stack" aria-labelledby="practitioner-title">
      <h1 id="practitioner-title">{t('shares.practitioner.title')}</h1>
      <p>{t('shares.practitioner.intro')}</p>
      <Show when={app.syncStatus()} fallback={<p class="message">{t('shares.errors.sync-off')}</p>}>
        <Show when={loaded()}>
          <PractitionerProfileForm />
        </Show>
        <Show when={isPractitioner()}>
          <div class="card stack practitioner-fingerprint">
            <p>
              {t('shares.practitioner.fingerprint')}{' '}
              <strong class="share-fingerprint">{app.sharing()?.ownFingerprint()}</strong>
            </p>
            <p class="field__hint">{t('shares.practitioner.fingerprintHint')}</p>
          </div>
          {/* In the app, not the phone's camera app: the vault stays open (no second unlock). */}
          <p>
            <A href="/scan">{t('shares.practitioner.scan')}</A>
          </p>
          <form class="card stack" aria-labelledby="practitioner-code-title" onSubmit={openCode} novalidate>
            <h2 id="practitioner-code-title">{t('shares.practitioner.codeTitle')}</h2>
            <Show when={codeError()}>
              <p class="message message--error" role="alert">
                {codeError()}
              </p>
            </Show>
            <div class="field">
              <label for="practitioner-code">{t('shares.practitioner.code')}</label>
              <input
                id="practitioner-code"
                type="text"
                autocomplete="off"
                spellcheck={false}
                value={code()}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            </div>
            <div class="form-actions">
              <button type="submit" class="button" disabled={busy()}>
                {t('shares.practitioner.openCode')}
              </button>
            </div>
          </form>
          <h2>{t('shares.practitioner.received')}</h2>
          <Show when={received()}>
            {(list) => (
              <Show when={list().shares.length > 0} fallback={<p>{t('shares.practitioner.noneReceived')}</p>}>
                <ul class="list">
                  <For each={list().shares}>
                    {(share) => (
                      <li class="list__item">
                        <span class={`share-state share-state--${share.state}`}>
                          {t(`shares.page.state.${share.state}`)}
                        </span>{' '}
                        — {share.sections.map((s) => sectionTitle(t, s)).join(', ')} —{' '}
                        {t('shares.practitioner.lastOpened', {
                          date: formatDate(new Date(share.lastOpenedAt), {
                            dateStyle: 'medium',
                            timeStyle: 'short',
                          }),
                        })}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
          <p>{t('shares.practitioner.reopen')}</p>
        </Show>
      </Show>
    </section>
  );
}
