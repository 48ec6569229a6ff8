/**
 * The messages of one call, as shown in the chat list: text, shared entries, and files (received
 * files become object URLs to download, revoked when the call screen goes away).
 */
import { type Accessor, createSignal } from 'solid-js';
import type { CallMessage } from './call-messages.ts';
import { FileReceiver, type ReceivedFile, receivedBlob } from './file-transfer.ts';

export interface ChatItem {
  readonly id: number;
  readonly from: 'me' | 'them';
  readonly kind: 'text' | 'file' | 'entry';
  readonly text: string;
  /** Received files: an object URL to download it. */
  readonly url?: string;
  /** Received files: the bytes, to keep in the record if the person chooses (received-document.ts). */
  readonly file?: ReceivedFile;
  readonly at: number;
}

export interface CallChat {
  items: Accessor<readonly ChatItem[]>;
  add(item: Omit<ChatItem, 'id' | 'at'>): void;
  /** Takes chat, entry and file messages from the other side; false for any other message. */
  receive(message: CallMessage): boolean;
  /** A transfer id unique within this call. */
  nextFileId(): string;
  dispose(): void;
}

export function createCallChat(now: () => number): CallChat {
  const [items, setItems] = createSignal<readonly ChatItem[]>([]);
  const receiver = new FileReceiver();
  const urls: string[] = [];
  let nextId = 1;
  let nextFile = 1;

  const add = (item: Omit<ChatItem, 'id' | 'at'>) =>
    setItems((list) => [...list, { ...item, id: nextId++, at: now() }]);

  return {
    items,
    add,
    receive(message) {
      switch (message.type) {
        case 'chat':
          add({ from: 'them', kind: 'text', text: message.text });
          return true;
        case 'entry':
          add({ from: 'them', kind: 'entry', text: `${message.title}\n${message.text}` });
          return true;
        case 'file-start':
        case 'file-chunk':
        case 'file-end': {
          const file = receiver.accept(message);
          if (file && file !== 'dropped') {
            const url = URL.createObjectURL(receivedBlob(file));
            urls.push(url);
            add({ from: 'them', kind: 'file', text: file.name, url, file });
          }
          return true;
        }
        default:
          return false;
      }
    },
    nextFileId: () => `${now()}-${nextFile++}`,
    dispose() {
      for (const url of urls.splice(0)) URL.revokeObjectURL(url);
    },
  };
}
