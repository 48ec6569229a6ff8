/**
 * A connection-quality grade from two `getStats()` samples: round-trip time from the selected
 * candidate pair (`currentRoundTripTime`), packet loss from inbound RTP between the samples.
 * Thresholds follow common VoIP guidance (ITU-T G.114: under 150 ms one way feels interactive).
 */
export type QualityGrade = 'good' | 'fair' | 'poor' | 'unknown';

export interface StatsSample {
  /** Seconds, from the nominated, succeeded candidate pair. */
  readonly rttSeconds: number | null;
  readonly packetsReceived: number;
  readonly packetsLost: number;
}

export interface Quality {
  readonly grade: QualityGrade;
  readonly rttMs: number | null;
  /** Percent lost since the previous sample. */
  readonly lossPercent: number | null;
}

/** Reads one sample from an RTCStatsReport (a Map-like of stats objects). */
export function sampleStats(report: Iterable<[string, Record<string, unknown>]>): StatsSample {
  let rttSeconds: number | null = null;
  let packetsReceived = 0;
  let packetsLost = 0;
  for (const [, stat] of report) {
    if (stat.type === 'candidate-pair' && stat.state === 'succeeded' && stat.nominated) {
      if (typeof stat.currentRoundTripTime === 'number') rttSeconds = stat.currentRoundTripTime;
    }
    if (stat.type === 'inbound-rtp') {
      packetsReceived += typeof stat.packetsReceived === 'number' ? stat.packetsReceived : 0;
      packetsLost += typeof stat.packetsLost === 'number' ? Math.max(0, stat.packetsLost) : 0;
    }
  }
  return { rttSeconds, packetsReceived, packetsLost };
}

export function gradeQuality(previous: StatsSample | null, current: StatsSample): Quality {
  const rttMs = current.rttSeconds === null ? null : Math.round(current.rttSeconds * 1000);
  let lossPercent: number | null = null;
  if (previous) {
    const received = current.packetsReceived - previous.packetsReceived;
    const lost = current.packetsLost - previous.packetsLost;
    if (received + lost > 0) lossPercent = Math.max(0, (100 * lost) / (received + lost));
  }
  if (rttMs === null && lossPercent === null) return { grade: 'unknown', rttMs, lossPercent };
  const rtt = rttMs ?? 0;
  const loss = lossPercent ?? 0;
  const grade: QualityGrade = rtt > 400 || loss > 8 ? 'poor' : rtt > 150 || loss > 2 ? 'fair' : 'good';
  return { grade, rttMs, lossPercent: lossPercent === null ? null : Math.round(lossPercent * 10) / 10 };
}
