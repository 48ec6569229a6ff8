/**
 * One teleconsultation in progress, on either side: the media call, the data connection (chat,
 * files, shared entries, end, summary), the connected stretches and the quality indicator.
 *
 * Invariants: the host bills; the patient saves the host's summary only when it matches the rate
 * announced on admission and the patient's own connected time (shared/billing/check-summary.ts),
 * otherwise its own, marked disputed; and its own if the host's never arrives. A dropped connection closes the
 * current stretch; a reconnect within RECONNECT_GRACE_MS continues the session as a new stretch
 * (`attach` with new connections); past the grace the call ends.
 */
import type { DataConnection, MediaConnection } from 'peerjs';
import { type Accessor, createSignal } from 'solid-js';
import { checkedSummary } from '../../../../shared/billing/check-summary.ts';
import { consultationSummary } from '../../../../shared/billing/consultation-summary.ts';
import type { Consultation } from '../../../../shared/schema/consultation.ts';
import { type CallChat, type ChatItem, createCallChat } from './call-chat.ts';
import { type CallMessage, parseCallMessage } from './call-messages.ts';
import { gradeQuality, type Quality, type StatsSample, sampleStats } from './connection-quality.ts';
import { fileMessages } from './file-transfer.ts';
import { connectionSafetyCode } from './safety-code.ts';
import { SegmentClock } from './segment-clock.ts';

export type CallRole = 'host' | 'patient';
export type CallState = 'connecting' | 'connected' | 'reconnecting' | 'ending' | 'ended';

export interface CallSessionOptions {
  readonly role: CallRole;
  readonly sessionId: string;
  readonly practitionerName: string;
  readonly hourlyRateCents: number;
  readonly localStream: MediaStream;
  /** Host: the patient's name, kept in the host's log. */
  readonly patientName?: string;
  /** Saves the summary in this side's vault (encrypted record of kind consultation). */
  readonly save: (summary: Consultation) => Promise<void>;
  /** Patient: the note saved with its own summary when the host's does not check out. */
  readonly disputedNote?: string;
  readonly now?: () => number;
}

const SUMMARY_WAIT_MS = 5_000;
const STATS_EVERY_MS = 2_000;

export interface CallSession {
  readonly role: CallRole;
  readonly sessionId: string;
  /** The rate this call is billed at: the host's, sent on admission. */
  readonly hourlyRateCents: number;
  readonly localStream: MediaStream;
  state: Accessor<CallState>;
  remoteStream: Accessor<MediaStream | null>;
  chat: Accessor<readonly ChatItem[]>;
  elapsedMs: Accessor<number>;
  quality: Accessor<Quality | null>;
  /** Six digits both parties can compare (safety-code.ts); null until the data connection is up. */
  safetyCode: Accessor<string | null>;
  muted: Accessor<boolean>;
  cameraOff: Accessor<boolean>;
  summary: Accessor<Consultation | null>;
  saveError: Accessor<unknown>;
  /** New data and media connections (first connection, or a reconnect within the grace). */
  attach(conn: DataConnection, media: MediaConnection): void;
  /** Whether the data connection is still up (a media-only drop can be re-called over the same one). */
  readonly dataOpen: boolean;
  sendChat(text: string): void;
  sendFile(name: string, mime: string, data: Uint8Array): void;
  shareEntry(title: string, text: string): void;
  toggleMute(): void;
  toggleCamera(): void;
  end(): void;
  /** Frees what the call screen held (received files' object URLs). */
  dispose(): void;
}

export function createCallSession(options: CallSessionOptions): CallSession {
  const now = options.now ?? Date.now;
  const clock = new SegmentClock(now());
  const chat: CallChat = createCallChat(now);
  const [state, setState] = createSignal<CallState>('connecting');
  const [remoteStream, setRemoteStream] = createSignal<MediaStream | null>(null);
  const [elapsedMs, setElapsedMs] = createSignal(0);
  const [quality, setQuality] = createSignal<Quality | null>(null);
  const [code, setCode] = createSignal<string | null>(null);
  const [muted, setMuted] = createSignal(false);
  const [cameraOff, setCameraOff] = createSignal(false);
  const [summary, setSummary] = createSignal<Consultation | null>(null);
  const [saveError, setSaveError] = createSignal<unknown>(null);
  let conn: DataConnection | null = null;
  let media: MediaConnection | null = null;
  let lastSample: StatsSample | null = null;

  const send = (message: CallMessage) => {
    if (conn?.open) void conn.send(message);
  };

  const tick = setInterval(() => {
    setElapsedMs(clock.connectedMs(now()));
    // Past the grace the session is over: the host bills it; a patient who cannot reach the host
    // keeps its own summary.
    if (state() === 'reconnecting' && clock.graceExpired(now())) {
      if (options.role === 'host') finish();
      else fallbackSummary();
    }
  }, 1_000);
  const stats = setInterval(() => void readStats(), STATS_EVERY_MS);

  async function readStats(): Promise<void> {
    const pc = media?.peerConnection;
    if (!pc || state() !== 'connected') return;
    const sample = sampleStats(
      (await pc.getStats()) as unknown as Iterable<[string, Record<string, unknown>]>,
    );
    setQuality(gradeQuality(lastSample, sample));
    lastSample = sample;
  }

  function onConnectionState(pc: RTCPeerConnection): void {
    if (state() === 'ended' || state() === 'ending') return;
    if (pc.connectionState === 'connected') {
      clock.connected(now());
      setState('connected');
    } else if (['disconnected', 'failed', 'closed'].includes(pc.connectionState)) {
      clock.disconnected(now());
      setState('reconnecting');
    }
  }

  function onMessage(data: unknown): void {
    const message = parseCallMessage(data);
    if (!message) return;
    if (chat.receive(message)) return;
    switch (message.type) {
      case 'end':
        if (options.role === 'host') finish();
        else {
          clock.end(now());
          setState('ending');
          setTimeout(() => fallbackSummary(), SUMMARY_WAIT_MS);
        }
        return;
      case 'summary':
        // The host bills; the patient checks it against its own clock and the announced rate.
        if (options.role === 'patient' && !summary()) {
          clock.end(now());
          void conclude(checkedSummary(message.summary, buildSummary(), options.disputedNote ?? 'disputed'));
        }
        return;
      default:
        return;
    }
  }

  function buildSummary(): Consultation {
    const at = clock.ended ?? now();
    return consultationSummary({
      practitionerName: options.practitionerName,
      startedAt: clock.startedAt,
      endedAt: at,
      segments: clock.segments(at),
      hourlyRateCents: options.hourlyRateCents,
    });
  }

  async function conclude(result: Consultation): Promise<void> {
    if (summary()) return;
    clock.end(now());
    setState('ended');
    setSummary(result);
    stopEverything();
    const toSave =
      options.role === 'host' && options.patientName
        ? { ...result, note: options.patientName, patientAlias: options.patientName }
        : result;
    try {
      await options.save(toSave);
    } catch (error) {
      setSaveError(error);
    }
  }

  function fallbackSummary(): void {
    if (!summary()) void conclude(buildSummary());
  }

  /** Host: ends the session, bills it, tells the patient. */
  function finish(): void {
    if (summary() || state() === 'ending') return;
    clock.end(now());
    const result = buildSummary();
    send({ type: 'summary', summary: result });
    // Let the summary leave before the connections close.
    setTimeout(() => void conclude(result), 300);
    setState('ending');
  }

  function stopEverything(): void {
    clearInterval(tick);
    clearInterval(stats);
    setElapsedMs(clock.connectedMs(now()));
    for (const track of options.localStream.getTracks()) track.stop();
    setTimeout(() => {
      media?.close();
      conn?.close();
    }, 500);
  }

  return {
    role: options.role,
    sessionId: options.sessionId,
    hourlyRateCents: options.hourlyRateCents,
    localStream: options.localStream,
    state,
    remoteStream,
    chat: chat.items,
    elapsedMs,
    quality,
    safetyCode: code,
    muted,
    cameraOff,
    summary,
    saveError,
    attach(nextConn, nextMedia) {
      if (nextConn !== conn) {
        conn = nextConn;
        // The data connection carries the chat and the summary: its DTLS ends are the ones to check.
        void connectionSafetyCode(nextConn.peerConnection).then((next) => {
          if (conn === nextConn && next) setCode(next);
        });
        nextConn.on('data', onMessage);
        nextConn.on('close', () => {
          if (state() === 'ending' && options.role === 'patient') fallbackSummary();
        });
      }
      // A reconnect replaces the media connection; events of the old one no longer count.
      if (media && media !== nextMedia) media.close();
      media = nextMedia;
      lastSample = null;
      nextMedia.on('stream', (stream) => {
        if (media === nextMedia) setRemoteStream(stream);
      });
      nextMedia.on('close', () => {
        if (media === nextMedia && state() === 'connected') {
          clock.disconnected(now());
          setState('reconnecting');
        }
      });
      const watch = () => {
        const pc = nextMedia.peerConnection;
        if (!pc) return setTimeout(watch, 50);
        pc.addEventListener('connectionstatechange', () => {
          if (media === nextMedia) onConnectionState(pc);
        });
        if (media === nextMedia) onConnectionState(pc);
      };
      watch();
    },
    get dataOpen() {
      return conn?.open ?? false;
    },
    sendChat(text) {
      const message = text.trim();
      if (!message) return;
      send({ type: 'chat', text: message });
      chat.add({ from: 'me', kind: 'text', text: message });
    },
    sendFile(name, mime, data) {
      const id = chat.nextFileId();
      for (const message of fileMessages(id, name, mime, data)) send(message);
      chat.add({ from: 'me', kind: 'file', text: name });
    },
    shareEntry(title, text) {
      send({ type: 'entry', title, text });
      chat.add({ from: 'me', kind: 'entry', text: `${title}\n${text}` });
    },
    toggleMute() {
      const next = !muted();
      for (const track of options.localStream.getAudioTracks()) track.enabled = !next;
      setMuted(next);
    },
    toggleCamera() {
      const next = !cameraOff();
      for (const track of options.localStream.getVideoTracks()) track.enabled = !next;
      setCameraOff(next);
    },
    dispose() {
      chat.dispose();
    },
    end() {
      if (state() === 'ended' || state() === 'ending') return;
      if (options.role === 'host') return finish();
      send({ type: 'end' });
      clock.end(now());
      setState('ending');
      setTimeout(() => fallbackSummary(), SUMMARY_WAIT_MS);
    },
  };
}
