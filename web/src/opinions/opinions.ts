/**
 * Second opinions as a service (issue 18), made per unlocked session like messaging: it seals and
 * signs on the way out and opens and checks on the way in (shared/crypto/opinion-seal.ts), so the
 * screens handle only plaintext views.
 *
 * The flow: `create` seals the minimal summary for each candidate and the whole request for the
 * requester's own key; once a doctor accepts, the requester's device (whichever opens the request
 * first) re-seals that request to the doctor and to itself and posts it (`open` does it). Items are
 * opened with the reader's box key and accepted only when signed by the party they come from (the
 * keys the server publishes, taken on first use as in messaging). The report is a signed
 * practitioner entry (shares/entry-payload.ts) imported read-only into the profile's record.
 */
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { openOpinionPart, sealOpinionPart } from '../../../shared/crypto/opinion-seal.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import { signKeyFingerprint } from '../../../shared/crypto/share-entry.ts';
import type { OpinionSummary } from '../../../shared/protocol/opinions.ts';
import {
  type OpinionItemContent,
  type OpinionSummaryContent,
  opinionItemContentSchema,
  opinionSummaryContentSchema,
} from '../../../shared/second-opinion/content.ts';
import type { OpinionField } from '../../../shared/second-opinion/form-definition.ts';
import type { Server } from '../server/server.ts';
import { pinnedKey } from '../shares/author-pins.ts';
import { readReport, signReport } from './opinion-report.ts';
import { OpinionProblem, type Opinions, type OpinionsDeps } from './opinion-types.ts';
import { type ItemView, type OpenedOpinion, type OpinionView, stageOf } from './opinion-views.ts';

export { bytesOf, fileOf } from './opinion-files.ts';
export type { NewRequest, OpinionProblemReason, Opinions, OpinionsDeps } from './opinion-types.ts';
export { OpinionProblem } from './opinion-types.ts';

/** Directory search words per field: self-declared specialties, English or French, accents folded. */
const SPECIALTY_WORD: Readonly<Record<OpinionField, string>> = {
  cardiology: 'cardio',
  oncology: 'onco',
  orthopaedics: 'ortho',
  neurology: 'neuro',
  dermatology: 'dermato',
  'general-medicine': 'genera',
};

export function createOpinions(deps: OpinionsDeps): Opinions {
  const { identity } = deps;
  const author = { signPublicKey: identity.sign.publicKey, signSecretKey: identity.sign.secretKey };
  const reader = { boxPublicKey: identity.box.publicKey, boxSecretKey: identity.box.secretKey };
  const server = (): Server => {
    const current = deps.server();
    if (!current) throw new OpinionProblem('sync-off');
    return current;
  };

  function openPart<T>(
    sealed: string | null,
    signPk: string,
    schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  ): T | null {
    if (!sealed) return null;
    try {
      const parsed = schema.safeParse(openOpinionPart(sealed, reader, fromBase64(signPk)).content);
      return parsed.success ? (parsed.data as T) : null;
    } catch {
      return null;
    }
  }

  function viewOf(s: OpinionSummary): OpinionView {
    const summary = openPart<OpinionSummaryContent>(
      s.sealedSummary,
      s.requesterKeys.signPublicKey,
      opinionSummaryContentSchema,
    );
    const own =
      s.role === 'requester'
        ? openPart<OpinionItemContent>(
            s.requesterCopy,
            s.requesterKeys.signPublicKey,
            opinionItemContentSchema,
          )
        : null;
    const field = summary?.field ?? (own?.type === 'request' ? own.field : null);
    return { id: s.id, role: s.role, stage: stageOf(s), summary, field, server: s };
  }

  async function summaryOf(id: string): Promise<OpinionSummary> {
    const found = (await server().opinions.list()).opinions.find((o) => o.id === id);
    if (!found) throw new OpinionProblem('not-found');
    return found;
  }

  async function post(s: OpinionSummary, content: OpinionItemContent, kind: 'note' | 'report' = 'note') {
    if (!s.doctorKeys) throw new OpinionProblem('not-found');
    await server().opinions.post(s.id, {
      kind,
      forRequester: sealOpinionPart(content, author, fromBase64(s.requesterKeys.boxPublicKey)),
      forDoctor: sealOpinionPart(content, author, fromBase64(s.doctorKeys.boxPublicKey)),
    });
  }

  async function items(s: OpinionSummary): Promise<ItemView[]> {
    const listed = (await server().opinions.items(s.id)).items;
    return listed.map((item) => {
      const from = item.authorId === s.requesterId ? 'requester' : 'doctor';
      const signPk = from === 'requester' ? s.requesterKeys.signPublicKey : s.doctorKeys?.signPublicKey;
      const content = signPk
        ? openPart<OpinionItemContent>(item.sealed, signPk, opinionItemContentSchema)
        : null;
      return { seq: item.seq, at: item.at, from, content };
    });
  }

  /** The requester's device sends the request on once a doctor accepted (once: it checks first). */
  async function forward(s: OpinionSummary, opened: readonly ItemView[]): Promise<boolean> {
    if (s.role !== 'requester' || s.state !== 'accepted') return false;
    if (opened.some((i) => i.from === 'requester' && i.content?.type === 'request')) return false;
    const request = openPart<OpinionItemContent>(
      s.requesterCopy,
      s.requesterKeys.signPublicKey,
      opinionItemContentSchema,
    );
    if (request?.type !== 'request') return false;
    await post(s, request);
    return true;
  }

  async function openFull(id: string) {
    let s = await summaryOf(id);
    let opened = await items(s);
    if (await forward(s, opened)) {
      s = await summaryOf(id);
      opened = await items(s);
    }
    const requestItem = opened.find((i) => i.content?.type === 'request')?.content;
    const ownCopy =
      s.role === 'requester'
        ? openPart<OpinionItemContent>(
            s.requesterCopy,
            s.requesterKeys.signPublicKey,
            opinionItemContentSchema,
          )
        : null;
    const request =
      requestItem?.type === 'request' ? requestItem : ownCopy?.type === 'request' ? ownCopy : null;
    const consents = [
      ...(request?.consents ?? []),
      ...opened.flatMap((i) =>
        i.content?.type === 'consent' && i.from === 'requester' ? [i.content.event] : [],
      ),
    ];
    const report = readReport(s, opened, request);
    const view = viewOf(s);
    return {
      s,
      report,
      opened: {
        ...view,
        stage: stageOf(s, opened),
        items: opened,
        consents,
        request,
        report: report && {
          verified: report.verified,
          title: report.title,
          body: report.body,
          author: report.author,
          pdf: report.pdf,
        },
        dueMet: s.reportedAt !== null && s.dueAt !== null ? s.reportedAt <= s.dueAt : null,
      } satisfies OpenedOpinion,
    };
  }

  return {
    async candidates(field) {
      const found = await server().directory.search({
        accepts: 'secondOpinions',
        specialty: SPECIALTY_WORD[field],
      });
      return found.practitioners;
    },
    async create({ doctor, candidates, summary, request }) {
      const offeredTo = doctor ? [doctor] : candidates;
      if (offeredTo.length === 0) throw new OpinionProblem('no-candidate');
      const id = randomId();
      const content: OpinionItemContent = { type: 'request', v: 1, ...request };
      await server().opinions.create({
        id,
        requesterCopy: sealOpinionPart(content, author, identity.box.publicKey),
        offers: offeredTo.map((c) => ({
          candidateId: c.accountId,
          sealedSummary: sealOpinionPart(summary, author, fromBase64(c.boxPublicKey)),
        })),
      });
      return id;
    },
    async list() {
      return (await server().opinions.list()).opinions.map(viewOf);
    },
    async accept(id, priceCents) {
      await server().opinions.accept(id, priceCents);
    },
    async open(id) {
      return (await openFull(id)).opened;
    },
    async askMore(id, text) {
      await post(await summaryOf(id), { type: 'info-request', v: 1, text });
    },
    async sendDocument(id, file, text) {
      await post(await summaryOf(id), { type: 'document', v: 1, file, ...(text ? { text } : {}) });
    },
    async sendReport(id, report) {
      const { s, opened } = await openFull(id);
      const me = await server().practitioners.practitioner();
      if (!me) throw new OpinionProblem('not-practitioner');
      if (!opened.request) throw new OpinionProblem('not-found');
      const entry = signReport({
        opinionId: s.id,
        profileId: opened.request.patient.profileId,
        profile: me.profile,
        identity,
        now: deps.now(),
        report,
      });
      await post(s, { type: 'report', v: 1, entry, ...(report.pdf ? { pdf: report.pdf } : {}) }, 'report');
    },
    async importReport(id) {
      const { s, report, opened } = await openFull(id);
      if (!report?.verified || !report.payload || !opened.request || s.role !== 'requester' || !s.doctorId)
        return false;
      const profileId = opened.request.patient.profileId;
      if (deps.records.records().some((r) => r.id === report.payload?.id)) return true;
      const keyFingerprint = signKeyFingerprint(report.signed.signPk);
      if (!keyFingerprint) return false;
      const pinned = pinnedKey(deps.records.records(), s.doctorId);
      await deps.records.importEntry(
        profileId,
        {
          ...report.payload.entry,
          signature: report.signed,
          received: {
            accountId: s.doctorId,
            keyFingerprint,
            keyChanged: pinned !== null && pinned !== keyFingerprint,
          },
        },
        report.payload.id,
      );
      return true;
    },
    async withdraw(id, kind) {
      const s = await summaryOf(id);
      const { opened } = await openFull(id);
      const role = opened.request?.role ?? 'self';
      const version = opened.consents.filter((c) => c.kind === kind).at(-1)?.version ?? 1;
      if (s.state === 'accepted' || s.state === 'done') {
        await post(s, {
          type: 'consent',
          v: 1,
          event: { kind, version, granted: false, at: deps.now(), role },
        });
      }
      await server().opinions.close(id);
    },
  };
}
