/**
 * `/messages/:id`: one conversation. Each message with its sender, time and verdict (a message that
 * failed verification shows a warning instead of its text), this account's delivery states, the
 * pinned key fingerprints, and the compose box (Enter sends, Shift+Enter a new line). A message
 * that could not be sent stays in the box with the reason: nothing is queued, nothing is lost.
 */
import { A, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedThread } from '../../messaging/messaging.ts';
import type { ViewMessage } from '../../messaging/thread-view.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { FormError } from '../../ui/form-error.tsx';
import { messageErrorText } from './message-error-text.ts';
import { requireMessaging } from './require-messaging.ts';
import './messages.css';

export function ThreadPage() {
  const app = useApp();
  const params = useParams<{ id: string }>();
  const { t, formatDate } = useI18n();
  const [thread, setThread] = createSignal<OpenedThread | null>(null);
  const [loadError, setLoadError] = createSignal<unknown>(null);
  const [text, setText] = createSignal('');
  const [sendError, setSendError] = createSignal<string | null>(null);
  const [sent, setSent] = createSignal(false);

  async function load(): Promise<void> {
    if (!app.server()) return;
    try {
      setThread(await requireMessaging(app).open(params.id));
      setLoadError(null);
    } catch (caught) {
      setLoadError(caught);
    }
  }
  createEffect(
    on(
      () => [params.id, app.server(), app.messaging()?.changes()],
      () => void load(),
    ),
  );

  const name = () => {
    const other = thread()?.other;
    return other?.name ?? t('messages.page.patient');
  };
  const when = (at: number) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });

  const { submit } = createSubmit({
    clear: () => {
      setSendError(null);
      setSent(false);
    },
    validate: () => {
      if (text().trim() !== '') return true;
      setSendError(t('messages.thread.empty'));
      return false;
    },
    run: async () => {
      await requireMessaging(app).send(params.id, text().trim());
      setText('');
      setSent(true);
    },
    fail: (caught) => setSendError(messageErrorText(t, caught)),
  });

  function onKeyDown(event: KeyboardEvent & { currentTarget: HTMLTextAreaElement }): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }

  const Message = (props: { message: ViewMessage }) => {
    const m = () => props.message;
    return (
      <li class="message-item" classList={{ 'message-item--mine': m().mine }}>
        <p class="message-item__head">
          <strong>{m().mine ? t('messages.thread.you') : name()}</strong>{' '}
          <time datetime={new Date(m().sentAt).toISOString()}>
            {t('messages.thread.sentAt', { date: when(m().sentAt) })}
          </time>
        </p>
        <Switch>
          <Match when={m().text !== null}>
            <Show when={m().verdict === 'gap' || m().verdict === 'out-of-order'}>
              <p class="message message--error">
                {m().verdict === 'gap'
                  ? t('messages.thread.verdicts.gap', {
                      from: m().missing?.from ?? 0,
                      to: m().missing?.to ?? 0,
                    })
                  : t('messages.thread.verdicts.out-of-order')}
              </p>
            </Show>
            <p class="message-item__text">{m().text}</p>
            <Show when={m().verdict === 'valid'}>
              <span class="verified">✓ {t('messages.thread.verified')}</span>
            </Show>
          </Match>
          <Match when={m().verdict !== 'valid' && m().verdict !== 'gap' && m().verdict !== 'out-of-order'}>
            <p class="message message--error" role="alert">
              {t(
                `messages.thread.verdicts.${m().verdict as 'tampered' | 'wrong-thread' | 're-attributed' | 'key-changed' | 'replayed'}`,
              )}
            </p>
          </Match>
        </Switch>
        <Show when={m().delivery}>
          {(delivery) => <span class="delivery">{t(`messages.thread.delivery.${delivery()}`)}</span>}
        </Show>
      </li>
    );
  };

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
              <Show when={opened().messages.length > 0} fallback={<p>{t('messages.thread.none')}</p>}>
                <ol class="stack message-list" aria-live="polite">
                  <For each={opened().messages}>{(message) => <Message message={message} />}</For>
                </ol>
              </Show>
            </>
          )}
        </Show>
      </Show>
      <form class="stack compose" onSubmit={submit} novalidate>
        <FormError text={sendError()} />
        <Show when={sent()}>
          <p class="message" role="status">
            {t('messages.thread.sent')}
          </p>
        </Show>
        <div class="field">
          <label for="compose">{t('messages.thread.compose')}</label>
          <textarea
            id="compose"
            rows="3"
            aria-describedby="compose-hint"
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <p id="compose-hint" class="hint">
            {t('messages.thread.composeHint')}
          </p>
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('messages.thread.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
