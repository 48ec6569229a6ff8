/**
 * `/messages/:id`: one conversation. Its messages (message-item.tsx), the pinned key fingerprints,
 * archiving and blocking, the messages still waiting to send (kept sealed on this device while the
 * server cannot be reached), and the compose box (compose-form.tsx).
 */
import { A, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedThread } from '../../messaging/messaging.ts';
import type { ViewMessage } from '../../messaging/thread-view.ts';
import { useApp } from '../../store/app-context.tsx';
import { ComposeForm } from './compose-form.tsx';
import { messageErrorText, refusalText } from './message-error-text.ts';
import { MessageItem } from './message-item.tsx';
import { requireMessaging } from './require-messaging.ts';
import { ThreadActions } from './thread-actions.tsx';
import './messages.css';

export function ThreadPage() {
  const app = useApp();
  const params = useParams<{ id: string }>();
  const { t, formatDate } = useI18n();
  const [thread, setThread] = createSignal<OpenedThread | null>(null);
  const [loadError, setLoadError] = createSignal<unknown>(null);
  const [stale, setStale] = createSignal(false);
  const [answering, setAnswering] = createSignal<ViewMessage['request'] | null>(null);

  async function load(): Promise<void> {
    if (!app.server()) return;
    try {
      setThread(await requireMessaging(app).open(params.id));
      setLoadError(null);
      setStale(false);
    } catch (caught) {
      // Already shown: keep it, say it may be out of date (offline, the outbox below).
      if (thread()?.id === params.id) setStale(true);
      else setLoadError(caught);
    }
  }
  createEffect(
    on(
      () => [params.id, app.server(), app.messaging()?.changes()],
      () => void load(),
    ),
  );

  const name = () => thread()?.other.name ?? t('messages.page.patient');
  const waiting = () => (app.messaging()?.outbox() ?? []).filter((item) => item.threadId === params.id);

  function answer(request: NonNullable<ViewMessage['request']>): void {
    setAnswering(request);
    document.getElementById('compose')?.focus();
  }

  return (
    <section class="stack thread-page" aria-labelledby="thread-title">
      <p>
        <A href="/messages">{t('messages.thread.back')}</A>
      </p>
      <h1 id="thread-title">{t('messages.thread.title', { name: name() })}</h1>
      <Show
        when={!loadError()}
        fallback={<p class="message message--error">{messageErrorText(t, loadError())}</p>}
      >
        <Show when={thread()}>
          {(opened) => (
            <>
              <dl class="fingerprints">
                <dt>{t('messages.thread.theirKey')}</dt>
                <dd>
                  <code>{opened().other.fingerprint}</code>
                </dd>
                <dt>{t('messages.thread.ownKey')}</dt>
                <dd>
                  <code>{opened().ownFingerprint}</code>
                </dd>
              </dl>
              <p class="hint">{t('messages.thread.keyHint')}</p>
              <Show when={opened().other.keyChanged}>
                <p class="message message--error" role="alert">
                  {t('messages.thread.keyChanged')}
                </p>
              </Show>
              <Show when={stale()}>
                <p class="notice">{t('messages.thread.stale')}</p>
              </Show>
              <ThreadActions thread={opened()} name={name()} />
              <Show when={opened().messages.length > 0} fallback={<p>{t('messages.thread.none')}</p>}>
                <ol class="stack message-list" aria-live="polite">
                  <For each={opened().messages}>
                    {(message) => (
                      <MessageItem
                        message={message}
                        threadId={opened().id}
                        senderName={name()}
                        canSave={opened().myRole === 'patient'}
                        onAnswer={answer}
                      />
                    )}
                  </For>
                </ol>
              </Show>
            </>
          )}
        </Show>
      </Show>
      <Show when={waiting().length > 0}>
        <section class="stack outbox" aria-labelledby="outbox-title">
          <h2 id="outbox-title">{t('messages.thread.waitingTitle')}</h2>
          <ol class="stack message-list">
            <For each={waiting()}>
              {(item) => (
                <li class="message-item outbox-item">
                  <p class="message-item__head">
                    <strong>{t('messages.thread.you')}</strong>{' '}
                    <time datetime={new Date(item.writtenAt).toISOString()}>
                      {formatDate(item.writtenAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                  </p>
                  <p class="message-item__text">{item.draft.text}</p>
                  <For each={item.draft.files ?? []}>{(f) => <p class="hint">{f.name}</p>}</For>
                  <Show
                    when={item.refused}
                    fallback={<span class="delivery">{t('messages.thread.waiting')}</span>}
                  >
                    {(reason) => (
                      <>
                        <p class="message message--error">
                          {t('messages.thread.refused', {
                            reason: refusalText(t, reason()),
                          })}
                        </p>
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => void requireMessaging(app).discard(item.id)}
                        >
                          {t('messages.thread.discard')}
                        </button>
                      </>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </section>
      </Show>
      <Show when={thread()}>
        {(opened) => (
          <ComposeForm
            thread={opened()}
            answering={answering()}
            onCancelAnswer={() => setAnswering(null)}
            onSent={() => setAnswering(null)}
          />
        )}
      </Show>
    </section>
  );
}
