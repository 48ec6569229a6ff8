/**
 * What a ServerError means to each part of the UI. The server's reasons are precise; the screens
 * explain fewer cases, in their own words: the sync status (`sync.reasons.*`), the sharing screens
 * (`shares.errors.*`) and the app's other messages (`errors.*`).
 */
import type { ServerError } from './server-error.ts';

export type SyncReason =
  | 'offline'
  | 'unauthorized'
  | 'rate-limited'
  | 'profile-limit'
  | 'account-exists'
  /** Another 4xx: the request was refused as malformed (a client bug). */
  | 'rejected'
  | 'server'
  | 'bad-response'
  | 'invalid-document'
  /** The server ended this session: the passphrase changed, or "sign out everywhere else", on another device. */
  | 'signed-out-keyring-changed'
  | 'signed-out-elsewhere'
  /** A push would grow the account past its storage quota (numbers in the error's `details`). */
  | 'quota-exceeded'
  /** The server could not read what this device sent as UTF-8 text. */
  | 'invalid-utf8';

export function syncReason(error: ServerError): SyncReason {
  switch (error.reason) {
    case 'offline':
    case 'timeout':
      return 'offline';
    case 'unauthorized':
    case 'rate-limited':
    case 'profile-limit':
    case 'bad-response':
    case 'invalid-document':
    case 'signed-out-keyring-changed':
    case 'signed-out-elsewhere':
    case 'quota-exceeded':
    case 'invalid-utf8':
      return error.reason;
    case 'conflict':
      return 'account-exists';
    case 'internal':
      return 'server';
    default:
      return 'rejected';
  }
}

export type ShareServerReason =
  | 'offline'
  | 'sync-off'
  | 'not-found'
  | 'share-revoked'
  | 'share-used'
  | 'share-expired'
  | 'share-locked'
  | 'share-read-only'
  | 'wrong-passcode'
  | 'rate-limited'
  | 'share-limit'
  | 'share-limit-paced'
  | 'failed';

/** Whether the sharing screens explain this error (share and practitioner endpoints). */
export function isShareError(error: ServerError): boolean {
  const path = error.meta.endpoint ?? '';
  return path.startsWith('/api/shares') || path.startsWith('/api/practitioners');
}

export function shareReason(error: ServerError): ShareServerReason {
  switch (error.reason) {
    case 'offline':
    case 'timeout':
      return 'offline';
    case 'share-revoked':
    case 'share-used':
    case 'share-expired':
    case 'share-locked':
    case 'share-read-only':
    case 'rate-limited':
    case 'not-found':
      return error.reason;
    case 'share-limit':
      // 409: too many live shares; 429: too many created this hour (with Retry-After).
      return error.meta.status === 429 ? 'share-limit-paced' : 'share-limit';
    case 'unauthorized':
      return 'sync-off';
    case 'forbidden': {
      // Refused proofs: the access token (from the passcode) or the typed code's proof.
      const path = error.meta.endpoint ?? '';
      return path.includes('/open') || path.includes('/code/') || path.includes('/entries')
        ? 'wrong-passcode'
        : 'failed';
    }
    default:
      return 'failed';
  }
}

export type AppServerReason =
  | 'sync-offline'
  | 'sync-rate-limited'
  | 'sync-email-taken'
  | 'wrong-passphrase'
  | 'sync-failed'
  | 'proof-required'
  | 'signed-out-keyring-changed'
  | 'signed-out-elsewhere'
  | 'quota-exceeded'
  | 'invalid-utf8'
  | 'emergency-token-taken';

/** Reasons every screen explains as the server gave them, whatever the endpoint. */
const SAID_AS_IS: ReadonlySet<string> = new Set<AppServerReason>([
  'proof-required',
  'signed-out-keyring-changed',
  'signed-out-elsewhere',
  'quota-exceeded',
  'invalid-utf8',
  'emergency-token-taken',
]);

/**
 * For every other screen. Signing in and registering say more: one answer for an unknown email and
 * a wrong passphrase (accounts cannot be enumerated), a taken email, too many attempts.
 */
export function appReason(error: ServerError): AppServerReason {
  if (error.reason === 'offline' || error.reason === 'timeout') return 'sync-offline';
  if (SAID_AS_IS.has(error.reason)) return error.reason as AppServerReason;
  const path = error.meta.endpoint ?? '';
  if (!path.startsWith('/api/auth') && !path.startsWith('/api/account')) return 'sync-failed';
  switch (error.reason) {
    case 'rate-limited':
      return 'sync-rate-limited';
    case 'conflict':
      return 'sync-email-taken';
    case 'unauthorized':
      return 'wrong-passphrase';
    default:
      return 'sync-failed';
  }
}
