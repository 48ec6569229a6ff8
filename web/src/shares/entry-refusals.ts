/**
 * Practitioner entries the patient's device refused (bad signature, wrong share tag, author not the
 * one the server names), per share, as of the agent's last pass. They stay on the server, and the
 * shares screen says how many and from whom (the name the server gives), so a forged or damaged
 * entry is visible to the patient instead of silently dropped. In memory, per unlocked session.
 */
import { createSignal } from 'solid-js';

export interface Refusals {
  set(shareId: string, authors: readonly string[]): void;
  /** Server-named authors of the refused entries of this share (empty when none). */
  of(shareId: string): readonly string[];
}

export function createRefusals(): Refusals {
  const [all, setAll] = createSignal<Readonly<Record<string, readonly string[]>>>({});
  return {
    set(shareId, authors) {
      const current = all()[shareId] ?? [];
      if (current.length === authors.length && current.every((name, i) => name === authors[i])) return;
      setAll({ ...all(), [shareId]: [...authors] });
    },
    of: (shareId) => all()[shareId] ?? [],
  };
}
