import { describe, expect, it } from 'vitest';
import { gradeQuality, sampleStats } from './connection-quality.ts';

const report = (stats: Record<string, unknown>[]) =>
  stats.map((s, i) => [String(i), s] as [string, Record<string, unknown>]);

describe('connection quality', () => {
  it('reads the RTT of the selected pair and sums inbound RTP', () => {
    const sample = sampleStats(
      report([
        { type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.042 },
        { type: 'candidate-pair', state: 'failed', nominated: false, currentRoundTripTime: 9 },
        { type: 'inbound-rtp', kind: 'audio', packetsReceived: 100, packetsLost: 1 },
        { type: 'inbound-rtp', kind: 'video', packetsReceived: 900, packetsLost: 9 },
        { type: 'outbound-rtp', packetsSent: 5 },
      ]),
    );
    expect(sample).toEqual({ rttSeconds: 0.042, packetsReceived: 1_000, packetsLost: 10 });
  });

  it('grades from RTT and the loss between samples', () => {
    const at = (rtt: number | null, received: number, lost: number) => ({
      rttSeconds: rtt,
      packetsReceived: received,
      packetsLost: lost,
    });
    expect(gradeQuality(null, at(null, 0, 0)).grade).toBe('unknown');
    expect(gradeQuality(null, at(0.05, 10, 0))).toEqual({ grade: 'good', rttMs: 50, lossPercent: null });
    expect(gradeQuality(at(0.05, 0, 0), at(0.2, 100, 0)).grade).toBe('fair');
    expect(gradeQuality(at(0.05, 0, 0), at(0.05, 95, 5))).toEqual({
      grade: 'fair',
      rttMs: 50,
      lossPercent: 5,
    });
    expect(gradeQuality(at(0.05, 0, 0), at(0.05, 90, 10)).grade).toBe('poor');
    expect(gradeQuality(null, at(0.5, 10, 0)).grade).toBe('poor');
  });
});
