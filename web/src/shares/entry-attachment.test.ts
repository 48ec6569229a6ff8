import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { generateIdentity } from '../../../shared/crypto/identity.ts';
import { signEntry } from '../../../shared/crypto/share-entry.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { practitionerEntrySchema } from '../../../shared/schema/practitioner-entry.ts';
import { buildPayload, checkStoredEntry } from './entry-payload.ts';

beforeAll(initCrypto);

const author = { name: 'Dr Alice Martin', profession: 'GP' };
const attachment = {
  fileId: 'AAAAAAAAAAAAAAAAAAAAAA',
  name: 'compte-rendu.pdf',
  mediaType: 'application/pdf',
  size: 2000,
  sha256: 'a'.repeat(64),
  chunkCount: 1,
};

describe('an entry with an attached file', () => {
  it('signs the file reference with the entry: verified as sent, invalid once its hash is changed', () => {
    const doctor = generateIdentity();
    const entry = practitionerEntrySchema.parse({
      kind: 'practitioner-entry',
      schemaVersion: 1,
      entryType: 'note',
      title: 'Compte rendu',
      body: 'IRM relue.',
      practitioner: { ...author, idSelfDeclared: true },
      createdAt: '2026-11-23T10:00:00.000Z',
      attachment,
    });
    const signPk = toBase64(doctor.sign.publicKey);
    const payload = buildPayload({
      id: 'entry-0123456789abcdef',
      shareId: 'share-1',
      profileId: 'profile-1',
      author,
      signPk,
      tag: 'tag',
      entry,
    });
    const signature = signEntry(payload, doctor.sign.secretKey, doctor.sign.publicKey);
    const stored = practitionerEntrySchema.parse({
      ...payload.entry,
      signature,
      received: { accountId: 'acct', keyFingerprint: '', keyChanged: false, attachment: 'imported' },
    });
    const verdict = checkStoredEntry({ ...stored, received: undefined });
    expect(verdict.status).toBe('verified');
    if (verdict.status === 'verified') expect(verdict.payload.entry.attachment?.sha256).toBe('a'.repeat(64));
    const swapped = { ...stored, received: undefined, attachment: { ...attachment, sha256: 'b'.repeat(64) } };
    expect(checkStoredEntry(swapped).status).toBe('invalid');
  });
});
