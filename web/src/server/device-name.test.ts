import { describe, expect, it } from 'vitest';
import { browserSummary, deviceName, rememberDeviceName } from './device-name.ts';

const UA = {
  chromiumLinux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/131.0.0.0 Chrome/131.0.0.0 Safari/537.36',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0',
};

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('a device’s default name', () => {
  it('sums up browser and system from the user agent', () => {
    expect(browserSummary(UA.chromiumLinux)).toBe('Chromium on Linux');
    expect(browserSummary(UA.headless)).toBe('Chrome on Linux');
    expect(browserSummary(UA.iphone)).toBe('Safari on iOS');
    expect(browserSummary(UA.firefoxAndroid)).toBe('Firefox on Android');
    expect(browserSummary(UA.edgeWindows)).toBe('Edge on Windows');
    expect(browserSummary('curl/8.0')).toBe('');
  });

  it('prefers the name the person gave this device', () => {
    const store = memory();
    rememberDeviceName('  Kitchen laptop ', store);
    expect(deviceName(store)).toBe('Kitchen laptop');
  });
});
