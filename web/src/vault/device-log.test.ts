import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey } from '../../../shared/crypto/symmetric-key.ts';
import { openUnlockedVault, type UnlockedVault } from '../testing/unlocked-vault.ts';
import { appendDeviceEvent, DEVICE_LOG_ID, MAX_DEVICE_EVENTS, readDeviceLog } from './device-log.ts';

describe('this device’s own log', () => {
  let opened: UnlockedVault;
  beforeAll(async () => {
    await initCrypto();
    opened = await openUnlockedVault('device-log');
  });
  afterAll(async () => {
    await opened.db.remove();
  });

  it('keeps backups and exports sealed with the vault key, newest first, capped', async () => {
    const { db, session } = opened;
    expect(await readDeviceLog(db, session.vaultKey)).toEqual([]);
    await appendDeviceEvent(db, session.vaultKey, { at: 1, kind: 'backup-made' });
    await appendDeviceEvent(db, session.vaultKey, {
      at: 2,
      kind: 'export-made',
      profileId: 'profile-for-the-log',
    });
    expect(await readDeviceLog(db, session.vaultKey)).toEqual([
      { at: 2, kind: 'export-made', profileId: 'profile-for-the-log' },
      { at: 1, kind: 'backup-made' },
    ]);
    // At rest: sealed, nothing readable in the stored document (words long enough that random
    // base64 cannot spell them by chance: "p1" once did).
    const stored = (await db.syncstate.findOne(DEVICE_LOG_ID).exec())?.sealed ?? '';
    expect(stored).not.toMatch(/export-made|backup-made|profile-for-the-log/);
    // Another key reads nothing (a foreign or damaged log is not trusted).
    expect(await readDeviceLog(db, generateKey())).toEqual([]);
    // Parallel writes are serialized: none is lost, and only the newest are kept.
    await Promise.all(
      Array.from({ length: MAX_DEVICE_EVENTS + 5 }, (_, i) =>
        appendDeviceEvent(db, session.vaultKey, { at: 10 + i, kind: 'backup-made' }),
      ),
    );
    const log = await readDeviceLog(db, session.vaultKey);
    expect(log).toHaveLength(MAX_DEVICE_EVENTS);
    expect(log[0]?.at).toBe(10 + MAX_DEVICE_EVENTS + 4);
  }, 60_000);
});
