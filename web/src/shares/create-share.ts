/**
 * Creating a share on the patient's device: a fresh share key and id, the snapshot of the chosen
 * sections encrypted with the key's content key, the access token (with the passcode mixed in), and
 * optionally a typed code wrapping the key (Argon2id, shared/crypto/share-code.ts). Only tokens,
 * hashes' inputs and ciphertext go to the server; the key stays in the link and in this device's
 * sealed share secrets.
 */
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import {
  codeProof,
  deriveCodeKey,
  generateShareCode,
  wrapShareKeyWithCode,
} from '../../../shared/crypto/share-code.ts';
import {
  generateShareId,
  generateShareKey,
  sealSnapshot,
  shareAccessToken,
  shareLink,
} from '../../../shared/crypto/share-key.ts';
import {
  type CreateShareRequest,
  SHARE_EXPIRIES,
  type ShareExpiry,
  type ShareMode,
  type ShareSection,
} from '../../../shared/protocol/shares.ts';
import { digestOf, type SharingContext, saveSecrets, snapshotFor, withSecrets } from './share-agent.ts';
import { type EncryptedFile, encryptDocument, uploadFile } from './share-files.ts';
import { requireServer, ShareProblem } from './share-problem.ts';
import { type ShareSecret, sealOwnerSecret } from './shares-state.ts';

export interface NewShareOptions {
  readonly profileId: string;
  readonly sections: readonly ShareSection[];
  readonly mode: ShareMode;
  readonly expiry: ShareExpiry;
  readonly passcode: string;
  readonly typedCode: boolean;
  /** Closed by its first opening (read-only; issue 19 item 5). */
  readonly singleUse?: boolean;
  /** Documents of the profile (record ids) the share carries, re-encrypted under its key. */
  readonly documents?: readonly string[];
}

/**
 * Creates the share; the server's refusals are thrown as they are (`share-limit` with its limit,
 * a 429 with `Retry-After`). The lookup id of a typed code is the server's to keep unique: a
 * collision is retried there, so a 409 here is never "draw another code".
 */
export async function createShare(
  ctx: SharingContext,
  options: NewShareOptions,
  now: number,
): Promise<ShareSecret> {
  const api = requireServer(ctx.deps).shares;
  const key = generateShareKey();
  const id = generateShareId();
  const encrypted = await encryptDocuments(ctx, options, key, id);
  const files = encrypted.map((e) => e.file);
  const snapshot = snapshotFor(ctx, { ...options, sections: [...options.sections], files });
  if (!snapshot) throw new ShareProblem('not-found');
  const code = options.typedCode ? generateShareCode() : null;
  const codeKey = code ? deriveCodeKey(code) : null;
  const secret: ShareSecret = {
    id,
    profileId: options.profileId,
    key: toBase64(key),
    passcode: options.passcode,
    code: code?.code ?? null,
    mode: options.mode,
    sections: [...options.sections],
    // The patient's choice, sealed in the owner secret: the server may end the share sooner, never later.
    expiresAt: now + SHARE_EXPIRIES[options.expiry],
    version: 1,
    digest: digestOf(snapshot),
    ...(files.length > 0 ? { files } : {}),
  };
  const request: CreateShareRequest = {
    id,
    mode: options.mode,
    sections: [...options.sections],
    expiry: options.expiry,
    accessToken: shareAccessToken(key, options.passcode),
    hasPasscode: options.passcode !== '',
    ...(code && codeKey
      ? {
          code: {
            lookupId: code.lookupId,
            proof: codeProof(codeKey),
            wrappedKey: wrapShareKeyWithCode(key, codeKey, code.lookupId),
          },
        }
      : {}),
    snapshot: { version: 1, ...sealSnapshot(key, id, 1, snapshot) },
    ownerSecret: sealOwnerSecret(secret, ctx.deps.keys.vaultKey),
    ...(options.singleUse ? { singleUse: true } : {}),
  };
  const created = await api.createShare(request);
  secret.expiresAt = Math.min(secret.expiresAt, created.expiresAt);
  try {
    for (const file of encrypted) await uploadFile(api, id, { ref: file.file, chunks: file.chunks });
  } catch (error) {
    // A share missing some of its documents would show the practitioner errors: ended at once.
    await api.revoke(id).catch(() => undefined);
    throw error;
  }
  await withSecrets(ctx, async (secrets) => {
    await saveSecrets(ctx, [...secrets, secret]);
  });
  return secret;
}

/** Reads each chosen document of the profile and re-encrypts it under the share key. */
async function encryptDocuments(
  ctx: SharingContext,
  options: NewShareOptions,
  key: Uint8Array,
  shareId: string,
): Promise<EncryptedFile[]> {
  const out: EncryptedFile[] = [];
  for (const recordId of options.documents ?? []) {
    const entry = ctx.deps.records
      .records()
      .find((r) => r.id === recordId && r.profileId === options.profileId);
    if (entry?.record?.kind !== 'document') throw new ShareProblem('not-found');
    const doc = entry.record;
    const bytes = await ctx.deps.records.readDocument(recordId);
    out.push(
      encryptDocument(key, shareId, {
        bytes,
        name: doc.fileName,
        mediaType: doc.mediaType,
        title: doc.title,
        date: doc.date,
      }),
    );
  }
  return out;
}

export function linkOf(baseUrl: string, secret: Pick<ShareSecret, 'id' | 'key' | 'passcode'>): string {
  return shareLink(baseUrl, secret.id, fromBase64(secret.key), secret.passcode !== '');
}

/**
 * Revokes on this device first, for good (no upload, no take-over, whatever the server says from
 * now on), then on the server. A read + add share keeps its key: entries written just before the
 * revocation are still fetched and checked (share-agent.ts) before it is marked drained.
 */
export async function revokeShare(ctx: SharingContext, id: string): Promise<void> {
  const api = requireServer(ctx.deps).shares;
  await withSecrets(ctx, async (secrets) => {
    const secret = secrets.find((s) => s.id === id);
    if (!secret || secret.revoked) return;
    Object.assign(
      secret,
      { revoked: true },
      secret.mode === 'read' ? { drained: true, key: '', passcode: '' } : {},
    );
    await saveSecrets(ctx, secrets);
  });
  await api.revoke(id);
}
