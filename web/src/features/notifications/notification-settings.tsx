/**
 * Settings → Notifications: system notifications on this device (asking the browser's permission
 * only when the person clicks), a test notification, and Web Push behind its own switch.
 */
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import {
  pushOn,
  pushSupported,
  showSystemNotification,
  systemNotificationsOn,
  systemPermission,
  turnOffPush,
  turnOffSystemNotifications,
  turnOnPush,
  turnOnSystemNotifications,
} from '../../notifications/system-notifier.ts';
import { useApp } from '../../store/app-context.tsx';

export function NotificationSettings() {
  const app = useApp();
  const { t } = useI18n();
  const [permission, setPermission] = createSignal(systemPermission());
  const [systemOn, setSystemOn] = createSignal(systemNotificationsOn() && permission() === 'granted');
  const [push, setPush] = createSignal(pushOn());
  // A key, not a text: a language switch retranslates it.
  const [status, setStatus] = createSignal<'testSent' | 'testFailed' | 'pushFailed' | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function allow() {
    setStatus(null);
    const answer = await turnOnSystemNotifications();
    setPermission(answer);
    setSystemOn(answer === 'granted');
  }
  function disallow() {
    turnOffSystemNotifications();
    setSystemOn(false);
    setStatus(null);
  }
  async function test() {
    const shown = await showSystemNotification({
      title: t('notifications.settings.testTitle'),
      body: t('notifications.settings.testBody'),
      route: '/notifications',
      tag: 'carnet-test',
    }).catch(() => false);
    setStatus(shown ? 'testSent' : 'testFailed');
  }
  async function switchPush(on: boolean) {
    const server = app.server();
    setBusy(true);
    setStatus(null);
    try {
      if (on) {
        if (!server) return;
        await turnOnPush(server);
      } else await turnOffPush(server);
      setPush(on);
    } catch {
      setStatus('pushFailed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby="settings-notifications">
      <h2 id="settings-notifications">{t('notifications.settings.title')}</h2>
      <p>{t('notifications.settings.intro')}</p>
      <p>{t(`notifications.settings.state.${permission()}`)}</p>
      <Show when={permission() !== 'unsupported' && permission() !== 'denied'}>
        <p>{systemOn() ? t('notifications.settings.on') : t('notifications.settings.off')}</p>
        <div class="form-actions">
          <Show
            when={systemOn()}
            fallback={
              <button type="button" class="button" onClick={() => void allow()}>
                {t('notifications.settings.turnOn')}
              </button>
            }
          >
            <button type="button" class="button button--secondary" onClick={() => void test()}>
              {t('notifications.settings.test')}
            </button>
            <button type="button" class="button button--secondary" onClick={disallow}>
              {t('notifications.settings.turnOff')}
            </button>
          </Show>
        </div>
      </Show>
      <h3>{t('notifications.settings.pushTitle')}</h3>
      <p>{t('notifications.settings.pushIntro')}</p>
      <Show when={pushSupported()} fallback={<p>{t('notifications.settings.pushUnsupported')}</p>}>
        <Show when={app.server()} fallback={<p>{t('notifications.settings.pushNeedsSync')}</p>}>
          <Show when={systemOn()} fallback={<p>{t('notifications.settings.pushNeedsSystem')}</p>}>
            <p>{push() ? t('notifications.settings.pushOn') : t('notifications.settings.pushOff')}</p>
            <div class="form-actions">
              <button
                type="button"
                class="button button--secondary"
                disabled={busy()}
                onClick={() => void switchPush(!push())}
              >
                {push() ? t('notifications.settings.pushTurnOff') : t('notifications.settings.pushTurnOn')}
              </button>
            </div>
          </Show>
        </Show>
      </Show>
      <p
        role="status"
        classList={{ message: true, 'message--error': status() !== null && status() !== 'testSent' }}
      >
        {status() ? t(`notifications.settings.${status() as 'testSent'}`) : ''}
      </p>
    </section>
  );
}
