import { createSignal, For, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import type { ChatItem } from './call-chat.ts';
import { FILE_MAX_BYTES } from './call-messages.ts';
import type { CallSession } from './call-session.ts';
import { CallSummaryView } from './call-summary-view.tsx';
import { formatElapsed } from './format.ts';
import { receivedDocument } from './received-document.ts';
import { ShareFromRecord } from './share-from-record.tsx';
import { VideoTile } from './video-tile.tsx';
import './call.css';
import { CareNotice } from '../legal/care-notice.tsx';

/**
 * The call screen, the same on both sides; the patient can also share from their record. The rate
 * billed shows throughout; a patient whose room link announced another rate is told so.
 */
export function CallView(props: {
  session: CallSession;
  onDone: () => void;
  /** Patient: the rate the room link announced, when it did. */
  announcedRateCents?: number | null;
}) {
  const { t, formatNumber } = useI18n();
  const euros = (cents: number) => formatNumber(cents / 100, { style: 'currency', currency: 'EUR' });
  const rateDiffers = () =>
    props.announcedRateCents != null && props.announcedRateCents !== s().hourlyRateCents;
  const app = useApp();
  const s = () => props.session;
  // A received file kept in the active profile's documents: what happened, per chat item.
  const [kept, setKept] = createSignal<ReadonlyMap<number, string>>(new Map());
  const keep = async (item: ChatItem) => {
    const profile = app.activeProfile();
    if (!item.file || !profile) return;
    const name = profile.profile.displayName;
    const today = new Date().toLocaleDateString('en-CA');
    let outcome: string;
    try {
      await app.addDocument(receivedDocument(item.file, today, t('call.call.receivedNote')));
      outcome = t('call.call.savedToRecord', { file: item.text, name });
    } catch (error) {
      outcome = errorText(t, error);
    }
    setKept((map) => new Map(map).set(item.id, outcome));
  };
  const [message, setMessage] = createSignal('');
  const [fileError, setFileError] = createSignal<string | null>(null);
  let fileInput: HTMLInputElement | undefined;
  // Captured now: reading props in a cleanup would be a stale read of the parent <Show>.
  const owned = props.session;
  onCleanup(() => owned.dispose());

  const sendChat = (event: SubmitEvent) => {
    event.preventDefault();
    s().sendChat(message());
    setMessage('');
  };

  const sendFile = async (event: SubmitEvent) => {
    event.preventDefault();
    setFileError(null);
    const file = fileInput?.files?.[0];
    if (!file) return;
    if (file.size > FILE_MAX_BYTES) return setFileError(t('call.call.fileTooLarge'));
    s().sendFile(file.name, file.type, new Uint8Array(await file.arrayBuffer()));
    if (fileInput) fileInput.value = '';
  };

  const quality = () => {
    const q = s().quality();
    if (!q) return t('call.call.quality.unknown');
    const grade = t(`call.call.quality.${q.grade}`);
    if (q.rttMs === null && q.lossPercent === null) return grade;
    return `${grade} (${t('call.call.quality.details', { rtt: q.rttMs ?? '–', loss: q.lossPercent ?? 0 })})`;
  };

  return (
    <Show when={!s().summary()} fallback={<CallSummaryView session={s()} onDone={props.onDone} />}>
      <section class="stack call" aria-labelledby="call-title">
        <h1 id="call-title">{t('call.call.title')}</h1>
        <p class="call-notice">{t('call.notice')}</p>
        <CareNotice />
        <div class="call-status">
          <p role="status" class="call-state" data-state={s().state()}>
            {t(`call.call.state.${s().state()}`)}
          </p>
          <p>
            {t('call.call.elapsed')}:{' '}
            <time class="call-elapsed" data-ms={s().elapsedMs()}>
              {formatElapsed(s().elapsedMs())}
            </time>
          </p>
          <p class="call-rate">{t('call.call.rate', { amount: euros(s().hourlyRateCents) })}</p>
          <Show when={rateDiffers()}>
            <p class="field__error" role="alert">
              {t('call.call.rateDiffers', {
                amount: euros(s().hourlyRateCents),
                announced: euros(props.announcedRateCents ?? 0),
              })}
            </p>
          </Show>
          <p class="call-quality" data-grade={s().quality()?.grade ?? 'unknown'}>
            {t('call.call.quality.label')}: {quality()}
          </p>
          <Show when={s().safetyCode()}>
            {(code) => (
              <p class="call-safety">
                {t('call.call.safetyCode')}: <strong class="call-safety__code">{code()}</strong>{' '}
                <span class="call-safety__hint">{t('call.call.safetyHint')}</span>
              </p>
            )}
          </Show>
        </div>
        <div class="call-videos">
          <VideoTile
            stream={s().remoteStream()}
            label={t('call.call.remoteVideo')}
            class="call-video--remote"
          />
          <VideoTile
            stream={s().localStream}
            label={t('call.call.localVideo')}
            muted
            class="call-video--local"
          />
        </div>
        <div class="call-controls">
          <button
            type="button"
            class="button button--secondary"
            aria-pressed={s().muted()}
            onClick={() => s().toggleMute()}
          >
            {s().muted() ? t('call.call.unmute') : t('call.call.mute')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            aria-pressed={s().cameraOff()}
            onClick={() => s().toggleCamera()}
          >
            {s().cameraOff() ? t('call.call.cameraOn') : t('call.call.cameraOff')}
          </button>
          <button type="button" class="button button--danger" onClick={() => s().end()}>
            {t('call.call.end')}
          </button>
        </div>
        <section class="card stack" aria-labelledby="call-chat-title">
          <h2 id="call-chat-title">{t('call.call.chatTitle')}</h2>
          <ul class="call-chat" aria-live="polite" aria-label={t('call.call.chatTitle')}>
            <For each={s().chat()}>
              {(item) => (
                <li class={`call-chat__item call-chat__item--${item.from}`}>
                  <span class="call-chat__who">
                    {item.from === 'me' ? t('call.call.me') : t('call.call.them')}:{' '}
                  </span>
                  <Show
                    when={item.kind === 'file'}
                    fallback={
                      <span class="call-chat__text">
                        {item.kind === 'entry' ? `${t('call.call.sharedEntry')}: ${item.text}` : item.text}
                      </span>
                    }
                  >
                    <Show
                      when={item.url}
                      fallback={<span>{t('call.call.fileSent', { name: item.text })}</span>}
                    >
                      <a href={item.url} download={item.text}>
                        {t('call.call.download', { name: item.text })}
                      </a>
                      <Show when={item.file && app.status() === 'unlocked' && app.activeProfile()}>
                        {(profile) => (
                          <Show
                            when={kept().get(item.id)}
                            fallback={
                              <button
                                type="button"
                                class="button button--secondary call-chat__keep"
                                onClick={() => void keep(item)}
                              >
                                {t('call.call.saveToRecord', {
                                  file: item.text,
                                  name: profile().profile.displayName,
                                })}
                              </button>
                            }
                          >
                            {(outcome) => <span role="status">{outcome()}</span>}
                          </Show>
                        )}
                      </Show>
                    </Show>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <form class="call-chat__form" onSubmit={sendChat}>
            <div class="field">
              <label for="call-message">{t('call.call.chatLabel')}</label>
              <input
                id="call-message"
                value={message()}
                onInput={(e) => setMessage(e.currentTarget.value)}
                maxLength={2000}
                autocomplete="off"
              />
            </div>
            <button type="submit" class="button">
              {t('call.call.send')}
            </button>
          </form>
          <form class="call-chat__form" onSubmit={(e) => void sendFile(e)}>
            <div class="field">
              <label for="call-file">{t('call.call.fileLabel')}</label>
              <input
                id="call-file"
                type="file"
                ref={fileInput}
                aria-describedby={fileError() ? 'call-file-error' : undefined}
              />
              <Show when={fileError()}>
                <p class="field__error" id="call-file-error" role="alert">
                  {fileError()}
                </p>
              </Show>
            </div>
            <button type="submit" class="button button--secondary">
              {t('call.call.sendFile')}
            </button>
          </form>
          <Show when={s().role === 'patient'}>
            <ShareFromRecord session={s()} />
          </Show>
        </section>
      </section>
    </Show>
  );
}
