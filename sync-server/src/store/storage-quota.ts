/**
 * 512 MiB of ciphertext per account by default (STORAGE_QUOTA_BYTES): years of records for a
 * family of six (a record is a few KiB) plus a few hundred scanned documents. Registration is
 * open, so one account must not be able to fill the server's disk.
 */
export const DEFAULT_STORAGE_QUOTA_BYTES = 512 * 1024 * 1024;
