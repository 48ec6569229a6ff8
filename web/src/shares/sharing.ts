/**
 * Sharing as a service (docs/architecture.md §2.2, §8): made by the app store when the vault
 * unlocks, with narrow dependencies (sharing-deps.ts), and dropped on lock with all its state (the
 * secrets queue, refusals, the account's role, the snapshot versions a practitioner has seen).
 * Screens in features/shares call it; they hold no keys and no crypto.
 */

import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { signKeyFingerprint } from '../../../shared/crypto/share-entry.ts';
import { shareAccessToken } from '../../../shared/crypto/share-key.ts';
import type { PractitionerProfile } from '../../../shared/protocol/shares.ts';
import type { PractitionerEntry } from '../../../shared/schema/practitioner-entry.ts';
import { createShare, linkOf, type NewShareOptions, revokeShare } from './create-share.ts';
import { importEntry, type PendingEntry } from './entry-import.ts';
import { createRefusals } from './entry-refusals.ts';
import { type OpenedSnapshot, openShareSnapshot, redeemShareCode } from './open-share.ts';
import type { PendingShare } from './pending-share.ts';
import { createPractitionerRole, type PractitionerRole } from './practitioner-role.ts';
import { type EntryFile, sendEntry } from './send-entry.ts';
import { liveOnDevice, loadSecrets, runShareAgent, type SharingContext } from './share-agent.ts';
import { downloadFile, type SharedFile } from './share-files.ts';
import { requireServer } from './share-problem.ts';
import type { ShareSecret } from './shares-state.ts';
import type { SharingDeps } from './sharing-deps.ts';
import type { Snapshot } from './snapshot.ts';
import { SnapshotVersions } from './snapshot-versions.ts';

export interface Sharing {
  /** One agent pass (snapshot uploads, entry imports); the number of entries imported. */
  runAgent(now: number): Promise<number>;
  createShare(options: NewShareOptions, now: number): Promise<ShareSecret>;
  revoke(id: string): Promise<void>;
  secrets(): Promise<ShareSecret[]>;
  /** Whether this device still treats the share as live (its own knowledge, not the server's). */
  liveOnDevice(secret: ShareSecret, now: number): boolean;
  link(secret: Pick<ShareSecret, 'id' | 'key' | 'passcode'>): string;
  refusalsOf(shareId: string): readonly string[];
  readonly role: PractitionerRole;
  /** This device's signing key fingerprint: what patients compare on their screen. */
  ownFingerprint(): string;
  openShare(share: PendingShare, passcode: string, refresh: boolean): Promise<OpenedSnapshot>;
  redeemCode(code: string): Promise<PendingShare>;
  sendEntry(options: {
    shareId: string;
    shareKey: Uint8Array;
    passcode: string;
    snapshot: Snapshot;
    author: PractitionerProfile;
    entry: PractitionerEntry;
    file?: EntryFile;
  }): Promise<void>;
  /** A document the share carries, fetched with the access token and checked (`tampered` otherwise). */
  openFile(
    share: { shareId: string; shareKey: Uint8Array; passcode: string },
    file: SharedFile,
  ): Promise<Uint8Array>;
  /** Verifies and imports one pending entry (what the agent does for each); false when refused. */
  importEntry(share: Pick<ShareSecret, 'id' | 'profileId' | 'key'>, pending: PendingEntry): Promise<boolean>;
}

export function createSharing(deps: SharingDeps): Sharing {
  const ctx: SharingContext = {
    deps,
    refusals: createRefusals(),
    queue: Promise.resolve(),
    lastEmptyLook: Number.NEGATIVE_INFINITY,
  };
  const versions = new SnapshotVersions();
  const role = createPractitionerRole(deps.server);
  return {
    runAgent: (now) => runShareAgent(ctx, now),
    createShare: (options, now) => createShare(ctx, options, now),
    revoke: (id) => revokeShare(ctx, id),
    secrets: () => loadSecrets(ctx),
    liveOnDevice,
    link: (secret) => linkOf(deps.server()?.baseUrl || location.origin, secret),
    refusalsOf: (shareId) => ctx.refusals.of(shareId),
    role,
    ownFingerprint: () => signKeyFingerprint(toBase64(deps.keys.identity.sign.publicKey)) ?? '',
    openShare: (share, passcode, refresh) =>
      openShareSnapshot(requireServer(deps), versions, share, passcode, refresh),
    redeemCode: (code) => redeemShareCode(requireServer(deps), code),
    sendEntry: (options) =>
      sendEntry({ ...options, server: requireServer(deps), identity: deps.keys.identity }),
    importEntry: (share, pending) => importEntry(deps, share, pending),
    openFile: (share, file) =>
      downloadFile(
        requireServer(deps).shares,
        share.shareId,
        share.shareKey,
        file,
        shareAccessToken(share.shareKey, share.passcode),
      ),
  };
}
