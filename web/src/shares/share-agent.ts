/**
 * While the vault is unlocked and sync is on, keeps the patient's shares in step (their keys live in
 * this device's vault state; shares made on another device of the patient are taken over from their
 * vault-key-sealed copy on the server, shares-state.ts):
 * - re-encrypts and uploads an ACTIVE share's snapshot (next version) when its shared sections changed;
 * - for EVERY read + add share, whatever its state (entries written just before a revocation or the
 *   expiry must not be lost), fetches pending practitioner entries, opens them with the identity
 *   key, checks them (signature, share tag, author as the server names them) and imports each as a
 *   read-only record; only then is the server copy deleted. An entry that fails a check is left on
 *   the server and counted (entry-refusals.ts) so the patient sees it, never silently dropped.
 * A share no longer active on the server can receive nothing more: once its entries are all in, it
 * is marked `drained` and not asked again.
 * Runs on each change of the records and every few seconds; one pass at a time.
 */

import { fromBase64, toBase64, utf8 } from '../../../../shared/crypto/encoding.ts';
import { blake2b } from '../../../../shared/crypto/hash.ts';
import { openEntry } from '../../../../shared/crypto/share-entry.ts';
import { sameEntryTag, sealSnapshot, shareEntryTag } from '../../../../shared/crypto/share-key.ts';
import type { PendingEntries } from '../../../../shared/protocol/shares.ts';
import { isServerError } from '../../server/server-error.ts';
import type { SharesApi } from '../../server/shares.ts';
import type { AppStore } from '../../store/app-store.ts';
import { verifiedPayload } from './entry-payload.ts';
import { setRefusals } from './entry-refusals.ts';
import { openOwnerSecret, openShares, type ShareSecret, sealShares } from './shares-state.ts';
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
  return toBase64(blake2b(utf8(JSON.stringify(value)), 16));
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
const EMPTY_LOOK_MS = 60_000;
let lastEmptyLook = Number.NEGATIVE_INFINITY;

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
  const api = app.server()?.shares;
  if (!session || !api) return 0;
  // No share on this device: only a look, once a minute, for shares made on the patient's other devices.
  if (secrets.length === 0) {
    if (now - lastEmptyLook < EMPTY_LOOK_MS) return 0;
    lastEmptyLook = now;
  }
  // The server's view: skip shares no longer active, and never reuse a version it already has.
  const onServer = new Map((await api.listShares()).shares.map((share) => [share.id, share]));
  let changed = false;
  // Shares made on another device of this patient: taken over from their vault-key-sealed copy
  // (an active share, or a read + add one whose entries may still wait).
  const known = new Set(secrets.map((s) => s.id));
  for (const share of onServer.values()) {
    if (known.has(share.id) || !share.ownerSecret) continue;
    if (share.state !== 'active' && share.mode !== 'read-add') continue;
    const taken = openOwnerSecret({ ...share, ownerSecret: share.ownerSecret }, session.vaultKey);
    if (taken) {
      secrets.push(taken);
      changed = true;
    }
  }
  let imported = 0;
  let offline: unknown = null;
  for (const secret of secrets) {
    const server = onServer.get(secret.id);
    if (!server || secret.drained) continue;
    // One share failing (a refused upload, say) must not hold up the others.
    try {
      const active = server.state === 'active' && secret.expiresAt > now;
      if (active) {
        // Never reuse a version the server already has.
        if (server.version > secret.version) Object.assign(secret, { version: server.version, digest: '' });
        if (await uploadIfChanged(app, api, secret)) changed = true;
      }
      if (secret.mode !== 'read-add') continue;
      const { entries } = await api.pendingEntries(secret.id);
      const refused: string[] = [];
      for (const pending of entries) {
        if (await importEntry(app, secret, pending)) {
          imported += 1;
          await api.ackEntry(secret.id, pending.id);
        } else {
          refused.push(pending.author.name);
        }
      }
      setRefusals(secret.id, refused);
      // Listed as ended before the fetch: nothing can arrive after it.
      if (server.state !== 'active' && refused.length === 0) {
        Object.assign(secret, { drained: true });
        changed = true;
      }
    } catch (error) {
      if (isServerError(error, 'offline') || isServerError(error, 'timeout')) {
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
async function uploadIfChanged(app: AppStore, api: SharesApi, secret: ShareSecret): Promise<boolean> {
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
 * Opens, verifies and imports one pending entry of this share; false (nothing stored) unless it opens,
 * is validly signed, names this share and profile, carries this share's tag (which only holders of
 * the share key can compute: not the server), and its signed author is the one the server names
 * (same published signing key, same profile name).
 */
export async function importEntry(
  app: AppStore,
  share: Pick<ShareSecret, 'id' | 'profileId' | 'key'>,
  pending: Pick<PendingEntries['entries'][number], 'sealed' | 'author'>,
): Promise<boolean> {
  const session = app.session();
  if (!session) return false;
  let signed: ReturnType<typeof openEntry>;
  let payload: ReturnType<typeof verifiedPayload>;
  try {
    signed = openEntry(pending.sealed, session.identity.box.publicKey, session.identity.box.secretKey);
    payload = verifiedPayload(signed);
  } catch {
    return false;
  }
  if (!payload || payload.shareId !== share.id || payload.profileId !== share.profileId) return false;
  const tag = shareEntryTag(fromBase64(share.key), share.id, payload.id, share.profileId);
  if (!sameEntryTag(payload.tag, tag)) return false;
  if (payload.author.signPk !== pending.author.signPk || payload.author.name !== pending.author.name) {
    return false;
  }
  await app.importPractitionerEntry(share.profileId, { ...payload.entry, signature: signed }, payload.id);
  return true;
}
