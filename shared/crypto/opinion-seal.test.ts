import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './encoding.ts';
import { generateIdentity } from './identity.ts';
import { openOpinionPart, sealOpinionPart } from './opinion-seal.ts';
import { initCrypto } from './sodium.ts';
import { expectReason, flipByte } from './testing.ts';

beforeAll(initCrypto);

describe('second-opinion parts: signed by the author, sealed to one reader', () => {
  it('opens for its reader with the author named, and only for that reader', () => {
    const parent = generateIdentity();
    const chosen = generateIdentity();
    const other = generateIdentity();
    const sealed = sealOpinionPart(
      { question: 'murmur' },
      { signPublicKey: parent.sign.publicKey, signSecretKey: parent.sign.secretKey },
      chosen.box.publicKey,
    );
    const opened = openOpinionPart(
      sealed,
      { boxPublicKey: chosen.box.publicKey, boxSecretKey: chosen.box.secretKey },
      parent.sign.publicKey,
    );
    expect(opened.content).toEqual({ question: 'murmur' });
    // A doctor who did not accept cannot open what was sealed to the one who did.
    expectReason(
      () =>
        openOpinionPart(
          sealed,
          { boxPublicKey: other.box.publicKey, boxSecretKey: other.box.secretKey },
          parent.sign.publicKey,
        ),
      'tampered',
    );
  });

  it('refuses a part signed by someone else than the expected author, and an altered one', () => {
    const parent = generateIdentity();
    const doctor = generateIdentity();
    const server = generateIdentity();
    const forged = sealOpinionPart(
      { type: 'report' },
      { signPublicKey: server.sign.publicKey, signSecretKey: server.sign.secretKey },
      parent.box.publicKey,
    );
    const reader = { boxPublicKey: parent.box.publicKey, boxSecretKey: parent.box.secretKey };
    expectReason(() => openOpinionPart(forged, reader, doctor.sign.publicKey), 'bad-signature');
    const genuine = sealOpinionPart(
      { type: 'report' },
      { signPublicKey: doctor.sign.publicKey, signSecretKey: doctor.sign.secretKey },
      parent.box.publicKey,
    );
    const altered = toBase64(flipByte(fromBase64(genuine), 60));
    expectReason(() => openOpinionPart(altered, reader, doctor.sign.publicKey), 'tampered');
  });
});
