import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './encoding.ts';
import { decodeKdfParams, type KdfParams } from './kdf-params.ts';
import {
  changePassphrase,
  createVault,
  type Keyring,
  replaceRecoveryKey,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from './keyring.ts';
import { generateProfileKey, openProfileSecret, sealProfileSecret } from './profile-key.ts';
import { decryptRecord, encryptRecord } from './record-envelope.ts';
import { initCrypto } from './sodium.ts';
import { expectReason, flipByte } from './testing.ts';

beforeAll(initCrypto);

const PASSPHRASE = 'glacier-thimble-orchard-91';

describe('keyring', () => {
  it('unlocks with the passphrase to the same vault key and identity', () => {
    const created = createVault(PASSPHRASE);
    const unlocked = unlockWithPassphrase(created.keyring, PASSPHRASE);
    expect(unlocked.vaultKey.id).toBe(created.vaultKey.id);
    expect(toBase64(unlocked.identity.sign.secretKey)).toBe(toBase64(created.identity.sign.secretKey));
    expect(toBase64(unlocked.identity.box.secretKey)).toBe(toBase64(created.identity.box.secretKey));
    expect(toBase64(unlocked.authKey)).toBe(toBase64(created.authKey));
  });

  it('holds no secret in clear', () => {
    const created = createVault(PASSPHRASE);
    const stored = JSON.stringify(created.keyring);
    for (const secret of [
      created.vaultKey.bytes,
      created.identity.box.secretKey,
      created.identity.sign.secretKey,
      created.authKey,
    ]) {
      expect(stored).not.toContain(toBase64(secret));
    }
    expect(stored).not.toContain(PASSPHRASE);
    expect(stored).not.toContain(created.recoveryKey);
  });

  it('refuses a wrong passphrase as wrong-passphrase, and an altered wrap as tampered', () => {
    const { keyring } = createVault(PASSPHRASE);
    expectReason(() => unlockWithPassphrase(keyring, 'glacier-thimble-orchard-92'), 'wrong-passphrase');
    const wrap = keyring.vaultKeyByPassphrase;
    const altered: Keyring = {
      ...keyring,
      vaultKeyByPassphrase: { ...wrap, ciphertext: toBase64(flipByte(fromBase64(wrap.ciphertext), 5)) },
    };
    expectReason(() => unlockWithPassphrase(altered, PASSPHRASE), 'tampered');
  });

  it('recovers with the recovery key, catches a typo, and refuses another vault’s key', () => {
    const created = createVault(PASSPHRASE);
    expect(unlockWithRecoveryKey(created.keyring, created.recoveryKey).vaultKey.id).toBe(created.vaultKey.id);
    const last = created.recoveryKey.at(-1) === 'A' ? 'B' : 'A';
    const typo = `${created.recoveryKey.slice(0, -1)}${last}`;
    expect(
      expectReason(() => unlockWithRecoveryKey(created.keyring, typo), 'bad-recovery-key').meta.problem,
    ).toBe('checksum');
    const other = createVault(PASSPHRASE);
    expectReason(() => unlockWithRecoveryKey(created.keyring, other.recoveryKey), 'bad-recovery-key');
  });

  it('changes the passphrase by re-wrapping only the vault key: old records still decrypt', () => {
    const created = createVault(PASSPHRASE);
    const profileKey = generateProfileKey();
    const profileBinding = { profileId: 'p1', kind: 'profile', id: 'p1', rev: 1 };
    const profileEnvelope = {
      ...profileBinding,
      ...sealProfileSecret(profileBinding, { displayName: 'Léa' }, profileKey, created.vaultKey),
    };
    const binding = { profileId: 'p1', kind: 'record', id: 'r1', rev: 1 };
    const envelope = { ...binding, ...encryptRecord(binding, { kind: 'note', body: 'avant' }, profileKey) };

    const stronger: KdfParams = { version: 1, algorithm: 'argon2id13', memoryKiB: 96 * 1024, passes: 3 };
    const changed = changePassphrase(created.keyring, created.vaultKey, 'new passphrase of mine', stronger);
    expect(decodeKdfParams(changed.keyring.kdf)).toEqual(stronger);
    expect(changed.keyring.salt).not.toBe(created.keyring.salt);
    expect(changed.keyring.vaultKeyByRecoveryKey).toEqual(created.keyring.vaultKeyByRecoveryKey);
    expect(toBase64(changed.authKey)).not.toBe(toBase64(created.authKey));

    expectReason(() => unlockWithPassphrase(changed.keyring, PASSPHRASE), 'wrong-passphrase');
    const unlocked = unlockWithPassphrase(changed.keyring, 'new passphrase of mine');
    const reopened = openProfileSecret(profileEnvelope, unlocked.vaultKey).key;
    expect(decryptRecord(envelope, reopened)).toEqual({ kind: 'note', body: 'avant' });
    // The recovery key keeps working after a passphrase change.
    expect(unlockWithRecoveryKey(changed.keyring, created.recoveryKey).vaultKey.id).toBe(created.vaultKey.id);
  });

  it('makes a new recovery key: the old one opens nothing, the new one and the passphrase do', () => {
    const created = createVault(PASSPHRASE);
    const replaced = replaceRecoveryKey(created.keyring, created.vaultKey);
    expect(replaced.recoveryKey).not.toBe(created.recoveryKey);
    expectReason(() => unlockWithRecoveryKey(replaced.keyring, created.recoveryKey), 'bad-recovery-key');
    expect(unlockWithRecoveryKey(replaced.keyring, replaced.recoveryKey).vaultKey.id).toBe(
      created.vaultKey.id,
    );
    expect(unlockWithPassphrase(replaced.keyring, PASSPHRASE).vaultKey.id).toBe(created.vaultKey.id);
    expect(replaced.keyring.vaultKeyByPassphrase).toEqual(created.keyring.vaultKeyByPassphrase);
    expect(replaced.keyring.identity).toEqual(created.keyring.identity);
    expect(JSON.stringify(replaced.keyring)).not.toContain(replaced.recoveryKey);
  });

  it('refuses to re-wrap with a key that is not this vault’s', () => {
    const a = createVault(PASSPHRASE);
    const b = createVault(PASSPHRASE);
    expectReason(() => changePassphrase(a.keyring, b.vaultKey, 'another passphrase'), 'wrong-key');
    expectReason(() => replaceRecoveryKey(a.keyring, b.vaultKey), 'wrong-key');
  });

  it('refuses a keyring of an unknown version', () => {
    const { keyring } = createVault(PASSPHRASE);
    expectReason(() => unlockWithPassphrase({ ...keyring, v: 2 }, PASSPHRASE), 'unsupported-version');
  });
});
