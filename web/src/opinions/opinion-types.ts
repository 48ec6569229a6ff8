/**
 * What the second-opinion service offers the screens (opinions.ts makes it): its interface, what it
 * needs, and the problems it names.
 */
import type { Identity } from '../../../shared/crypto/identity.ts';
import type { DirectoryEntry } from '../../../shared/protocol/directory.ts';
import type {
  ConsentEvent,
  OpinionFile,
  OpinionItemContent,
  OpinionSummaryContent,
} from '../../../shared/second-opinion/content.ts';
import type { OpinionField } from '../../../shared/second-opinion/form-definition.ts';
import type { Server } from '../server/server.ts';
import type { RecordsPort } from '../shares/sharing-deps.ts';
import type { OpenedOpinion, OpinionView } from './opinion-views.ts';

export type OpinionProblemReason = 'sync-off' | 'no-candidate' | 'not-found' | 'not-practitioner';

export class OpinionProblem extends Error {
  override readonly name = 'OpinionProblem';
  constructor(readonly reason: OpinionProblemReason) {
    super(reason);
  }
}

export interface OpinionsDeps {
  server(): Server | null;
  readonly identity: Identity;
  readonly records: RecordsPort;
  now(): number;
}

export type NewRequest = Omit<Extract<OpinionItemContent, { type: 'request' }>, 'type' | 'v'>;

export interface Opinions {
  candidates(field: OpinionField): Promise<DirectoryEntry[]>;
  create(options: {
    readonly field: OpinionField;
    /** The chosen doctor; null: "let Carnet choose" among `candidates`. */
    readonly doctor: DirectoryEntry | null;
    readonly candidates: readonly DirectoryEntry[];
    readonly summary: OpinionSummaryContent;
    readonly request: NewRequest;
  }): Promise<string>;
  list(): Promise<OpinionView[]>;
  accept(id: string, priceCents: number): Promise<void>;
  open(id: string): Promise<OpenedOpinion>;
  askMore(id: string, text: string): Promise<void>;
  sendDocument(id: string, file: OpinionFile, text?: string): Promise<void>;
  sendReport(id: string, report: { title: string; body: string; pdf?: OpinionFile }): Promise<void>;
  /** Imports the report into the profile's record; false when none or it does not verify. */
  importReport(id: string): Promise<boolean>;
  /** Records the withdrawal of a consent (signed) and closes the request. */
  withdraw(id: string, kind: ConsentEvent['kind']): Promise<void>;
}
