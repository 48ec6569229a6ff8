/** The emergency access log: registered token hashes and the openings the server recorded. */
import { API } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class EmergencyApi {
  constructor(private readonly transport: Transport) {}

  /** Registers the hash of a profile's token, so openings of its code are recorded. */
  registerEmergencyToken = (tokenHash: string) =>
    this.transport.call(API.registerEmergencyToken, { body: { tokenHash } });
  /** Opt-out: the server forgets the hash, so later openings of that code are not recorded. */
  deleteEmergencyToken = (tokenHash: string) =>
    this.transport.call(API.deleteEmergencyToken, { body: { tokenHash } });
  emergencyOpenings = () => this.transport.call(API.emergencyOpenings, {});
}
