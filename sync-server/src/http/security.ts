import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Everything the app loads comes from this origin: no inline script or style, no eval.
 * `'wasm-unsafe-eval'` lets libsodium compile its WebAssembly; it does not allow JavaScript eval.
 * `blob:`/`data:` images are decrypted attachments and generated QR codes shown in the page.
 * `frame-src blob:` lets a decrypted PDF open in the browser's viewer inside the page; the app
 * only frames blobs it typed `application/pdf` itself (features/documents).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  frameSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/** Security headers on every response, errors included (CSP, nosniff, no framing, no referrer leak). */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    // Calls need the camera and microphone of this origin only; nothing else needs a device API.
    permissionsPolicy: {
      camera: ['self'],
      microphone: ['self'],
      geolocation: [],
      payment: [],
      usb: [],
    },
  });
}
