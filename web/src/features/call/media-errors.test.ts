import { describe, expect, it } from 'vitest';
import { mediaProblem } from './media-errors.ts';

const domError = (name: string) => Object.assign(new Error('x'), { name });

describe('mediaProblem', () => {
  it('explains each getUserMedia failure', () => {
    expect(mediaProblem(domError('NotAllowedError'))).toBe('denied');
    expect(mediaProblem(domError('NotFoundError'))).toBe('no-device');
    expect(mediaProblem(domError('OverconstrainedError'))).toBe('no-device');
    expect(mediaProblem(domError('NotReadableError'))).toBe('busy');
    expect(mediaProblem(new TypeError('no mediaDevices'))).toBe('insecure');
    expect(mediaProblem({ name: 'NotAllowedError' })).toBe('denied');
    expect(mediaProblem('weird')).toBe('other');
  });
});
