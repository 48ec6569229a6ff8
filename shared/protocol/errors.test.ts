import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, errorBodySchema } from './errors.ts';
import { PROTOCOL_VERSION } from './version.ts';

describe('API error body', () => {
  it('accepts every reason', () => {
    for (const reason of ERROR_REASONS) {
      const body = { error: { reason, message: 'details for developers' } };
      expect(errorBodySchema.safeParse(body)).toEqual({ success: true, data: body });
    }
  });

  it('includes the reasons the clients branch on', () => {
    expect(ERROR_REASONS).toEqual(
      expect.arrayContaining(['profile-limit', 'rate-limited', 'conflict', 'gone']),
    );
  });

  it('rejects an unknown reason and a missing message', () => {
    expect(errorBodySchema.safeParse({ error: { reason: 'oops', message: 'x' } }).success).toBe(false);
    expect(errorBodySchema.safeParse({ error: { reason: 'not-found' } }).success).toBe(false);
  });

  it('tolerates fields a newer server may add', () => {
    const result = errorBodySchema.safeParse({ error: { reason: 'bad-request', message: 'x', issues: [] } });
    expect(result.success).toBe(true);
  });
});

describe('protocol version', () => {
  it('is 1', () => {
    expect(PROTOCOL_VERSION).toBe(1);
  });
});
