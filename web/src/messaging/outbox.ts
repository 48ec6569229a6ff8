/**
 * Messages written while the server cannot be reached (docs/architecture.md §8.5): kept on this
 * device, sealed with the vault key (label `message-outbox`), never in plaintext, and sent in the
 * order written once the server answers again. Each item is a draft, not an envelope: its sequence
 * number is drawn when it is really sent, so two devices of the account never collide.
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { z } from '../../../shared/schema/zod.ts';
import { messageRequestSchema } from './message-content.ts';
import type { SealedStateStorage } from './message-pins.ts';

const draftFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  mediaType: z.string().max(255),
  /** The file's bytes, base64url (inside the sealed value). */
  data: z.string(),
});

export const draftSchema = z.strictObject({
  text: z.string().max(20_000),
  for: z.string().max(200).optional(),
  request: messageRequestSchema.optional(),
  answers: z.string().min(1).max(64).optional(),
  files: z.array(draftFileSchema).max(10).optional(),
});
export type Draft = z.infer<typeof draftSchema>;

const queuedSchema = z.strictObject({
  id: z.string(),
  threadId: z.string(),
  writtenAt: z.number(),
  draft: draftSchema,
});
export type QueuedMessage = z.infer<typeof queuedSchema>;

const outboxSchema = z.array(queuedSchema);

export class Outbox {
  private items: QueuedMessage[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vaultKey: SymmetricKey,
    private readonly storage: SealedStateStorage,
  ) {}

  private async load(): Promise<QueuedMessage[]> {
    if (this.items) return this.items;
    const sealed = await this.storage.read();
    this.items = sealed
      ? outboxSchema.parse(openLocal(this.vaultKey, 'message-outbox', JSON.parse(sealed)))
      : [];
    return this.items;
  }

  private run<T>(step: (items: QueuedMessage[]) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => step(await this.load()));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async save(items: QueuedMessage[]): Promise<void> {
    await this.storage.write(JSON.stringify(sealLocal(this.vaultKey, 'message-outbox', items)));
    this.items = items;
  }

  list(): Promise<readonly QueuedMessage[]> {
    return this.run(async (items) => [...items]);
  }

  add(item: QueuedMessage): Promise<void> {
    return this.run((items) => this.save([...items, item]));
  }

  remove(id: string): Promise<void> {
    return this.run((items) => this.save(items.filter((item) => item.id !== id)));
  }
}
