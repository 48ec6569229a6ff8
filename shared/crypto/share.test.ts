import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './encoding.ts';
import { generateIdentity } from './identity.ts';
import {
  codeProof,
  deriveCodeKey,
  generateShareCode,
  isLookupId,
  parseShareCode,
  SECRET_BITS,
  unwrapShareKeyWithCode,
  wrapShareKeyWithCode,
} from './share-code.ts';
import { openEntry, sealEntry, signEntry, verifyEntry } from './share-entry.ts';
import {
  generateShareId,
  generateShareKey,
  openSnapshot,
  parseShareFragment,
  sameEntryTag,
  sealSnapshot,
  shareAccessToken,
  shareContentKey,
  shareEntryTag,
  shareLink,
} from './share-key.ts';
import { initCrypto } from './sodium.ts';
import { expectReason, flipByte } from './testing.ts';

beforeAll(initCrypto);

describe('share key, link and access token', () => {
  it('puts the id and the 256-bit key in the fragment and reads them back', () => {
    const key = generateShareKey();
    const id = generateShareId();
    const link = shareLink('https://carnet.test/', id, key);
    expect(link.startsWith(`https://carnet.test/s#${id}.`)).toBe(true);
    const parsed = parseShareFragment(new URL(link).hash);
    expect(parsed?.shareId).toBe(id);
    expect(toBase64(parsed?.shareKey ?? new Uint8Array())).toBe(toBase64(key));
    expect(parseShareFragment('#nope')).toBeNull();
    expect(parseShareFragment(`#${id}.${toBase64(key).slice(1)}`)).toBeNull();
    // A link with a passcode does not say so; one without ends in `.0`, so it opens at once.
    expect(parsed?.noPasscode).toBe(false);
    const open = shareLink('https://carnet.test', id, key, false);
    expect(open).toBe(`${link}.0`);
    expect(parseShareFragment(new URL(open).hash)).toMatchObject({ shareId: id, noPasscode: true });
    expect(parseShareFragment(`${new URL(link).hash}.1`)).toBeNull();
  });

  it('derives distinct tokens per key and per passcode, and a content key unlike both', () => {
    const key = generateShareKey();
    const plain = shareAccessToken(key);
    expect(shareAccessToken(key)).toBe(plain);
    expect(shareAccessToken(key, '1234')).not.toBe(plain);
    expect(shareAccessToken(key, '1234')).not.toBe(shareAccessToken(key, '1235'));
    expect(shareAccessToken(generateShareKey())).not.toBe(plain);
    expect(toBase64(shareContentKey(key).bytes)).not.toBe(plain);
    expectReason(() => shareAccessToken(new Uint8Array(16)), 'invalid-input');
  });

  it('opens a snapshot only with its key, share id and version', () => {
    const key = generateShareKey();
    const id = generateShareId();
    const sealed = sealSnapshot(key, id, 3, { allergies: ['peanut'] });
    expect(sealed.ciphertext).not.toContain('peanut');
    expect(openSnapshot(key, id, 3, sealed)).toEqual({ allergies: ['peanut'] });
    expectReason(() => openSnapshot(generateShareKey(), id, 3, sealed), 'tampered');
    expectReason(() => openSnapshot(key, generateShareId(), 3, sealed), 'tampered');
    expectReason(() => openSnapshot(key, id, 2, sealed), 'tampered');
    const bytes = fromBase64(sealed.ciphertext);
    for (const index of [0, bytes.length >> 1, bytes.length - 1]) {
      const altered = { ...sealed, ciphertext: toBase64(flipByte(bytes, index)) };
      expectReason(() => openSnapshot(key, id, 3, altered), 'tampered');
    }
  });
});

describe('share entry tag', () => {
  it('binds share key, share, entry and profile, and differs from the access token', () => {
    const key = generateShareKey();
    const tag = shareEntryTag(key, 's', 'e', 'p');
    expect(fromBase64(tag)).toHaveLength(32);
    expect(sameEntryTag(tag, shareEntryTag(key, 's', 'e', 'p'))).toBe(true);
    for (const other of [
      shareEntryTag(generateShareKey(), 's', 'e', 'p'),
      shareEntryTag(key, 's2', 'e', 'p'),
      shareEntryTag(key, 's', 'e2', 'p'),
      shareEntryTag(key, 's', 'e', 'p2'),
    ]) {
      expect(sameEntryTag(tag, other)).toBe(false);
    }
    expect(tag).not.toBe(shareAccessToken(key));
    expect(sameEntryTag(tag, 'not base64!')).toBe(false);
    expect(sameEntryTag(tag, toBase64(flipByte(fromBase64(tag), 0)))).toBe(false);
  });
});

describe('typed share code', () => {
  it('has 16 base32 characters in 4 groups, a 6-character lookup id and a 50-bit secret', () => {
    const code = generateShareCode();
    expect(code.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(isLookupId(code.lookupId)).toBe(true);
    expect(code.secret).toHaveLength(10);
    expect(SECRET_BITS).toBe(50);
    expect(parseShareCode(code.code.toLowerCase().replaceAll('-', ' '))).toEqual(code);
    expect(parseShareCode('ABCD-EFGH-JKMN-PQR')).toBeNull();
    expect(parseShareCode('ABCD-EFGH-JKMN-PQRU')).toBeNull();
    expect(parseShareCode('0BCD-EFGH-JKMN-PQRS')).toEqual(parseShareCode('oBCD-EFGH-JKMN-PQRS'));
  });

  it('wraps the share key so that only the right code unwraps it', () => {
    const shareKey = generateShareKey();
    const code = generateShareCode();
    const codeKey = deriveCodeKey(code);
    const wrapped = wrapShareKeyWithCode(shareKey, codeKey, code.lookupId);
    expect(toBase64(unwrapShareKeyWithCode(wrapped, deriveCodeKey(code), code.lookupId))).toBe(
      toBase64(shareKey),
    );
    const other = parseShareCode(
      `${code.lookupId}${code.secret.slice(0, 9)}${code.secret[9] === '0' ? '1' : '0'}`,
    );
    if (!other) throw new Error('test code must parse');
    const otherKey = deriveCodeKey(other);
    expect(codeProof(otherKey)).not.toBe(codeProof(codeKey));
    expectReason(() => unwrapShareKeyWithCode(wrapped, otherKey, code.lookupId), 'wrong-key');
    expectReason(() => unwrapShareKeyWithCode(wrapped, codeKey, 'ZZZZZZ'), 'tampered');
    const altered = { ...wrapped, ciphertext: toBase64(flipByte(fromBase64(wrapped.ciphertext), 5)) };
    expectReason(() => unwrapShareKeyWithCode(altered, codeKey, code.lookupId), 'tampered');
  });
});

describe('signed and sealed practitioner entries', () => {
  const entry = { id: 'e1', content: { title: 'Ordonnance', items: ['Amoxicilline'] } };

  it('round-trips: sign, seal to the patient, open, verify', () => {
    const doctor = generateIdentity();
    const patient = generateIdentity();
    const signed = signEntry(entry, doctor.sign.secretKey, doctor.sign.publicKey);
    const sealed = sealEntry(signed, patient.box.publicKey);
    expect(sealed).not.toContain('Amoxicilline');
    const opened = openEntry(sealed, patient.box.publicKey, patient.box.secretKey);
    expect(opened.signPk).toBe(toBase64(doctor.sign.publicKey));
    expect(verifyEntry(opened)).toEqual(entry);
  });

  it('refuses another recipient, altered ciphertext, and any altered signed byte', () => {
    const doctor = generateIdentity();
    const patient = generateIdentity();
    const signed = signEntry(entry, doctor.sign.secretKey, doctor.sign.publicKey);
    const sealed = sealEntry(signed, patient.box.publicKey);
    const stranger = generateIdentity();
    expectReason(() => openEntry(sealed, stranger.box.publicKey, stranger.box.secretKey), 'tampered');
    const sealedBytes = fromBase64(sealed);
    expectReason(
      () => openEntry(toBase64(flipByte(sealedBytes, 40)), patient.box.publicKey, patient.box.secretKey),
      'tampered',
    );
    const payload = fromBase64(signed.payload);
    for (let index = 0; index < payload.length; index++) {
      expectReason(
        () => verifyEntry({ ...signed, payload: toBase64(flipByte(payload, index)) }),
        'bad-signature',
      );
    }
    const sig = fromBase64(signed.sig);
    expectReason(() => verifyEntry({ ...signed, sig: toBase64(flipByte(sig, 10)) }), 'bad-signature');
    // Re-signed by someone else but claiming the doctor's key: refused.
    const forged = signEntry(entry, stranger.sign.secretKey, stranger.sign.publicKey);
    expectReason(() => verifyEntry({ ...forged, signPk: signed.signPk }), 'bad-signature');
    expectReason(() => verifyEntry({ ...signed, signPk: 'AAAA' }), 'bad-signature');
    // A sealed message that is not a signed entry is refused too.
    const junk = sealEntry(
      { payload: signed.payload, sig: 'x', signPk: signed.signPk },
      patient.box.publicKey,
    );
    expectReason(() => openEntry(junk, patient.box.publicKey, patient.box.secretKey), 'bad-signature');
  });
});
