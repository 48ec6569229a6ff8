/**
 * Durable storage: the browser may evict a site's IndexedDB under storage pressure (and Safari after
 * seven days without a visit, unless the app is on the home screen) unless the site asked for
 * persistent storage and got it. Carnet asks when a vault is created or unlocked and after install.
 * Asking is harmless when already granted; refusals are silent (Firefox may prompt, others decide alone).
 */
export interface StorageState {
  /** null when the browser cannot tell. */
  readonly persisted: boolean | null;
  readonly usage: number | null;
  readonly quota: number | null;
}

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function manager(): StorageManagerLike | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

export async function requestPersistentStorage(): Promise<boolean> {
  const storage = manager();
  if (!storage?.persist) return false;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}

export async function storageState(): Promise<StorageState> {
  const storage = manager();
  const persisted = await storage?.persisted?.().catch(() => null);
  const estimate = await storage?.estimate?.().catch(() => null);
  return {
    persisted: persisted ?? null,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
  };
}

/** iPhone and iPad (iPadOS reports itself as a Mac with touch), or Safari elsewhere. */
export function isAppleSafari(userAgent: string, maxTouchPoints: number): boolean {
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  const safari = /Safari\//.test(userAgent) && !/Chrome\/|Chromium\/|Edg\/|Firefox\//.test(userAgent);
  return ios || safari;
}

/** Installed to the home screen or as an app: Safari then keeps the data. */
export function isStandalone(): boolean {
  return (
    typeof matchMedia !== 'undefined' &&
    (matchMedia('(display-mode: standalone)').matches ||
      (navigator as Navigator & { standalone?: boolean }).standalone === true)
  );
}

/** Asks again once the app is installed. */
export function persistAfterInstall(): void {
  if (typeof window !== 'undefined') {
    window.addEventListener('appinstalled', () => void requestPersistentStorage());
  }
}
