/** The share-file methods of the Store contract (share-store.ts, `ShareFileStore`), run on SQLite and PostgreSQL. */
import { expect, it } from 'vitest';
import { NOW } from './documents.contract.ts';
import { newShare } from './shares.contract.ts';
import type { Store } from './store.ts';

const file = (shareId: string, id: string, uploaderId: string, chunkCount = 2) => ({
  shareId,
  id,
  uploaderId,
  chunkCount,
  createdAt: NOW,
});

export function shareFileContract(current: () => Store, newAccount: () => Promise<string>): void {
  it('declares files once, up to the limit (parallel declarations included), and writes each chunk once', async () => {
    const store = current();
    const owner = await newAccount();
    const share = newShare(owner);
    await store.createShare(share);
    expect(await store.createShareFile(file(share.id, 'doc-a', owner), 3)).toBe('created');
    expect(await store.createShareFile(file(share.id, 'doc-a', owner), 3)).toBe('id-taken');
    const parallel = await Promise.all(
      ['b', 'c', 'd', 'e'].map((name) => store.createShareFile(file(share.id, `doc-${name}`, owner), 3)),
    );
    expect(parallel.filter((o) => o === 'created')).toHaveLength(2);
    expect(parallel.filter((o) => o === 'full')).toHaveLength(2);
    expect((await store.listShareFiles(share.id)).map((f) => f.id)).toContain('doc-a');
    expect(await store.getShareFile(share.id, 'doc-a')).toMatchObject({ uploaderId: owner, chunkCount: 2 });
    expect(await store.getShareFile(share.id, 'nope')).toBeNull();

    expect(await store.putShareFileChunk(share.id, 'doc-a', 0, 'first')).toBe(true);
    expect(await store.putShareFileChunk(share.id, 'doc-a', 0, 'again')).toBe(false);
    expect(await store.getShareFileChunk(share.id, 'doc-a', 0)).toBe('first');
    expect(await store.getShareFileChunk(share.id, 'doc-a', 1)).toBeNull();
    expect(await store.deleteShareFile(share.id, 'doc-a')).toBe(true);
    expect(await store.deleteShareFile(share.id, 'doc-a')).toBe(false);
    expect(await store.getShareFileChunk(share.id, 'doc-a', 0)).toBeNull();
  });

  it("deletes the owner's files at revocation and at the purge, keeping practitioners' attachments", async () => {
    const store = current();
    const owner = await newAccount();
    const practitioner = await newAccount();
    const revoked = newShare(owner);
    const expiring = newShare(owner, { expiresAt: NOW + 10 });
    for (const share of [revoked, expiring]) {
      await store.createShare(share);
      await store.createShareFile(file(share.id, 'doc', owner, 1), 10);
      await store.putShareFileChunk(share.id, 'doc', 0, 'doc chunk');
      await store.createShareFile(file(share.id, 'report', practitioner, 1), 10);
      await store.putShareFileChunk(share.id, 'report', 0, 'report chunk');
    }
    expect(await store.revokeShare(revoked.id, practitioner, NOW + 1)).toBe(false);
    expect(await store.getShareFileChunk(revoked.id, 'doc', 0)).toBe('doc chunk');
    expect(await store.revokeShare(revoked.id, owner, NOW + 1)).toBe(true);
    expect(await store.getShareFile(revoked.id, 'doc')).toBeNull();
    expect(await store.getShareFileChunk(revoked.id, 'doc', 0)).toBeNull();
    expect(await store.getShareFileChunk(revoked.id, 'report', 0)).toBe('report chunk');

    expect(await store.getShareFileChunk(expiring.id, 'doc', 0)).toBe('doc chunk');
    await store.purgeEndedShares(NOW + 20);
    expect(await store.getShareFileChunk(expiring.id, 'doc', 0)).toBeNull();
    expect(await store.getShareFileChunk(expiring.id, 'report', 0)).toBe('report chunk');
  });

  it("removes a share's files with the owner's account, and an uploader's with theirs", async () => {
    const store = current();
    const owner = await newAccount();
    const practitioner = await newAccount();
    const share = newShare(owner);
    await store.createShare(share);
    await store.createShareFile(file(share.id, 'report', practitioner, 1), 10);
    await store.putShareFileChunk(share.id, 'report', 0, 'report chunk');
    await store.deleteAccount(practitioner);
    expect(await store.getShareFile(share.id, 'report')).toBeNull();
    await store.createShareFile(file(share.id, 'doc', owner, 1), 10);
    await store.putShareFileChunk(share.id, 'doc', 0, 'doc chunk');
    await store.deleteAccount(owner);
    expect(await store.getShareFileChunk(share.id, 'doc', 0)).toBeNull();
  });
}
