/**
 * Responder page entry (`/e`). Reads the profile from `location.hash` only: the fragment is never
 * sent to a server, and it is removed from the address bar and history once read. Works offline (precached by the service worker). With the opt-in access-log
 * token and a network, it reports the opening once; with no network nothing is sent.
 */

import { localDate } from '../../../shared/emergency/local-date.ts';
import { decodeFragment, EmergencyPayloadError } from '../../../shared/emergency/payload.ts';
import { renderProfile } from './render-profile.ts';
import { reportOpening } from './report-opening.ts';
import { RESPONDER_STRINGS, responderLanguage } from './strings.ts';
import './responder.css';

/** Announced at once by screen readers; the profile itself is read in page order. */
function errorLine(text: string): HTMLParagraphElement {
  const line = Object.assign(document.createElement('p'), { className: 'error', textContent: text });
  line.setAttribute('role', 'alert');
  return line;
}

function show(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const language = responderLanguage(navigator.languages);
  const strings = RESPONDER_STRINGS[language];
  document.documentElement.lang = language;
  document.title = strings.heading;
  root.replaceChildren();
  if (location.hash.length <= 1) {
    root.append(errorLine(strings.noData));
    return;
  }
  const fragment = location.hash;
  // Health data must not stay in the address bar, the history or a shared screenshot of the URL:
  // read once, then the entry becomes plain `/e` (a reload shows "no data"; the QR code is the source).
  history.replaceState(null, '', location.pathname + location.search);
  try {
    const profile = decodeFragment(fragment);
    // The age is counted on the responder's own calendar day, not UTC's.
    root.append(renderProfile(profile, language, localDate()));
    if (profile.token) reportOpening(profile.token);
  } catch (error) {
    const reason = error instanceof EmergencyPayloadError ? error.reason : 'corrupt';
    const text =
      reason === 'bad-version'
        ? strings.badVersion
        : reason === 'invalid'
          ? strings.invalid
          : strings.corrupt;
    root.append(errorLine(text));
  }
}

show();
addEventListener('hashchange', show);
