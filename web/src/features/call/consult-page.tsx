import { A } from '@solidjs/router';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { parseRoomCode } from '../../../../shared/protocol/calls.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { callErrorText } from './call-error-text.ts';
import { CallView } from './call-view.tsx';
import { canHostWaitingRoom } from './can-host.ts';
import { joinRoom, type PatientCall } from './join-room.ts';
import { createLocalMedia } from './local-media.ts';
import { forgetPendingRoom, pendingRoom, pendingRoomRate, rememberRoomFromHash } from './pending-room.ts';
import { PrecallCheck } from './precall-check.tsx';
import { WithLogProfile } from './with-log-profile.tsx';
import './call.css';
import { CareNotice } from '../legal/care-notice.tsx';

/** The patient's side: room code and name, the pre-call check, knock, wait, the call, its summary. */
export function ConsultPage() {
  const app = useApp();
  // The role decides whether a waiting room is offered: ask the server (it is unknown offline).
  onMount(() => void app.sharing()?.role.refresh());
  const { t, formatNumber } = useI18n();
  const media = createLocalMedia();
  const [code, setCode] = createSignal(pendingRoom());
  // The rate the room link announced; kept for the call, where it is compared with the one billed.
  const [announced, setAnnounced] = createSignal(pendingRoomRate());
  const [name, setName] = createSignal(app.activeProfile()?.profile.displayName ?? '');
  const [submitted, setSubmitted] = createSignal(false);
  const [call, setCall] = createSignal<PatientCall | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  // A room link opened while this page is already showing only changes the hash.
  const onHash = () => {
    rememberRoomFromHash(window.location.hash);
    if (pendingRoom()) {
      setCode(pendingRoom());
      setAnnounced(pendingRoomRate());
    }
  };
  window.addEventListener('hashchange', onHash);
  onCleanup(() => window.removeEventListener('hashchange', onHash));

  const codeValid = () => parseRoomCode(code()) !== undefined;
  const nameValid = () => name().trim().length > 0;

  async function knock(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    const room = parseRoomCode(code());
    const server = app.server();
    if (!room || !nameValid() || !server) return;
    const stream = (await media.start()) && media.release();
    if (!stream) return;
    try {
      setCall(
        await joinRoom({
          server,
          roomCode: room,
          name: name().trim(),
          stream,
          save: async (summary) => void (await app.addRecord(summary)),
          disputedNote: t('call.summary.disputed'),
          onClosed: () => {
            leave();
            setError(t('call.join.roomClosed'));
          },
          onProblem: (problem) => setError(t(`call.signaling.${problem}`)),
        }),
      );
      forgetPendingRoom();
    } catch (caught) {
      for (const track of stream.getTracks()) track.stop();
      setError(callErrorText(t, caught));
    }
  }

  function leave() {
    call()?.leave();
    setCall(null);
  }

  onCleanup(() => {
    call()?.leave();
    media.stop();
  });

  return (
    <Show
      when={call()?.session()}
      fallback={
        <section class="stack" aria-labelledby="consult-title">
          <h1 id="consult-title">{t('call.join.title')}</h1>
          <CareNotice />
          <Show when={canHostWaitingRoom(app)}>
            <p>
              <A href="/waiting-room">{t('call.room.open')}</A>
            </p>
          </Show>
          <Show
            when={app.server()}
            fallback={
              <p class="card">
                {t('call.needsSync')} <A href="/settings">{t('nav.settings')}</A>
              </p>
            }
          >
            <WithLogProfile>
              <Show
                when={!call()}
                fallback={
                  <div class="card stack">
                    <p role="status" class="consult-waiting">
                      {t('call.join.waiting')}
                    </p>
                    <button type="button" class="button button--secondary" onClick={leave}>
                      {t('call.join.cancel')}
                    </button>
                  </div>
                }
              >
                <form class="card stack" onSubmit={(e) => void knock(e)} novalidate>
                  <div class="field">
                    <label for="consult-code">{t('call.join.codeLabel')}</label>
                    <input
                      id="consult-code"
                      value={code()}
                      onInput={(e) => setCode(e.currentTarget.value)}
                      autocomplete="off"
                      aria-invalid={submitted() && !codeValid() ? 'true' : undefined}
                      aria-describedby="consult-code-hint consult-code-error"
                    />
                    <p class="field__hint" id="consult-code-hint">
                      {t('call.join.codeHint')}
                    </p>
                    <p class="field__error" id="consult-code-error">
                      {submitted() && !codeValid() ? t('call.join.codeInvalid') : ''}
                    </p>
                  </div>
                  <div class="field">
                    <label for="consult-name">{t('call.join.nameLabel')}</label>
                    <input
                      id="consult-name"
                      value={name()}
                      maxLength={80}
                      onInput={(e) => setName(e.currentTarget.value)}
                      aria-invalid={submitted() && !nameValid() ? 'true' : undefined}
                      aria-describedby="consult-name-error"
                    />
                    <p class="field__error" id="consult-name-error">
                      {submitted() && !nameValid() ? t('call.join.nameInvalid') : ''}
                    </p>
                  </div>
                  <p class="consult-rate">
                    {announced() === null
                      ? t('call.join.rateUnknown')
                      : t('call.join.rateAnnounced', {
                          amount: formatNumber((announced() ?? 0) / 100, {
                            style: 'currency',
                            currency: 'EUR',
                          }),
                        })}{' '}
                    {t('call.join.rateRule')}
                  </p>
                  <PrecallCheck media={media} />
                  <button type="submit" class="button">
                    {t('call.join.knock')}
                  </button>
                </form>
              </Show>
            </WithLogProfile>
          </Show>
          <Show when={error()}>
            <p class="field__error" role="alert">
              {error()}
            </p>
          </Show>
        </section>
      }
    >
      {(session) => <CallView session={session()} onDone={leave} announcedRateCents={announced()} />}
    </Show>
  );
}
