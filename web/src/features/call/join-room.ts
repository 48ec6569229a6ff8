/**
 * The patient's connection to a room: a guest peer on the signaling server, a data connection to
 * the room's peer id, a knock with the patient's name; once admitted, the host's media call is
 * answered with the checked camera and microphone. After a drop, the patient knocks again with the
 * session id every few seconds; the host lets that knock straight back in (a new connected stretch).
 */
import type { DataConnection, MediaConnection } from 'peerjs';
import { type Accessor, createSignal } from 'solid-js';
import { roomPeerId } from '../../../../shared/protocol/calls.ts';
import type { Consultation } from '../../../../shared/schema/consultation.ts';
import type { Server } from '../../server/server.ts';
import { parseCallMessage } from './call-messages.ts';
import { type CallSession, createCallSession } from './call-session.ts';
import { incomingCallDecision } from './incoming-call.ts';
import { openPeer, reconnectPeer, type SignalingProblem, signalingProblem } from './signaling.ts';

const REKNOCK_EVERY_MS = 5_000;
const LEAVE_GRACE_MS = 8_000;

export interface PatientCall {
  session: Accessor<CallSession | null>;
  leave(): void;
}

export interface JoinOptions {
  /** The signed-in server: it issues the guest call token; signaling runs on its origin. */
  readonly server: Pick<Server, 'baseUrl' | 'calls'>;
  readonly roomCode: string;
  readonly name: string;
  readonly stream: MediaStream;
  readonly save: (summary: Consultation) => Promise<void>;
  /** Saved with the patient's own summary when the host's does not match it (call-session.ts). */
  readonly disputedNote: string;
  /** The room is not open (or closed while waiting). */
  readonly onClosed: () => void;
  /** The signaling server ended this device's connection for good (its session ended). */
  readonly onProblem?: (problem: SignalingProblem) => void;
}

export async function joinRoom(options: JoinOptions): Promise<PatientCall> {
  const { peer, issued } = await openPeer(options.server, { purpose: 'guest' });
  // A reconnection asks for a token for the same guest id (the host knows the patient by it).
  const reconnect = () => reconnectPeer(peer, options.server, { purpose: 'guest', peerId: issued.peerId });
  let reconnecting = false;
  const [session, setSession] = createSignal<CallSession | null>(null);
  let conn: DataConnection;
  let pendingCall: MediaConnection | null = null;
  let left = false;

  function knock(): void {
    conn = peer.connect(roomPeerId(options.roomCode), { reliable: true });
    const current = conn;
    current.on('open', () => {
      const sessionId = session()?.sessionId;
      void current.send({ type: 'knock', name: options.name, ...(sessionId ? { session: sessionId } : {}) });
    });
    current.on('data', (data) => {
      const message = parseCallMessage(data);
      if (message?.type !== 'admitted' || session()) return;
      const created = createCallSession({
        role: 'patient',
        sessionId: message.session,
        practitionerName: message.practitionerName,
        hourlyRateCents: message.hourlyRateCents,
        localStream: options.stream,
        save: options.save,
        disputedNote: options.disputedNote,
      });
      setSession(created);
      // The room's call may have come before this message: answer it only now.
      if (pendingCall) {
        pendingCall.answer(options.stream);
        created.attach(current, pendingCall);
      }
      pendingCall = null;
    });
    current.on('close', () => {
      if (!session() && !left) options.onClosed();
    });
  }

  peer.on('call', (call) => {
    const current = session();
    const decision = incomingCallDecision(call.peer, options.roomCode, current !== null);
    if (decision === 'refuse') return call.close();
    if (decision === 'hold' || !current) {
      // One call held at a time: a newer call from the room replaces an older one.
      if (pendingCall && pendingCall !== call) pendingCall.close();
      pendingCall = call;
      return;
    }
    call.answer(options.stream);
    current.attach(conn, call);
  });
  peer.on('error', (error) => {
    // An OFFER to a room that is not connected is answered with EXPIRE: PeerJS's `peer-unavailable`.
    if (error.type === 'peer-unavailable' && !session()) options.onClosed();
    if (signalingProblem(peer, error) === 'session-ended') options.onProblem?.('session-ended');
  });

  const retry = setInterval(() => {
    const current = session();
    if (!current || current.state() === 'ended') {
      if (current?.state() === 'ended') clearInterval(retry);
      return;
    }
    if (current.state() !== 'reconnecting' || conn.open) return;
    if (peer.disconnected) {
      // A fresh token each time: the last one was used up by the connection that dropped.
      if (signalingProblem(peer) === 'session-ended') return options.onProblem?.('session-ended');
      if (!reconnecting) {
        reconnecting = true;
        void reconnect()
          .catch(() => undefined)
          .finally(() => {
            reconnecting = false;
          });
      }
      return;
    }
    knock();
  }, REKNOCK_EVERY_MS);

  knock();
  return {
    session,
    leave() {
      left = true;
      clearInterval(retry);
      const current = session();
      if (!current) {
        conn.close();
        peer.destroy();
        for (const track of options.stream.getTracks()) track.stop();
        return;
      }
      // Mid-call: say so, and give the host's summary time to arrive before signaling goes.
      const ended = current.state() === 'ended';
      current.end();
      setTimeout(() => peer.destroy(), ended ? 0 : LEAVE_GRACE_MS);
    },
  };
}
