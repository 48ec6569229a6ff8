import { beforeAll, describe, expect, it } from 'vitest';
import { aeadDecrypt } from './aead.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding.ts';
import { openLocal, sealLocal } from './local-seal.ts';
import {
  openLegacyOwnerSecret,
  openLegacySharesState,
  openLegacySyncCredentials,
} from './local-seal-legacy.ts';
import { initCrypto } from './sodium.ts';
import { generateKey, symmetricKey } from './symmetric-key.ts';
import { expectReason, flipByte } from './testing.ts';

beforeAll(initCrypto);

const FIXED_KEY = () => symmetricKey(new Uint8Array(32).fill(7));

/** Sealed by `sealLocal` under FIXED_KEY: pins the algorithm and the additional data. */
const KNOWN = {
  by: 'M4DjLa90_5NtBwG7',
  nonce: 'YVvyMlFAyTnTglhqruxQ_sEzYoBRcdK2',
  ciphertext: 'yCG0mH0fnisgNFoRxJuIrhkfmOX2JUE2GnCcND2IYQ',
};

/** The same values sealed by the code that preceded local sealing, under FIXED_KEY. */
const LEGACY = {
  credentials: {
    rev: 3,
    keyId: 'M4DjLa90_5NtBwG7',
    schemaVersion: 1,
    nonce: '8FhHCiHrwlt6JVgwTzECiXw0vgQc71vo',
    ciphertext:
      '2E9bVKvO0_45BsW6mpzjOiezBACOAyh6AV0HiWvCwN6E3fT3WTUFvCo8Kd63kEsfcnVOqx7RilnFN_LY-cOfdZDMwUY42zOCqBsX5fYqYGZcVBsMnM12C51AR0xs9VO0b7HI7t98KvoL86ODCXIC5BY-1jlfLfdOVlPIojo1OUkvVAWQX8ydnHFmHrtzwEmN_zxVJ0EjUN0ufC-Jx0BGLxtmuZRvoqRoVZQ3rgj0qKnxSV8QWWPmtqApqE4vyUn62AoBZqKMU4x3L2zA9UN47qn2tezTc_Euv9RHqV7tVpsb_J_hjIVxFdJxQYzJd16HZYSuxh19JJz9c6ZPtWLKhAwXioKjsIZDvLlPzkdpx8o',
  },
  sharesState: {
    nonce: 'UAOMSA0cnjmpChytPMXXOHTV-bwS8d4N',
    ciphertext:
      'zwFGTtVs0ap9wceJYcvWl1HbX-vyIXHTAIDGIpLCQtRExwHY72YRKuaZpANhsy3ZAfmhvuPFWwcA6wgkf1HhJGLyAvk_c6RQoRugJgNeSmmHTIjTFsGDiHWuaRzghnl0ULUiNr7Wz-jYc_MUhqmax9kYJTfQqWzqJZXLhHxM31z4hSJTUisA_i8w6e-oQs8gupMp2fbvFwo2gvQIyf1pKJLBDhpcnO8IGDR3LrCiU7FZDvsy_JSFaDekRTzEQVsHu-tE_kd9kWBmp9WuI81wAil-uPCzq6c8HvWAhfSUuSQ',
  },
  ownerSecret: {
    nonce: 'XcAX3XMGgWHnlG9GmTgg22dPxT5EtnDQ',
    ciphertext:
      'pL8orY8WuH_omkSOhDbX2zFGu3ndQExJk7ZEJmskqR-t-lFIt_RA4_TrwVniGb9TQemN5o6vt-7WpFZA4m031j_EV_I9ngM_Rvpx9FgVFl1ZrjGVmzdY49RCdBCNiI65_fR91nNu5s2T_kqb-dj-Xv5KHOJrlvZgtxv2weghf0XNoX3kyFJSh9_N4dykaVAjvBLt_t1znwh99IH6RqiZntuNDbAAVfGKZ-TGo3z3v9kAIqDnmNq0',
  },
};
const LEGACY_SECRET = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  profileId: 'p1',
  key: 'k'.repeat(43),
  passcode: '1234',
  code: null,
  mode: 'read',
  sections: ['allergy'],
};

describe('sealLocal', () => {
  it('opens a known value, whose additional data is the documented label and context', () => {
    expect(openLocal(FIXED_KEY(), 'share-owner-secret', KNOWN, 'share-1')).toEqual({ note: 'clé' });
    const ad = utf8(JSON.stringify(['carnet.local', 1, 'share-owner-secret', 'share-1']));
    const sealed = { nonce: fromBase64(KNOWN.nonce), ciphertext: fromBase64(KNOWN.ciphertext) };
    expect(fromUtf8(aeadDecrypt(FIXED_KEY(), sealed, ad))).toBe('{"note":"clé"}');
  });

  it('round-trips with a fresh nonce each time and nothing in clear', () => {
    const key = generateKey();
    const a = sealLocal(key, 'sync-credentials', { token: 'secret-token' });
    const b = sealLocal(key, 'sync-credentials', { token: 'secret-token' });
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.by).toBe(key.id);
    expect(JSON.stringify(a)).not.toContain('secret-token');
    expect(openLocal(key, 'sync-credentials', a)).toEqual({ token: 'secret-token' });
  });

  it('refuses a tampered value, another key, another label or another context', () => {
    const key = generateKey();
    const sealed = sealLocal(key, 'shares-state', [1, 2], 'ctx');
    const flipped = toBase64(flipByte(fromBase64(sealed.ciphertext), 3));
    expectReason(() => openLocal(key, 'shares-state', { ...sealed, ciphertext: flipped }, 'ctx'), 'tampered');
    const nonce = toBase64(flipByte(fromBase64(sealed.nonce), 0));
    expectReason(() => openLocal(key, 'shares-state', { ...sealed, nonce }, 'ctx'), 'tampered');
    expectReason(() => openLocal(generateKey(), 'shares-state', sealed, 'ctx'), 'wrong-key');
    expectReason(() => openLocal(key, 'sync-credentials', sealed, 'ctx'), 'tampered');
    expectReason(() => openLocal(key, 'shares-state', sealed, 'other'), 'tampered');
    expectReason(() => openLocal(key, 'shares-state', sealed), 'tampered');
    expectReason(() => openLocal(key, 'shares-state', { ...sealed, nonce: '!' }, 'ctx'), 'invalid-input');
  });

  it('without the key fingerprint (the wire form), a wrong key reads as tampered', () => {
    const key = generateKey();
    const { nonce, ciphertext } = sealLocal(key, 'share-owner-secret', 'x', 'share-1');
    expect(openLocal(key, 'share-owner-secret', { nonce, ciphertext }, 'share-1')).toBe('x');
    expectReason(
      () => openLocal(generateKey(), 'share-owner-secret', { nonce, ciphertext }, 'share-1'),
      'tampered',
    );
  });
});

describe('values sealed before local sealing', () => {
  it('still open: sync credentials, shares state, owner secret', () => {
    expect(openLegacySyncCredentials(FIXED_KEY(), LEGACY.credentials)).toEqual({
      email: 'a@b.org',
      token: 'x'.repeat(43),
      serverUrl: 'https://s.example',
      expiresAt: 1,
    });
    expect(openLegacySharesState(FIXED_KEY(), LEGACY.sharesState)).toEqual([
      { ...LEGACY_SECRET, expiresAt: 5, version: 2, digest: 'd' },
    ]);
    expect(openLegacyOwnerSecret(FIXED_KEY(), LEGACY_SECRET.id, LEGACY.ownerSecret)).toEqual(LEGACY_SECRET);
  });

  it('refuse another key, another share, or the new scheme', () => {
    expectReason(() => openLegacySyncCredentials(generateKey(), LEGACY.credentials), 'wrong-key');
    expectReason(() => openLegacySyncCredentials(FIXED_KEY(), { ...LEGACY.credentials, rev: 2 }), 'tampered');
    expectReason(() => openLegacySharesState(generateKey(), LEGACY.sharesState), 'tampered');
    expectReason(
      () => openLegacyOwnerSecret(FIXED_KEY(), 'BBBBBBBBBBBBBBBBBBBBBB', LEGACY.ownerSecret),
      'tampered',
    );
    expectReason(
      () => openLocal(FIXED_KEY(), 'share-owner-secret', LEGACY.ownerSecret, LEGACY_SECRET.id),
      'tampered',
    );
    expectReason(() => openLegacyOwnerSecret(FIXED_KEY(), 'share-1', KNOWN), 'tampered');
  });
});
