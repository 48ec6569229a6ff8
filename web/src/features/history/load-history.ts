/**
 * Gathers the access history's sources (history-items.ts) from where they already live: the
 * server's access events, each known share's log and the emergency openings (while sync is on),
 * the imported practitioner entries (the records) and this device's own log. A source that fails
 * does not hide the others: its error is returned beside what loaded.
 */
import { emergencyTokenHash } from '../../../../shared/protocol/emergency.ts';
import type { AppStore } from '../../store/app-store.ts';
import type { HistorySources } from './history-items.ts';

export interface LoadedHistory {
  readonly sources: HistorySources;
  /** The first failure, if any source could not be read. */
  readonly error?: unknown;
}

export async function loadHistory(app: AppStore): Promise<LoadedHistory> {
  let error: unknown;
  const attempt = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (caught) {
      error ??= caught;
      return fallback;
    }
  };
  const server = app.server();
  const records = app.records();

  const emergencyOwners = new Map<string, string>();
  for (const entry of records) {
    const token = entry.record?.kind === 'emergency-profile' ? entry.record.profile.token : undefined;
    if (token) emergencyOwners.set(emergencyTokenHash(token), entry.profileId);
  }
  const importedEntries = records.flatMap((entry) =>
    entry.record?.kind === 'practitioner-entry' && entry.record.received
      ? [
          {
            at: entry.updatedAt > 0 ? entry.updatedAt : Date.parse(entry.record.createdAt),
            profileId: entry.profileId,
            practitioner: entry.record.practitioner.name,
          },
        ]
      : [],
  );

  const [deviceEvents, accessEvents, openings, shareLogs] = await Promise.all([
    attempt(() => app.deviceLog(), []),
    server ? attempt(async () => (await server.account.accessEvents()).events, []) : [],
    server ? attempt(async () => (await server.emergency.emergencyOpenings()).openings, []) : [],
    server
      ? attempt(async () => {
          const secrets = (await app.sharing()?.secrets()) ?? [];
          return Promise.all(
            secrets.map(async (secret) => ({
              shareId: secret.id,
              profileId: secret.profileId,
              log: (await server.shares.log(secret.id)).entries,
            })),
          );
        }, [])
      : [],
  ]);

  return {
    sources: {
      deviceEvents,
      accessEvents,
      shareLogs,
      importedEntries,
      emergencyOpenings: openings.map((o) => {
        const profileId = emergencyOwners.get(o.tokenHash);
        return profileId === undefined ? { openedAt: o.openedAt } : { openedAt: o.openedAt, profileId };
      }),
    },
    ...(error === undefined ? {} : { error }),
  };
}
