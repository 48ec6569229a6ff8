import { describe, expect, it } from 'vitest';
import { appointmentIcs } from './ics.ts';

describe('appointment .ics', () => {
  const base = {
    uid: 'abc',
    start: Date.UTC(2026, 0, 5, 8, 0),
    end: Date.UTC(2026, 0, 5, 8, 30),
    summary: 'Teleconsultation, Dr Martin; cabinet',
    stamp: Date.UTC(2026, 0, 1, 12, 0, 5),
  };

  it('writes one event in UTC with CRLF line ends and escaped text', () => {
    const ics = appointmentIcs({ ...base, description: 'Line one\nline two, with a comma' });
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20260105T080000Z');
    expect(lines).toContain('DTEND:20260105T083000Z');
    expect(lines).toContain('DTSTAMP:20260101T120005Z');
    expect(lines).toContain('UID:abc@carnet');
    expect(lines).toContain('SUMMARY:Teleconsultation\\, Dr Martin\\; cabinet');
    expect(lines).toContain('DESCRIPTION:Line one\\nline two\\, with a comma');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const ics = appointmentIcs({ ...base, summary: 'é'.repeat(100) });
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${'é'.repeat(100)}`);
  });

  it('marks a cancelled appointment', () => {
    const ics = appointmentIcs({ ...base, cancelled: true });
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('METHOD:CANCEL');
  });
});
