/**
 * The signed-in account's role, for any screen that depends on it (the practitioner home, the
 * teleconsultation waiting room): `isPractitioner()` is true once the server has a practitioner
 * profile for this account. Refreshed on demand; null while unknown (offline, sync off). Made per
 * unlocked session (sharing.ts), so a lock forgets it.
 */
import { type Accessor, createSignal } from 'solid-js';
import type { PractitionerResponse } from '../../../shared/protocol/shares.ts';
import type { Server } from '../server/server.ts';

export type Role = 'patient' | 'practitioner';

export interface PractitionerRole {
  readonly practitioner: Accessor<PractitionerResponse | null>;
  readonly role: Accessor<Role | null>;
  isPractitioner(): boolean;
  remember(profile: PractitionerResponse | null): void;
  /** Asks the server; leaves the role unknown if it cannot be reached. */
  refresh(): Promise<Role | null>;
}

export function createPractitionerRole(server: () => Server | null): PractitionerRole {
  const [practitioner, setPractitioner] = createSignal<PractitionerResponse | null>(null);
  const [role, setRole] = createSignal<Role | null>(null);
  const remember = (profile: PractitionerResponse | null): void => {
    setPractitioner(profile);
    setRole(profile ? 'practitioner' : 'patient');
  };
  return {
    practitioner,
    role,
    isPractitioner: () => role() === 'practitioner',
    remember,
    async refresh() {
      const current = server();
      if (!current) {
        remember(null);
        return role();
      }
      try {
        remember(await current.practitioners.practitioner());
      } catch {
        // Offline or a server error: the role stays unknown until the next try.
      }
      return role();
    },
  };
}
