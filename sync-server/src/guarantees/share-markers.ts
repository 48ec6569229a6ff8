/**
 * The share half of the ciphertext-only scan (docs/architecture.md §1.2, §8): a patient shares records full of
 * markers (with a marked passcode and a typed code); a practitioner opens the share, reads it,
 * and writes a marked entry sealed to the patient; the patient fetches it; both put a marked file in
 * the share (a shared document, an attached report). Returns every value that
 * must never reach the server's storage or logs: markers, the share key and what derives from it,
 * the passcode, the code's secret, and the practitioner's keys.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { aeadEncrypt } from '../../../shared/crypto/aead.ts';
import { authKeyPair } from '../../../shared/crypto/auth-proof.ts';
import { toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { type CreatedVault, createVault } from '../../../shared/crypto/keyring.ts';
import {
  codeProof,
  deriveCodeKey,
  generateShareCode,
  wrapShareKeyWithCode,
} from '../../../shared/crypto/share-code.ts';
import { openEntry, sealEntry, signEntry, verifyEntry } from '../../../shared/crypto/share-entry.ts';
import {
  decryptShareFile,
  encryptShareFile,
  generateShareFileId,
} from '../../../shared/crypto/share-file.ts';
import {
  generateShareId,
  generateShareKey,
  openSnapshot,
  sealSnapshot,
  shareAccessToken,
  shareContentKey,
} from '../../../shared/crypto/share-key.ts';
import { type Fetcher, jsonInit, signIn } from '../testing/api-client.ts';

const marker = (label: string) => `MRK${label}${randomBytes(6).toString('hex')}`;

export async function shareMarkedRecords(
  fetcher: Fetcher,
  patient: { token: string; vault: CreatedVault },
  encodings: (value: string | Uint8Array) => string[],
): Promise<string[]> {
  const doctorVault = createVault(marker('docpass'));
  const doctorEmail = `${marker('docmail').toLowerCase()}@example.org`;
  const authPublicKey = authKeyPair(doctorVault.authKey).publicKey;
  const registered = await fetcher(
    '/api/auth/register',
    jsonInit('POST', { email: doctorEmail, keyring: doctorVault.keyring, authPublicKey }),
  );
  expect(registered.status).toBe(201);
  const doctor = (
    await signIn(fetcher, {
      email: doctorEmail,
      keyring: doctorVault.keyring,
      authKey: doctorVault.authKey,
      authPublicKey,
      vaultKey: doctorVault.vaultKey,
    })
  ).token;
  const profile = await fetcher(
    '/api/practitioners/me',
    jsonInit('PUT', { name: 'Dr Scan', profession: 'General practitioner' }, doctor),
  );
  expect(profile.status).toBe(200);

  const sharedTexts = ['sharedallergy', 'sharedmed', 'patientname'].map(marker);
  const passcode = marker('passcode');
  const key = generateShareKey();
  const id = generateShareId();
  const code = generateShareCode();
  const codeKey = deriveCodeKey(code);
  const snapshot = { patient: sharedTexts[2], records: sharedTexts.slice(0, 2) };
  const created = await fetcher(
    '/api/shares',
    jsonInit(
      'POST',
      {
        id,
        mode: 'read-add',
        sections: ['allergy', 'medication'],
        expiry: '24h',
        accessToken: shareAccessToken(key, passcode),
        hasPasscode: true,
        code: {
          lookupId: code.lookupId,
          proof: codeProof(codeKey),
          wrappedKey: wrapShareKeyWithCode(key, codeKey, code.lookupId),
        },
        snapshot: { version: 1, ...sealSnapshot(key, id, 1, snapshot) },
        // The patient's copy of the share secrets for their other devices, sealed with the vault key
        // (as web/src/features/shares/shares-state.ts does): the passcode and code must not show.
        ownerSecret: (() => {
          const secret = { id, key: toBase64(key), passcode, code: code.code };
          const sealed = aeadEncrypt(patient.vault.vaultKey, utf8(JSON.stringify(secret)), utf8(id));
          return { nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) };
        })(),
      },
      patient.token,
    ),
  );
  expect(created.status).toBe(201);
  const opened = await fetcher(
    `/api/shares/${id}/open`,
    jsonInit('POST', { accessToken: shareAccessToken(key, passcode) }, doctor),
  );
  expect(opened.status).toBe(200);
  expect(openSnapshot(key, id, 1, (await opened.json()).snapshot)).toEqual(snapshot);

  const entryText = marker('prescription');
  const signed = signEntry(
    { shareId: id, text: entryText },
    doctorVault.identity.sign.secretKey,
    doctorVault.identity.sign.publicKey,
  );
  const posted = await fetcher(
    `/api/shares/${id}/entries`,
    jsonInit(
      'POST',
      {
        accessToken: shareAccessToken(key, passcode),
        sealed: sealEntry(signed, patient.vault.identity.box.publicKey),
      },
      doctor,
    ),
  );
  expect(posted.status).toBe(201);
  const pending = await (
    await fetcher(`/api/shares/${id}/entries`, jsonInit('GET', undefined, patient.token))
  ).json();
  const entry = openEntry(
    pending.entries[0].sealed,
    patient.vault.identity.box.publicKey,
    patient.vault.identity.box.secretKey,
  );
  expect(verifyEntry(entry)).toEqual({ shareId: id, text: entryText });

  // A document the patient puts in the share, and a report the practitioner attaches: the server
  // keeps their chunks (encrypted under a key derived from the share key), and each reads back.
  const fileTexts = ['shareddocument', 'attachedreport'].map(marker);
  const uploaders = [
    { text: fileTexts[0] as string, session: patient.token, access: {} },
    {
      text: fileTexts[1] as string,
      session: doctor,
      access: { accessToken: shareAccessToken(key, passcode) },
    },
  ];
  for (const { text, session, access } of uploaders) {
    const fileId = generateShareFileId();
    const { ref, chunks } = encryptShareFile(key, id, {
      id: fileId,
      bytes: utf8(text),
      name: `${text}.txt`,
      mediaType: 'text/plain',
    });
    const declared = await fetcher(
      `/api/shares/${id}/files`,
      jsonInit('POST', { id: fileId, chunkCount: chunks.length, ...access }, session),
    );
    expect(declared.status).toBe(201);
    const put = await fetcher(
      `/api/shares/${id}/files/${fileId}/chunks/0`,
      jsonInit('PUT', { data: chunks[0], ...access }, session),
    );
    expect(put.status).toBe(204);
    const read = await fetcher(
      `/api/shares/${id}/files/${fileId}/chunks/0/read`,
      jsonInit('POST', { ...access }, session),
    );
    expect(read.status).toBe(200);
    expect(decryptShareFile(key, id, ref, [(await read.json()).data])).toEqual(utf8(text));
  }

  return [
    ...sharedTexts,
    entryText,
    ...fileTexts,
    passcode,
    code.secret,
    code.code,
    shareAccessToken(key, passcode),
    codeProof(codeKey),
    ...encodings(key),
    ...encodings(shareContentKey(key).bytes),
    ...encodings(codeKey.bytes),
    ...encodings(doctorVault.identity.sign.secretKey),
    ...encodings(doctorVault.identity.box.secretKey),
    doctor,
  ];
}
