/** Archive or bring back a thread; block or unblock its other participant (server routes exist). */
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedThread } from '../../messaging/messaging.ts';
import { useApp } from '../../store/app-context.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { messageErrorText } from './message-error-text.ts';
import { requireMessaging } from './require-messaging.ts';

export function ThreadActions(props: { thread: OpenedThread; name: string }) {
  const app = useApp();
  const { t } = useI18n();
  const [error, setError] = createSignal<string | null>(null);

  async function act(step: () => Promise<void>): Promise<void> {
    setError(null);
    try {
      await step();
    } catch (caught) {
      setError(messageErrorText(t, caught));
    }
  }

  const messaging = () => requireMessaging(app);
  return (
    <div class="stack thread-actions">
      <FormError text={error()} />
      <Show when={props.thread.archived}>
        <p class="notice">{t('messages.thread.archivedNote')}</p>
      </Show>
      <Show when={props.thread.blocked}>
        <p class="notice">{t('messages.thread.blockedNote')}</p>
      </Show>
      <div class="form-actions">
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void act(() => messaging().archive(props.thread.id, !props.thread.archived))}
        >
          {props.thread.archived ? t('messages.thread.unarchive') : t('messages.thread.archive')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() =>
            void act(() =>
              props.thread.blocked
                ? messaging().unblock(props.thread.other.accountId)
                : messaging().block(props.thread.other.accountId),
            )
          }
        >
          {props.thread.blocked
            ? t('messages.thread.unblock', { name: props.name })
            : t('messages.thread.block', { name: props.name })}
        </button>
      </div>
    </div>
  );
}
