/**
 * Flags for Debian's Chromium in e2e runs. Tests must stay hermetic: Chromium looks up Google hosts
 * even with background networking off, so every host name except the loopback server resolves to
 * nothing. Specs that need more (fake camera and microphone for calls) spread these and add theirs.
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
