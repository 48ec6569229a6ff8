/**
 * Signing keys pinned per account for messaging, first seen first (docs/architecture.md §8.5):
 * the key a participant published when this device first met them (in the directory or a thread).
 * Kept on this device only, sealed with the vault key (label `message-pins`). A participant who
 * later publishes another key keeps the pinned one: their new messages come out `key-changed`.
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { z } from '../../../shared/schema/zod.ts';

export interface SealedStateStorage {
  read(): Promise<string | null>;
  write(sealed: string): Promise<void>;
}

const pinsSchema = z.record(z.string(), z.string());

export class MessagePins {
  private pins: Map<string, string> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vaultKey: SymmetricKey,
    private readonly storage: SealedStateStorage,
  ) {}

  private async load(): Promise<Map<string, string>> {
    if (this.pins) return this.pins;
    const sealed = await this.storage.read();
    const value = sealed
      ? pinsSchema.parse(openLocal(this.vaultKey, 'message-pins', JSON.parse(sealed)))
      : {};
    this.pins = new Map(Object.entries(value));
    return this.pins;
  }

  /** The pinned key of `accountId`, pinning `published` first if there is none yet. */
  pin(accountId: string, published: string): Promise<string> {
    const run = this.queue.then(async () => {
      const pins = await this.load();
      const pinned = pins.get(accountId);
      if (pinned) return pinned;
      pins.set(accountId, published);
      await this.storage.write(
        JSON.stringify(sealLocal(this.vaultKey, 'message-pins', Object.fromEntries(pins))),
      );
      return published;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
