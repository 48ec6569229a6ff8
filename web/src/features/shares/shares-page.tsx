/** `/shares`: the patient creates shares, sees them all (active, expired, revoked) and their logs. */
import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { ShareSummary } from '../../../../shared/protocol/shares.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { requireServer } from '../../shares/share-problem.ts';
import type { ShareSecret } from '../../shares/shares-state.ts';
import { useApp } from '../../store/app-context.tsx';
import { requireSharing } from './require-sharing.ts';
import { ShareCreateForm } from './share-create-form.tsx';
import { shareErrorText } from './share-error-text.ts';
import { ShareItem } from './share-item.tsx';
import './shares.css';

const REFRESH_MS = 5_000;

export function SharesPage() {
  const app = useApp();
  const { t } = useI18n();
  const [created, setCreated] = createSignal(false);
  // Plain signals, not a resource: a refresh must not suspend the page (open QR codes and logs stay).
  const [shares, setShares] = createSignal<{ list: ShareSummary[]; secrets: ShareSecret[] } | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  async function load(): Promise<void> {
    if (!app.server()) return;
    try {
      const [list, secrets] = await Promise.all([
        requireServer(app).shares.listShares(),
        requireSharing(app).secrets(),
      ]);
      setShares({ list: list.shares, secrets });
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }
  const reload = () => void load();
  onMount(reload);
  // States change on the server (opened, locked, expired): the list follows every few seconds.
  const timer = setInterval(reload, REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  return (
    <section class="stack shares-page" aria-labelledby="shares-title">
      <h1 id="shares-title">{t('shares.page.title')}</h1>
      <p>{t('shares.page.intro')}</p>
      <p>
        <A href="/practitioner">{t('shares.page.practitionerLink')}</A>
      </p>
      <Show when={app.syncStatus()} fallback={<p class="message">{t('shares.errors.sync-off')}</p>}>
        <ShareCreateForm
          onCreated={() => {
            setCreated(true);
            reload();
          }}
        />
        <Show when={created()}>
          <p class="message" role="status">
            {t('shares.page.created')}
          </p>
        </Show>
        <h2>{t('shares.page.listTitle')}</h2>
        <Show when={!error()} fallback={<p class="message message--error">{shareErrorText(t, error())}</p>}>
          <Show when={shares()}>
            {(loaded) => (
              <Show when={loaded().list.length > 0} fallback={<p>{t('shares.page.none')}</p>}>
                <ul class="stack share-list">
                  <For each={loaded().list}>
                    {(share) => (
                      <ShareItem
                        share={share}
                        secret={loaded().secrets.find((s) => s.id === share.id)}
                        onChanged={reload}
                      />
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
        </Show>
      </Show>
    </section>
  );
}
