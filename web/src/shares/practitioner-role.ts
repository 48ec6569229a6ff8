/**
 * The signed-in account's role, for any screen that depends on it (the practitioner home, and the
 * teleconsultation waiting room of a later issue): `isPractitioner()` is true once the server has a
 * practitioner profile for this account. Refreshed on demand; null while unknown (offline, sync off).
 */
import { createSignal } from 'solid-js';
import type { PractitionerResponse } from '../../../../shared/protocol/shares.ts';
import type { AppStore } from '../../store/app-store.ts';

export type Role = 'patient' | 'practitioner';

const [practitioner, setPractitioner] = createSignal<PractitionerResponse | null>(null);
const [role, setRole] = createSignal<Role | null>(null);

export { practitioner, role };

export function isPractitioner(): boolean {
  return role() === 'practitioner';
}

export function rememberPractitioner(profile: PractitionerResponse | null): void {
  setPractitioner(profile);
  setRole(profile ? 'practitioner' : 'patient');
}

/** On lock or sign-out: unknown again until the next unlock asks the server. */
export function forgetRole(): void {
  setPractitioner(null);
  setRole(null);
}

/** Asks the server; leaves the role unknown if it cannot be reached. */
export async function refreshRole(app: AppStore): Promise<Role | null> {
  const server = app.server();
  if (!server) {
    rememberPractitioner(null);
    return role();
  }
  try {
    rememberPractitioner(await server.practitioners.practitioner());
  } catch {
    // Offline or a server error: the role stays unknown until the next try.
  }
  return role();
}
