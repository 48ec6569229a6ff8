/**
 * Which push endpoints the server will POST to. A subscription's endpoint comes from the browser,
 * that is, from whoever holds a session: without a rule, the server would send requests to any URL
 * it is given (a request forgery relay into its own network). Only HTTPS endpoints on the hosts of
 * the browsers' push services are accepted; tests and private deployments pass their own rule.
 */

/** The push services of Chrome/Edge (FCM, WNS), Firefox (Mozilla autopush) and Safari (Apple). */
export const KNOWN_PUSH_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  'updates.push.services.mozilla.com',
  'push.services.mozilla.com',
  'notify.windows.com',
  'web.push.apple.com',
];

export type EndpointPolicy = (endpoint: URL) => boolean;

export const knownPushServices: EndpointPolicy = (endpoint) =>
  endpoint.protocol === 'https:' &&
  endpoint.port === '' &&
  endpoint.username === '' &&
  KNOWN_PUSH_HOSTS.some((host) => endpoint.hostname === host || endpoint.hostname.endsWith(`.${host}`));
