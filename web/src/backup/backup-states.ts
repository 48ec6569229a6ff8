/** The plaintext metadata a restore decision needs (shared/backup/merge-plan.ts), from an envelope. */
import type { EnvelopeState } from '../../../shared/backup/merge-plan.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { allStoredEnvelopes } from './vault-envelopes.ts';

export function envelopeState(envelope: Envelope): EnvelopeState {
  return {
    id: envelope.id,
    kind: envelope.kind,
    rev: envelope.rev,
    updatedAt: envelope.updatedAt,
    deleted: envelope._deleted,
    nonce: envelope.nonce,
  };
}

export function stateKey(state: Pick<EnvelopeState, 'kind' | 'id'>): string {
  return `${state.kind}:${state.id}`;
}

/** Every envelope of the vault, tombstones included, as states (the ciphertext is not kept). */
export async function vaultStates(db: CarnetDatabase): Promise<EnvelopeState[]> {
  const states: EnvelopeState[] = [];
  for await (const envelope of allStoredEnvelopes(db)) states.push(envelopeState(envelope));
  return states;
}
