/** The account's public practitioner profile and the shares it opened. */
import { API, type RequestOf } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class PractitionersApi {
  constructor(private readonly transport: Transport) {}

  /** The account's practitioner profile, or null for an account without one. */
  practitioner = () => this.transport.call(API.getPractitioner, {});
  putPractitioner = (body: RequestOf<typeof API.putPractitioner>) =>
    this.transport.call(API.putPractitioner, { body });
  receivedShares = () => this.transport.call(API.receivedShares, {});
}
