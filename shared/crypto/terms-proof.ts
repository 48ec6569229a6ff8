/**
 * The account holder's acceptance of the terms of use, signed with their identity's Ed25519 key
 * (identity.ts), so the copy kept with the account on the server can be checked by any device of the
 * same vault: the server can drop or replay it, not make one up. Signed bytes: the JSON array
 * `["carnet.terms", 1, version, acceptedAt, adult]`.
 */
import { utf8 } from './encoding.ts';
import { signDetached, verifyDetached } from './signature.ts';

export interface TermsStatement {
  readonly version: number;
  readonly acceptedAt: string;
  readonly adult: true;
}

function message(statement: TermsStatement): Uint8Array {
  return utf8(JSON.stringify(['carnet.terms', 1, statement.version, statement.acceptedAt, statement.adult]));
}

export function signTerms(statement: TermsStatement, signSecretKey: Uint8Array): string {
  return signDetached(message(statement), signSecretKey);
}

/** True when `signature` is the holder of `signPublicKey` accepting exactly this statement. */
export function verifyTerms(
  statement: TermsStatement,
  signature: string,
  signPublicKey: Uint8Array,
): boolean {
  try {
    verifyDetached(message(statement), signature, signPublicKey);
    return true;
  } catch {
    return false;
  }
}
