/**
 * Why a `.carnet` backup could not be written or read. The UI translates `reason`, never `message`.
 *
 * Reading:
 * - `not-a-backup`: empty, or does not start with the magic bytes (random bytes, a JSON file, a photo);
 * - `newer-version`: a format version this app does not know; updating the app may open it;
 * - `corrupt-header`: the header fails its checksum or does not parse (damaged file);
 * - `wrong-secret`: the passphrase or recovery key does not open this file (`meta.secret` says which;
 *   `meta.problem` = `length` | `character` | `checksum` for a mistyped recovery key);
 * - `truncated`: the file ends early (inside the header, mid-chunk, or before the final chunk);
 * - `tampered`: something fails authentication (a changed byte, chunks reordered or dropped, data
 *   after the end).
 * Writing: `invalid-frame` (a frame the format cannot carry) and `wrong-key` (the vault key is not
 * the one the keyring wraps: the file could never be opened).
 */
export type BackupErrorReason =
  | 'not-a-backup'
  | 'newer-version'
  | 'corrupt-header'
  | 'wrong-secret'
  | 'truncated'
  | 'tampered'
  | 'invalid-frame'
  | 'wrong-key';

export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(
    readonly reason: BackupErrorReason,
    message: string,
    readonly meta: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

export function isBackupError(error: unknown, reason?: BackupErrorReason): error is BackupError {
  return error instanceof BackupError && (reason === undefined || error.reason === reason);
}
