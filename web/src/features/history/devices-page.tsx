/**
 * The account's signed-in devices (docs/architecture.md §7.5): name, when each signed in and was
 * last seen, this one marked and nameable; any other one signed out with the passphrase (a fresh
 * proof: the session token alone cannot), and "sign out everywhere else". After a sign-out the
 * list reloads and focus goes to its heading, the outcome announced.
 */
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { Device } from '../../../../shared/protocol/devices.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { rememberDeviceName } from '../../server/device-name.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';
import { PassphraseAction } from '../sync/passphrase-action.tsx';
import './history.css';

export function DevicesPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const [devices, { refetch }] = createResource(
    () => app.server(),
    async (server) => (await server.account.devices()).devices,
  );
  const [outcome, setOutcome] = createSignal('');
  let heading: HTMLHeadingElement | undefined;
  const nameOf = (device: Device) => device.name || t('history.devices.unnamed');
  const when = (at: number) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div class="stack devices-page">
      <h1>{t('history.devices.title')}</h1>
      <p>{t('history.devices.intro')}</p>
      <p>
        <A href="/history">{t('history.devices.history')}</A>
      </p>
      <Show when={app.server()} fallback={<p class="message">{t('history.devices.syncOff')}</p>}>
        <section class="card stack" aria-labelledby="devices-list-title">
          <h2 id="devices-list-title" ref={heading} tabIndex={-1}>
            {t('history.devices.listTitle')}
          </h2>
          <p role="status" class="devices-outcome" classList={{ message: outcome() !== '' }}>
            {outcome()}
          </p>
          <Show when={devices.error}>
            <p class="message message--error">
              {t('history.devices.loadFailed', { reason: errorText(t, devices.error) })}
            </p>
          </Show>
          <ul class="list" aria-labelledby="devices-list-title" data-testid="devices">
            <For each={devices.latest ?? []}>
              {(device) => (
                <li class="list__item device-item" data-current={device.current ? 'true' : 'false'}>
                  <div class="device-item__head">
                    <h3>{nameOf(device)}</h3>
                    <Show when={device.current}>
                      <span class="device-badge">{t('history.devices.thisDevice')}</span>
                    </Show>
                  </div>
                  <dl class="device-item__facts">
                    <div>
                      <dt>{t('history.devices.signedIn')}</dt>
                      <dd>
                        <time datetime={new Date(device.createdAt).toISOString()}>
                          {when(device.createdAt)}
                        </time>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('history.devices.lastSeen')}</dt>
                      <dd>
                        <time datetime={new Date(device.lastSeenAt).toISOString()}>
                          {when(device.lastSeenAt)}
                        </time>
                      </dd>
                    </div>
                  </dl>
                  <Show
                    when={device.current}
                    fallback={
                      <PassphraseAction
                        title={t('history.devices.signOut', { name: nameOf(device) })}
                        intro={t('history.devices.signOutIntro')}
                        submit={t('history.devices.signOutSubmit')}
                        done={t('history.devices.signedOut', { name: nameOf(device) })}
                        run={async (passphrase) => {
                          await app.signOutDevice(device.id, passphrase);
                          setOutcome(t('history.devices.signedOut', { name: nameOf(device) }));
                          await refetch();
                          heading?.focus();
                        }}
                      />
                    }
                  >
                    <RenameDevice current={device.name} onRenamed={() => void refetch()} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
        <section class="card stack" aria-labelledby="devices-others-title">
          <h2 id="devices-others-title">{t('sync.settings.signOutOthersTitle')}</h2>
          <PassphraseAction
            title={t('sync.settings.signOutOthersTitle')}
            intro={t('sync.settings.signOutOthersIntro')}
            submit={t('sync.settings.signOutOthersSubmit')}
            done={t('sync.settings.signOutOthersDone')}
            run={async (passphrase) => {
              await app.signOutOthers(passphrase);
              await refetch();
            }}
          />
        </section>
      </Show>
    </div>
  );
}

function RenameDevice(props: { current: string; onRenamed: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const [name, setName] = createSignal(props.current);
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');
  const { busy, submit } = createSubmit({
    clear: () => {
      setError('');
      setDone('');
    },
    validate: () => {
      if (name().trim() !== '') return true;
      setError(t('history.devices.nameEmpty'));
      return false;
    },
    run: async () => {
      const server = app.server();
      if (!server) return;
      const chosen = name().trim();
      await server.account.renameDevice(chosen);
      rememberDeviceName(chosen);
      setDone(t('history.devices.renamed', { name: chosen }));
      props.onRenamed();
    },
    fail: (caught) => setError(errorText(t, caught)),
  });
  return (
    <form class="stack" onSubmit={submit} novalidate aria-label={t('history.devices.renameLabel')}>
      <FormError text={error()} />
      <div class="field">
        <label for="device-name">{t('history.devices.renameLabel')}</label>
        <input
          id="device-name"
          type="text"
          maxLength={60}
          autocomplete="off"
          aria-describedby="device-name-hint"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <p class="field__hint" id="device-name-hint">
          {t('history.devices.renameHint')}
        </p>
      </div>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy()}>
          {t('history.devices.renameSubmit')}
        </button>
      </div>
      <p role="status" class={done() ? 'message' : ''}>
        {done()}
      </p>
    </form>
  );
}
