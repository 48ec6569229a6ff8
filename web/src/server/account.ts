/** Accounts and sessions: register, sign in (prelogin, challenge, login), keyring, logout, deletion. */
import { API, type RequestOf } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class AccountApi {
  constructor(private readonly transport: Transport) {}

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  prelogin = (email: string) => this.transport.call(API.prelogin, { body: { email } });
  challenge = (email: string) => this.transport.call(API.challenge, { body: { email } });
  login = (body: RequestOf<typeof API.login>) => this.transport.call(API.login, { body });
  register = (body: RequestOf<typeof API.register>) => this.transport.call(API.register, { body });
  getAccount = () => this.transport.call(API.getAccount, {});
  /** After a passphrase change; the server signs the account's other devices out. */
  putKeyring = (body: RequestOf<typeof API.putKeyring>) => this.transport.call(API.putKeyring, { body });
  logout = () => this.transport.call(API.logout, {});
  deleteAccount = () => this.transport.call(API.deleteAccount, {});
}
