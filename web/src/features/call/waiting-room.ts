/**
 * The host's waiting room: a PeerJS peer registered under the host's room id. Patients open a data
 * connection and knock with a name; they wait, listed with the time they knocked, until the host
 * admits one (a media call to that patient follows). Others keep waiting. A knock that carries the
 * id of the session in progress (a patient whose connection dropped) is let back in at once.
 */
import type { DataConnection, Peer } from 'peerjs';
import { type Accessor, createSignal } from 'solid-js';
import { parseCallMessage } from './call-messages.ts';

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
  /** Takes a patient out of the list (to admit them). */
  take(conn: DataConnection): Knock | undefined;
  close(): void;
}

export function createWaitingRoom(
  peer: Peer,
  roomCode: string,
  onRejoin: (knock: Knock) => boolean,
  now: () => number = Date.now,
): WaitingRoom {
  const [waiting, setWaiting] = createSignal<readonly Knock[]>([]);
  const remove = (conn: DataConnection) => setWaiting((list) => list.filter((k) => k.conn !== conn));

  // The signaling socket dropped (server restart, network): the room registers again with its token.
  peer.on('disconnected', () => {
    setTimeout(() => {
      if (!peer.destroyed && peer.disconnected) peer.reconnect();
    }, 2_000);
  });
  peer.on('error', () => {});

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
