/**
 * What the sharing service needs from the rest of the app, and nothing more: the server (while
 * sync is on), the unlocked keys, the decrypted profiles and records with a way to import a
 * practitioner entry, and a place for its sealed state.
 */
import type { Identity } from '../../../shared/crypto/identity.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { NewDocument } from '../records/document-service.ts';
import type { ProfileEntry } from '../records/profile-service.ts';
import type { RecordEntry } from '../records/record-service.ts';
import type { Server } from '../server/server.ts';

export interface SharingKeys {
  readonly vaultKey: SymmetricKey;
  readonly identity: Identity;
}

export interface RecordsPort {
  profiles(): readonly ProfileEntry[];
  records(): readonly RecordEntry[];
  /** Stores a practitioner entry this service verified, read-only, in the given profile. */
  importEntry(profileId: string, record: unknown, id: string): Promise<void>;
  /** A document's bytes, checked against its SHA-256 (throws `tampered` otherwise). */
  readDocument(recordId: string): Promise<Uint8Array>;
  /**
   * Stores the file a verified practitioner entry carried, read-only, as a document of the profile
   * (`fromEntry` names the entry); nothing happens when a record with this id exists already.
   */
  importDocument(profileId: string, doc: NewDocument & { id: string; fromEntry: string }): Promise<void>;
}

/** The sealed shares state (one string, sealed with the vault key), on this device only. */
export interface SealedStateStorage {
  read(): Promise<string | null>;
  write(sealed: string): Promise<void>;
}

export interface SharingDeps {
  server(): Server | null;
  readonly keys: SharingKeys;
  readonly records: RecordsPort;
  readonly storage: SealedStateStorage;
}
