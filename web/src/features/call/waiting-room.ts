/**
 * The host's waiting room: a PeerJS peer registered under the host's room id. Patients open a data
 * connection and knock with a name; they wait, listed with the time they knocked, until the host
 * admits one (a media call to that patient follows). Others keep waiting. A knock that carries the
 * id of the session in progress (a patient whose connection dropped) is let back in at once.
 */
import type { DataConnection, Peer } from 'peerjs';
import { type Accessor, createSignal } from 'solid-js';
import { parseCallMessage } from './call-messages.ts';
import { type SignalingProblem, signalingProblem } from './signaling.ts';

export interface Knock {
  readonly conn: DataConnection;
  readonly name: string;
  readonly since: number;
  readonly session?: string;
}

export interface WaitingRoom {
  readonly peer: Peer;
  readonly roomCode: string;
  waiting: Accessor<readonly Knock[]>;
  /** Why the room's signaling ended for good (its session ended), or dropped messages (rate, size). */
  problem: Accessor<SignalingProblem | null>;
  /** Takes a patient out of the list (to admit them). */
  take(conn: DataConnection): Knock | undefined;
  close(): void;
}

const RECONNECT_AFTER_MS = 2_000;

export function createWaitingRoom(
  peer: Peer,
  roomCode: string,
  onRejoin: (knock: Knock) => boolean,
  /** Registers the room's id again with a fresh call token (signaling.ts `reconnectPeer`). */
  reconnect: () => Promise<void>,
  now: () => number = Date.now,
): WaitingRoom {
  const [waiting, setWaiting] = createSignal<readonly Knock[]>([]);
  const [problem, setProblem] = createSignal<SignalingProblem | null>(null);
  const remove = (conn: DataConnection) => setWaiting((list) => list.filter((k) => k.conn !== conn));

  // The signaling socket dropped (server restart, network, a refused reconnect while the server
  // still holds the old socket): the room registers again, each time with a fresh token. Not when
  // the server ended this device's session: only signing in again helps then.
  const retry = (): void => {
    setTimeout(() => {
      if (peer.destroyed || !peer.disconnected) return;
      const why = signalingProblem(peer);
      if (why === 'session-ended') return void setProblem(why);
      if (why === 'rate-limited' || why === 'too-big') setProblem(why);
      reconnect().catch(retry);
    }, RECONNECT_AFTER_MS);
  };
  peer.on('disconnected', retry);
  peer.on('open', () => setProblem((p) => (p === 'session-ended' ? p : null)));
  peer.on('error', (error) => {
    if (signalingProblem(peer, error) === 'session-ended') setProblem('session-ended');
  });

  peer.on('connection', (conn) => {
    const onData = (data: unknown) => {
      const message = parseCallMessage(data);
      if (message?.type !== 'knock') return;
      conn.off('data', onData);
      const knock: Knock = {
        conn,
        name: message.name,
        since: now(),
        ...(message.session ? { session: message.session } : {}),
      };
      if (knock.session && onRejoin(knock)) return;
      setWaiting((list) => [...list.filter((k) => k.conn !== conn), knock]);
    };
    conn.on('data', onData);
    conn.on('close', () => remove(conn));
    conn.on('error', () => remove(conn));
  });

  return {
    peer,
    roomCode,
    waiting,
    problem,
    take(conn) {
      const knock = waiting().find((k) => k.conn === conn);
      if (knock) remove(conn);
      return knock;
    },
    close() {
      for (const knock of waiting()) knock.conn.close();
      setWaiting([]);
      peer.destroy();
    },
  };
}
