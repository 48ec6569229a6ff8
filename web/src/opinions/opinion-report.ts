/**
 * The second opinion's report (opinions.ts): a practitioner entry (shares/entry-payload.ts) signed
 * by the doctor, named for the request (`opinion-<id>`) and the patient's profile; and, on the way
 * in, whether a report item verifies: signed by the key the server publishes for the doctor, for
 * this request and this profile.
 */
import { toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { sha256 } from '../../../shared/crypto/hash.ts';
import type { Identity } from '../../../shared/crypto/identity.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import { signEntry } from '../../../shared/crypto/share-entry.ts';
import type { OpinionSummary } from '../../../shared/protocol/opinions.ts';
import type { PractitionerProfile } from '../../../shared/protocol/shares.ts';
import { buildPayload, verifiedPayload } from '../shares/entry-payload.ts';
import type { ItemView, OpenedOpinion } from './opinion-views.ts';

export interface ReportDraft {
  readonly title: string;
  readonly body: string;
}

/** The doctor's signed entry for the request `opinionId` about `profileId`. */
export function signReport(options: {
  readonly opinionId: string;
  readonly profileId: string;
  readonly profile: PractitionerProfile;
  readonly identity: Identity;
  readonly now: number;
  readonly report: ReportDraft;
}): ReturnType<typeof signEntry> {
  const { opinionId, profileId, profile, identity, report } = options;
  const entryId = randomId();
  const payload = buildPayload({
    id: entryId,
    shareId: `opinion-${opinionId}`,
    profileId,
    author: profile,
    signPk: toBase64(identity.sign.publicKey),
    // No share key here: the tag names the request; the signature and the sealing carry the trust.
    tag: toBase64(sha256(utf8(`carnet-opinion|${opinionId}|${entryId}`))).slice(0, 43),
    entry: {
      kind: 'practitioner-entry',
      schemaVersion: 1,
      entryType: 'note',
      title: report.title,
      body: report.body,
      createdAt: new Date(options.now).toISOString(),
      practitioner: {
        name: profile.name,
        profession: profile.profession,
        ...(profile.specialty ? { specialty: profile.specialty } : {}),
        ...(profile.professionalId ? { professionalId: profile.professionalId } : {}),
        idSelfDeclared: true,
      },
    },
  });
  return signEntry(payload, identity.sign.secretKey, identity.sign.publicKey);
}

/** The request's report as read by either party, or null when none was posted. */
export function readReport(
  s: OpinionSummary,
  opened: readonly ItemView[],
  request: OpenedOpinion['request'],
) {
  const item = opened.find((i) => i.content?.type === 'report');
  if (item?.content?.type !== 'report' || !s.doctorKeys) return null;
  let payload: ReturnType<typeof verifiedPayload> = null;
  try {
    payload = verifiedPayload(item.content.entry);
  } catch {
    payload = null;
  }
  const verified =
    payload !== null &&
    item.content.entry.signPk === s.doctorKeys.signPublicKey &&
    payload.shareId === `opinion-${s.id}` &&
    (request === null || payload.profileId === request.patient.profileId);
  const entry = payload?.entry;
  return {
    verified,
    title: entry?.title ?? '',
    body: entry && 'body' in entry ? String(entry.body) : '',
    author: payload?.author.name ?? '',
    pdf: item.content.pdf,
    payload,
    signed: item.content.entry,
  };
}
