/**
 * The acceptance of the terms as kept with the account on the server (§7, issue 18 item 5): the
 * device's acceptance signed with the holder's identity key, and back. A record whose signature does
 * not verify with this vault's identity (made up, or another vault's) is ignored: the person is
 * asked again, never told they accepted what they did not.
 */
import type { Identity } from '../../../shared/crypto/identity.ts';
import { signTerms, verifyTerms } from '../../../shared/crypto/terms-proof.ts';
import type { TermsRecord } from '../../../shared/protocol/account.ts';
import type { TermsAcceptance } from '../vault/terms-acceptance.ts';

export function signedTermsRecord(acceptance: TermsAcceptance, identity: Identity): TermsRecord {
  return { ...acceptance, signature: signTerms(acceptance, identity.sign.secretKey) };
}

export function acceptanceFromRecord(record: TermsRecord | null, identity: Identity): TermsAcceptance | null {
  if (!record) return null;
  const { signature, ...acceptance } = record;
  return verifyTerms(acceptance, signature, identity.sign.publicKey) ? acceptance : null;
}
