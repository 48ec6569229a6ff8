import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const session = EXAMPLE_RECORDS['exercise-session'];

describe('exercise session', () => {
  it('accepts a partly done session with difficulty, pain and a note', () => {
    expect(parseRecord(session)).toEqual({ ok: true, value: session });
  });

  it('accepts a skipped session with nothing else', () => {
    const { difficulty: _d, pain: _p, note: _n, ...bare } = session;
    const skipped = { ...bare, status: 'skipped' as const };
    expect(parseRecord(skipped)).toEqual({ ok: true, value: skipped });
  });

  it('refuses pain and difficulty outside 0–10 and an unknown status', () => {
    expect(recordIssues({ ...session, pain: 11 })).toEqual([
      { path: 'pain', message: 'Pain must be between 0 and 10' },
    ]);
    expect(recordIssues({ ...session, difficulty: -1 })).toEqual([
      { path: 'difficulty', message: 'Difficulty must be between 0 and 10' },
    ]);
    expect(recordIssues({ ...session, status: 'maybe' })[0]?.path).toBe('status');
  });

  it('refuses a programme reference that is not a record id', () => {
    expect(recordIssues({ ...session, programmeId: '../x' })).toEqual([
      { path: 'programmeId', message: 'Programme must be a record id' },
    ]);
  });
});
