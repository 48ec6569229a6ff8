/**
 * What the second-opinion screens show, worked out on the device from what the server lists and
 * what opens: each request with its role, state, the queue stage a doctor sees, and its opened
 * summary or request; the items of an opened request with their checked author.
 */
import type { OpinionSummary } from '../../../shared/protocol/opinions.ts';
import type {
  ConsentEvent,
  OpinionItemContent,
  OpinionSummaryContent,
} from '../../../shared/second-opinion/content.ts';

/** The doctor's queue and the patient's list use the same stages. */
export type OpinionStage = 'new' | 'accepted' | 'waiting-patient' | 'report-due' | 'done' | 'closed' | 'gone';

export interface OpinionView {
  readonly id: string;
  readonly role: OpinionSummary['role'];
  readonly stage: OpinionStage;
  readonly summary: OpinionSummaryContent | null;
  /** The field, from the summary (doctors) or the requester's own copy (requester). */
  readonly field: OpinionSummaryContent['field'] | null;
  readonly server: OpinionSummary;
}

export interface ItemView {
  readonly seq: number;
  readonly at: number;
  readonly from: 'requester' | 'doctor';
  /** Null when it did not open or its signature is not its author's: shown as refused, never read. */
  readonly content: OpinionItemContent | null;
}

export interface OpenedOpinion extends OpinionView {
  readonly items: readonly ItemView[];
  /** Every consent event, oldest first: from the request, then each later event. */
  readonly consents: readonly ConsentEvent[];
  readonly request: Extract<OpinionItemContent, { type: 'request' }> | null;
  readonly report: {
    readonly verified: boolean;
    readonly title: string;
    readonly body: string;
    readonly author: string;
    readonly pdf: Extract<OpinionItemContent, { type: 'report' }>['pdf'];
  } | null;
  /** The report came before the due date. */
  readonly dueMet: boolean | null;
}

/** The stage from the server's state and, once opened, the items (who spoke last). */
export function stageOf(server: OpinionSummary, items?: readonly ItemView[]): OpinionStage {
  if (server.state === 'gone') return 'gone';
  if (server.state === 'closed') return 'closed';
  if (server.state === 'done') return 'done';
  if (server.state === 'offered') return 'new';
  if (!items) return server.items === 0 ? 'accepted' : 'report-due';
  const last = [...items]
    .reverse()
    .find((i) => i.content?.type === 'info-request' || i.content?.type === 'document');
  if (last?.content?.type === 'info-request') return 'waiting-patient';
  return items.some((i) => i.content?.type === 'request') ? 'report-due' : 'accepted';
}
