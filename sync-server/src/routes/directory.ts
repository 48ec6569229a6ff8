/**
 * `GET /api/directory`: practitioners who opted in (`listed: true` on their profile), filtered on
 * the server by their self-declared public fields only — specialty and city (case- and
 * accent-insensitive substring), language (exact code), what they accept. Every answer says the
 * identities are self-declared: nothing here is verified (docs/architecture.md §8.6).
 * Needs a session, like every route that names accounts.
 */
import { Hono } from 'hono';
import {
  DIRECTORY_NOTICE,
  DIRECTORY_PAGE_MAX,
  type DirectoryEntry,
  type DirectoryResponse,
  directoryQuerySchema,
} from '../../../shared/protocol/directory.ts';
import { practitionerProfileSchema } from '../../../shared/protocol/shares.ts';
import { ApiError } from '../http/errors.ts';
import { describeIssues } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';
import { identityOf } from './thread-access.ts';

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const NO = { messages: false, secondOpinions: false, calls: false };

export function directoryRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  return new Hono()
    .use(requireSession(store, now))
    .get('/', async (c) => {
      const query = directoryQuerySchema.safeParse(c.req.query());
      if (!query.success) throw new ApiError(400, 'bad-request', describeIssues(query.error));
      const { specialty, city, language, accepts } = query.data;
      const entries: DirectoryEntry[] = [];
      for (const row of await store.listPractitionerProfiles()) {
        const parsed = practitionerProfileSchema.safeParse(JSON.parse(row.profileJson));
        // A profile stored by an older version that no longer parses is left out, not an error.
        if (!parsed.success || parsed.data.listed !== true) continue;
        const p = parsed.data;
        if (specialty && !fold(p.specialty ?? '').includes(fold(specialty))) continue;
        if (city && !fold(p.city ?? '').includes(fold(city))) continue;
        if (language && !(p.languages ?? []).includes(language)) continue;
        if (accepts && p.accepts?.[accepts] !== true) continue;
        const identity = await identityOf(store, row.accountId);
        if (!identity) continue;
        entries.push({
          accountId: row.accountId,
          name: p.name,
          profession: p.profession,
          specialty: p.specialty ?? null,
          city: p.city ?? null,
          languages: p.languages ?? [],
          rateCents: p.rateCents ?? null,
          accepts: p.accepts ?? NO,
          boxPublicKey: identity.boxPublicKey,
          signPublicKey: identity.signPublicKey,
        });
        if (entries.length >= DIRECTORY_PAGE_MAX) break;
      }
      return c.json<DirectoryResponse>({
        selfDeclared: true,
        notice: DIRECTORY_NOTICE,
        practitioners: entries,
      });
    })
    .all('/', methodNotAllowed('GET'));
}
