/**
 * Signaling between instances through PostgreSQL (docs/architecture.md §10.1), so a practitioner's
 * waiting room on one instance and a patient's socket on another still reach each other.
 *
 * - Peer ids: `signaling_peers` says which instance holds each id, on a lease the instance renews
 *   every LEASE_REFRESH_MS; a lease older than LEASE_MS (its instance died) may be taken over. A
 *   claim is refused while another live instance holds the id (the 409 of one instance, for all).
 * - Messages for a peer on another instance: one statement looks the holder up, stores the message
 *   in `signaling_messages` and calls `pg_notify` (sent at commit, so the row is visible by then);
 *   the holder takes (deletes) its rows in id order. Through a table, not the NOTIFY payload, since
 *   an SDP may exceed NOTIFY's 8,000 bytes. Each socket's sends are chained by the caller, so one
 *   peer's messages arrive in the order it sent them.
 * - Call tokens: used once on any instance (`signaling_used_tokens`, kept until they expire), so a
 *   token read from a URL cannot be replayed on another instance.
 * - Account changes (logout, keyring change…): announced to the other instances, which close the
 *   sockets of sessions that ended.
 *
 * Only what PeerServer relays anyway goes through here (type, src, dst, payload: SDP and ICE
 * candidates, never media). A listening connection that drops reconnects and takes what waited.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const SIGNALING_CHANNEL = 'carnet_signaling';
/** A peer id held by an instance that has not renewed it for this long may be claimed elsewhere. */
export const LEASE_MS = 90_000;
const LEASE_REFRESH_MS = 30_000;
/** Messages nobody took (their instance died) are deleted after this long. */
const MESSAGE_TTL_MS = 60_000;

export interface RelayedMessage {
  readonly type: string;
  readonly src: string;
  readonly dst: string;
  readonly payload?: unknown;
}

export interface SignalingRelay {
  /** This instance's random id. */
  readonly instance: string;
  /** Takes the peer id for this instance; false while another live instance holds it. */
  claim(peerId: string): Promise<Claim | null>;
  /** Marks a call token used on every instance; false when one already took it (a replay). */
  consumeToken(tag: string, expiresAt: number): Promise<boolean>;
  /** Stores the message for the instance holding `dst`; false when no instance holds it. */
  send(message: RelayedMessage): Promise<boolean>;
  /** Messages sent from other instances to peers of this one. */
  onMessage(listener: (message: RelayedMessage) => void): void;
  announceAccountChanged(accountId: string): void;
  /** Account changes announced by other instances. */
  onAccountChanged(listener: (accountId: string) => void): void;
  close(): Promise<void>;
}

export interface Claim {
  /** Gives the id back (its socket closed); never undoes a later claim of the same id. */
  release(): void;
}

function parseMessage(body: string): RelayedMessage | null {
  try {
    const { type, src, dst, payload } = JSON.parse(body) as Record<string, unknown>;
    if (typeof type !== 'string' || typeof src !== 'string' || typeof dst !== 'string') return null;
    return { type, src, dst, payload };
  } catch {
    return null;
  }
}

export async function openPostgresRelay(connectionString: string, now = Date.now): Promise<SignalingRelay> {
  const instance = randomBytes(12).toString('base64url');
  const pool = new pg.Pool({ connectionString, max: 4 });
  pool.on('error', () => {});
  const messageListeners = new Set<(message: RelayedMessage) => void>();
  const accountListeners = new Set<(accountId: string) => void>();
  let closed = false;
  let listener: pg.Client | null = null;
  let retryMs = 100;

  // One drain at a time, again while notifications came in meanwhile: rows leave in id order.
  let draining = false;
  let drainAgain = false;
  async function drain(): Promise<void> {
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    try {
      do {
        drainAgain = false;
        const { rows } = await pool.query<{ body: string }>(
          `WITH taken AS (DELETE FROM signaling_messages WHERE instance = $1 RETURNING id, body)
           SELECT body FROM taken ORDER BY id`,
          [instance],
        );
        for (const row of rows) {
          const message = parseMessage(row.body);
          if (message) for (const deliver of messageListeners) deliver(message);
        }
      } while (drainAgain && !closed);
    } catch {
      // The next notification (or the next reconnect) drains again.
    } finally {
      draining = false;
    }
  }

  function onNotification(payload: string | undefined): void {
    const text = payload ?? '';
    if (text === `m:${instance}`) void drain();
    else if (text.startsWith('a:')) {
      const rest = text.slice(2);
      const from = rest.slice(0, rest.indexOf(':'));
      const accountId = rest.slice(from.length + 1);
      if (from !== instance && accountId) for (const listen of accountListeners) listen(accountId);
    }
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => onNotification(message.payload));
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${SIGNALING_CHANNEL}`);
    listener = next;
    retryMs = 100;
  }

  function reconnect(broken: pg.Client): void {
    if (closed || listener !== broken) return;
    listener = null;
    broken.end().catch(() => {});
    const attempt = (): void => {
      if (closed) return;
      connect().then(drain, () => {
        retryMs = Math.min(retryMs * 2, 5_000);
        setTimeout(attempt, retryMs).unref();
      });
    };
    setTimeout(attempt, retryMs).unref();
  }

  await connect();
  const renew = setInterval(() => {
    const at = now();
    pool
      .query('UPDATE signaling_peers SET seen_at = $2 WHERE instance = $1', [instance, at])
      .then(() => pool.query('DELETE FROM signaling_messages WHERE created_at < $1', [at - MESSAGE_TTL_MS]))
      .then(() => pool.query('DELETE FROM signaling_used_tokens WHERE expires_at < $1', [at]))
      .catch(() => {});
  }, LEASE_REFRESH_MS);
  renew.unref();

  return {
    instance,
    async claim(peerId) {
      const claim = randomBytes(12).toString('base64url');
      const at = now();
      // This instance checked that it holds no socket for the id, so its own row is stale too.
      const { rowCount } = await pool.query(
        `INSERT INTO signaling_peers (peer_id, instance, claim, seen_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (peer_id) DO UPDATE SET instance = EXCLUDED.instance, claim = EXCLUDED.claim,
           seen_at = EXCLUDED.seen_at
         WHERE signaling_peers.instance = EXCLUDED.instance OR signaling_peers.seen_at < $5`,
        [peerId, instance, claim, at, at - LEASE_MS],
      );
      if (rowCount !== 1) return null;
      return {
        release() {
          pool
            .query('DELETE FROM signaling_peers WHERE peer_id = $1 AND claim = $2', [peerId, claim])
            .catch(() => {});
        },
      };
    },
    async consumeToken(tag, expiresAt) {
      const { rowCount } = await pool.query(
        'INSERT INTO signaling_used_tokens (tag, expires_at) VALUES ($1, $2) ON CONFLICT (tag) DO NOTHING',
        [tag, expiresAt],
      );
      return rowCount === 1;
    },
    async send(message) {
      const body = JSON.stringify({
        type: message.type,
        src: message.src,
        dst: message.dst,
        payload: message.payload,
      });
      const at = now();
      const { rowCount } = await pool.query(
        `WITH target AS (SELECT instance FROM signaling_peers WHERE peer_id = $1 AND seen_at >= $2),
              stored AS (INSERT INTO signaling_messages (instance, body, created_at)
                         SELECT instance, $3, $4 FROM target RETURNING instance)
         SELECT pg_notify('${SIGNALING_CHANNEL}', 'm:' || instance) FROM stored`,
        [message.dst, at - LEASE_MS, body, at],
      );
      return rowCount === 1;
    },
    onMessage(listen) {
      messageListeners.add(listen);
    },
    announceAccountChanged(accountId) {
      pool
        .query('SELECT pg_notify($1, $2)', [SIGNALING_CHANNEL, `a:${instance}:${accountId}`])
        .catch(() => {});
    },
    onAccountChanged(listen) {
      accountListeners.add(listen);
    },
    async close() {
      closed = true;
      clearInterval(renew);
      const current = listener;
      listener = null;
      await current?.end().catch(() => {});
      await pool.query('DELETE FROM signaling_peers WHERE instance = $1', [instance]).catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}
