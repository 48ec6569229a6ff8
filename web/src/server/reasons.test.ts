import { describe, expect, it } from 'vitest';
import { appReason, isShareError, shareReason, syncReason } from './reasons.ts';
import { ServerError, type ServerErrorReason } from './server-error.ts';

const at = (reason: ServerErrorReason, endpoint?: string) =>
  new ServerError(reason, reason, endpoint ? { endpoint } : {});

describe('what a server error means to each screen', () => {
  it('sync status: the reasons it has always explained', () => {
    expect(syncReason(at('timeout'))).toBe('offline');
    expect(syncReason(at('conflict', '/api/auth/register'))).toBe('account-exists');
    expect(syncReason(at('internal'))).toBe('server');
    expect(syncReason(at('payload-too-large'))).toBe('rejected');
    expect(syncReason(at('invalid-document'))).toBe('invalid-document');
  });

  it('sharing screens: a refused proof is a wrong passcode, a refused session means sync is off', () => {
    expect(isShareError(at('forbidden', '/api/shares/:id/open'))).toBe(true);
    expect(isShareError(at('forbidden', '/api/practitioners/me'))).toBe(true);
    expect(isShareError(at('forbidden', '/api/calls/token'))).toBe(false);
    expect(shareReason(at('forbidden', '/api/shares/:id/open'))).toBe('wrong-passcode');
    expect(shareReason(at('forbidden', '/api/shares/code/:lookupId'))).toBe('wrong-passcode');
    expect(shareReason(at('forbidden', '/api/shares'))).toBe('failed');
    expect(shareReason(at('unauthorized', '/api/shares'))).toBe('sync-off');
    expect(shareReason(at('conflict', '/api/shares'))).toBe('failed');
    expect(shareReason(at('share-limit', '/api/shares'))).toBe('share-limit');
    expect(
      shareReason(
        new ServerError('share-limit', 'x', { endpoint: '/api/shares', status: 429, retryAfter: 90 }),
      ),
    ).toBe('share-limit-paced');
    expect(shareReason(at('share-locked', '/api/shares/:id/open'))).toBe('share-locked');
  });

  it('other screens: signing in says more than the rest', () => {
    expect(appReason(at('unauthorized', '/api/auth/login'))).toBe('wrong-passphrase');
    expect(appReason(at('rate-limited', '/api/auth/prelogin'))).toBe('sync-rate-limited');
    expect(appReason(at('conflict', '/api/auth/register'))).toBe('sync-email-taken');
    expect(appReason(at('unauthorized', '/api/calls/token'))).toBe('sync-failed');
    expect(appReason(at('rate-limited', '/api/calls/token'))).toBe('sync-failed');
    expect(appReason(at('offline', '/api/calls/token'))).toBe('sync-offline');
  });
});
