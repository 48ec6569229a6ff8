/**
 * What messaging offers the screens (messaging.ts makes it): the service's interface, what it
 * needs, what it returns, and the problems it names. Kept apart so screens and the store import
 * the shapes without the implementation.
 */
import type { Accessor } from 'solid-js';
import type { AttachmentRef } from '../../../shared/crypto/attachment.ts';
import type { Identity } from '../../../shared/crypto/identity.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type {
  DirectoryEntry,
  DirectoryQuery,
  DirectoryResponse,
} from '../../../shared/protocol/directory.ts';
import type { MessageEvent, ParticipantRole } from '../../../shared/protocol/messages.ts';
import type { Server } from '../server/server.ts';
import type { OutgoingFile } from './attachment-transfer.ts';
import type { SealedStateStorage } from './message-pins.ts';
import type { Draft, QueuedMessage } from './outbox.ts';
import type { ViewMessage } from './thread-view.ts';

export type MessagingProblemReason = 'sync-off' | 'thread-key-refused' | 'not-found' | 'attachment-tampered';

/** What the writer gives: a draft whose files are bytes (read from the record or a file picker). */
export type NewDraft = Omit<Draft, 'files'> & { readonly files?: readonly OutgoingFile[] };

/** A message in the outbox, and why the server refused it when it did for another reason than offline. */
export interface WaitingMessage extends QueuedMessage {
  readonly refused: string | null;
}

export class MessagingProblem extends Error {
  override readonly name = 'MessagingProblem';
  constructor(readonly reason: MessagingProblemReason) {
    super(reason);
  }
}

export interface MessagingDeps {
  server(): Server | null;
  readonly keys: { readonly vaultKey: SymmetricKey; readonly identity: Identity };
  readonly storage: SealedStateStorage;
  /** Where the outbox is kept, sealed; in memory only when absent (tests). */
  readonly outboxStorage?: SealedStateStorage;
  /** Live `message` events, and `null` at each reconnection of the stream; returns the unsubscribe. */
  onMessage(listener: (event: MessageEvent | null) => void): () => void;
  now(): number;
}

export interface Correspondent {
  readonly accountId: string;
  /** A practitioner's self-declared name; null for a patient. */
  readonly name: string | null;
  readonly role: ParticipantRole;
}

export interface ThreadItem {
  readonly id: string;
  readonly other: Correspondent;
  readonly unread: number;
  /** When the server received the thread's last message; null for an empty thread. */
  readonly lastAt: number | null;
  readonly archived: boolean;
}

export interface OpenedThread {
  readonly id: string;
  readonly archived: boolean;
  /** This account blocks the other participant. */
  readonly blocked: boolean;
  readonly myRole: ParticipantRole;
  readonly other: Correspondent & {
    /** The fingerprint of the signing key pinned for them (what to compare with them). */
    readonly fingerprint: string;
    /** They publish another key than the one pinned: their new messages show `key-changed`. */
    readonly keyChanged: boolean;
  };
  readonly ownFingerprint: string;
  readonly messages: readonly ViewMessage[];
}

export interface Messaging {
  /** Bumped by every live `message` event and every send: screens refetch when it moves. */
  readonly changes: Accessor<number>;
  /** Total unread over the account's threads, as last listed. */
  readonly unread: Accessor<number>;
  /** Lists the threads again for the unread count only (the shell's badge). */
  refreshUnread(): Promise<void>;
  directory(query: DirectoryQuery): Promise<DirectoryResponse>;
  threads(): Promise<ThreadItem[]>;
  /** The thread with this practitioner, opened if there is none yet; its id. */
  startThread(with_: DirectoryEntry): Promise<string>;
  open(threadId: string): Promise<OpenedThread>;
  /** Sends now, or keeps it in the outbox when the server cannot be reached ('queued'). */
  send(threadId: string, text: string): Promise<'sent' | 'queued'>;
  /** The same with a request, an answer, the profile written for, files. */
  sendDraft(threadId: string, draft: NewDraft): Promise<'sent' | 'queued'>;
  /** Messages kept on this device until the server takes them, in the order written. */
  readonly outbox: Accessor<readonly WaitingMessage[]>;
  /** Sends what the outbox holds, in order; stops at the first that cannot reach the server. */
  flush(): Promise<void>;
  /** Drops a waiting message (one the server refused). */
  discard(id: string): Promise<void>;
  /** The attachment's bytes, its checksum verified (`attachment-tampered` otherwise). */
  download(threadId: string, ref: AttachmentRef): Promise<Uint8Array>;
  archive(threadId: string, archived: boolean): Promise<void>;
  /** The accounts this account refuses messages from. */
  blocked(): Promise<readonly string[]>;
  block(accountId: string): Promise<void>;
  unblock(accountId: string): Promise<void>;
  /** Stops following the live stream (on lock). */
  dispose(): void;
}
