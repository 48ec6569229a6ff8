/**
 * One message of a thread: its sender, time and verdict (a message that failed verification shows
 * a warning instead of its content), the profile it is about, a structured request with whether it
 * is answered, and its attachments. Downloading checks the file against the SHA-256 its signed
 * message carries; a patient can also save a received file into the record (a practitioner keeps
 * it in the thread only).
 */
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { AttachmentRefContent } from '../../messaging/message-content.ts';
import type { ViewMessage } from '../../messaging/thread-view.ts';
import { useApp } from '../../store/app-context.tsx';
import { createObjectUrls } from '../documents/object-urls.ts';
import { messageErrorText } from './message-error-text.ts';
import { requestText } from './request-text.ts';
import { requireMessaging } from './require-messaging.ts';

export interface MessageItemProps {
  readonly message: ViewMessage;
  readonly threadId: string;
  readonly senderName: string;
  readonly canSave: boolean;
  readonly onAnswer: (request: NonNullable<ViewMessage['request']>) => void;
}

const urls = createObjectUrls();

export function MessageItem(props: MessageItemProps) {
  const app = useApp();
  const { t, formatDate, formatNumber } = useI18n();
  const [note, setNote] = createSignal<{ error: boolean; text: string } | null>(null);
  const m = () => props.message;
  const when = (at: number) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });

  async function fetchFile(ref: AttachmentRefContent): Promise<Uint8Array | null> {
    setNote(null);
    try {
      return await requireMessaging(app).download(props.threadId, ref);
    } catch (caught) {
      setNote({ error: true, text: messageErrorText(t, caught) });
      return null;
    }
  }

  async function download(ref: AttachmentRefContent): Promise<void> {
    const bytes = await fetchFile(ref);
    if (!bytes) return;
    urls.download(bytes, ref.name);
    setNote({ error: false, text: t('messages.thread.attach.downloaded', { name: ref.name }) });
  }

  async function save(ref: AttachmentRefContent): Promise<void> {
    const bytes = await fetchFile(ref);
    if (!bytes) return;
    try {
      await app.addDocument({
        fileName: ref.name,
        mediaType: ref.mediaType,
        bytes,
        title: ref.name,
        category: 'other',
        date: new Date().toISOString().slice(0, 10),
      });
      setNote({ error: false, text: t('messages.thread.attach.saved', { name: ref.name }) });
    } catch (caught) {
      setNote({ error: true, text: messageErrorText(t, caught) });
    }
  }

  return (
    <li class="message-item" classList={{ 'message-item--mine': m().mine }}>
      <p class="message-item__head">
        <strong>{m().mine ? t('messages.thread.you') : props.senderName}</strong>{' '}
        <time datetime={new Date(m().sentAt).toISOString()}>
          {t('messages.thread.sentAt', { date: when(m().sentAt) })}
        </time>
        <Show when={m().for}>
          {(name) => <span class="hint"> · {t('messages.thread.for', { name: name() })}</span>}
        </Show>
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
          <Show when={m().answers}>
            <p class="hint">{t('messages.thread.request.answerNote')}</p>
          </Show>
          <Show when={m().request}>
            {(request) => (
              <div class="request-card">
                <p>
                  <strong>{t('messages.thread.request.asks', { what: requestText(t, request()) })}</strong>{' '}
                  <span class="request-card__state">
                    {request().answered
                      ? t('messages.thread.request.answered')
                      : t('messages.thread.request.open')}
                  </span>
                </p>
                <Show when={!m().mine && !request().answered}>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => props.onAnswer(request())}
                  >
                    {t('messages.thread.request.answer')}
                  </button>
                </Show>
              </div>
            )}
          </Show>
          <Show when={m().text}>
            <p class="message-item__text">{m().text}</p>
          </Show>
          <Show when={m().attachments.length > 0}>
            <ul class="attachment-list" aria-label={t('messages.thread.attach.files')}>
              <For each={m().attachments}>
                {(ref) => (
                  <li class="attachment">
                    <span>
                      {ref.name} ·{' '}
                      {t('messages.thread.attach.size', {
                        size: formatNumber(Math.max(1, Math.round(ref.size / 1024))),
                      })}
                    </span>
                    <button type="button" class="button button--secondary" onClick={() => void download(ref)}>
                      {t('messages.thread.attach.download', { name: ref.name })}
                    </button>
                    <Show when={props.canSave && !m().mine && app.activeProfile()}>
                      {(profile) => (
                        <button type="button" class="button button--secondary" onClick={() => void save(ref)}>
                          {t('messages.thread.attach.save', {
                            name: ref.name,
                            profile: profile().profile.displayName,
                          })}
                        </button>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={note()}>
            {(shown) => (
              <p
                class="message"
                classList={{ 'message--error': shown().error }}
                role={shown().error ? 'alert' : 'status'}
              >
                {shown().text}
              </p>
            )}
          </Show>
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
}
