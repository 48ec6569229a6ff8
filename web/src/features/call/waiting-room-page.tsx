import { A } from '@solidjs/router';
import type { DataConnection } from 'peerjs';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { callErrorText } from './call-error-text.ts';
import { type CallSession, createCallSession } from './call-session.ts';
import { CallView } from './call-view.tsx';
import { canHostWaitingRoom } from './can-host.ts';
import { loadHourlyRate } from './hourly-rate.ts';
import { openLocalMedia } from './local-media.ts';
import { mediaProblem } from './media-errors.ts';
import { RoomLink } from './room-link.tsx';
import { openPeer, reconnectPeer } from './signaling.ts';
import { createWaitingRoom, type Knock, type WaitingRoom } from './waiting-room.ts';
import './call.css';
import { CareNotice } from '../legal/care-notice.tsx';

function randomSessionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/** The host's side: open the room, see who knocks, admit one; the call; its summary. */
export function WaitingRoomPage() {
  const app = useApp();
  // The role decides whether a waiting room is offered: ask the server (it is unknown offline).
  onMount(() => void app.sharing()?.role.refresh());
  const { t, formatDate } = useI18n();
  const [room, setRoom] = createSignal<WaitingRoom | null>(null);
  const [session, setSession] = createSignal<CallSession | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const practitionerName = () => app.activeProfile()?.profile.displayName ?? app.syncEmail() ?? '';

  let patientConn: DataConnection | null = null;

  function connectPatient(knock: Knock, current: CallSession, stream: MediaStream, r: WaitingRoom): void {
    patientConn = knock.conn;
    void knock.conn.send({
      type: 'admitted',
      session: current.sessionId,
      practitionerName: practitionerName(),
      hourlyRateCents: loadHourlyRate(),
    });
    current.attach(knock.conn, r.peer.call(knock.conn.peer, stream));
  }

  /** A patient of the call in progress knocked again after a drop: straight back in, as a new stretch. */
  function rejoin(knock: Knock): boolean {
    const current = session();
    const r = room();
    if (!current || !r || knock.session !== current.sessionId || current.state() !== 'reconnecting')
      return false;
    connectPatient(knock, current, current.localStream, r);
    return true;
  }

  async function open() {
    const server = app.server();
    if (!server) return;
    setBusy(true);
    setError(null);
    try {
      const { peer, issued } = await openPeer(server, { purpose: 'room' });
      setRoom(
        createWaitingRoom(peer, issued.roomCode ?? '', rejoin, () =>
          reconnectPeer(peer, server, { purpose: 'room' }),
        ),
      );
    } catch (caught) {
      setError(callErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  function closeRoom() {
    room()?.close();
    setRoom(null);
  }

  async function admit(knock: Knock) {
    const r = room();
    if (!r || session()) return;
    setError(null);
    let stream: MediaStream;
    try {
      stream = await openLocalMedia();
    } catch (caught) {
      setError(t(`call.media.${mediaProblem(caught)}`));
      return;
    }
    if (!r.take(knock.conn)) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    const current = createCallSession({
      role: 'host',
      sessionId: randomSessionId(),
      practitionerName: practitionerName(),
      hourlyRateCents: loadHourlyRate(),
      localStream: stream,
      patientName: knock.name,
      // A host needs no health profile of their own: without one the summary is shown, not kept.
      save: async (summary) => {
        if (app.activeProfile()) await app.addRecord(summary);
      },
    });
    setSession(current);
    connectPatient(knock, current, stream, r);
  }

  // A media drop with the data connection still up: the host calls the patient again, within the
  // grace period (the session continues as a new connected stretch).
  const RECALL_EVERY_MS = 5_000;
  const recall = setInterval(() => {
    const current = session();
    const r = room();
    if (!current || !r || !patientConn || current.state() !== 'reconnecting' || !current.dataOpen) return;
    current.attach(patientConn, r.peer.call(patientConn.peer, current.localStream));
  }, RECALL_EVERY_MS);

  onCleanup(() => {
    clearInterval(recall);
    session()?.end();
    room()?.close();
  });

  return (
    <Show
      when={session()}
      fallback={
        <section class="stack" aria-labelledby="room-title">
          <h1 id="room-title">{t('call.room.title')}</h1>
          <CareNotice />
          <Show
            when={canHostWaitingRoom(app)}
            fallback={
              <p class="card">
                {t('call.room.cannotHost')} <A href="/settings">{t('nav.settings')}</A>{' '}
                <A href="/practitioner">{t('shares.page.practitionerLink')}</A>
              </p>
            }
          >
            <p class="call-notice">{t('call.notice')}</p>
            <Show
              when={room()}
              fallback={
                <div class="card stack">
                  <p>{t('call.room.intro')}</p>
                  <button type="button" class="button" disabled={busy()} onClick={() => void open()}>
                    {busy() ? t('call.room.opening') : t('call.room.open')}
                  </button>
                </div>
              }
            >
              {(r) => (
                <>
                  <RoomLink code={r().roomCode} rateCents={loadHourlyRate()} />
                  <Show when={r().problem()}>
                    {(problem) => (
                      <p class="field__error" role="alert">
                        {t(`call.signaling.${problem()}`)}
                      </p>
                    )}
                  </Show>
                  <button type="button" class="button button--secondary" onClick={closeRoom}>
                    {t('call.room.close')}
                  </button>
                  <section class="card stack" aria-labelledby="room-waiting">
                    <h2 id="room-waiting">{t('call.room.waitingTitle')}</h2>
                    <Show when={r().waiting().length > 0} fallback={<p>{t('call.room.empty')}</p>}>
                      <ul class="room-list" aria-labelledby="room-waiting">
                        <For each={r().waiting()}>
                          {(knock) => (
                            <li class="room-list__item">
                              <span class="room-list__name">{knock.name}</span>{' '}
                              <span class="room-list__since">
                                {t('call.room.since', {
                                  time: formatDate(knock.since, { timeStyle: 'short' }),
                                })}
                              </span>
                              <button type="button" class="button" onClick={() => void admit(knock)}>
                                {t('call.room.admit', { name: knock.name })}
                              </button>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </section>
                </>
              )}
            </Show>
          </Show>
          <Show when={error()}>
            <p class="field__error" role="alert">
              {error()}
            </p>
          </Show>
        </section>
      }
    >
      {(current) => <CallView session={current()} onDone={() => setSession(null)} />}
    </Show>
  );
}
