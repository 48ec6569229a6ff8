/**
 * The server's VAPID key pair (RFC 8292): an ECDSA P-256 key that signs every push request, so a
 * push service can tell the pushes of this server from anyone else's. It is derived from the server
 * key (auth/server-secret.ts) rather than stored: every instance sharing `SERVER_SECRET` signs with
 * the same key, which the browsers' subscriptions are bound to (`applicationServerKey`).
 *
 * P-256 is not in libsodium; Node's crypto (OpenSSL) holds the key here, and web-push signs with it.
 * Nothing here decrypts anything the server stores.
 */
import { createECDH, createHmac } from 'node:crypto';

export interface VapidKeys {
  /** Uncompressed point (65 bytes), base64url: what browsers take as `applicationServerKey`. */
  readonly publicKey: string;
  /** The private scalar (32 bytes), base64url. */
  readonly privateKey: string;
}

export function deriveVapidKeys(serverKey: Uint8Array): VapidKeys {
  // A 32-byte string is a valid P-256 scalar unless it is 0 or ≥ n (odds about 2^-32): try the next.
  for (let counter = 0; counter < 16; counter++) {
    const scalar = createHmac('sha256', serverKey).update(`carnet-vapid-v1:${counter}`).digest();
    const ecdh = createECDH('prime256v1');
    try {
      ecdh.setPrivateKey(scalar);
    } catch {
      continue;
    }
    return {
      publicKey: ecdh.getPublicKey().toString('base64url'),
      privateKey: scalar.toString('base64url'),
    };
  }
  throw new Error('no VAPID key could be derived from the server key');
}
