import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  registerServiceWorker,
  TAKE_OVER_MS,
  type WorkboxLike,
  type WorkboxLikeEvent,
} from './service-worker.ts';

type EventType = 'installed' | 'waiting' | 'controlling';

function fakeWorkbox() {
  const listeners = new Map<EventType, ((event: WorkboxLikeEvent) => void)[]>();
  const calls = { register: 0, update: 0, skipWaiting: 0 };
  const workbox: WorkboxLike = {
    addEventListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    register: async () => {
      calls.register++;
    },
    update: async () => {
      calls.update++;
    },
    messageSkipWaiting: () => {
      calls.skipWaiting++;
    },
  };
  const emit = (type: EventType, event: WorkboxLikeEvent = {}) => {
    for (const listener of listeners.get(type) ?? []) listener(event);
  };
  return { workbox, emit, calls };
}

function setup() {
  const fake = fakeWorkbox();
  const seen: string[] = [];
  const reload = vi.fn();
  const control = registerServiceWorker(
    { onOfflineReady: () => seen.push('offline-ready'), onUpdateWaiting: () => seen.push('update-waiting') },
    { workbox: fake.workbox, reload, isOnline: () => true },
  );
  return { ...fake, seen, reload, control };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('registerServiceWorker', () => {
  it('registers at once and reports the first install as "ready offline"', () => {
    const { calls, emit, seen, control } = setup();
    expect(calls.register).toBe(1);
    emit('installed', {});
    expect(seen).toEqual(['offline-ready']);
    control.dispose();
  });

  it('does not call an update, or another tab’s install, a first install', () => {
    const { emit, seen, control } = setup();
    emit('installed', { isUpdate: true });
    emit('installed', { isExternal: true });
    expect(seen).toEqual([]);
    control.dispose();
  });

  it('waits for the user: no reload until they accept, then skip waiting and reload once controlling', () => {
    const { emit, seen, calls, reload, control } = setup();
    emit('waiting', { isUpdate: true });
    expect(seen).toEqual(['update-waiting']);

    // Another tab accepted: this one keeps its state.
    emit('controlling', { isExternal: true });
    expect(reload).not.toHaveBeenCalled();

    control.applyUpdate();
    expect(calls.skipWaiting).toBe(1);
    expect(reload).not.toHaveBeenCalled();
    emit('controlling', {});
    expect(reload).toHaveBeenCalledTimes(1);
    control.dispose();
  });

  it('reloads anyway when the accepted version has not taken over in time, and only once', () => {
    vi.useFakeTimers();
    const { emit, calls, reload, control } = setup();
    emit('waiting', { isUpdate: true });
    control.applyUpdate();
    expect(calls.skipWaiting).toBe(1);
    vi.advanceTimersByTime(TAKE_OVER_MS - 1);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);
    // The new version takes over as the page goes: no second reload.
    emit('controlling', {});
    expect(reload).toHaveBeenCalledTimes(1);
    control.dispose();
  });

  it('does not reload a second time after taking over in time', () => {
    vi.useFakeTimers();
    const { emit, reload, control } = setup();
    control.applyUpdate();
    emit('controlling', {});
    vi.advanceTimersByTime(10 * TAKE_OVER_MS);
    expect(reload).toHaveBeenCalledTimes(1);
    control.dispose();
  });

  it('checks for a new version every hour until disposed', () => {
    vi.useFakeTimers();
    const { calls, control } = setup();
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(calls.update).toBe(1);
    control.dispose();
    vi.advanceTimersByTime(2 * 60 * 60 * 1000);
    expect(calls.update).toBe(1);
  });
});
