import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey } from '../../../shared/crypto/symmetric-key.ts';
import type { SetTimer } from '../core/clock.ts';
import { createNotifications } from '../notifications/notifications.ts';
import type { OpinionView } from './opinion-views.ts';
import { watchReports } from './report-watch.ts';

const REPORTED = 'ReportedAAAAAAAAAAAAAA';
const WAITING = 'WaitingBBBBBBBBBBBBBBB';
const DOCTORS = 'DoctorsCCCCCCCCCCCCCCC';

/** The fields the watch reads; the rest of a view is the service's business. */
const view = (id: string, role: OpinionView['role'], reportedAt: number | null) =>
  ({ id, role, server: { reportedAt } }) as unknown as OpinionView;

function memoryStorage() {
  let value: string | null = null;
  return {
    read: async () => value,
    write: async (sealed: string) => {
      value = sealed;
    },
  };
}

/** A timer driven by hand: `fire()` runs what is pending. */
function manualTimer() {
  let pending: (() => void) | null = null;
  let cancelled = 0;
  const setTimer: SetTimer = (fn) => {
    pending = fn;
    return () => {
      cancelled++;
      pending = null;
    };
  };
  return {
    setTimer,
    fire: () => {
      const fn = pending;
      pending = null;
      fn?.();
    },
    get pending() {
      return pending !== null;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function notificationsOn(storage: ReturnType<typeof memoryStorage>, key = generateKey()) {
  return {
    key,
    service: createNotifications({
      vaultKey: key,
      storage,
      onMessage: () => () => undefined,
      hasUnread: async () => false,
      currentRoute: () => '/record',
      now: () => Date.now(),
    }),
  };
}

describe('second-opinion report notices', () => {
  beforeAll(async () => {
    await initCrypto();
  });

  it('gives one notice per request whose report is in, once, even after it is read and after a restart', async () => {
    const storage = memoryStorage();
    const { service, key } = notificationsOn(storage);
    const timer = manualTimer();
    const views = [
      view(REPORTED, 'requester', 5_000),
      view(WAITING, 'requester', null),
      view(DOCTORS, 'doctor', 6_000),
    ];
    const stop = watchReports({
      list: async () => views,
      notifyOnce: (n) => service.addOnce(n),
      setTimer: timer.setTimer,
      every: 120_000,
    });
    await settle();
    expect(service.notices().map((n) => [n.kind, n.titleKey, n.route, n.read])).toEqual([
      ['second-opinion', 'second-opinion', `/second-opinion/${REPORTED}`, false],
    ]);
    expect(timer.pending).toBe(true);

    // The next look finds the same report: no second notice; read, it stays read.
    await service.markAllRead();
    timer.fire();
    await settle();
    expect(service.notices().map((n) => [n.ref, n.read])).toEqual([[REPORTED, true]]);

    // The waiting request's report arrives: one more notice, for it only.
    views[1] = view(WAITING, 'requester', 7_000);
    timer.fire();
    await settle();
    expect(service.notices().map((n) => [n.ref, n.read])).toEqual([
      [WAITING, false],
      [REPORTED, true],
    ]);
    stop();
    expect(timer.cancelled).toBe(1);
    service.dispose();

    // Unlocked again later (the sealed list read back): nothing is given twice.
    const again = notificationsOn(storage, key).service;
    const timer2 = manualTimer();
    const stop2 = watchReports({
      list: async () => views,
      notifyOnce: (n) => again.addOnce(n),
      setTimer: timer2.setTimer,
      every: 120_000,
    });
    await settle();
    expect(again.notices().map((n) => n.ref)).toEqual([WAITING, REPORTED]);
    stop2();
    again.dispose();
  });

  it('keeps looking after a failed look, and stops for good when stopped', async () => {
    const { service } = notificationsOn(memoryStorage());
    const timer = manualTimer();
    let online = false;
    let looks = 0;
    const stop = watchReports({
      list: async () => {
        looks++;
        if (!online) throw new Error('offline');
        return [view(REPORTED, 'requester', 1)];
      },
      notifyOnce: (n) => service.addOnce(n),
      setTimer: timer.setTimer,
      every: 120_000,
    });
    await settle();
    expect(service.notices()).toEqual([]);
    expect(timer.pending).toBe(true);
    online = true;
    timer.fire();
    await settle();
    expect(service.notices().map((n) => n.ref)).toEqual([REPORTED]);
    stop();
    timer.fire();
    await settle();
    expect(looks).toBe(2);
    service.dispose();
  });
});
