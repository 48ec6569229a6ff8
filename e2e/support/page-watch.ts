import type { Page } from '@playwright/test';

export interface CspViolation {
  directive: string;
  blockedUri: string;
}

export interface PageWatch {
  /** console.error messages and uncaught exceptions. */
  errors: string[];
  cspViolations: CspViolation[];
  /** Every URL requested in the page's context (service workers included), blocked ones too. */
  requests: string[];
}

/**
 * Records what a journey should never produce: console errors, uncaught exceptions, CSP violations
 * and requests. Call it before the first navigation; it keeps recording across reloads.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], cspViolations: [], requests: [] };

  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));
  // On the context rather than the page, so requests made by a service worker are seen as well.
  page.context().on('request', (request) => watch.requests.push(request.url()));

  await page.exposeFunction('__carnetReportCspViolation', (violation: CspViolation) => {
    watch.cspViolations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, ((v: CspViolation) => void) | undefined>)
          .__carnetReportCspViolation;
        report?.({ directive: event.effectiveDirective, blockedUri: event.blockedURI });
      },
      true,
    );
  });

  return watch;
}

/** Requests that left the loopback server: must always be empty. */
export function externalRequests(watch: PageWatch, allowedHost = '127.0.0.1'): string[] {
  return watch.requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== allowedHost;
  });
}
