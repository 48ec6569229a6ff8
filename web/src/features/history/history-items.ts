/**
 * One access history from the logs that already exist (docs/architecture.md §7.5), merged on the
 * device rather than copied into a new store: the server's access events (sign-ins, devices,
 * account changes), each share's log (openings, writes, refusals), the emergency openings, the
 * practitioner entries imported (read from the records themselves) and this device's own log
 * (backups, exports, passphrase changes and recoveries made here).
 *
 * Pure: values in, values out. Profiles are attached here from what only the device knows (which
 * profile a share or an emergency token belongs to); the server never learns them.
 */
import type { AccessEvent } from '../../../../shared/protocol/devices.ts';
import type { ShareLog } from '../../../../shared/protocol/shares.ts';
import type { DeviceEvent } from '../../vault/device-log.ts';

export const HISTORY_KINDS = [
  'sign-in',
  'device',
  'account',
  'share',
  'emergency',
  'entry',
  'backup',
  'export',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export type HistoryEvent =
  | AccessEvent['kind']
  | `share-${ShareLog['entries'][number]['action']}`
  | 'emergency-opened'
  | 'entry-imported'
  | DeviceEvent['kind'];

export interface HistoryItem {
  readonly at: number;
  readonly kind: HistoryKind;
  readonly event: HistoryEvent;
  /** The profile it concerns; undefined for the account as a whole. */
  readonly profileId?: string;
  /** The device that did it (server events), or the practitioner (shares, entries). */
  readonly who?: string;
  /** The device signed out (`device-signed-out`). */
  readonly target?: string;
  /** Stable within one merge, for keyed lists. */
  readonly key: string;
}

export interface HistorySources {
  readonly accessEvents?: readonly AccessEvent[];
  /** Each share this device knows, with its profile and its log. */
  readonly shareLogs?: readonly { shareId: string; profileId: string; log: ShareLog['entries'] }[];
  /** Emergency openings with the profile their token belongs to, when this device knows it. */
  readonly emergencyOpenings?: readonly { openedAt: number; profileId?: string }[];
  /** Imported practitioner entries: when (the record's time), which profile, from whom. */
  readonly importedEntries?: readonly { at: number; profileId: string; practitioner: string }[];
  readonly deviceEvents?: readonly DeviceEvent[];
}

const ACCOUNT_KIND: Record<AccessEvent['kind'], HistoryKind> = {
  'account-created': 'sign-in',
  'sign-in': 'sign-in',
  'sign-out': 'sign-in',
  'device-signed-out': 'device',
  'signed-out-others': 'device',
  'passphrase-changed': 'account',
};

const DEVICE_KIND: Record<DeviceEvent['kind'], HistoryKind> = {
  'backup-made': 'backup',
  'export-made': 'export',
  'passphrase-changed': 'account',
  recovered: 'account',
  'recovery-key-renewed': 'account',
};

/** Every source in one list, newest first (ties keep a stable order). */
export function mergeHistory(sources: HistorySources): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (const [i, e] of (sources.accessEvents ?? []).entries()) {
    items.push({
      at: e.at,
      kind: ACCOUNT_KIND[e.kind],
      event: e.kind,
      who: e.deviceName,
      ...(e.targetDeviceName === undefined ? {} : { target: e.targetDeviceName }),
      key: `a${i}`,
    });
  }
  for (const share of sources.shareLogs ?? []) {
    for (const [i, entry] of share.log.entries()) {
      items.push({
        at: entry.at,
        kind: 'share',
        event: `share-${entry.action}`,
        profileId: share.profileId,
        ...(entry.actor === null ? {} : { who: entry.actor }),
        key: `s${share.shareId}-${i}`,
      });
    }
  }
  for (const [i, o] of (sources.emergencyOpenings ?? []).entries()) {
    items.push({
      at: o.openedAt,
      kind: 'emergency',
      event: 'emergency-opened',
      ...(o.profileId === undefined ? {} : { profileId: o.profileId }),
      key: `e${i}`,
    });
  }
  for (const [i, entry] of (sources.importedEntries ?? []).entries()) {
    items.push({
      at: entry.at,
      kind: 'entry',
      event: 'entry-imported',
      profileId: entry.profileId,
      who: entry.practitioner,
      key: `p${i}`,
    });
  }
  for (const [i, e] of (sources.deviceEvents ?? []).entries()) {
    items.push({
      at: e.at,
      kind: DEVICE_KIND[e.kind],
      event: e.kind,
      ...(e.profileId === undefined ? {} : { profileId: e.profileId }),
      key: `d${i}`,
    });
  }
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.at - a.item.at || a.index - b.index)
    .map(({ item }) => item);
}

/** `profile`: 'all', 'account' (what concerns no single profile) or a profile id. */
export interface HistoryFilter {
  readonly kind: HistoryKind | 'all';
  readonly profile: string;
}

export function filterHistory(items: readonly HistoryItem[], filter: HistoryFilter): HistoryItem[] {
  return items.filter(
    (item) =>
      (filter.kind === 'all' || item.kind === filter.kind) &&
      (filter.profile === 'all' ||
        (filter.profile === 'account' ? item.profileId === undefined : item.profileId === filter.profile)),
  );
}

export const HISTORY_PAGE_SIZE = 50;

/** Page `page` (from 0) and how many pages there are (at least one). */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size = HISTORY_PAGE_SIZE,
): { items: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(at * size, (at + 1) * size), pages };
}
