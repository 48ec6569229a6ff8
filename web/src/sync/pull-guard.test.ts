/**
 * The pull guard's shortcuts (issue 15): the echo of an acknowledged write is accepted without
 * decrypting only when it is that very envelope, and a record the guard opened is handed to the
 * record list once, for exactly that sealed state. The sync history's segments read back the same.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { openedPlaintext } from '../records/opened-plaintext.ts';
import { type ProfileEntry, ProfileService } from '../records/profile-service.ts';
import { openRecord, sealRecord } from '../records/record-service.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import { VaultService } from '../vault/vault-service.ts';
import { createPullGuard } from './pull-guard.ts';
import { HISTORY_ID, MAX_SEGMENTS, SyncHistory } from './sync-history.ts';
import { type Device, openDevice } from './testing/synced-database.ts';

let device: Device;
let profile: ProfileEntry;

const wire = (id: string, rev = 1): Envelope => ({
  ...sealRecord(id, rev, profile, EXAMPLE_RECORDS.note),
  _deleted: false,
});

/** Another byte of ciphertext, same nonce: what a tampering server would send as "the same write". */
function flipped(doc: Envelope): Envelope {
  const last = doc.ciphertext.at(-2) === 'A' ? 'B' : 'A';
  return { ...doc, ciphertext: `${doc.ciphertext.slice(0, -2)}${last}${doc.ciphertext.slice(-1)}` };
}

beforeAll(async () => {
  await initCrypto();
  device = await openDevice(`pull-guard-${Date.now()}`);
  device.session = (await new VaultService({ db: device.db, kdf: inlineKdfRunner }).create('x')).session;
  const session = device.session;
  profile = await new ProfileService(device.db, session).create({
    schemaVersion: 1,
    displayName: 'Camille',
    relationship: 'self',
    dateOfBirth: '1984-03-12',
    sex: 'female',
    locale: 'fr',
  });
});

describe('pull guard shortcuts', () => {
  it('accepts the exact echo of an acknowledged write once, without opening it', async () => {
    const guard = createPullGuard({ db: device.db, getKeys: device.getKeys });
    const mine = wire('echo-exact');
    await guard.acknowledged([mine]);
    const opened = openedPlaintext(device.db);
    opened.clear();
    expect(await guard.check({ ...mine, updatedAt: 1234 })).toEqual({ type: 'accept', echo: true });
    // Not decrypted: nothing was handed to the record list.
    expect(opened.size).toBe(0);
    // Once only: the same envelope again is checked (and opened) like any change.
    expect(await guard.check(mine)).toEqual({ type: 'accept' });
    expect(opened.size).toBe(1);
  });

  it('checks an "echo" whose ciphertext differs, and refuses it as tampered', async () => {
    const guard = createPullGuard({ db: device.db, getKeys: device.getKeys });
    const mine = wire('echo-flipped');
    await guard.acknowledged([mine]);
    const verdict = await guard.check(flipped(mine));
    expect(verdict.type).toBe('refuse');
    expect(verdict.type === 'refuse' && verdict.change.reason).toBe('tampered');
    // The genuine echo is still recognised afterwards.
    expect(await guard.check(mine)).toEqual({ type: 'accept', echo: true });
  });

  it('hands the plaintext it opened to the record list for that sealed state only', async () => {
    const guard = createPullGuard({ db: device.db, getKeys: device.getKeys });
    const opened = openedPlaintext(device.db);
    opened.clear();
    const pulled = wire('handoff');
    expect(await guard.check(pulled)).toEqual({ type: 'accept' });
    const bytes = opened.take(pulled, profile.key.id);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const entry = openRecord(pulled, profile, bytes);
    expect(entry.record).toEqual(openRecord(pulled, profile).record);
    // Taken once, then wiped by the reader.
    expect(opened.take(pulled, profile.key.id)).toBeUndefined();
    expect(bytes?.every((b) => b === 0)).toBe(true);

    const other = wire('handoff-other');
    await guard.check(other);
    expect(opened.take({ ...other, ciphertext: flipped(other).ciphertext }, profile.key.id)).toBeUndefined();
    await guard.check(other);
    expect(opened.take(other, 'another-key-id')).toBeUndefined();
  });
});

describe('sync history segments', () => {
  it('reads back every accepted write across segments and a new base', async () => {
    const vaultKey = device.session?.vaultKey;
    if (!vaultKey) throw new Error('locked');
    await device.db.syncstate.find().remove();
    const history = await SyncHistory.load(device.db, vaultKey);
    history.accept('first', 1, 'n1');
    await history.flush();
    history.accept('second', 1, 'n2');
    await history.flush();
    // Segments before any base are read (generation 0).
    const early = await SyncHistory.load(device.db, vaultKey);
    expect([early.seen('first'), early.seen('second')]).toEqual([
      { rev: 1, nonce: 'n1' },
      { rev: 1, nonce: 'n2' },
    ]);
    // More flushes than segments: a new base is written on the way.
    const flushes = MAX_SEGMENTS + 3;
    for (let i = 0; i < flushes; i++) {
      history.accept(`doc-${i}`, i + 1, `nonce-${i}`);
      history.accept('doc-0', i + 1, `nonce-0-${i}`);
      await history.flush();
    }
    const stored = await device.db.syncstate.find().exec();
    const ids = stored.map((d) => d.id).filter((id) => id.startsWith(HISTORY_ID));
    // One base and the segments since it, never more than MAX_SEGMENTS of them.
    expect(ids).toContain(HISTORY_ID);
    expect(ids.length).toBeLessThanOrEqual(MAX_SEGMENTS + 1);
    expect(ids.length).toBe(1 + ((flushes + 2 - 1) % MAX_SEGMENTS));

    const again = await SyncHistory.load(device.db, vaultKey);
    for (let i = 1; i < flushes; i++)
      expect(again.seen(`doc-${i}`)).toEqual({ rev: i + 1, nonce: `nonce-${i}` });
    expect(again.seen('doc-0')).toEqual({ rev: flushes, nonce: `nonce-0-${flushes - 1}` });
  });

  it('ignores a segment of another generation (a new base was written after it)', async () => {
    const vaultKey = device.session?.vaultKey;
    if (!vaultKey) throw new Error('locked');
    await device.db.syncstate.find().remove();
    const refusal = (id: string) =>
      ({
        id,
        kind: 'record',
        rev: 1,
        seenRev: 2,
        deleted: false,
        reason: 'rolled-back',
        at: 0,
        nonce: 'n',
      }) as const;
    const history = await SyncHistory.load(device.db, vaultKey);
    history.refuse(refusal('first'));
    await history.flush();
    const staleSegment = (await device.db.syncstate.findOne(`${HISTORY_ID}.1`).exec())?.sealed;
    for (let i = 1; i < MAX_SEGMENTS; i++) {
      history.accept(`filler-${i}`, 1, 'n');
      await history.flush();
    }
    // This flush writes a new base (generation 1) listing both refusals.
    history.refuse(refusal('second'));
    await history.flush();
    expect((await device.db.syncstate.findOne(`${HISTORY_ID}.1`).exec())?.sealed).toBeUndefined();
    // Generation 0's first segment (its refused list: `first` only) put back, as after a crash.
    if (!staleSegment) throw new Error('no segment');
    await device.db.syncstate.upsert({ id: `${HISTORY_ID}.1`, sealed: staleSegment });
    const again = await SyncHistory.load(device.db, vaultKey);
    expect(again.refused().map((r) => r.id)).toEqual(['second', 'first']);
    expect(again.seen('filler-1')).toEqual({ rev: 1, nonce: 'n' });
  });
});
