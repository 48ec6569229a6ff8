/**
 * The live streams open on this instance, so they can be ended when their session ends (logout,
 * passphrase change, account deletion) and all at once on shutdown, instead of holding the
 * process open. Other instances notice a revoked session at their next heartbeat.
 */
export interface LiveStreamHandle {
  readonly accountId: string;
  readonly tokenHash: string;
  close(): void;
}

export class LiveStreams {
  private readonly open = new Set<LiveStreamHandle>();

  add(handle: LiveStreamHandle): () => void {
    this.open.add(handle);
    return () => this.open.delete(handle);
  }

  closeSession(tokenHash: string): void {
    this.closeWhere((h) => h.tokenHash === tokenHash);
  }

  /** Every stream of the account, except those of the session `keepTokenHash`. */
  closeAccount(accountId: string, keepTokenHash?: string): void {
    this.closeWhere((h) => h.accountId === accountId && h.tokenHash !== keepTokenHash);
  }

  closeAll(): void {
    this.closeWhere(() => true);
  }

  get size(): number {
    return this.open.size;
  }

  countFor(accountId: string): number {
    let count = 0;
    for (const handle of this.open) if (handle.accountId === accountId) count += 1;
    return count;
  }

  private closeWhere(match: (handle: LiveStreamHandle) => boolean): void {
    for (const handle of [...this.open]) {
      if (match(handle)) {
        this.open.delete(handle);
        handle.close();
      }
    }
  }
}
