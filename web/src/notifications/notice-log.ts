/**
 * The notices kept on this device, sealed with the vault key (label `notices`, shared/crypto
 * local-seal), so nothing about them is readable at rest, not even that a message came. Read once
 * per unlocked session, written after each change, one write at a time.
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { z } from '../../../shared/schema/zod.ts';
import { type Notice, noticeSchema } from './notice.ts';

export interface SealedStateStorage {
  read(): Promise<string | null>;
  write(sealed: string): Promise<void>;
}

const LABEL = 'notices';
const listSchema = z.array(noticeSchema);

export async function readNotices(vaultKey: SymmetricKey, storage: SealedStateStorage): Promise<Notice[]> {
  const sealed = await storage.read();
  if (!sealed) return [];
  return listSchema.parse(openLocal(vaultKey, LABEL, JSON.parse(sealed)));
}

export async function writeNotices(
  vaultKey: SymmetricKey,
  storage: SealedStateStorage,
  notices: readonly Notice[],
): Promise<void> {
  await storage.write(JSON.stringify(sealLocal(vaultKey, LABEL, notices)));
}
