/**
 * `/messages`: the account's conversations (unread counts, last message time), refreshed when a
 * message arrives on the live stream, and the practitioner directory to start one.
 */
import { A } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ThreadItem } from '../../messaging/messaging.ts';
import { useApp } from '../../store/app-context.tsx';
import { DirectorySearch } from './directory-search.tsx';
import { messageErrorText } from './message-error-text.ts';
import { requireMessaging } from './require-messaging.ts';
import './messages.css';

function ThreadList(props: { threads: readonly ThreadItem[] }) {
  const { t, formatDate } = useI18n();
  const nameOf = (thread: ThreadItem) => thread.other.name ?? t('messages.page.patient');
  return (
    <ul class="stack thread-list">
      <For each={props.threads}>
        {(thread) => (
          <li class="card thread-item" classList={{ 'thread-item--unread': thread.unread > 0 }}>
            <A href={`/messages/${thread.id}`} aria-label={t('messages.page.open', { name: nameOf(thread) })}>
              {nameOf(thread)}
            </A>
            <span class="thread-item__meta">
              {thread.lastAt === null
                ? t('messages.page.empty')
                : t('messages.page.lastAt', {
                    date: formatDate(thread.lastAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}
            </span>
            <Show when={thread.unread > 0}>
              <span class="badge">{t('messages.page.unread', { count: thread.unread })}</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

export function MessagesPage() {
  const app = useApp();
  const { t } = useI18n();
  const [threads, setThreads] = createSignal<ThreadItem[] | null>(null);
  const [error, setError] = createSignal<unknown>(null);

  async function load(): Promise<void> {
    if (!app.server()) return;
    try {
      setThreads(await requireMessaging(app).threads());
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }
  // Loads on arrival, then again at every live message and every send.
  createEffect(
    on(
      () => [app.server(), app.messaging()?.changes()],
      () => void load(),
    ),
  );

  return (
    <section class="stack messages-page" aria-labelledby="messages-title">
      <h1 id="messages-title">{t('messages.page.title')}</h1>
      <p>{t('messages.page.intro')}</p>
      <Show when={app.syncStatus()} fallback={<p class="message">{t('messages.errors.sync-off')}</p>}>
        <h2>{t('messages.page.threadsTitle')}</h2>
        <Show when={!error()} fallback={<p class="message message--error">{messageErrorText(t, error())}</p>}>
          <Show when={threads()}>
            {(list) => (
              <>
                <Show
                  when={list().some((thread) => !thread.archived)}
                  fallback={<p>{t('messages.page.none')}</p>}
                >
                  <ThreadList threads={list().filter((thread) => !thread.archived)} />
                </Show>
                <Show when={list().some((thread) => thread.archived)}>
                  <h2>{t('messages.page.archivedTitle')}</h2>
                  <ThreadList threads={list().filter((thread) => thread.archived)} />
                </Show>
              </>
            )}
          </Show>
        </Show>
        <DirectorySearch />
      </Show>
    </section>
  );
}
