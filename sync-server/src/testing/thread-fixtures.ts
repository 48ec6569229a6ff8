/**
 * Test people for the messaging routes: accounts registered through the API with real identity
 * keys, helpers to open a thread with properly wrapped keys and to post signed messages.
 */
import { expect } from 'vitest';
import { type Identity, unwrapIdentity } from '../../../shared/crypto/identity.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { generateThreadKey, wrapThreadKey } from '../../../shared/crypto/thread-key.ts';
import { type MessageEnvelope, sealMessage } from '../../../shared/crypto/thread-message.ts';
import type { PractitionerProfile } from '../../../shared/protocol/shares.ts';
import { type Fetcher, jsonInit, register, testVault } from './api-client.ts';

export interface Person {
  readonly token: string;
  readonly accountId: string;
  readonly identity: Identity;
}

let counter = 0;

export async function person(fetcher: Fetcher, profile?: PractitionerProfile): Promise<Person> {
  counter += 1;
  const vault = testVault(`person${counter}-${randomId().slice(0, 6)}@example.org`);
  const token = await register(fetcher, vault);
  if (profile) {
    const res = await fetcher('/api/practitioners/me', jsonInit('PUT', profile, token));
    expect(res.status).toBe(200);
  }
  const list = await fetcher('/api/threads', jsonInit('GET', undefined, token));
  const { accountId } = (await list.json()) as { accountId: string };
  return { token, accountId, identity: unwrapIdentity(vault.keyring.identity, vault.vaultKey) };
}

export const LISTED: PractitionerProfile = {
  name: 'Dr Listed',
  profession: 'General practitioner',
  specialty: 'Médecine générale',
  city: 'Lyon',
  languages: ['fr', 'en'],
  rateCents: 5_000,
  listed: true,
  accepts: { messages: true, secondOpinions: false, calls: true },
};

export function threadRequest(opener: Person, other: Person, id = randomId(), key = generateThreadKey()) {
  const me = { accountId: opener.accountId, ...opener.identity };
  return {
    key,
    body: {
      id,
      with: other.accountId,
      keys: [
        wrapThreadKey(
          id,
          key,
          { accountId: opener.accountId, boxPublicKey: opener.identity.box.publicKey },
          me,
        ),
        wrapThreadKey(
          id,
          key,
          { accountId: other.accountId, boxPublicKey: other.identity.box.publicKey },
          me,
        ),
      ],
    },
  };
}

export function envelope(
  threadId: string,
  key: SymmetricKey,
  from: Person,
  seq: number,
  content: unknown = { text: `message ${seq}` },
  attachments: string[] = [],
): MessageEnvelope {
  return sealMessage({ threadId, seq, sentAt: 1_000 + seq, kind: 'message', attachments, content }, key, {
    accountId: from.accountId,
    sign: from.identity.sign,
  });
}
