/**
 * What a scanned code may do. Only same-origin Carnet links (`/e#…` emergency, `/s#…` share) are
 * opened; anything else is shown as text and never navigated to (a QR code is untrusted input).
 */
export type ScanTarget = { kind: 'carnet'; path: string } | { kind: 'text'; text: string };

const CARNET_PATHS = new Set(['/e', '/s']);

export function scanTarget(text: string, origin: string): ScanTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'text', text };
  }
  if (url.origin !== origin || !CARNET_PATHS.has(url.pathname) || url.search !== '' || url.hash.length < 2) {
    return { kind: 'text', text };
  }
  return { kind: 'carnet', path: `${url.pathname}${url.hash}` };
}
