/** `/shares`: the patient creates shares, sees them all (active, expired, revoked) and their logs. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { useApp } from '../../app/app-context.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { loadSecrets } from './share-agent.ts';
import { ShareApi } from './share-api.ts';
import { ShareCreateForm } from './share-create-form.tsx';
import { shareErrorText } from './share-error-text.ts';
import { ShareItem } from './share-item.tsx';
import './shares.css';

export function SharesPage() {
  const app = useApp();
  const { t } = useI18n();
  const [version, setVersion] = createSignal(0);
  const [created, setCreated] = createSignal(false);
  const [shares] = createResource(version, async () => {
    const [list, secrets] = await Promise.all([
      new ShareApi(app.serverUrl, app.syncToken()).listShares(),
      loadSecrets(app),
    ]);
    return { list: list.shares, secrets };
  });
  const reload = () => setVersion((v) => v + 1);

  return (
    <section class="stack shares-page" aria-labelledby="shares-title">
      <h1 id="shares-title">{t('shares.page.title')}</h1>
      <p>{t('shares.page.intro')}</p>
      <Show when={app.syncToken()} fallback={<p class="message">{t('shares.errors.sync-off')}</p>}>
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
        <Show
          when={!shares.error}
          fallback={<p class="message message--error">{shareErrorText(t, shares.error)}</p>}
        >
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
