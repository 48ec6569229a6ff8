/**
 * What this device calls itself in the account's device list (shared/protocol/devices.ts): the name
 * the person gave it on this device, else a short browser summary such as "Chromium on Linux",
 * worked out here from the user agent so the server never has to parse one. Kept in localStorage
 * (`carnet.deviceName`): a label the person chose, not health data.
 */
import { DEVICE_NAME_MAX } from '../../../shared/protocol/devices.ts';

const KEY = 'carnet.deviceName';

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

const BROWSERS: readonly [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chromium\//, 'Chromium'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Android", "Safari on iOS"; a part it cannot tell is left out; '' when neither. */
export function browserSummary(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? '';
}

function storage(): KeyValue | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The name to send at sign-in, or undefined when there is nothing to say. */
export function deviceName(store: KeyValue | null = storage()): string | undefined {
  const chosen = store?.getItem(KEY)?.trim();
  const name = chosen || browserSummary(globalThis.navigator?.userAgent ?? '');
  return name ? name.slice(0, DEVICE_NAME_MAX) : undefined;
}

/** After the person renamed this device: later sign-ins here send the same name. */
export function rememberDeviceName(name: string, store: KeyValue | null = storage()): void {
  store?.setItem(KEY, name.trim().slice(0, DEVICE_NAME_MAX));
}
