/**
 * Quota and purge part of the Store contract (store.ts, share-store.ts), run on SQLite and
 * PostgreSQL: ciphertext bytes are counted per account through every kind of push, a push that
 * would grow an account past its quota is refused whole, and ended shares lose their ciphertext
 * (snapshot, code-wrapped key) while their metadata and log stay.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { create, envelope, randomB64, update } from '../testing/envelopes.ts';
import { NOW } from './documents.contract.ts';
import { QuotaExceededError } from './errors.ts';
import type { NewShare } from './share-store.ts';
import type { Store } from './store.ts';

const HOUR = 3_600_000;

function share(ownerId: string, extra: Partial<NewShare> = {}): NewShare {
  return {
    id: randomUUID().replaceAll('-', '').slice(0, 22),
    ownerId,
    mode: 'read-add',
    sections: ['allergy'],
    createdAt: NOW,
    expiresAt: NOW + HOUR,
    tokenHash: `th-${randomUUID()}`,
    hasPasscode: false,
    lookupId: 'LOOK01',
    codeProofHash: 'proof-hash',
    wrappedKeyJson: '{"wrapped":true}',
    ownerSecretJson: '{"sealed":true}',
    snapshot: { version: 1, nonce: 'nonce-1', ciphertext: 'c'.repeat(1000) },
    ...extra,
  };
}

export function limitsContract(current: () => Store, newAccount: () => Promise<string>): void {
  it('counts the ciphertext bytes an account stores, through creations, updates and tombstones', async () => {
    const store = current();
    const a = await newAccount();
    expect((await store.getAccount(a))?.storedBytes).toBe(0);
    const one = envelope('one', 1, { ciphertext: 'x'.repeat(100) });
    const two = envelope('two', 1, { ciphertext: 'y'.repeat(50) });
    await store.push(a, [create(one), create(two)], NOW);
    expect((await store.getAccount(a))?.storedBytes).toBe(150);
    // Rewriting a document counts its new size instead of the old one.
    await store.push(a, [update(one, { ciphertext: 'z'.repeat(30) })], NOW);
    expect((await store.getAccount(a))?.storedBytes).toBe(80);
    // A retried push (already stored) and a conflict change nothing.
    await store.push(a, [create(two)], NOW);
    await store.push(a, [update(envelope('two', 7), { ciphertext: 'w'.repeat(999) })], NOW);
    expect((await store.getAccount(a))?.storedBytes).toBe(80);
    // Another account's pushes are its own.
    const b = await newAccount();
    await store.push(b, [create(envelope('one', 1, { ciphertext: 'q'.repeat(10) }))], NOW);
    expect((await store.getAccount(a))?.storedBytes).toBe(80);
    expect((await store.getAccount(b))?.storedBytes).toBe(10);
  });

  it('refuses, whole, a push that would grow the account past its quota; shrinking is always allowed', async () => {
    const store = current();
    const a = await newAccount();
    const big = envelope('big', 1, { ciphertext: 'b'.repeat(600) });
    await store.push(a, [create(big)], NOW, 1000);
    const over = [
      create(envelope('small', 1, { ciphertext: 's'.repeat(100) })),
      create(envelope('more', 1, { ciphertext: 'm'.repeat(400) })),
    ];
    const refused = await store.push(a, over, NOW, 1000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QuotaExceededError);
    expect(refused).toMatchObject({ usage: 600, wouldUse: 1100, limit: 1000 });
    // Nothing of it was written, and the count did not move.
    expect((await store.pull(a, 0, 10)).documents.map((d) => d.id)).toEqual(['big']);
    expect((await store.getAccount(a))?.storedBytes).toBe(600);
    // Exactly at the quota is allowed.
    await store.push(a, [create(envelope('fill', 1, { ciphertext: 'f'.repeat(400) }))], NOW, 1000);
    expect((await store.getAccount(a))?.storedBytes).toBe(1000);
    // Over a lowered quota, a push that shrinks (or keeps) the account still goes through.
    await store.push(a, [update(big, { ciphertext: 'b'.repeat(100) })], NOW, 500);
    expect((await store.getAccount(a))?.storedBytes).toBe(500);
    await store.push(
      a,
      [update((await store.pull(a, 0, 10)).documents[0] ?? big, { ciphertext: randomB64(3) })],
      NOW,
      1,
    );
  });

  it('counts the active shares of an owner', async () => {
    const store = current();
    const owner = await newAccount();
    const active = share(owner);
    const revoked = share(owner);
    const expired = share(owner, { expiresAt: NOW + 10 });
    for (const s of [active, revoked, expired]) expect(await store.createShare(s)).toBe('created');
    await store.revokeShare(revoked.id, owner, NOW + 1);
    expect(await store.countActiveShares(owner, NOW)).toBe(2);
    expect(await store.countActiveShares(owner, NOW + 10)).toBe(1);
    expect(await store.countActiveShares(await newAccount(), NOW)).toBe(0);
  });

  it('purges the ciphertext of revoked and expired shares, keeping their metadata and log', async () => {
    const store = current();
    const owner = await newAccount();
    const active = share(owner);
    const revoked = share(owner);
    const expired = share(owner, { expiresAt: NOW + 10 });
    for (const s of [active, revoked, expired]) await store.createShare(s);
    await store.revokeShare(revoked.id, owner, NOW + 1);
    await store.addShareLog({
      shareId: revoked.id,
      at: NOW + 1,
      action: 'open',
      actorId: null,
      actor: 'Dr Who',
      profession: 'GP',
      sections: ['allergy'],
      version: 1,
    });
    expect(await store.purgeEndedShares(NOW + 20)).toBeGreaterThanOrEqual(2);
    for (const ended of [revoked, expired]) {
      expect(await store.getSnapshot(ended.id)).toBeNull();
      expect(await store.getShare(ended.id)).toMatchObject({
        id: ended.id,
        ownerId: owner,
        sections: ['allergy'],
        wrappedKeyJson: null,
        codeProofHash: null,
        // The owner's devices still need it to fetch entries written before the end.
        ownerSecretJson: '{"sealed":true}',
      });
      // A purged share takes no new snapshot either.
      expect(await store.putSnapshot(ended.id, owner, { version: 9, nonce: 'n', ciphertext: 'again' })).toBe(
        false,
      );
    }
    expect((await store.listShareLog(revoked.id)).map((e) => e.action)).toEqual(['open']);
    // The active one is untouched, and a second purge finds nothing new.
    expect(await store.getSnapshot(active.id)).toEqual({
      version: 1,
      nonce: 'nonce-1',
      ciphertext: 'c'.repeat(1000),
    });
    expect(await store.getShare(active.id)).toMatchObject({ wrappedKeyJson: '{"wrapped":true}' });
    const again = await store.purgeEndedShares(NOW + 20);
    expect(await store.getSnapshot(active.id)).not.toBeNull();
    expect(again).toBeGreaterThanOrEqual(0);
    expect(await store.purgeEndedShares(NOW + 20)).toBe(0);
  });
}
