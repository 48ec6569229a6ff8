import { beforeAll, describe, expect, it } from 'vitest';
import { encryptAttachment } from '../crypto/attachment.ts';
import { randomId } from '../crypto/random.ts';
import { initCrypto } from '../crypto/sodium.ts';
import { threadContentSchema } from './thread-content.ts';

beforeAll(() => initCrypto());

describe('thread message content', () => {
  it('accepts text, a structured request, an answer with an attachment made by the crypto core', () => {
    const file = encryptAttachment(randomId(), {
      bytes: new Uint8Array(10),
      name: 'scan.pdf',
      mediaType: 'application/pdf',
    });
    for (const content of [
      { schemaVersion: 1, text: 'Bonjour', profile: { id: 'p1', name: 'Léa' } },
      { schemaVersion: 1, request: { type: 'clearer-copy', document: 'Ordonnance du 3 mars' } },
      { schemaVersion: 1, request: { type: 'new-document' }, text: 'Votre dernier bilan ?' },
      { schemaVersion: 1, answers: 2, attachments: [file.ref] },
    ]) {
      expect(threadContentSchema.safeParse(content).success, JSON.stringify(content)).toBe(true);
    }
  });

  it('refuses empty messages, unknown requests, a clearer copy of nothing and unsafe file names', () => {
    const file = encryptAttachment(randomId(), {
      bytes: new Uint8Array(1),
      name: 'a',
      mediaType: 'text/plain',
    });
    for (const content of [
      { schemaVersion: 1 },
      { schemaVersion: 1, attachments: [] },
      { schemaVersion: 1, request: { type: 'everything' } },
      { schemaVersion: 1, request: { type: 'clearer-copy' } },
      { schemaVersion: 1, attachments: [{ ...file.ref, name: '../etc/passwd' }] },
      { schemaVersion: 1, attachments: [{ ...file.ref, chunkCount: 41 }] },
      { schemaVersion: 1, text: 'x', extra: true },
    ]) {
      expect(threadContentSchema.safeParse(content).success, JSON.stringify(content)).toBe(false);
    }
  });
});
