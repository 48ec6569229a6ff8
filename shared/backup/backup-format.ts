/**
 * The `.carnet` backup file, format version 1. All integers are big-endian.
 *
 *   offset      size  field
 *   0           8     magic 89 43 41 52 4E 45 54 0A ("\x89CARNET\n": high byte first, so no text file
 *                     starts so, and a line-ending conversion shows)
 *   8           2     format version (1)
 *   10          4     n = length of the header JSON (1 … 65536)
 *   14          n     header JSON, UTF-8 (header-codec.ts): created-at, chunk size, the account keyring
 *                     (KDF tag, salt, vault key wrapped by the passphrase's key-encryption key and by
 *                     the recovery key, wrapped identity), the file key wrapped by the vault key, and
 *                     the secretstream header
 *   14+n        16    BLAKE2b-128 of bytes [0, 14+n): catches a damaged header before any KDF runs
 *   30+n        …     body: k ≥ 1 chunks of exactly chunkSize + 17 bytes each, the secretstream
 *                     encryption of the framed plaintext (frame-codec.ts) cut into chunkSize pieces; only
 *                     the last chunk has TAG_FINAL, its plaintext padded to chunkSize; every chunk's
 *                     additional data is BLAKE2b-256 of bytes [0, 30+n)
 *
 * In clear, the header shows what the keyring on the sync server shows: the KDF tag and salt, the
 * identity's two public keys, and wrapped keys; no secret, no health data, no count of records.
 *
 * Invariants: nothing follows the final chunk; the body opens only with the file key, which opens
 * only with the vault key, which opens only with the passphrase (as it was when the backup was made)
 * or the recovery key. Bytes 0–13 keep this layout in every later version, so any version can say
 * "newer version" rather than "corrupt".
 */
export const BACKUP_MAGIC = new Uint8Array([0x89, 0x43, 0x41, 0x52, 0x4e, 0x45, 0x54, 0x0a]);
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_PREFIX_BYTES = 14;
export const MAX_HEADER_JSON_BYTES = 64 * 1024;

/** 64 KiB: large enough that the 17-byte overhead is noise, small enough to never hold a document. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
export const MIN_CHUNK_SIZE = 1024;
/** A reader allocates one chunk at a time: a header cannot make it allocate more than this. */
export const MAX_CHUNK_SIZE = 4 * 1024 * 1024;

/** The file name suffix and media type the web side offers when saving. */
export const BACKUP_FILE_EXTENSION = '.carnet';
export const BACKUP_MEDIA_TYPE = 'application/vnd.carnet.backup';
