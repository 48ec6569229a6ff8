/**
 * This device as a record's stamp names it (saved-stamp.ts): a random id kept in localStorage
 * (`carnet.deviceId`, no health data) and a label read from the browser ("Chrome (Linux)"). Two
 * devices of the same make have the same label: the id's first characters tell them apart.
 */
import { newId } from '../core/ids.ts';
import type { SavedStamp } from './saved-stamp.ts';

const STORAGE_KEY = 'carnet.deviceId';

export interface DeviceIdentity {
  readonly id: string;
  readonly label: string;
}

const BROWSERS: readonly [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/OPR\//, 'Opera'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome (Linux)", "Safari (iOS)": product names, the same in every language; "Browser" when unknown. */
export function deviceLabel(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'Browser';
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} (${system})` : browser;
}

/** The id is made once per browser profile; storage that refuses keeps it for this page only. */
export function thisDevice(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
  userAgent: string = globalThis.navigator?.userAgent ?? '',
): DeviceIdentity {
  let id: string | null = null;
  try {
    id = storage?.getItem(STORAGE_KEY) ?? null;
    if (!id) {
      id = newId();
      storage?.setItem(STORAGE_KEY, id);
    }
  } catch {
    id ??= newId();
  }
  return { id, label: deviceLabel(userAgent) };
}

/** A stamp for a save made now on `device`. */
export function stampNow(device: DeviceIdentity, now: number = Date.now()): SavedStamp {
  return { device: device.id, label: device.label, at: new Date(now).toISOString() };
}

/** The short tag shown after the label, so two devices of one make differ: "K3F9". */
export function deviceTag(id: string): string {
  return id
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 4)
    .toUpperCase();
}

/** `thisDevice`, read on first use (the id is made with libsodium, not ready when the app starts). */
export function lazyDevice(): () => DeviceIdentity {
  let device: DeviceIdentity | undefined;
  return () => {
    device ??= thisDevice();
    return device;
  };
}
