/**
 * Sealing the parts of a second-opinion request (shared/protocol/opinions.ts): the content is signed
 * by its author's Ed25519 key, then sealed to one recipient's X25519 key, exactly as a practitioner
 * entry is (share-entry.ts). Opening checks the signature and that the signer is the author the
 * reader expected (the requester's or the accepting doctor's published key): a server that swaps a
 * sealed copy for one made by another account gets `bad-signature`, never a misattributed content.
 */

import { constantTimeEqual } from './bytes.ts';
import { fromBase64, fromUtf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { openEntry, type SignedEntry, sealEntry, signEntry } from './share-entry.ts';

export interface OpinionAuthorKeys {
  readonly signPublicKey: Uint8Array;
  readonly signSecretKey: Uint8Array;
}

export function sealOpinionPart(
  content: unknown,
  author: OpinionAuthorKeys,
  recipientBoxPk: Uint8Array,
): string {
  return sealEntry(signEntry(content, author.signSecretKey, author.signPublicKey), recipientBoxPk);
}

export interface OpenedOpinionPart {
  readonly content: unknown;
  /** Kept so the report can be stored with its signature (practitioner-entry `signature`). */
  readonly signed: SignedEntry;
}

/** Throws `tampered` when it does not open, `bad-signature` when not signed by `authorSignPk`. */
export function openOpinionPart(
  sealed: string,
  reader: { readonly boxPublicKey: Uint8Array; readonly boxSecretKey: Uint8Array },
  authorSignPk: Uint8Array,
): OpenedOpinionPart {
  const signed = openEntry(sealed, reader.boxPublicKey, reader.boxSecretKey);
  if (!constantTimeEqual(fromBase64(signed.signPk, 'signPk'), authorSignPk)) {
    throw new CryptoError('bad-signature', 'signed by another key than the expected author');
  }
  return { content: JSON.parse(fromUtf8(fromBase64(signed.payload, 'payload'))), signed };
}
