/**
 * A short code both parties of a call can read to each other: derived from the DTLS certificate
 * fingerprints of both ends of their peer connection, as each side's SDP states them. The order is
 * fixed by sorting, so both sides compute the same six digits. Someone in the middle (a signaling
 * server swapping the SDP) terminates DTLS with each side under its own certificate: each side then
 * sees a different pair of fingerprints, and the codes differ.
 */

/** The `a=fingerprint:` lines of an SDP, normalised (algorithm and hex in upper case). */
export function sdpFingerprints(sdp: string): string[] {
  const found = new Set<string>();
  for (const match of sdp.matchAll(/^a=fingerprint:(\S+) ([0-9A-Fa-f:]+)\s*$/gm)) {
    found.add(`${match[1]?.toLowerCase()} ${match[2]?.toUpperCase()}`);
  }
  return [...found].sort();
}

/** Six digits, shown as "123 456", from both sides' fingerprints; null when either is missing. */
export async function safetyCode(localSdp: string, remoteSdp: string): Promise<string | null> {
  const local = sdpFingerprints(localSdp);
  const remote = sdpFingerprints(remoteSdp);
  if (local.length === 0 || remote.length === 0) return null;
  const both = [local.join(','), remote.join(',')].sort().join('|');
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`carnet-call-safety-v1|${both}`)),
  );
  const value = (((digest[0] ?? 0) << 16) | ((digest[1] ?? 0) << 8) | (digest[2] ?? 0)) % 1_000_000;
  const digits = String(value).padStart(6, '0');
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

/** The code of a peer connection whose descriptions are both set. */
export function connectionSafetyCode(pc: RTCPeerConnection | undefined): Promise<string | null> {
  const local = pc?.localDescription?.sdp;
  const remote = pc?.remoteDescription?.sdp;
  return local && remote ? safetyCode(local, remote) : Promise.resolve(null);
}
