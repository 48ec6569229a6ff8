import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import { compareProtocol, protocolVerdict } from './protocol-verdict.ts';
import { ServerError } from './server-error.ts';

describe('protocol verdict', () => {
  it('is a mismatch only when the server answers another version, newer or older', async () => {
    expect(compareProtocol(PROTOCOL_VERSION)).toBe('compatible');
    expect(compareProtocol(PROTOCOL_VERSION + 1)).toBe('mismatch');
    expect(compareProtocol(PROTOCOL_VERSION - 1)).toBe('mismatch');
    expect(await protocolVerdict({ protocolVersion: async () => 2 }, 1)).toBe('mismatch');
    expect(await protocolVerdict({ protocolVersion: async () => 1 }, 1)).toBe('compatible');
  });

  it('leaves an unreachable or unreadable server to the replication', async () => {
    const failing = (reason: 'offline' | 'bad-response' | 'not-found') => ({
      protocolVersion: () => Promise.reject(new ServerError(reason)),
    });
    expect(await protocolVerdict(failing('offline'))).toBe('unknown');
    expect(await protocolVerdict(failing('bad-response'))).toBe('unknown');
    expect(await protocolVerdict(failing('not-found'))).toBe('unknown');
  });
});
