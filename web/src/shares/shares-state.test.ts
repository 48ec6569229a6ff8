import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey, symmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { ownerSecretSchema } from '../../../shared/protocol/shares.ts';
import {
  openOwnerSecret,
  openShares,
  type ShareSecret,
  sealOwnerSecret,
  sealShares,
} from './shares-state.ts';

beforeAll(initCrypto);

const SECRET: ShareSecret = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  profileId: 'p1',
  key: 'k'.repeat(43),
  passcode: '1234',
  code: null,
  mode: 'read',
  sections: ['allergy'],
  expiresAt: 5,
  version: 2,
  digest: 'd',
};
const taken = { ...SECRET, version: 1, digest: '' };

/** Sealed by the code that preceded local sealing, under a key of 32 bytes of 7. */
const OLD_KEY = () => symmetricKey(new Uint8Array(32).fill(7));
const OLD_STATE =
  '{"nonce":"UAOMSA0cnjmpChytPMXXOHTV-bwS8d4N","ciphertext":"zwFGTtVs0ap9wceJYcvWl1HbX-vyIXHTAIDGIpLCQtRExwHY72YRKuaZpANhsy3ZAfmhvuPFWwcA6wgkf1HhJGLyAvk_c6RQoRugJgNeSmmHTIjTFsGDiHWuaRzghnl0ULUiNr7Wz-jYc_MUhqmax9kYJTfQqWzqJZXLhHxM31z4hSJTUisA_i8w6e-oQs8gupMp2fbvFwo2gvQIyf1pKJLBDhpcnO8IGDR3LrCiU7FZDvsy_JSFaDekRTzEQVsHu-tE_kd9kWBmp9WuI81wAil-uPCzq6c8HvWAhfSUuSQ"}';
const OLD_OWNER = {
  nonce: 'XcAX3XMGgWHnlG9GmTgg22dPxT5EtnDQ',
  ciphertext:
    'pL8orY8WuH_omkSOhDbX2zFGu3ndQExJk7ZEJmskqR-t-lFIt_RA4_TrwVniGb9TQemN5o6vt-7WpFZA4m031j_EV_I9ngM_Rvpx9FgVFl1ZrjGVmzdY49RCdBCNiI65_fR91nNu5s2T_kqb-dj-Xv5KHOJrlvZgtxv2weghf0XNoX3kyFJSh9_N4dykaVAjvBLt_t1znwh99IH6RqiZntuNDbAAVfGKZ-TGo3z3v9kAIqDnmNq0',
};

describe('shares state at rest', () => {
  it('round-trips under the vault key, and refuses another key', () => {
    const key = generateKey();
    const sealed = sealShares([SECRET], key);
    expect(sealed).not.toContain(SECRET.key);
    expect(openShares(sealed, key)).toEqual([SECRET]);
    expect(openShares(null, key)).toEqual([]);
    expect(() => openShares(sealed, generateKey())).toThrow(/another key/);
  });

  it('still opens the state sealed in the earlier form', () => {
    expect(openShares(OLD_STATE, OLD_KEY())).toEqual([SECRET]);
    expect(() => openShares(OLD_STATE, generateKey())).toThrow();
  });
});

describe('owner secret copy', () => {
  it('fits the wire shape, opens for its share only, and not with another key', () => {
    const key = generateKey();
    const copy = sealOwnerSecret(SECRET, key);
    expect(ownerSecretSchema.parse(copy)).toEqual(copy);
    expect(openOwnerSecret({ id: SECRET.id, expiresAt: 5, ownerSecret: copy }, key)).toEqual(taken);
    expect(
      openOwnerSecret({ id: 'BBBBBBBBBBBBBBBBBBBBBB', expiresAt: 5, ownerSecret: copy }, key),
    ).toBeNull();
    expect(openOwnerSecret({ id: SECRET.id, expiresAt: 5, ownerSecret: copy }, generateKey())).toBeNull();
  });

  it('still opens a copy uploaded in the earlier form', () => {
    expect(openOwnerSecret({ id: SECRET.id, expiresAt: 5, ownerSecret: OLD_OWNER }, OLD_KEY())).toEqual(
      taken,
    );
    expect(
      openOwnerSecret({ id: 'BBBBBBBBBBBBBBBBBBBBBB', expiresAt: 5, ownerSecret: OLD_OWNER }, OLD_KEY()),
    ).toBeNull();
  });
});
