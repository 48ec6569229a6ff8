/**
 * Creating a share on the patient's device: a fresh share key and id, the snapshot of the chosen
 * sections encrypted with the key's content key, the access token (with the passcode mixed in), and
 * optionally a typed code wrapping the key (Argon2id, shared/crypto/share-code.ts). Only tokens,
 * hashes' inputs and ciphertext go to the server; the key stays in the link and in this device's
 * sealed share secrets.
 */
import { fromBase64, toBase64 } from '../../../../shared/crypto/encoding.ts';
import {
  codeProof,
  deriveCodeKey,
  generateShareCode,
  wrapShareKeyWithCode,
} from '../../../../shared/crypto/share-code.ts';
import {
  generateShareId,
  generateShareKey,
  sealSnapshot,
  shareAccessToken,
  shareLink,
} from '../../../../shared/crypto/share-key.ts';
import type {
  CreateShareRequest,
  ShareExpiry,
  ShareMode,
  ShareSection,
} from '../../../../shared/protocol/shares.ts';
import { isServerError } from '../../server/server-error.ts';
import type { AppStore } from '../../store/app-store.ts';
import { digestOf, saveSecrets, snapshotFor, withSecrets } from './share-agent.ts';
import { requireServer, ShareProblem } from './share-problem.ts';
import { type ShareSecret, sealOwnerSecret } from './shares-state.ts';

export interface NewShareOptions {
  readonly profileId: string;
  readonly sections: readonly ShareSection[];
  readonly mode: ShareMode;
  readonly expiry: ShareExpiry;
  readonly passcode: string;
  readonly typedCode: boolean;
}

export async function createShare(app: AppStore, options: NewShareOptions): Promise<ShareSecret> {
  const api = requireServer(app).shares;
  const session = app.session();
  if (!session) throw new ShareProblem('failed', 'locked');
  const snapshot = snapshotFor(app, { ...options, sections: [...options.sections] });
  if (!snapshot) throw new ShareProblem('not-found');
  // A taken lookup id (one in 2^30 per stored share) is drawn again, a few times at most.
  for (let attempt = 0; ; attempt++) {
    const key = generateShareKey();
    const id = generateShareId();
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
      expiresAt: 0, // set from the server's answer below
      version: 1,
      digest: digestOf(snapshot),
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
      ownerSecret: sealOwnerSecret(secret, session.vaultKey),
    };
    try {
      const created = await api.createShare(request);
      secret.expiresAt = created.expiresAt;
      await withSecrets(app, async (secrets) => {
        await saveSecrets(app, [...secrets, secret]);
      });
      return secret;
    } catch (error) {
      // A taken lookup id answers 409.
      if (!isServerError(error, 'conflict') || attempt >= 3) throw error;
    }
  }
}

export function linkOf(app: AppStore, secret: Pick<ShareSecret, 'id' | 'key'>): string {
  return shareLink(app.server()?.baseUrl || location.origin, secret.id, fromBase64(secret.key));
}

export async function forgetShare(app: AppStore, id: string): Promise<void> {
  await withSecrets(app, async (secrets) => {
    const { saveSecrets } = await import('./share-agent.ts');
    await saveSecrets(
      app,
      secrets.filter((s) => s.id !== id),
    );
  });
}
