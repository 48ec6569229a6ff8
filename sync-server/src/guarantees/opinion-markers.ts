/**
 * The second-opinion half of the ciphertext-only scan (issue 18): the patient offers a marked
 * request (marked summary question) to two referent doctors; one accepts; the patient sends the
 * marked forms, the marked proof of role (file name and bytes), marked consents and a marked
 * document; the doctor opens and checks them and sends a marked report with a marked PDF. Returns
 * every value that must never reach the server's storage or logs, and sealed values it must hold.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { authKeyPair } from '../../../shared/crypto/auth-proof.ts';
import { type CreatedVault, createVault } from '../../../shared/crypto/keyring.ts';
import { openOpinionPart, sealOpinionPart } from '../../../shared/crypto/opinion-seal.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import type { ThreadList } from '../../../shared/protocol/messages.ts';
import type { OpinionItem } from '../../../shared/protocol/opinions.ts';
import { type Fetcher, jsonInit, signIn } from '../testing/api-client.ts';

const marker = (label: string) => `MRK${label}${randomBytes(6).toString('hex')}`;

async function doctor(fetcher: Fetcher, label: string) {
  const vault = createVault(marker(`${label}pass`));
  const email = `${marker(`${label}mail`).toLowerCase()}@example.org`;
  const authPublicKey = authKeyPair(vault.authKey).publicKey;
  const registered = await fetcher(
    '/api/auth/register',
    jsonInit('POST', { email, keyring: vault.keyring, authPublicKey }),
  );
  expect(registered.status).toBe(201);
  const { token } = await signIn(fetcher, {
    email,
    keyring: vault.keyring,
    authKey: vault.authKey,
    authPublicKey,
    vaultKey: vault.vaultKey,
  });
  const profile = {
    name: `Dr ${label}`,
    profession: 'Cardiologist',
    listed: true,
    accepts: { messages: false, secondOpinions: true, calls: false },
  };
  expect((await fetcher('/api/practitioners/me', jsonInit('PUT', profile, token))).status).toBe(200);
  return { vault, token };
}

export async function opinionMarkedRequest(
  fetcher: Fetcher,
  patient: { token: string; vault: CreatedVault },
  encodings: (value: string | Uint8Array) => string[],
): Promise<{ secrets: string[]; stored: string[] }> {
  const accountOf = async (token: string) =>
    ((await (await fetcher('/api/threads', jsonInit('GET', undefined, token))).json()) as ThreadList)
      .accountId;
  const first = await doctor(fetcher, 'opinionfirst');
  const second = await doctor(fetcher, 'opinionsecond');
  const me = {
    signPublicKey: patient.vault.identity.sign.publicKey,
    signSecretKey: patient.vault.identity.sign.secretKey,
  };
  const question = marker('opinionquestion');
  const summary = { v: 1, field: 'cardiology', ageYears: 7, question, language: 'en' };
  const id = randomId();
  const offers = [];
  for (const d of [first, second]) {
    offers.push({
      candidateId: await accountOf(d.token),
      sealedSummary: sealOpinionPart(summary, me, d.vault.identity.box.publicKey),
    });
  }
  const requesterCopy = sealOpinionPart(
    { type: 'request', question },
    me,
    patient.vault.identity.box.publicKey,
  );
  expect(
    (await fetcher('/api/opinions', jsonInit('POST', { id, requesterCopy, offers }, patient.token))).status,
  ).toBe(201);
  expect(
    (await fetcher(`/api/opinions/${id}/accept`, jsonInit('POST', { priceCents: 5000 }, first.token))).status,
  ).toBe(200);

  const form = marker('opinionform');
  const proofName = `${marker('proofname')}.pdf`;
  const proofBytes = marker('proofbytes');
  const gp = marker('opiniongp');
  const documentText = marker('opiniondocument');
  const request = {
    type: 'request',
    answers: { question: form },
    proof: { name: proofName, data: Buffer.from(proofBytes.repeat(20)).toString('base64url') },
    consents: [{ kind: 'gp-exchange', version: 1, granted: true, gp }],
    documents: [{ name: 'ecg.txt', data: Buffer.from(documentText.repeat(20)).toString('base64url') }],
  };
  const both = (content: unknown, author: typeof me, kind: 'note' | 'report' = 'note') => ({
    kind,
    forRequester: sealOpinionPart(content, author, patient.vault.identity.box.publicKey),
    forDoctor: sealOpinionPart(content, author, first.vault.identity.box.publicKey),
  });
  const posted = both(request, me);
  expect((await fetcher(`/api/opinions/${id}/items`, jsonInit('POST', posted, patient.token))).status).toBe(
    201,
  );
  const items = (await (
    await fetcher(`/api/opinions/${id}/items`, jsonInit('GET', undefined, first.token))
  ).json()) as {
    items: OpinionItem[];
  };
  const doctorReader = {
    boxPublicKey: first.vault.identity.box.publicKey,
    boxSecretKey: first.vault.identity.box.secretKey,
  };
  expect(openOpinionPart(items.items[0]?.sealed as string, doctorReader, me.signPublicKey).content).toEqual(
    request,
  );

  const reportText = marker('opinionreport');
  const pdfText = marker('opinionpdf');
  const doctorKeys = {
    signPublicKey: first.vault.identity.sign.publicKey,
    signSecretKey: first.vault.identity.sign.secretKey,
  };
  const report = {
    type: 'report',
    body: reportText,
    pdf: Buffer.from(pdfText.repeat(20)).toString('base64url'),
  };
  expect(
    (
      await fetcher(
        `/api/opinions/${id}/items`,
        jsonInit('POST', both(report, doctorKeys, 'report'), first.token),
      )
    ).status,
  ).toBe(201);

  return {
    secrets: [
      question,
      form,
      proofName,
      proofBytes,
      gp,
      documentText,
      reportText,
      pdfText,
      ...encodings(first.vault.identity.box.secretKey),
      ...encodings(second.vault.identity.box.secretKey),
    ],
    stored: [posted.forDoctor.slice(0, 40), offers[0]?.sealedSummary.slice(0, 40) ?? ''],
  };
}
