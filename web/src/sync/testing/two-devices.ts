/**
 * Two devices of one account for sync tests: A creates a vault and turns sync on, B signs in on
 * the same account and stores the account's keyring as its vault, as the app does. Both hold the
 * same vault key; each has its own session token.
 */
import { createServer } from '../../server/server.ts';
import { inlineKdfRunner } from '../../vault/kdf-runner.ts';
import { VaultService } from '../../vault/vault-service.ts';
import { signInOnThisDevice, turnOnSync } from '../sync-credentials.ts';
import { type Device, openDevice } from './synced-database.ts';

export interface SignedInDevice {
  readonly device: Device;
  readonly token: string;
}

export async function twoDevices(
  baseUrl: string,
  name: string,
  passphrase: string,
): Promise<[SignedInDevice, SignedInDevice]> {
  const deviceA = await openDevice(`${name}-a-${Date.now()}`);
  const deviceB = await openDevice(`${name}-b-${Date.now()}`);
  const vault = new VaultService({ db: deviceA.db, kdf: inlineKdfRunner });
  deviceA.session = (await vault.create(passphrase)).session;
  const meta = await vault.meta();
  if (!meta) throw new Error('no vault');
  const anonymous = createServer({ baseUrl }).account;
  const email = `${name}@example.org`;
  const proof = { passphrase, kdf: inlineKdfRunner };
  const tokenA = (await turnOnSync({ api: anonymous, email, keyring: meta.keyring, proof })).token;
  const signedIn = await signInOnThisDevice({ api: anonymous, email, ...proof });
  await deviceB.db.vault.insert({
    id: 'vault',
    keyring: signedIn.keyring,
    autoLockMinutes: 5,
    createdAt: new Date().toISOString(),
  });
  deviceB.session = signedIn.session;
  return [
    { device: deviceA, token: tokenA },
    { device: deviceB, token: signedIn.credentials.token },
  ];
}
