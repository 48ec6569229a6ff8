/**
 * While the vault is unlocked and sync is on, keeps the patient's shares in step (their keys live in
 * this device's vault state; shares made on another device of the patient are taken over from their
 * vault-key-sealed copy on the server, shares-state.ts):
 * - re-encrypts and uploads an ACTIVE share's snapshot (next version) when its shared sections changed;
 *   "active" is this device's own judgement (docs/architecture.md §8.4): not revoked as far as it
 *   knows and before the expiry sealed in the owner secret. The server can end a share (revoked,
 *   expired, a 410 on upload: remembered for good), never bring one back or extend it;
 * - for EVERY read + add share, whatever its state (entries written just before a revocation or the
 *   expiry must not be lost), fetches pending practitioner entries and imports the good ones
 *   (entry-import.ts); only then is the server copy deleted. An entry that fails a check is left on
 *   the server and counted (entry-refusals.ts) so the patient sees it, never silently dropped.
 * A share no longer active can receive nothing more: once its entries are all in, it is marked
 * `drained` and not asked again.
 */

import { fromBase64, toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { blake2b } from '../../../shared/crypto/hash.ts';
import { sealSnapshot } from '../../../shared/crypto/share-key.ts';
import type { ShareSummary } from '../../../shared/protocol/shares.ts';
import { isServerError } from '../server/server-error.ts';
import type { SharesApi } from '../server/shares.ts';
import { importEntry } from './entry-import.ts';
import type { Refusals } from './entry-refusals.ts';
import { openOwnerSecret, openShares, type ShareSecret, sealShares } from './shares-state.ts';
import type { SharingDeps } from './sharing-deps.ts';
import { buildSnapshot } from './snapshot.ts';

/** The service's state for one unlocked session (sharing.ts): dropped with it on lock. */
export interface SharingContext {
  readonly deps: SharingDeps;
  readonly refusals: Refusals;
  /** Every read-modify-write of the share secrets is chained here, one at a time. */
  queue: Promise<unknown>;
  lastEmptyLook: number;
}

const EMPTY_LOOK_MS = 60_000;

export function snapshotFor(
  ctx: SharingContext,
  secret: Pick<ShareSecret, 'profileId' | 'mode' | 'sections' | 'files'>,
) {
  const profile = ctx.deps.records.profiles().find((p) => p.id === secret.profileId);
  if (!profile) return null;
  return buildSnapshot({
    profileId: profile.id,
    profile: profile.profile,
    patientBoxPk: toBase64(ctx.deps.keys.identity.box.publicKey),
    mode: secret.mode,
    sections: secret.sections,
    records: ctx.deps.records.records(),
    ...(secret.files ? { files: secret.files } : {}),
  });
}

export function digestOf(value: unknown): string {
  return toBase64(blake2b(utf8(JSON.stringify(value)), 16));
}

export async function loadSecrets(ctx: SharingContext): Promise<ShareSecret[]> {
  return openShares(await ctx.deps.storage.read(), ctx.deps.keys.vaultKey);
}

export async function saveSecrets(ctx: SharingContext, secrets: readonly ShareSecret[]): Promise<void> {
  await ctx.deps.storage.write(sealShares(secrets, ctx.deps.keys.vaultKey));
}

export function withSecrets<T>(
  ctx: SharingContext,
  work: (secrets: ShareSecret[]) => Promise<T>,
): Promise<T> {
  const next = ctx.queue.then(async () => work(await loadSecrets(ctx)));
  ctx.queue = next.catch(() => undefined);
  return next;
}

/** Whether this device may upload for the share: its own knowledge only, never the server's word. */
export function liveOnDevice(secret: ShareSecret, now: number): boolean {
  return !secret.revoked && secret.expiresAt > now;
}

/**
 * What the server's listing may teach: that a share ended (revoked, or an earlier expiry). Never
 * the other way. True when the secret changed.
 */
function learnEnd(secret: ShareSecret, server: ShareSummary, now: number): boolean {
  if (server.state === 'revoked' && !secret.revoked) {
    Object.assign(secret, { revoked: true });
    return true;
  }
  const ended = server.state === 'expired' ? Math.min(server.expiresAt, now) : server.expiresAt;
  if (ended < secret.expiresAt) {
    Object.assign(secret, { expiresAt: ended });
    return true;
  }
  return false;
}

/** One pass; returns how many entries were imported. Errors are left to the caller. */
export function runShareAgent(ctx: SharingContext, now: number): Promise<number> {
  return withSecrets(ctx, (secrets) => pass(ctx, secrets, now));
}

async function pass(ctx: SharingContext, secrets: ShareSecret[], now: number): Promise<number> {
  const api = ctx.deps.server()?.shares;
  if (!api) return 0;
  // No share on this device: only a look, once a minute, for shares made on the patient's other devices.
  if (secrets.length === 0) {
    if (now - ctx.lastEmptyLook < EMPTY_LOOK_MS) return 0;
    ctx.lastEmptyLook = now;
  }
  const onServer = new Map((await api.listShares()).shares.map((share) => [share.id, share]));
  let changed = false;
  // Shares made on another device of this patient: taken over from their vault-key-sealed copy
  // (one live by its sealed expiry, or a read + add one whose entries may still wait: taken over as
  // ended if the server says so). A share this device knows (revoked ones included, kept as such) is
  // never taken over again, whatever the server says.
  const known = new Set(secrets.map((s) => s.id));
  for (const share of onServer.values()) {
    if (known.has(share.id) || !share.ownerSecret) continue;
    const taken = openOwnerSecret({ ...share, ownerSecret: share.ownerSecret }, ctx.deps.keys.vaultKey);
    if (taken && (liveOnDevice(taken, now) || taken.mode === 'read-add')) {
      secrets.push(taken);
      changed = true;
    }
  }
  let imported = 0;
  let offline: unknown = null;
  for (const secret of secrets) {
    const server = onServer.get(secret.id);
    if (!server || secret.drained) continue;
    if (learnEnd(secret, server, now)) changed = true;
    // One share failing (a refused upload, say) must not hold up the others.
    try {
      if (liveOnDevice(secret, now) && server.state === 'active') {
        // Never reuse a version the server already has.
        if (server.version > secret.version) Object.assign(secret, { version: server.version, digest: '' });
        if (await uploadIfChanged(ctx, api, secret, now)) changed = true;
      }
      if (secret.mode !== 'read-add') {
        if (!liveOnDevice(secret, now)) {
          Object.assign(secret, { drained: true });
          changed = true;
        }
        continue;
      }
      const { entries } = await api.pendingEntries(secret.id);
      const refused: string[] = [];
      for (const pending of entries) {
        if (await importEntry(ctx.deps, secret, pending)) {
          imported += 1;
          await api.ackEntry(secret.id, pending.id);
        } else {
          refused.push(pending.author.name);
        }
      }
      ctx.refusals.set(secret.id, refused);
      // Ended before the fetch (here or on the server): nothing can arrive after it.
      if ((server.state !== 'active' || !liveOnDevice(secret, now)) && refused.length === 0) {
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
  if (changed) await saveSecrets(ctx, secrets);
  if (offline) throw offline;
  return imported;
}

/**
 * Re-encrypts and uploads the snapshot when the shared sections changed; true when the secret
 * changed. A 410 (revoked or expired on the server) ends the share on this device too.
 */
async function uploadIfChanged(
  ctx: SharingContext,
  api: SharesApi,
  secret: ShareSecret,
  now: number,
): Promise<boolean> {
  const snapshot = snapshotFor(ctx, secret);
  if (!snapshot) return false;
  const digest = digestOf(snapshot);
  if (digest === secret.digest) return false;
  const version = secret.version + 1;
  const sealed = sealSnapshot(fromBase64(secret.key), secret.id, version, snapshot);
  try {
    await api.putSnapshot(secret.id, { version, ...sealed });
  } catch (error) {
    const ended = ['share-revoked', 'share-used', 'share-expired'];
    if (!isServerError(error) || !ended.includes(error.reason)) throw error;
    Object.assign(secret, error.reason === 'share-expired' ? { expiresAt: now } : { revoked: true });
    return true;
  }
  Object.assign(secret, { version, digest });
  return true;
}
