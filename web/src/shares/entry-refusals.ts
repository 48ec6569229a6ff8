/**
 * Practitioner entries the patient's device refused (bad signature, wrong share tag, author not the
 * one the server names), per share, as of the agent's last pass. They stay on the server, and the
 * shares screen says how many and from whom (the name the server gives), so a forged or damaged
 * entry is visible to the patient instead of silently dropped. In memory: recomputed each pass.
 */
import { createSignal } from 'solid-js';

const [refusals, setAll] = createSignal<Readonly<Record<string, readonly string[]>>>({});

export function setRefusals(shareId: string, authors: readonly string[]): void {
  const current = refusals()[shareId] ?? [];
  if (current.length === authors.length && current.every((name, i) => name === authors[i])) return;
  setAll({ ...refusals(), [shareId]: [...authors] });
}

/** Server-named authors of the refused entries of this share (empty when none). */
export function refusalsOf(shareId: string): readonly string[] {
  return refusals()[shareId] ?? [];
}
