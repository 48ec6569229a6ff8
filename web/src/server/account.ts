/**
 * Accounts and sessions: register, sign in (prelogin, challenge, login), keyring, logout, deletion,
 * "sign out everywhere else", the device list and the access events. Replacing the keyring, deleting the account and signing the other
 * devices out each need a fresh proof (`fresh-proof.ts`): the session token alone is not enough.
 */

import type { FreshProof } from '../../../shared/protocol/account.ts';
import { API, type RequestOf } from '../../../shared/protocol/api.ts';
import { deviceName } from './device-name.ts';
import type { Transport } from './transport.ts';

export class AccountApi {
  constructor(private readonly transport: Transport) {}

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  prelogin = (email: string) => this.transport.call(API.prelogin, { body: { email } });
  challenge = (email: string) => this.transport.call(API.challenge, { body: { email } });
  /** Sends this device's name (device-name.ts) unless the caller gives one. */
  login = (body: RequestOf<typeof API.login>) =>
    this.transport.call(API.login, { body: { deviceName: deviceName(), ...body } });
  register = (body: RequestOf<typeof API.register>) =>
    this.transport.call(API.register, { body: { deviceName: deviceName(), ...body } });
  getAccount = () => this.transport.call(API.getAccount, {});
  /** A nonce for a fresh proof (signed-in): sign it with the account's current auth key. */
  freshChallenge = () => this.transport.call(API.accountChallenge, {});
  /** After a passphrase change, with a proof by the OLD auth key; the server signs the other devices out. */
  putKeyring = (body: RequestOf<typeof API.putKeyring>) => this.transport.call(API.putKeyring, { body });
  /** Records the holder's signed acceptance of the terms of use with the account. */
  putTerms = (body: RequestOf<typeof API.putTerms>) => this.transport.call(API.putTerms, { body });
  logout = () => this.transport.call(API.logout, {});
  deleteAccount = (proof: FreshProof) => this.transport.call(API.deleteAccount, { body: { proof } });
  /** Ends every other session of the account (their streams and call sockets too). */
  signOutOthers = (proof: FreshProof) => this.transport.call(API.signOutOthers, { body: { proof } });
  /** The account's signed-in devices (live sessions), this one marked `current`. */
  devices = () => this.transport.call(API.listDevices, {});
  renameDevice = (name: string) => this.transport.call(API.renameDevice, { body: { name } });
  /** Signs one other device out (its stream closes at once); needs a fresh proof too. */
  signOutDevice = (id: string, proof: FreshProof) =>
    this.transport.call(API.signOutDevice, { params: { id }, body: { proof } });
  /** Sign-ins, sign-outs and account changes the server recorded, newest first. */
  accessEvents = () => this.transport.call(API.accessEvents, {});
}
