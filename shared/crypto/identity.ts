/**
 * A user's long-term identity: an X25519 key pair (receiving sealed data) and an Ed25519 key pair
 * (signing what they write). Public halves are published; secret halves exist at rest only
 * wrapped by the vault key.
 */
import { fromBase64, toBase64 } from './encoding.ts';
import { unwrapSecret, type WrappedSecret, wrapSecret } from './key-wrap.ts';
import { sodium } from './sodium.ts';
import type { SymmetricKey } from './symmetric-key.ts';

export interface KeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export interface Identity {
  readonly box: KeyPair;
  readonly sign: KeyPair;
}

/** What is stored and synced: public halves in clear, secret halves wrapped by the vault key. */
export interface WrappedIdentity {
  readonly boxPublicKey: string;
  readonly signPublicKey: string;
  readonly boxSecretKey: WrappedSecret;
  readonly signSecretKey: WrappedSecret;
}

export function generateIdentity(): Identity {
  const s = sodium();
  const box = s.crypto_box_keypair();
  const sign = s.crypto_sign_keypair();
  return {
    box: { publicKey: box.publicKey, secretKey: box.privateKey },
    sign: { publicKey: sign.publicKey, secretKey: sign.privateKey },
  };
}

export function wrapIdentity(identity: Identity, vaultKey: SymmetricKey): WrappedIdentity {
  const boxPublicKey = toBase64(identity.box.publicKey);
  const signPublicKey = toBase64(identity.sign.publicKey);
  return {
    boxPublicKey,
    signPublicKey,
    // The label names the public half, so a wrapped secret cannot be paired with another public key.
    boxSecretKey: wrapSecret(identity.box.secretKey, vaultKey, `identity-box:${boxPublicKey}`),
    signSecretKey: wrapSecret(identity.sign.secretKey, vaultKey, `identity-sign:${signPublicKey}`),
  };
}

export function unwrapIdentity(wrapped: WrappedIdentity, vaultKey: SymmetricKey): Identity {
  return {
    box: {
      publicKey: fromBase64(wrapped.boxPublicKey, 'boxPublicKey'),
      secretKey: unwrapSecret(wrapped.boxSecretKey, vaultKey, `identity-box:${wrapped.boxPublicKey}`),
    },
    sign: {
      publicKey: fromBase64(wrapped.signPublicKey, 'signPublicKey'),
      secretKey: unwrapSecret(wrapped.signSecretKey, vaultKey, `identity-sign:${wrapped.signPublicKey}`),
    },
  };
}
