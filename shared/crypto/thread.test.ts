import { beforeAll, describe, expect, it } from 'vitest';
import { decryptAttachment, encryptAttachment } from './attachment.ts';
import { fromBase64, toBase64 } from './encoding.ts';
import { generateIdentity, type Identity } from './identity.ts';
import { initCrypto } from './sodium.ts';
import { expectReason, flipByte } from './testing.ts';
import { generateThreadKey, unwrapThreadKey, wrapThreadKey } from './thread-key.ts';
import {
  decryptMessageContent,
  type MessageEnvelope,
  sealMessage,
  signKeyFingerprint,
} from './thread-message.ts';
import { verifyThread } from './thread-verify.ts';

let patient: Identity & { accountId: string };
let doctor: Identity & { accountId: string };
let stranger: Identity & { accountId: string };
const THREAD = 'thread-aaaaaaaaaaaaaaaa';

beforeAll(async () => {
  await initCrypto();
  patient = { accountId: 'acc-patient', ...generateIdentity() };
  doctor = { accountId: 'acc-doctor', ...generateIdentity() };
  stranger = { accountId: 'acc-stranger', ...generateIdentity() };
});

const recipient = (who: Identity & { accountId: string }) => ({
  accountId: who.accountId,
  boxPublicKey: who.box.publicKey,
});

function pinned(): Map<string, string> {
  return new Map([
    [patient.accountId, toBase64(patient.sign.publicKey)],
    [doctor.accountId, toBase64(doctor.sign.publicKey)],
  ]);
}

function flipText(text: string, index: number): string {
  return toBase64(flipByte(fromBase64(text), index));
}

describe('thread key wrap', () => {
  it('opens only for the named participant, and says who wrapped it', () => {
    const key = generateThreadKey();
    const forDoctor = wrapThreadKey(THREAD, key, recipient(doctor), patient);
    const opened = unwrapThreadKey(THREAD, forDoctor, doctor);
    expect(opened.key.bytes).toEqual(key.bytes);
    expect(opened.wrapper).toEqual({
      accountId: patient.accountId,
      signPk: toBase64(patient.sign.publicKey),
    });
    expectReason(() => unwrapThreadKey(THREAD, forDoctor, stranger), 'tampered');
    // The stranger relabelled as recipient: the signature no longer covers it.
    const relabelled = {
      ...forDoctor,
      recipientAccountId: stranger.accountId,
      recipientBoxPk: toBase64(stranger.box.publicKey),
    };
    expectReason(() => unwrapThreadKey(THREAD, relabelled, stranger), 'bad-signature');
  });

  it('refuses a wrap moved to another thread, re-signed by someone else or altered', () => {
    const key = generateThreadKey();
    const wrapped = wrapThreadKey(THREAD, key, recipient(doctor), patient);
    expectReason(() => unwrapThreadKey('thread-other', wrapped, doctor), 'bad-signature');
    const claimedByStranger = { ...wrapped, wrapperSignPk: toBase64(stranger.sign.publicKey) };
    expectReason(() => unwrapThreadKey(THREAD, claimedByStranger, doctor), 'bad-signature');
    expectReason(
      () => unwrapThreadKey(THREAD, { ...wrapped, ciphertext: flipText(wrapped.ciphertext, 3) }, doctor),
      'bad-signature',
    );
    // A wrap signed by the stranger, who swapped in its own box key: opens, but names the stranger.
    const byStranger = wrapThreadKey(THREAD, key, recipient(doctor), stranger);
    expect(unwrapThreadKey(THREAD, byStranger, doctor).wrapper.accountId).toBe(stranger.accountId);
  });
});

describe('thread messages', () => {
  const key = () => generateThreadKey();

  function thread() {
    const k = key();
    const send = (who: Identity & { accountId: string }, seq: number, text: string, threadId = THREAD) =>
      sealMessage(
        { threadId, seq, sentAt: 1_000 + seq, kind: 'message', attachments: [], content: { text } },
        k,
        who,
      );
    const verify = (messages: MessageEnvelope[]) =>
      verifyThread({ threadId: THREAD, key: k, pinned: pinned(), messages });
    return { k, send, verify };
  }

  it('decrypts only with the thread key both participants unwrap', () => {
    const k = key();
    const forPatient = unwrapThreadKey(
      THREAD,
      wrapThreadKey(THREAD, k, recipient(patient), patient),
      patient,
    );
    const forDoctor = unwrapThreadKey(THREAD, wrapThreadKey(THREAD, k, recipient(doctor), patient), doctor);
    const msg = sealMessage(
      { threadId: THREAD, seq: 1, sentAt: 5, kind: 'message', attachments: [], content: { text: 'hello' } },
      forPatient.key,
      patient,
    );
    expect(decryptMessageContent(msg, forDoctor.key)).toEqual({ text: 'hello' });
    expect(decryptMessageContent(msg, forPatient.key)).toEqual({ text: 'hello' });
    expectReason(() => decryptMessageContent(msg, generateThreadKey()), 'tampered');
    expect(() =>
      unwrapThreadKey(THREAD, wrapThreadKey(THREAD, k, recipient(doctor), patient), stranger),
    ).toThrow();
  });

  it('marks an in-order conversation valid', () => {
    const { send, verify } = thread();
    const verdicts = verify([send(patient, 1, 'a'), send(doctor, 1, 'b'), send(patient, 2, 'c')]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['valid', 'valid', 'valid']);
    expect(verdicts[2]?.content).toEqual({ text: 'c' });
  });

  it('reports a flipped byte in the ciphertext, nonce, header or signature as tampered', () => {
    const { send, verify } = thread();
    const m = send(patient, 1, 'secret');
    const broken: MessageEnvelope[] = [
      { ...m, ciphertext: flipText(m.ciphertext, 20) },
      { ...m, nonce: flipText(m.nonce, 0) },
      { ...m, sig: flipText(m.sig, 10) },
      { ...m, sentAt: m.sentAt + 1 },
      { ...m, attachments: ['x'] },
      { ...m, kind: 'notice' },
    ];
    for (const b of broken) expect(verify([b])[0]?.verdict).toBe('tampered');
  });

  it('reports a message re-attributed to the other participant', () => {
    const { send, verify } = thread();
    const m = send(patient, 1, 'from the patient');
    const claimed = { ...m, senderId: doctor.accountId };
    expect(verify([claimed])[0]?.verdict).toBe('re-attributed');
    const claimedWithKey = { ...claimed, senderKey: signKeyFingerprint(doctor.sign.publicKey) };
    expect(verify([claimedWithKey])[0]?.verdict).toBe('re-attributed');
    expect(verify([{ ...m, senderId: stranger.accountId }])[0]?.verdict).toBe('re-attributed');
    // The doctor, who holds the thread key, writes in the patient's name and signs with its own key.
    const forged = sealMessage(
      { threadId: THREAD, seq: 2, sentAt: 1, kind: 'message', attachments: [], content: { text: 'x' } },
      thread().k,
      { accountId: patient.accountId, sign: doctor.sign },
    );
    expect(verify([forged])[0]?.verdict).toBe('re-attributed');
  });

  it('reports a message of another thread, even one with the same key', () => {
    const { send, verify } = thread();
    const elsewhere = send(patient, 1, 'other thread', 'thread-bbbbbbbbbbbbbbbb');
    expect(verify([elsewhere])[0]?.verdict).toBe('wrong-thread');
    expect(verify([{ ...elsewhere, threadId: THREAD }])[0]?.verdict).toBe('tampered');
  });

  it('reports replays, gaps and reordering per sender', () => {
    const { send, verify } = thread();
    const p1 = send(patient, 1, 'one');
    const p2 = send(patient, 2, 'two');
    const p3 = send(patient, 3, 'three');
    const p2bis = send(patient, 2, 'two, rewritten');
    expect(verify([p1, p2, p2]).map((v) => v.verdict)).toEqual(['valid', 'valid', 'replayed']);
    expect(verify([p1, p2, p2bis]).map((v) => v.verdict)).toEqual(['valid', 'valid', 'replayed']);
    const gap = verify([p1, p3]);
    expect(gap.map((v) => v.verdict)).toEqual(['valid', 'gap']);
    expect(gap[1]?.missing).toEqual({ from: 2, to: 2 });
    expect(verify([p1, p3, p2]).map((v) => v.verdict)).toEqual(['valid', 'gap', 'out-of-order']);
    expect(verify([p2]).map((v) => v.verdict)).toEqual(['gap']);
    // A forged copy does not make the genuine one that follows look replayed.
    expect(verify([{ ...p1, ciphertext: flipText(p1.ciphertext, 1) }, p1]).map((v) => v.verdict)).toEqual([
      'tampered',
      'valid',
    ]);
  });

  it('reports a changed signing key instead of showing the message', () => {
    const { k, verify } = thread();
    const newKeys = generateIdentity();
    const m = sealMessage(
      { threadId: THREAD, seq: 1, sentAt: 1, kind: 'message', attachments: [], content: { text: 'new key' } },
      k,
      { accountId: doctor.accountId, sign: newKeys.sign },
    );
    const [checked] = verify([m]);
    expect(checked?.verdict).toBe('key-changed');
    expect(checked?.content).toBeUndefined();
  });

  it('binds attachment ids: the content must list exactly the authenticated ones', () => {
    const k = generateThreadKey();
    const file = encryptAttachment('att1', {
      bytes: new Uint8Array([1, 2, 3]),
      name: 'a.pdf',
      mediaType: 'application/pdf',
    });
    const ok = sealMessage(
      {
        threadId: THREAD,
        seq: 1,
        sentAt: 1,
        kind: 'message',
        attachments: ['att1'],
        content: { attachments: [file.ref] },
      },
      k,
      patient,
    );
    const lying = sealMessage(
      {
        threadId: THREAD,
        seq: 2,
        sentAt: 1,
        kind: 'message',
        attachments: ['att2'],
        content: { attachments: [file.ref] },
      },
      k,
      patient,
    );
    const verdicts = verifyThread({ threadId: THREAD, key: k, pinned: pinned(), messages: [ok, lying] });
    expect(verdicts.map((v) => v.verdict)).toEqual(['valid', 'tampered']);
  });
});

describe('attachments', () => {
  const bytes = new Uint8Array(512 * 1024 * 2 + 10);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;

  it('round-trips a multi-chunk file and checks its hash', () => {
    const enc = encryptAttachment('att-1', { bytes, name: 'scan.pdf', mediaType: 'application/pdf' });
    expect(enc.chunks).toHaveLength(3);
    expect(Buffer.from(decryptAttachment(enc.ref, enc.chunks)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses reordered, dropped, swapped or altered chunks', () => {
    const enc = encryptAttachment('att-1', { bytes, name: 'scan.pdf', mediaType: 'application/pdf' });
    const [a, b, c] = enc.chunks as [string, string, string];
    expectReason(() => decryptAttachment(enc.ref, [b, a, c]), 'tampered');
    expectReason(() => decryptAttachment(enc.ref, [a, b]), 'tampered');
    expectReason(() => decryptAttachment({ ...enc.ref, chunkCount: 2 }, [a, b]), 'tampered');
    expectReason(() => decryptAttachment(enc.ref, [a, b, flipText(c, 40)]), 'tampered');
    const other = encryptAttachment('att-2', { bytes, name: 'x', mediaType: 'application/pdf' });
    expectReason(() => decryptAttachment({ ...other.ref, key: enc.ref.key }, enc.chunks), 'tampered');
    expectReason(() => decryptAttachment({ ...enc.ref, sha256: '0'.repeat(64) }, enc.chunks), 'tampered');
    expectReason(() => decryptAttachment({ ...enc.ref, sha256: 'not hex' }, enc.chunks), 'tampered');
  });

  it('refuses files over 20 MiB', () => {
    expectReason(
      () =>
        encryptAttachment('big', { bytes: new Uint8Array(20 * 1024 * 1024 + 1), name: 'b', mediaType: 'x' }),
      'invalid-input',
    );
  });
});
