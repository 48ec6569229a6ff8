import { beforeAll, describe, expect, it } from 'vitest';
import { boxTo, openBox, openSealed, sealTo } from './box.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding.ts';
import { generateIdentity, unwrapIdentity, wrapIdentity } from './identity.ts';
import { generateProfileKey, openProfileSecret, sealProfileSecret } from './profile-key.ts';
import { encryptRecord } from './record-envelope.ts';
import { signDetached, verifyDetached } from './signature.ts';
import { initCrypto } from './sodium.ts';
import { generateKey } from './symmetric-key.ts';
import { expectReason, flipByte } from './testing.ts';

beforeAll(initCrypto);

describe('identity and profile keys', () => {
  it('wraps identity secrets under the vault key and unwraps them', () => {
    const vaultKey = generateKey();
    const identity = generateIdentity();
    const wrapped = wrapIdentity(identity, vaultKey);
    expect(JSON.stringify(wrapped)).not.toContain(toBase64(identity.sign.secretKey));
    const back = unwrapIdentity(wrapped, vaultKey);
    expect(toBase64(back.sign.secretKey)).toBe(toBase64(identity.sign.secretKey));
    expect(toBase64(back.box.publicKey)).toBe(toBase64(identity.box.publicKey));
    expectReason(() => unwrapIdentity(wrapped, generateKey()), 'wrong-key');
  });

  it('refuses to pair a wrapped secret with another public key', () => {
    const vaultKey = generateKey();
    const wrapped = wrapIdentity(generateIdentity(), vaultKey);
    const other = wrapIdentity(generateIdentity(), vaultKey);
    expectReason(
      () => unwrapIdentity({ ...wrapped, signPublicKey: other.signPublicKey }, vaultKey),
      'tampered',
    );
  });

  it('binds a wrapped profile key to its profile', () => {
    const vaultKey = generateKey();
    const key = generateProfileKey();
    const binding = { profileId: 'child-1', kind: 'profile', id: 'child-1', rev: 1 };
    const envelope = { ...binding, ...sealProfileSecret(binding, { displayName: 'Léo' }, key, vaultKey) };
    expect(openProfileSecret(envelope, vaultKey)).toEqual({ profile: { displayName: 'Léo' }, key });
    expectReason(
      () => openProfileSecret({ ...envelope, profileId: 'child-2', id: 'child-2' }, vaultKey),
      'tampered',
    );
    expectReason(() => openProfileSecret({ ...envelope, rev: 2 }, vaultKey), 'tampered');
    expectReason(() => openProfileSecret(envelope, generateKey()), 'wrong-key');
    expectReason(() => openProfileSecret({ ...envelope, schemaVersion: 9 }, vaultKey), 'unsupported-version');
    const keyless = { ...binding, ...encryptRecord(binding, { profile: { displayName: 'Léo' } }, vaultKey) };
    expectReason(() => openProfileSecret(keyless, vaultKey), 'invalid-input');
  });
});

describe('signatures', () => {
  it('verifies the author’s signature and refuses any change', () => {
    const author = generateIdentity();
    const entry = utf8(
      JSON.stringify({ kind: 'practitioner-entry', body: 'Amoxicilline 1 g × 3/j, 7 jours' }),
    );
    const sig = signDetached(entry, author.sign.secretKey);
    verifyDetached(entry, sig, author.sign.publicKey);
    expectReason(() => verifyDetached(flipByte(entry, 10), sig, author.sign.publicKey), 'bad-signature');
    expectReason(
      () => verifyDetached(entry, toBase64(flipByte(fromBase64(sig), 0)), author.sign.publicKey),
      'bad-signature',
    );
    expectReason(() => verifyDetached(entry, sig, generateIdentity().sign.publicKey), 'bad-signature');
    expectReason(() => verifyDetached(entry, 'not base64!', author.sign.publicKey), 'bad-signature');
  });
});

describe('box and seal', () => {
  it('authenticated box: opens only from the named sender to the named recipient', () => {
    const patient = generateIdentity();
    const doctor = generateIdentity();
    const boxed = boxTo(utf8('clé de partage'), doctor.box.publicKey, patient.box.secretKey);
    expect(fromUtf8(openBox(boxed, patient.box.publicKey, doctor.box.secretKey))).toBe('clé de partage');
    const mallory = generateIdentity();
    expectReason(() => openBox(boxed, mallory.box.publicKey, doctor.box.secretKey), 'tampered');
    const altered = { ...boxed, ciphertext: toBase64(flipByte(fromBase64(boxed.ciphertext), 3)) };
    expectReason(() => openBox(altered, patient.box.publicKey, doctor.box.secretKey), 'tampered');
  });

  it('sealed box: opens only with the recipient’s key pair', () => {
    const patient = generateIdentity();
    const sealed = sealTo(utf8('note du médecin'), patient.box.publicKey);
    expect(fromUtf8(openSealed(sealed, patient.box.publicKey, patient.box.secretKey))).toBe(
      'note du médecin',
    );
    const other = generateIdentity();
    expectReason(() => openSealed(sealed, other.box.publicKey, other.box.secretKey), 'tampered');
    expectReason(
      () =>
        openSealed(toBase64(flipByte(fromBase64(sealed), 40)), patient.box.publicKey, patient.box.secretKey),
      'tampered',
    );
  });
});
