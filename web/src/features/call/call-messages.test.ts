import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import { CHAT_MAX, parseCallMessage } from './call-messages.ts';

describe('parseCallMessage', () => {
  it('accepts each message the two sides send', () => {
    const messages = [
      { type: 'knock', name: 'Camille Martin' },
      { type: 'knock', name: 'Camille', session: 'abc123' },
      { type: 'admitted', session: 's1', practitionerName: 'Dr Dubois', hourlyRateCents: 6_000 },
      { type: 'chat', text: 'Hello' },
      { type: 'file-start', id: 'f1', name: 'a.pdf', mime: 'application/pdf', size: 10 },
      { type: 'file-end', id: 'f1' },
      { type: 'entry', title: 'Note', text: 'Body' },
      { type: 'end' },
      { type: 'summary', summary: EXAMPLE_RECORDS.consultation },
    ];
    for (const message of messages) expect(parseCallMessage(message)).toEqual(message);
  });

  it('turns chunk data received as an ArrayBuffer back into bytes', () => {
    const parsed = parseCallMessage({
      type: 'file-chunk',
      id: 'f1',
      index: 0,
      data: new Uint8Array([1, 2]).buffer,
    });
    expect(parsed).toEqual({ type: 'file-chunk', id: 'f1', index: 0, data: new Uint8Array([1, 2]) });
  });

  it('drops anything malformed or oversized from the other side', () => {
    for (const bad of [
      null,
      'knock',
      { type: 'knock', name: '   ' },
      { type: 'knock', name: 'x'.repeat(81) },
      { type: 'chat', text: 'x'.repeat(CHAT_MAX + 1) },
      { type: 'admitted', session: 's', practitionerName: 'Dr', hourlyRateCents: 9_500 },
      { type: 'file-start', id: 'f', name: 'big', mime: '', size: 6 * 1024 * 1024 },
      { type: 'file-chunk', id: 'f', index: 0, data: 'not bytes' },
      { type: 'summary', summary: { ...EXAMPLE_RECORDS.consultation, amountCents: -1 } },
      { type: 'chat', text: 'hi', extra: true },
      { type: 'unknown' },
    ]) {
      expect(parseCallMessage(bad)).toBeUndefined();
    }
  });
});
