/** The share methods of the Store contract (share-store.ts), run on SQLite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { NOW } from './documents.contract.ts';
import type { NewShare } from './share-store.ts';
import type { Store } from './store.ts';

let counter = 0;
function shareId(): string {
  counter += 1;
  return `${randomUUID().replaceAll('-', '').slice(0, 18)}${String(counter).padStart(4, '0')}`;
}

export function newShare(ownerId: string, extra: Partial<NewShare> = {}): NewShare {
  return {
    id: shareId(),
    ownerId,
    mode: 'read-add',
    sections: ['allergy', 'medication'],
    createdAt: NOW,
    expiresAt: NOW + 3_600_000,
    tokenHash: `th-${randomUUID()}`,
    hasPasscode: false,
    lookupId: null,
    codeProofHash: null,
    wrappedKeyJson: null,
    ownerSecretJson: null,
    snapshot: { version: 1, nonce: 'n1', ciphertext: 'c1' },
    ...extra,
  };
}

export function shareContract(current: () => Store, newAccount: () => Promise<string>): void {
  it('spends a single-use share once, parallel calls included; other shares are never spent', async () => {
    const store = current();
    const owner = await newAccount();
    const once = newShare(owner, { mode: 'read', singleUse: true });
    const plain = newShare(owner);
    expect(await store.createShare(once)).toBe('created');
    expect(await store.createShare(plain)).toBe('created');
    expect(await store.getShare(once.id)).toMatchObject({ singleUse: true, usedAt: null, revokedAt: null });
    expect(await store.getShare(plain.id)).toMatchObject({ singleUse: false, usedAt: null });

    const spent = await Promise.all(Array.from({ length: 6 }, () => store.useShare(once.id, NOW + 5)));
    expect(spent.filter(Boolean)).toHaveLength(1);
    expect(await store.getShare(once.id)).toMatchObject({ usedAt: NOW + 5, revokedAt: NOW + 5 });
    expect(await store.useShare(once.id, NOW + 6)).toBe(false);
    expect(await store.useShare(plain.id, NOW + 6)).toBe(false);
    expect(await store.getShare(plain.id)).toMatchObject({ usedAt: null, revokedAt: null });

    // Revoked before anyone opened it: nothing left to spend.
    const revoked = newShare(owner, { mode: 'read', singleUse: true });
    await store.createShare(revoked);
    await store.revokeShare(revoked.id, owner, NOW + 1);
    expect(await store.useShare(revoked.id, NOW + 2)).toBe(false);
    expect(await store.getShare(revoked.id)).toMatchObject({ usedAt: null, revokedAt: NOW + 1 });
  });

  it('creates shares, refuses a taken id (not a lookup id in use), finds and lists them', async () => {
    const store = current();
    const owner = await newAccount();
    const lookupId = randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase();
    const share = newShare(owner, {
      lookupId,
      codeProofHash: 'ph',
      wrappedKeyJson: '{"w":1}',
      ownerSecretJson: '{"sealed":1}',
      hasPasscode: true,
    });
    expect(await store.createShare(share)).toBe('created');
    expect(await store.createShare({ ...share, lookupId: null })).toBe('id-taken');
    // A lookup id in use is not refused: creation must not confirm that it exists.
    const clash = newShare(owner, {
      lookupId,
      codeProofHash: 'other',
      wrappedKeyJson: '{"w":2}',
      createdAt: NOW + 1,
    });
    expect(await store.createShare(clash)).toBe('created');
    const found = await store.getShare(share.id);
    expect(found).toMatchObject({
      id: share.id,
      ownerId: owner,
      mode: 'read-add',
      sections: ['allergy', 'medication'],
      expiresAt: NOW + 3_600_000,
      hasPasscode: true,
      lookupId,
      codeProofHash: 'ph',
      wrappedKeyJson: '{"w":1}',
      ownerSecretJson: '{"sealed":1}',
      revokedAt: null,
      failedAttempts: 0,
      lockedAt: null,
      snapshotVersion: 1,
    });
    expect(found).toMatchObject({ codeFailedAttempts: 0, codeLockedAt: null });
    expect((await store.findSharesByLookup(lookupId)).map((s) => s.id)).toEqual([clash.id, share.id]);
    expect((await store.findSharesByLookup(lookupId))[1]).toEqual(found);
    expect(await store.findSharesByLookup('NOPE00')).toEqual([]);
    expect((await store.listShares(owner)).map((s) => s.id)).toEqual([clash.id, share.id]);
    expect(await store.getShare('nobody')).toBeNull();
  });

  it('replaces the snapshot only for the owner and a newer version', async () => {
    const store = current();
    const owner = await newAccount();
    const other = await newAccount();
    const share = newShare(owner);
    await store.createShare(share);
    expect(await store.putSnapshot(share.id, other, { version: 2, nonce: 'x', ciphertext: 'x' })).toBe(false);
    expect(await store.putSnapshot(share.id, owner, { version: 1, nonce: 'x', ciphertext: 'x' })).toBe(false);
    expect(await store.putSnapshot(share.id, owner, { version: 2, nonce: 'n2', ciphertext: 'c2' })).toBe(
      true,
    );
    expect(await store.getSnapshot(share.id)).toEqual({ version: 2, nonce: 'n2', ciphertext: 'c2' });
    expect((await store.getShare(share.id))?.snapshotVersion).toBe(2);
  });

  it('revokes for the owner only, keeps the first time, and locks after the failure limit', async () => {
    const store = current();
    const owner = await newAccount();
    const share = newShare(owner);
    await store.createShare(share);
    expect(await store.revokeShare(share.id, await newAccount(), NOW)).toBe(false);
    expect(await store.revokeShare(share.id, owner, NOW + 5)).toBe(true);
    expect(await store.revokeShare(share.id, owner, NOW + 9)).toBe(true);
    expect((await store.getShare(share.id))?.revokedAt).toBe(NOW + 5);
    const locking = newShare(owner);
    await store.createShare(locking);
    for (let i = 1; i <= 4; i++) {
      expect(await store.reserveShareAttempt(locking.id, NOW + i, 5)).toBe(true);
      expect(await store.getShare(locking.id)).toMatchObject({ failedAttempts: i, lockedAt: null });
    }
    // A correct proof gives its reservation back: the count does not move.
    expect(await store.reserveShareAttempt(locking.id, NOW + 5, 5)).toBe(true);
    await store.releaseShareAttempt(locking.id);
    expect(await store.getShare(locking.id)).toMatchObject({ failedAttempts: 4, lockedAt: null });
    expect(await store.reserveShareAttempt(locking.id, NOW + 6, 5)).toBe(true);
    expect(await store.getShare(locking.id)).toMatchObject({ failedAttempts: 5, lockedAt: NOW + 6 });
    expect(await store.reserveShareAttempt(locking.id, NOW + 7, 5)).toBe(false);
    expect(await store.getShare(locking.id)).toMatchObject({ failedAttempts: 5, lockedAt: NOW + 6 });
    expect(await store.reserveShareAttempt('nobody', NOW, 5)).toBe(false);
  });

  it('counts typed-code failures apart from link failures: the code locking leaves the link open', async () => {
    const store = current();
    const share = newShare(await newAccount(), {
      lookupId: 'CODE01',
      codeProofHash: 'ph',
      wrappedKeyJson: '{}',
    });
    await store.createShare(share);
    for (let i = 1; i <= 5; i++)
      expect(await store.reserveShareAttempt(share.id, NOW + i, 5, 'code')).toBe(true);
    expect(await store.reserveShareAttempt(share.id, NOW + 6, 5, 'code')).toBe(false);
    expect(await store.getShare(share.id)).toMatchObject({
      codeFailedAttempts: 5,
      codeLockedAt: NOW + 5,
      failedAttempts: 0,
      lockedAt: null,
    });
    expect(await store.reserveShareAttempt(share.id, NOW + 7, 5, 'link')).toBe(true);
    await store.releaseShareAttempt(share.id, 'link');
    expect(await store.reserveShareAttempt(share.id, NOW + 8, 5)).toBe(true);
    await store.releaseShareAttempt(share.id);
    expect(await store.getShare(share.id)).toMatchObject({
      failedAttempts: 0,
      lockedAt: null,
      codeFailedAttempts: 5,
    });
  });

  it('never lets parallel attempts past the limit', async () => {
    const store = current();
    const share = newShare(await newAccount());
    await store.createShare(share);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.reserveShareAttempt(share.id, NOW + i, 5)),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(5);
    expect((await store.getShare(share.id))?.failedAttempts).toBe(5);
    expect((await store.getShare(share.id))?.lockedAt).not.toBeNull();
  });

  it('keeps a log, pending entries, practitioner profiles and received shares', async () => {
    const store = current();
    const owner = await newAccount();
    const doctor = await newAccount();
    const share = newShare(owner);
    await store.createShare(share);
    await store.putPractitioner(doctor, '{"name":"Dr A"}', NOW);
    await store.putPractitioner(doctor, '{"name":"Dr B"}', NOW + 1);
    expect(await store.getPractitioner(doctor)).toBe('{"name":"Dr B"}');
    expect(await store.getPractitioner(owner)).toBeNull();
    const open = {
      shareId: share.id,
      actorId: doctor,
      actor: 'Dr B',
      profession: 'GP',
      sections: ['allergy'],
    };
    await store.addShareLog({ ...open, at: NOW + 10, action: 'open', version: 1 });
    await store.addShareLog({ ...open, at: NOW + 20, action: 'write', sections: ['practitioner-entry'] });
    await store.addShareLog({ ...open, at: NOW + 30, action: 'open' });
    // Same time: insertion order decides (a serial column, not the physical row order).
    await store.addShareLog({ ...open, at: NOW + 30, action: 'refresh', version: 3 });
    await store.addShareLog({
      ...open,
      actorId: null,
      actor: null,
      profession: null,
      at: NOW + 40,
      action: 'refused',
    });
    const log = await store.listShareLog(share.id);
    expect(log.map((e) => [e.at, e.action, e.actor])).toEqual([
      [NOW + 10, 'open', 'Dr B'],
      [NOW + 20, 'write', 'Dr B'],
      [NOW + 30, 'open', 'Dr B'],
      [NOW + 30, 'refresh', 'Dr B'],
      [NOW + 40, 'refused', null],
    ]);
    expect(log[1]?.sections).toEqual(['practitioner-entry']);
    expect(log.map((e) => e.version)).toEqual([1, null, null, 3, null]);
    const received = await store.listReceivedShares(doctor);
    expect(received.map((s) => [s.id, s.lastOpenedAt])).toEqual([[share.id, NOW + 30]]);
    expect(await store.listReceivedShares(owner)).toEqual([]);

    const by = { authorId: doctor, authorName: 'Dr B', authorSignPk: 'pk' };
    expect(
      await store.addPendingEntry(
        { id: 'e2', shareId: share.id, sealed: 's2', createdAt: NOW + 2, ...by },
        3,
      ),
    ).toBe(true);
    await store.addPendingEntry({ id: 'e1', shareId: share.id, sealed: 's1', createdAt: NOW + 1, ...by }, 3);
    await store.addPendingEntry(
      { id: 'e1', shareId: share.id, sealed: 'again', createdAt: NOW + 3, ...by },
      3,
    );
    expect((await store.listPendingEntries(share.id)).map((e) => [e.id, e.sealed])).toEqual([
      ['e1', 's1'],
      ['e2', 's2'],
    ]);
    expect((await store.listPendingEntries(share.id))[0]).toMatchObject(by);
    await store.addPendingEntry({ id: 'e3', shareId: share.id, sealed: 's3', createdAt: NOW + 4, ...by }, 3);
    // At the cap, nothing more is stored.
    expect(
      await store.addPendingEntry(
        { id: 'e4', shareId: share.id, sealed: 's4', createdAt: NOW + 5, ...by },
        3,
      ),
    ).toBe(false);
    expect(await store.listPendingEntries(share.id)).toHaveLength(3);
    await store.deletePendingEntry(share.id, 'e1');
    expect((await store.listPendingEntries(share.id)).map((e) => e.id)).toEqual(['e2', 'e3']);
  });

  it('wipes the shares, their log and entries with the owner account', async () => {
    const store = current();
    const owner = await newAccount();
    const doctor = await newAccount();
    const share = newShare(owner);
    await store.createShare(share);
    await store.addShareLog({
      shareId: share.id,
      at: NOW,
      action: 'open',
      actorId: doctor,
      actor: 'x',
      profession: null,
      sections: [],
    });
    await store.addPendingEntry(
      {
        id: 'e',
        shareId: share.id,
        sealed: 's',
        createdAt: NOW,
        authorId: doctor,
        authorName: 'x',
        authorSignPk: 'k',
      },
      100,
    );
    await store.putPractitioner(doctor, '{}', NOW);
    expect(await store.deleteAccount(owner)).toBe(true);
    expect(await store.getShare(share.id)).toBeNull();
    expect(await store.listShareLog(share.id)).toEqual([]);
    expect(await store.listPendingEntries(share.id)).toEqual([]);
    expect(await store.listReceivedShares(doctor)).toEqual([]);
    expect(await store.deleteAccount(doctor)).toBe(true);
    expect(await store.getPractitioner(doctor)).toBeNull();
  });
}
