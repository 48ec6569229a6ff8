/**
 * A man in the middle for sync tests: a `fetch` that passes every request to the real server and,
 * while `alter` is set, rewrites the documents of `/api/sync/pull` answers before the client sees
 * them. It plays a hostile server (or anything between the device and it) that replays, flips,
 * moves, relabels or drops envelopes: everything but forging ciphertext, which it cannot do.
 */
import type { Envelope, EnvelopeKind } from '../../../../shared/schema/envelope.ts';
import type { FetchLike } from '../../server/transport.ts';

export type Alteration = (documents: Envelope[], kind: EnvelopeKind | undefined) => Envelope[];

export interface ManInTheMiddle {
  readonly fetch: FetchLike;
  alter: Alteration | null;
  /** Pull answers altered so far. */
  altered: number;
}

export function manInTheMiddle(): ManInTheMiddle {
  const mitm: ManInTheMiddle = {
    alter: null,
    altered: 0,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const alter = mitm.alter;
      if (!alter || !input.endsWith('/api/sync/pull') || !response.ok) return response;
      const request = JSON.parse(String(init?.body ?? '{}')) as { kind?: EnvelopeKind };
      const body = (await response.json()) as { documents: Envelope[]; checkpoint: unknown };
      const altered = { ...body, documents: alter(body.documents, request.kind) };
      mitm.altered++;
      return new Response(JSON.stringify(altered), {
        status: response.status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  return mitm;
}

/** Adds `doc` in front of every page of its kind: as if the server had it at the next sequence. */
export function serving(doc: Envelope): Alteration {
  return (documents, kind) =>
    kind === doc.kind ? [doc, ...documents.filter((d) => d.id !== doc.id)] : documents;
}
