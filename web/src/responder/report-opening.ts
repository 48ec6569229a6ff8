/**
 * Best-effort access log: sends the profile's random token (never health data) once per browser.
 * Offline, nothing is sent and nothing is queued: the page must work the same with no network.
 */
const SENT_PREFIX = 'carnet.emergency.reported.';

export function reportOpening(token: string): void {
  if (!navigator.onLine) return;
  try {
    if (localStorage.getItem(SENT_PREFIX + token)) return;
  } catch {
    // Storage may be off (private mode): report anyway, the server tolerates repeats.
  }
  fetch('/api/emergency/opened', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
    keepalive: true,
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  })
    .then((response) => {
      if (response.ok) localStorage.setItem(SENT_PREFIX + token, '1');
    })
    .catch(() => {});
}
