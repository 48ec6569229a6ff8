/**
 * While the vault is unlocked and sync is on, keeps the patient's active shares in step:
 * - re-encrypts and uploads a share's snapshot (next version) when its shared sections changed;
 * - fetches pending practitioner entries, opens them with the identity key, verifies the signature
 *   and imports each as a read-only record (the server copy is then deleted).
 * Runs on each change of the records and every few seconds; one pass at a time.
 */

import { fromBase64, toBase64, utf8 } from '../../../../shared/crypto/encoding.ts';
import { openEntry } from '../../../../shared/crypto/share-entry.ts';
import { sealSnapshot } from '../../../../shared/crypto/share-key.ts';
import { sodium } from '../../../../shared/crypto/sodium.ts';
import type { AppStore } from '../../app/app-store.ts';
import { verifiedPayload } from './entry-payload.ts';
import { ShareApi, ShareError } from './share-api.ts';
import { openShares, type ShareSecret, sealShares } from './shares-state.ts';
import { buildSnapshot } from './snapshot.ts';

export function snapshotFor(app: AppStore, secret: Pick<ShareSecret, 'profileId' | 'mode' | 'sections'>) {
  const session = app.session();
  const profile = app.profiles().find((p) => p.id === secret.profileId);
  if (!session || !profile) return null;
  return buildSnapshot({
    profileId: profile.id,
    profile: profile.profile,
    patientBoxPk: toBase64(session.identity.box.publicKey),
    mode: secret.mode,
    sections: secret.sections,
    records: app.records(),
  });
}

export function digestOf(value: unknown): string {
  return toBase64(sodium().crypto_generichash(16, utf8(JSON.stringify(value)), null));
}

export async function loadSecrets(app: AppStore): Promise<ShareSecret[]> {
  const session = app.session();
  if (!session) return [];
  return openShares(await app.readSharesState(), session.vaultKey);
}

export async function saveSecrets(app: AppStore, secrets: readonly ShareSecret[]): Promise<void> {
  const session = app.session();
  if (session) await app.writeSharesState(sealShares(secrets, session.vaultKey));
}

let chain: Promise<unknown> = Promise.resolve();

/** Every read-modify-write of the share secrets goes through here, one at a time. */
export function withSecrets<T>(app: AppStore, work: (secrets: ShareSecret[]) => Promise<T>): Promise<T> {
  const next = chain.then(async () => work(await loadSecrets(app)));
  chain = next.catch(() => undefined);
  return next;
}

/** One pass; returns how many entries were imported. Errors are left to the caller. */
export function runShareAgent(app: AppStore, now: number): Promise<number> {
  return withSecrets(app, (secrets) => pass(app, secrets, now));
}

async function pass(app: AppStore, secrets: ShareSecret[], now: number): Promise<number> {
  const session = app.session();
  const token = app.syncToken();
  // No share made on this device: nothing to upload, no entry to fetch, no request at all.
  if (!session || !token || secrets.length === 0) return 0;
  const api = new ShareApi(app.serverUrl, token);
  // The server's view: skip shares no longer active, and never reuse a version it already has.
  const onServer = new Map((await api.listShares()).shares.map((share) => [share.id, share]));
  let changed = false;
  let imported = 0;
  let offline: unknown = null;
  for (const secret of secrets) {
    const server = onServer.get(secret.id);
    if (secret.expiresAt <= now || server?.state !== 'active') continue;
    if (server.version > secret.version) Object.assign(secret, { version: server.version, digest: '' });
    // One share failing (a refused upload, say) must not hold up the others.
    try {
      if (await uploadIfChanged(app, api, secret)) changed = true;
      if (secret.mode !== 'read-add') continue;
      const { entries } = await api.pendingEntries(secret.id);
      for (const pending of entries) {
        if (await importEntry(app, secret, pending.sealed)) imported += 1;
        await api.ackEntry(secret.id, pending.id);
      }
    } catch (error) {
      if (error instanceof ShareError && error.reason === 'offline') {
        offline = error;
        break;
      }
    }
  }
  // Saved even when the connection dropped midway: uploaded versions must not be reused.
  if (changed) await saveSecrets(app, secrets);
  if (offline) throw offline;
  return imported;
}

/** Re-encrypts and uploads the snapshot when the shared sections changed; true when it did. */
async function uploadIfChanged(app: AppStore, api: ShareApi, secret: ShareSecret): Promise<boolean> {
  const snapshot = snapshotFor(app, secret);
  if (!snapshot) return false;
  const digest = digestOf(snapshot);
  if (digest === secret.digest) return false;
  const version = secret.version + 1;
  const sealed = sealSnapshot(fromBase64(secret.key), secret.id, version, snapshot);
  await api.putSnapshot(secret.id, { version, ...sealed });
  Object.assign(secret, { version, digest });
  return true;
}

/**
 * Opens, verifies and imports one sealed entry of this share; false (nothing stored) when it does
 * not open, is not validly signed, or names another share or profile.
 */
export async function importEntry(
  app: AppStore,
  share: Pick<ShareSecret, 'id' | 'profileId'>,
  sealed: string,
): Promise<boolean> {
  const session = app.session();
  if (!session) return false;
  let signed: ReturnType<typeof openEntry>;
  let payload: ReturnType<typeof verifiedPayload>;
  try {
    signed = openEntry(sealed, session.identity.box.publicKey, session.identity.box.secretKey);
    payload = verifiedPayload(signed);
  } catch {
    return false;
  }
  if (!payload || payload.shareId !== share.id || payload.profileId !== share.profileId) return false;
  await app.importPractitionerEntry(share.profileId, { ...payload.entry, signature: signed }, payload.id);
  return true;
}
