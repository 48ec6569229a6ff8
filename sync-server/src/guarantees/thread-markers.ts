/**
 * The messaging half of the ciphertext-only scan (docs/architecture.md §1.2, §8.5): the patient
 * opens a thread with a listed practitioner, writes a marked message with a marked attachment
 * (marked bytes and file name); the practitioner verifies and reads it, downloads and checks the
 * attachment, and answers with a marked message. Returns every value that must never reach the
 * server's storage or logs: markers, the thread and attachment keys, the practitioner's secrets.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { decryptAttachment, encryptAttachment } from '../../../shared/crypto/attachment.ts';
import { authKeyPair } from '../../../shared/crypto/auth-proof.ts';
import { toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { type CreatedVault, createVault } from '../../../shared/crypto/keyring.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import { generateThreadKey, unwrapThreadKey, wrapThreadKey } from '../../../shared/crypto/thread-key.ts';
import { sealMessage } from '../../../shared/crypto/thread-message.ts';
import { verifyThread } from '../../../shared/crypto/thread-verify.ts';
import type { MessagePage, ThreadList } from '../../../shared/protocol/messages.ts';
import { type Fetcher, jsonInit, signIn } from '../testing/api-client.ts';

const marker = (label: string) => `MRK${label}${randomBytes(6).toString('hex')}`;

export async function threadMarkedMessages(
  fetcher: Fetcher,
  patient: { token: string; vault: CreatedVault },
  encodings: (value: string | Uint8Array) => string[],
): Promise<{ secrets: string[]; stored: string[] }> {
  const doctorVault = createVault(marker('msgdocpass'));
  const doctorEmail = `${marker('msgdocmail').toLowerCase()}@example.org`;
  const authPublicKey = authKeyPair(doctorVault.authKey).publicKey;
  const registered = await fetcher(
    '/api/auth/register',
    jsonInit('POST', { email: doctorEmail, keyring: doctorVault.keyring, authPublicKey }),
  );
  expect(registered.status).toBe(201);
  const { token: doctor } = await signIn(fetcher, {
    email: doctorEmail,
    keyring: doctorVault.keyring,
    authKey: doctorVault.authKey,
    authPublicKey,
    vaultKey: doctorVault.vaultKey,
  });
  const listed = { name: 'Dr Thread', profession: 'GP', listed: true };
  const profile = { ...listed, accepts: { messages: true, secondOpinions: false, calls: false } };
  expect((await fetcher('/api/practitioners/me', jsonInit('PUT', profile, doctor))).status).toBe(200);
  const accountOf = async (token: string) =>
    ((await (await fetcher('/api/threads', jsonInit('GET', undefined, token))).json()) as ThreadList)
      .accountId;
  const patientId = await accountOf(patient.token);
  const doctorId = await accountOf(doctor);
  const me = { accountId: patientId, ...patient.vault.identity };

  const threadId = randomId();
  const key = generateThreadKey();
  const keys = [
    wrapThreadKey(threadId, key, { accountId: patientId, boxPublicKey: me.box.publicKey }, me),
    wrapThreadKey(
      threadId,
      key,
      { accountId: doctorId, boxPublicKey: doctorVault.identity.box.publicKey },
      me,
    ),
  ];
  const opened = await fetcher(
    '/api/threads',
    jsonInit('POST', { id: threadId, with: doctorId, keys }, patient.token),
  );
  expect(opened.status).toBe(201);

  const fileText = marker('attachedfile');
  const fileName = `${marker('filename')}.pdf`;
  const attachmentId = randomId();
  const file = encryptAttachment(attachmentId, {
    bytes: utf8(fileText.repeat(50)),
    name: fileName,
    mediaType: 'application/pdf',
  });
  const base = `/api/threads/${threadId}/attachments`;
  expect(
    (await fetcher(base, jsonInit('POST', { id: attachmentId, chunkCount: 1 }, patient.token))).status,
  ).toBe(201);
  const put = await fetcher(
    `${base}/${attachmentId}/chunks/0`,
    jsonInit('PUT', { data: file.chunks[0] }, patient.token),
  );
  expect(put.status).toBe(204);

  const question = marker('question');
  const answer = marker('answer');
  const post = async (
    token: string,
    from: { accountId: string; sign: typeof me.sign },
    content: unknown,
    ids: string[],
  ) =>
    fetcher(
      `/api/threads/${threadId}/messages`,
      jsonInit(
        'POST',
        sealMessage({ threadId, seq: 1, sentAt: 1, kind: 'message', attachments: ids, content }, key, from),
        token,
      ),
    );
  expect(
    (await post(patient.token, me, { text: question, attachments: [file.ref] }, [attachmentId])).status,
  ).toBe(201);

  // The practitioner's side: its own copy of the key, verified messages, the file checked.
  const list = (await (
    await fetcher('/api/threads', jsonInit('GET', undefined, doctor))
  ).json()) as ThreadList;
  const wrapped = list.threads.find((t) => t.id === threadId)?.key;
  const theirKey = unwrapThreadKey(threadId, wrapped as NonNullable<typeof wrapped>, {
    accountId: doctorId,
    box: doctorVault.identity.box,
  }).key;
  const page = (await (
    await fetcher(`/api/threads/${threadId}/messages`, jsonInit('GET', undefined, doctor))
  ).json()) as MessagePage;
  const pinned = new Map([
    [patientId, toBase64(me.sign.publicKey)],
    [doctorId, toBase64(doctorVault.identity.sign.publicKey)],
  ]);
  const [checked] = verifyThread({
    threadId,
    key: theirKey,
    pinned,
    messages: page.messages.map((m) => m.envelope),
  });
  expect(checked?.verdict).toBe('valid');
  const chunk = await fetcher(`${base}/${attachmentId}/chunks/0`, jsonInit('GET', undefined, doctor));
  const data = ((await chunk.json()) as { data: string }).data;
  expect(new TextDecoder().decode(decryptAttachment(file.ref, [data]))).toBe(fileText.repeat(50));
  const reply = await post(
    doctor,
    { accountId: doctorId, sign: doctorVault.identity.sign },
    { text: answer },
    [],
  );
  expect(reply.status).toBe(201);
  await fetcher(`/api/threads/${threadId}/receipts`, jsonInit('POST', { read: 1 }, doctor));
  await fetcher('/api/threads/blocks', jsonInit('POST', { accountId: patientId }, doctor));

  // What the server does keep, so a scan that finds no marker is seen to look at messaging too.
  const stored = [page.messages[0]?.envelope.ciphertext.slice(0, 40) ?? '', data.slice(0, 40)];
  const secrets = [
    question,
    answer,
    fileText,
    fileName,
    ...encodings(key.bytes),
    file.ref.key,
    ...encodings(doctorVault.identity.sign.secretKey),
    ...encodings(doctorVault.identity.box.secretKey),
    doctorEmail,
    doctor,
  ];
  return { secrets, stored };
}
