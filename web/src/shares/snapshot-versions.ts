/**
 * The highest snapshot version this practitioner's page has seen, per share. The AEAD binds a
 * snapshot to its share and version, so the server cannot relabel one; but it could still serve an
 * older, genuine snapshot (a rollback hiding a newer allergy, say). A version lower than one already
 * seen is refused. In memory only: a reload starts from whatever the server serves first.
 */
export class SnapshotVersions {
  private readonly highest = new Map<string, number>();

  /** True (and remembered) unless `version` is older than one already seen for this share. */
  accept(shareId: string, version: number): boolean {
    const seen = this.highest.get(shareId);
    if (seen !== undefined && version < seen) return false;
    this.highest.set(shareId, version);
    return true;
  }
}
