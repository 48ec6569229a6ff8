/**
 * What the patient's device concluded about a practitioner entry, computed once when its envelope
 * is opened (or changes) and kept with the decrypted record, so screens read it instead of checking
 * signatures while rendering (docs/architecture.md §8.3). The checks themselves live in `shares/`.
 */
import type { PractitionerEntry } from '../../../shared/schema/practitioner-entry.ts';

export interface VerifiedAuthor {
  readonly name: string;
  readonly profession: string;
  readonly specialty?: string | undefined;
  readonly professionalId?: string | undefined;
  readonly city?: string | undefined;
  readonly signPk: string;
}

/** The signed payload of an entry, as verified. */
export interface VerifiedPayload {
  readonly v: 1;
  readonly id: string;
  readonly shareId: string;
  readonly profileId: string;
  readonly tag: string;
  readonly author: VerifiedAuthor;
  readonly createdAt: string;
  readonly entry: PractitionerEntry;
}

export type EntryVerdict =
  | {
      readonly status: 'verified';
      readonly payload: VerifiedPayload;
      /** Of the signing key: what the patient compares with the practitioner's own screen. */
      readonly fingerprint: string;
      /** The account the server named at import; null for entries imported before it was kept. */
      readonly accountId: string | null;
      /** That account had shown another signing key before: never shown as plainly verified. */
      readonly keyChanged: boolean;
    }
  | { readonly status: 'invalid' }
  | { readonly status: 'unsigned' };
